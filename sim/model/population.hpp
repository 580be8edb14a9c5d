#pragma once
// Who enters the region's flows, when, and with which attributes.
//
// Person ids are built from (cohort, origin, month or shock index, index within it), never
// from a running counter, so the same person exists with the same draws in every scenario of
// a comparison even when the scenarios differ in inflow elsewhere (common random numbers).

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "kernel/calendar.hpp"
#include "kernel/random.hpp"
#include "model/parameters.hpp"
#include "model/person.hpp"

namespace werkstroom::model {

enum class Origin : std::uint8_t { inflow = 0, initial_stock = 1, bankruptcy = 2, now_end = 3 };

[[nodiscard]] std::uint64_t make_person_id(Cohort cohort, Origin origin, std::uint32_t group,
                                           std::uint32_t index);

/// A population is generated in parts that draw from disjoint streams: one per cohort (its
/// initial stock and inflow), one per bankruptcy, one for the end of the NOW. A part depends
/// only on the parameters same_part names, so a change to one cohort's inflow or a bankruptcy
/// more leaves the other parts as they were, and they can be reused.
enum class PartKind : std::uint8_t { cohort, bankruptcy, now_end };
struct PartId {
  PartKind kind = PartKind::cohort;
  std::uint32_t index = 0;  // the cohort or the bankruptcy
  bool operator==(const PartId&) const = default;
};

/// The parts of a population of `p`, in the order their people are numbered.
[[nodiscard]] std::vector<PartId> population_parts(const ModelParameters& p);

/// True when part `id` generated with `a` is the one generated with `b` (same people, same
/// draws, same baseline paths and referrals).
[[nodiscard]] bool same_part(const ModelParameters& a, const ModelParameters& b, PartId id);
/// What every part depends on (the horizon, sectors, hazards, economy, distance model, benefit
/// rules, first responsible parties, the NOW end, whether there is a service): the one list
/// same_part and model::same_population build on.
[[nodiscard]] bool same_shared_parameters(const ModelParameters& a, const ModelParameters& b);

class PopulationGenerator {
 public:
  PopulationGenerator(const ModelParameters& p, const kernel::Calendar& calendar,
                      std::vector<double> month_starts, kernel::StreamKey base_key);

  /// Calls `visit` for every person of part `id` in an order that does not depend on the
  /// scenario's other settings: a cohort's initial stock, then its inflow month by month
  /// (arrival days within a month are uniform); a shock's people by number.
  void generate_part(PartId id, const std::function<void(Person&&)>& visit) const;

  /// The expected number of people of part `id` who arrive before `day` (the initial stock
  /// counts as arrived): for reserving memory, not a draw.
  [[nodiscard]] double expected_arrivals_before(PartId id, double day) const;

  /// Draws a person's attributes from their own stream (exposed for tests).
  [[nodiscard]] Attributes draw_attributes(std::uint64_t id, Cohort cohort,
                                           int forced_sector) const;

 private:
  /// The cohort's inflow per mean month in horizon month `month`, moved by the economy for the
  /// cohorts whose people arrive by losing a job (start in WW or PW).
  [[nodiscard]] double inflow_rate(const CohortParameters& c, std::size_t month) const;
  void generate_cohort(std::size_t ci, const std::function<void(Person&&)>& visit) const;
  void generate_bankruptcy(std::size_t k, const std::function<void(Person&&)>& visit) const;
  void generate_now_end(const std::function<void(Person&&)>& visit) const;
  [[nodiscard]] Person make_person(Cohort cohort, Origin origin, std::uint32_t group,
                                   std::uint32_t index, double arrival_day,
                                   int forced_sector) const;

  const ModelParameters& p_;
  const kernel::Calendar& calendar_;
  std::vector<double> month_starts_;
  kernel::StreamKey base_key_;
  double horizon_end_day_;
  // Prepared once per population, since they are the same for every person.
  kernel::StreamFamily attribute_streams_;                            // "person/attributes"
  kernel::StreamFamily elapsed_streams_;                              // "person/elapsed"
  std::array<kernel::DiscreteWeights, kCohortCount> sector_weights_;  // else employment shares
  std::array<kernel::LognormalShape, kCohortCount> wage_shapes_{};
};

/// Start state of a cohort as a person State.
[[nodiscard]] State to_state(StartState s);

}  // namespace werkstroom::model
