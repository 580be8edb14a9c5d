#include "experiment/staffing_advisor.hpp"

#include "experiment/sweep.hpp"

namespace werkstroom::experiment {

bool meets_target(const model::ReplicationResult& r, const StaffingTarget& target) {
  // budget_exhausted_month is the month index at whose end the money ran out (the horizon's
  // month count if never): "not before month M" means index >= M.
  return r.kpis.at("wait_p90_working_days") <= target.max_p90_wait_working_days &&
         r.kpis.at("budget_exhausted_month") >= target.budget_lasts_months;
}

StaffingAdvice advise_staffing(const scenario::LoadedScenario& base, const StaffingTarget& target,
                               int max_advisors, const ExperimentSettings& settings) {
  std::vector<ScenarioRun> runs;
  for (int n = 1; n <= max_advisors; ++n) {
    scenario::LoadedScenario variant = base;
    set_staffing(variant, n);
    runs.push_back({"advisors=" + std::to_string(n), std::move(variant.parameters)});
  }
  const std::vector<ScenarioResults> results = run_experiment(runs, settings);
  StaffingAdvice advice;
  for (std::size_t i = 0; i < results.size(); ++i) {
    StaffingOption option;
    option.advisors = static_cast<int>(i) + 1;
    const auto& reps = results[i].replications;
    double met = 0.0;
    for (const model::ReplicationResult& r : reps) {
      met += meets_target(r, target) ? 1.0 : 0.0;
      option.mean_p90_wait += r.kpis.at("wait_p90_working_days");
      option.mean_cost_eur += r.kpis.at("cost_eur");
      option.mean_placements += r.kpis.at("placements");
    }
    const auto n = static_cast<double>(reps.size());
    option.probability = met / n;
    option.mean_p90_wait /= n;
    option.mean_cost_eur /= n;
    option.mean_placements /= n;
    if (advice.recommended_advisors == 0 && option.probability >= target.required_probability) {
      advice.recommended_advisors = option.advisors;
    }
    advice.options.push_back(option);
  }
  return advice;
}

}  // namespace werkstroom::experiment
