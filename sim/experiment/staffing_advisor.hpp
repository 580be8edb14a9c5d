#pragma once
// The scale-up advisor as a decision aid: staffing levels (and instrument budgets) tried with
// common random numbers, each judged criterion by criterion, and the best level by an objective
// the user chooses among those that meet every criterion with the required probability.
//
// Contracts:
// - A criterion is judged per replication (criteria_met); an option's pass rate of a criterion
//   is the share of its replications that meet it, its joint probability the share that meet
//   all of them. An option is feasible when the joint probability reaches the required one.
// - The best feasible option is the one with the best mean objective (ties: fewer advisors,
//   then the smaller instrument budget). A mean that wins by chance is no reason to pay for an
//   option: every feasible option's objective is compared with the best's, paired replication
//   by replication (common random numbers), and an option whose 95% interval of the mean
//   difference contains 0 is "as good as the best". The recommendation is the cheapest of those
//   (lowest mean cost; ties: fewer advisors, then the smaller budget). With the objective cost
//   it is the best itself or an option whose cost cannot be told from it, and cheaper.
// - The binding criterion is the one that excludes an option that would do better: among the
//   infeasible options whose objective beats the best feasible one's by more than chance (the
//   paired 95% interval excludes 0), the best one, and of its criteria the one with the lowest
//   pass rate. None binds when no tried option does better. With no feasible option, the
//   binding criterion is the weakest one of the option with the highest joint probability.
// - A budget criterion is only applied when asked for: more advisors serve more clients, who
//   spend the instrument budget sooner, so judging staffing by the budget would favour fewer
//   advisors; the budget grid (instrument_budgets) lets an option pay for its own clients.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/language.hpp"
#include "kernel/statistics.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::experiment {

enum class Objective : std::uint8_t { cost, net_savings, placements };
/// The command-line names of the objectives, in the order of Objective.
inline const std::vector<std::string> kObjectiveNames = {"cost", "net-savings", "placements"};
/// Throws std::invalid_argument naming the expected values.
[[nodiscard]] Objective parse_objective(const std::string& text);

struct AdviceCriteria {
  /// Every service month's p90 wait to intake at most this (the key figure
  /// wait_p90_worst_month): a peak month counts, not only the whole period.
  double max_wait_p90_working_days = 10.0;
  /// The instrument budget does not run out before the service ends
  /// (instrument_budget_exhausted == 0); off unless asked for.
  bool budget_lasts_service = false;
  /// At least this many placements; 0: no minimum.
  double min_placements = 0.0;
  /// The share of replications that must meet all criteria.
  double required_probability = 0.8;
};

/// The criteria applied, in order: their keys ("wait_per_month", "budget_lasts",
/// "min_placements") and labels in `language`.
[[nodiscard]] std::vector<std::string> criterion_keys(const AdviceCriteria& c);
[[nodiscard]] std::string criterion_label(const std::string& key, const AdviceCriteria& c,
                                          Language language);
/// Per criterion of criterion_keys(c), whether replication r meets it.
[[nodiscard]] std::vector<bool> criteria_met(const model::ReplicationResult& r,
                                             const AdviceCriteria& c);

struct OptionLevel {
  int advisors = 0;
  double instrument_budget_eur = 0.0;
};

struct StaffingOption {
  OptionLevel level;
  std::vector<double> pass_rate;  // per criterion (criterion_keys order)
  double probability = 0.0;       // all criteria together
  bool feasible = false;
  double mean_cost_eur = 0.0;
  double mean_placements = 0.0;
  double mean_net_savings_eur = 0.0;
  double mean_worst_month_wait = 0.0;
  double objective_value = 0.0;  // the objective's figure (mean), larger or smaller is better
  /// The objective's paired difference, this option minus the best feasible one (mean and 95%
  /// interval of the mean); only for feasible options, 0 for the best itself.
  kernel::ReplicationSummary versus_best;
  /// Feasible and its objective cannot be told from the best feasible option's.
  bool as_good_as_best = false;
};

struct StaffingAdvice {
  Objective objective = Objective::cost;
  std::vector<std::string> criteria;  // criterion_keys
  std::vector<StaffingOption> options;
  std::optional<std::size_t> recommended;  // index into options
  std::optional<std::size_t> best;         // the feasible option with the best mean objective
  std::optional<std::size_t> binding;      // index into criteria; empty: none binds
  std::optional<std::size_t> excluded;     // the better option the binding criterion excludes
};

/// The advice from finished runs: results[i] are the replications of levels[i].
[[nodiscard]] StaffingAdvice evaluate_advice(const std::vector<OptionLevel>& levels,
                                             const std::vector<ScenarioResults>& results,
                                             const AdviceCriteria& criteria, Objective objective);

/// The grid of levels: 1..max_advisors advisors times each instrument budget (the scenario's
/// own when `instrument_budgets` is empty), advisors varying fastest within a budget.
[[nodiscard]] std::vector<OptionLevel> advice_levels(const scenario::LoadedScenario& base,
                                                     int max_advisors,
                                                     const std::vector<double>& instrument_budgets);
/// The runs of the levels: the centre budget raised to pay the advisors (set_staffing), the
/// instrument budget set.
[[nodiscard]] std::vector<ScenarioRun> advice_runs(const scenario::LoadedScenario& base,
                                                   const std::vector<OptionLevel>& levels);

/// Runs every level with common random numbers and evaluates them.
[[nodiscard]] StaffingAdvice advise_staffing(const scenario::LoadedScenario& base,
                                             const AdviceCriteria& criteria, Objective objective,
                                             int max_advisors,
                                             const std::vector<double>& instrument_budgets,
                                             const ExperimentSettings& settings);

}  // namespace werkstroom::experiment
