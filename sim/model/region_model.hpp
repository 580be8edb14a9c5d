#pragma once
// One replication of a scenario: the region's people in two worlds (with and without the
// mobility centre) over the horizon. This is the model's single entry point for the command
// line, the viewer, the experiments and the calibrator.
//
// A replication has two parts. The *population* — every person, their attributes, their
// baseline path (the no-service world) and who the first responsible party refers — depends
// only on the population parameters (horizon, sectors, hazards, cohorts, distance, benefits,
// shocks, service on/off) and on (seed, replication). The *centre* depends on everything else.
// Scenarios of a comparison that differ only in the centre's settings (staff, budgets,
// instruments, outreach, ...) can therefore share one population per replication: the result
// is bit-identical to building it again, and much cheaper.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "model/parameters.hpp"
#include "model/population.hpp"
#include "model/replication_result.hpp"
#include "model/replication_settings.hpp"

namespace werkstroom::model {

/// The people of one replication (opaque; see build_population).
struct Population;
/// One part of it (model/population_parts.hpp).
struct PopulationPart;

/// Gives part `id` of the population of (*p, settings): built with build_population_part, or
/// one built so before for parameters with same_part (a cache).
using PartSource = std::function<std::shared_ptr<const PopulationPart>(
    const std::shared_ptr<const ModelParameters>& p, const ReplicationSettings& settings,
    PartId id)>;

/// Builds the population of a replication from its parts (model/population.hpp), each from
/// `parts` when given, else built here. The result is the same either way, bit for bit.
/// Throws like run_replication for bad parameters.
[[nodiscard]] std::shared_ptr<const Population> build_population(
    const ModelParameters& p, const ReplicationSettings& settings, const PartSource& parts = {});

/// True when `a` and `b` have the same population parameters, so one population serves both.
[[nodiscard]] bool same_population(const ModelParameters& a, const ModelParameters& b);

/// Runs one replication, on `population` when given (it must have been built for the same
/// population parameters and settings; std::invalid_argument otherwise), else on a population
/// of its own. Throws std::invalid_argument / std::runtime_error with a message naming the
/// parameter for inconsistent parameters.
[[nodiscard]] ReplicationResult run_replication(const ModelParameters& p,
                                                const ReplicationSettings& settings,
                                                const Population* population = nullptr);

/// The day number after the service's last day (people arriving from then on are never touched).
[[nodiscard]] double service_end_day(const ModelParameters& p);

/// The day numbers of the first days of the simulated months (month 0 starts at day 0) and,
/// as last entry, the horizon's end.
[[nodiscard]] std::vector<double> month_boundaries(const ModelParameters& p);

}  // namespace werkstroom::model
