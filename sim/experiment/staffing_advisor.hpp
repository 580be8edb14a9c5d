#pragma once
// The scale-up advisor: the smallest staffing that meets the user's target, with the
// probability (share of replications) of meeting it.

#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::experiment {

struct StaffingTarget {
  double max_p90_wait_working_days = 10.0;  // p90 wait to intake at most this
  int budget_lasts_months = 12;       // instrument budget not exhausted before this many months
  double required_probability = 0.8;  // share of replications meeting both
};

struct StaffingOption {
  int advisors = 0;
  double probability = 0.0;  // share of replications meeting the target
  double mean_p90_wait = 0.0;
  double mean_cost_eur = 0.0;
  double mean_placements = 0.0;
};

struct StaffingAdvice {
  std::vector<StaffingOption> options;  // one per staffing level tried
  int recommended_advisors = 0;         // 0: no level tried meets the target
};

/// Tries 1..max_advisors advisors (budget raised to pay them, see set_staffing) with common
/// random numbers, and recommends the smallest level whose probability reaches the target's.
[[nodiscard]] StaffingAdvice advise_staffing(const scenario::LoadedScenario& base,
                                             const StaffingTarget& target, int max_advisors,
                                             const ExperimentSettings& settings);

/// Whether one replication meets the target.
[[nodiscard]] bool meets_target(const model::ReplicationResult& r, const StaffingTarget& target);

}  // namespace werkstroom::experiment
