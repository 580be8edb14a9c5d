#pragma once
// One part of a replication's population (model/population.hpp: a cohort, a bankruptcy, the
// end of the NOW), built on its own: its people the centre may touch with their baseline
// paths, the accounts of everybody's baseline paths, first-party referrals and outreach pools.
// Parts are immutable once built; a population joins them in the order population_parts
// gives (model/region_model.cpp), so a population whose parts come from a cache is the same,
// bit for bit, as one built from scratch.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "model/kept_people.hpp"
#include "model/parameters.hpp"
#include "model/person_pools.hpp"
#include "model/population.hpp"
#include "model/replication_settings.hpp"
#include "model/world_totals.hpp"

namespace werkstroom::model {

/// Non-copyable: `baseline` refers to `*parameters`.
struct PopulationPart {
  PopulationPart(std::shared_ptr<const ModelParameters> p, const ReplicationSettings& s,
                 PartId part, std::vector<double> month_starts);
  PopulationPart(const PopulationPart&) = delete;
  PopulationPart& operator=(const PopulationPart&) = delete;

  std::shared_ptr<const ModelParameters> parameters;  // those it was built with (same_part)
  ReplicationSettings settings;
  PartId id;
  std::vector<double> months;
  /// People the centre can touch (arrived before it closed), with their baseline paths.
  std::shared_ptr<const std::vector<KeptPerson>> kept;
  /// Referrals by the first responsible party at arrival (index into kept).
  std::vector<std::pair<std::size_t, TouchReason>> referrals;
  /// The accounts of everybody's baseline paths: the part's share of the no-service world.
  WorldTotals baseline;
  /// Outreach and vacancy pools over `kept`.
  PersonPools pools;
  std::vector<double> arrivals_delta;  // per month end: people arrived by then, as differences
  std::uint64_t people = 0;
  std::uint64_t dropped_as_repeats = 0;  // arrivals the cohort's own returns stand in for
};

/// Builds part `id` of the population of (p, settings).
[[nodiscard]] std::shared_ptr<const PopulationPart> build_population_part(
    std::shared_ptr<const ModelParameters> p, const ReplicationSettings& settings, PartId id);

/// Approximate heap and object bytes held by `part` (for caches with a memory budget).
[[nodiscard]] std::size_t population_part_bytes(const PopulationPart& part);

}  // namespace werkstroom::model
