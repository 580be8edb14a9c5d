#pragma once
// What each option buys against the baseline (the first scenario of a comparison), from paired
// replications (common random numbers): per option the extra cost, placements, people in work
// when the service ends and after the follow-up, prevented inflow and net savings, each as the
// mean difference with its 95% confidence interval (paired Student t) and the share of
// replications in which the option does better; the cost per extra placement and per extra
// person in work as a ratio of mean differences with Fieller's 95% interval (unbounded when
// the extra placements may be none); and the probability that the option saves money against
// the baseline (net savings higher in that share of replications).

#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/language.hpp"
#include "kernel/statistics.hpp"

namespace werkstroom::experiment {

/// One row of the marginal table: a difference of a key figure (option minus baseline).
struct MarginalDifference {
  std::string kpi;
  kernel::ReplicationSummary summary;  // mean and 95% interval of the mean difference
  double share_better = 0.0;           // share of replications where the option does better
};

struct MarginalOption {
  std::string name;
  std::string baseline;
  std::vector<MarginalDifference> differences;  // in kMarginalFigures order
  kernel::RatioInterval cost_per_extra_placement;
  kernel::RatioInterval cost_per_extra_in_work;  // in work after the follow-up
  double probability_saves_money = 0.0;          // share with net savings above the baseline's
};

/// The key figures the table differences, in order.
[[nodiscard]] const std::vector<std::string>& marginal_figures();

/// One entry per scenario after the first.
[[nodiscard]] std::vector<MarginalOption> marginal_options(
    const std::vector<ScenarioResults>& results);

[[nodiscard]] std::string marginal_table(const std::vector<MarginalOption>& options,
                                         Language language);
/// As CSV: option,baseline,figure,mean,lower95,upper95,share_better,replications.
[[nodiscard]] std::string marginal_csv(const std::vector<MarginalOption>& options);

}  // namespace werkstroom::experiment
