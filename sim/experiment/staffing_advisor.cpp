#include "experiment/staffing_advisor.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "experiment/language.hpp"
#include "experiment/sweep.hpp"

namespace werkstroom::experiment {

Objective parse_objective(const std::string& text) {
  for (std::size_t i = 0; i < kObjectiveNames.size(); ++i) {
    if (kObjectiveNames[i] == text) return static_cast<Objective>(i);
  }
  throw std::invalid_argument("--objective: expected cost, net-savings or placements, found \"" +
                              text + "\"");
}

std::vector<std::string> criterion_keys(const AdviceCriteria& c) {
  std::vector<std::string> keys{"wait_per_month"};
  if (c.budget_lasts_service) keys.emplace_back("budget_lasts");
  if (c.min_placements > 0.0) keys.emplace_back("min_placements");
  return keys;
}

std::string criterion_label(const std::string& key, const AdviceCriteria& c, Language language) {
  if (key == "wait_per_month") {
    return fmt::format(
        fmt::runtime(translate("p90 wait <= {} working days in every service month", language)),
        c.max_wait_p90_working_days);
  }
  if (key == "budget_lasts") {
    return translate("instrument budget lasts until the service ends", language);
  }
  if (key == "min_placements") {
    return fmt::format(fmt::runtime(translate("at least {} placements", language)),
                       c.min_placements);
  }
  return key;
}

std::vector<bool> criteria_met(const model::ReplicationResult& r, const AdviceCriteria& c) {
  std::vector<bool> met;
  for (const std::string& key : criterion_keys(c)) {
    if (key == "wait_per_month") {
      met.push_back(r.kpis.at("wait_p90_worst_month") <= c.max_wait_p90_working_days);
    } else if (key == "budget_lasts") {
      met.push_back(r.kpis.at("instrument_budget_exhausted") == 0.0);
    } else {
      met.push_back(r.kpis.at("placements") >= c.min_placements);
    }
  }
  return met;
}

namespace {

/// Whether option a is better than b by the objective (ties: fewer advisors, then the smaller
/// instrument budget).
bool better(const StaffingOption& a, const StaffingOption& b, Objective objective) {
  if (a.objective_value != b.objective_value) {
    return objective == Objective::cost ? a.objective_value < b.objective_value
                                        : a.objective_value > b.objective_value;
  }
  if (a.level.advisors != b.level.advisors) return a.level.advisors < b.level.advisors;
  return a.level.instrument_budget_eur < b.level.instrument_budget_eur;
}

/// The objective's figure of one replication.
double objective_figure(const model::ReplicationResult& r, Objective objective) {
  switch (objective) {
    case Objective::cost:
      return r.kpis.at("cost_eur");
    case Objective::net_savings:
      return r.kpis.at("net_savings_eur");
    case Objective::placements:
      return r.kpis.at("placements");
  }
  return 0.0;
}

std::vector<double> objective_figures(const ScenarioResults& results, Objective objective) {
  std::vector<double> out;
  out.reserve(results.replications.size());
  for (const model::ReplicationResult& r : results.replications) {
    out.push_back(objective_figure(r, objective));
  }
  return out;
}

/// Whether `candidate` beats `reference` on the objective by more than chance: its mean is
/// better and the paired 95% interval of the difference excludes 0.
bool better_beyond_chance(const kernel::ReplicationSummary& candidate_minus_reference,
                          Objective objective) {
  const kernel::ReplicationSummary& d = candidate_minus_reference;
  return objective == Objective::cost ? d.upper() < 0.0 : d.lower() > 0.0;
}

/// Cheaper: lower mean cost; ties: fewer advisors, then the smaller instrument budget.
bool cheaper(const StaffingOption& a, const StaffingOption& b) {
  if (a.mean_cost_eur != b.mean_cost_eur) return a.mean_cost_eur < b.mean_cost_eur;
  if (a.level.advisors != b.level.advisors) return a.level.advisors < b.level.advisors;
  return a.level.instrument_budget_eur < b.level.instrument_budget_eur;
}

std::size_t weakest_criterion(const StaffingOption& o) {
  return static_cast<std::size_t>(std::min_element(o.pass_rate.begin(), o.pass_rate.end()) -
                                  o.pass_rate.begin());
}

}  // namespace

StaffingAdvice evaluate_advice(const std::vector<OptionLevel>& levels,
                               const std::vector<ScenarioResults>& results,
                               const AdviceCriteria& criteria, Objective objective) {
  StaffingAdvice advice;
  advice.objective = objective;
  advice.criteria = criterion_keys(criteria);
  const std::size_t count = std::min(levels.size(), results.size());
  for (std::size_t i = 0; i < count; ++i) {
    StaffingOption o;
    o.level = levels[i];
    o.pass_rate.assign(advice.criteria.size(), 0.0);
    const auto& reps = results[i].replications;
    double all = 0.0;
    for (const model::ReplicationResult& r : reps) {
      const std::vector<bool> met = criteria_met(r, criteria);
      bool every = true;
      for (std::size_t c = 0; c < met.size(); ++c) {
        o.pass_rate[c] += met[c] ? 1.0 : 0.0;
        every = every && met[c];
      }
      all += every ? 1.0 : 0.0;
      o.mean_cost_eur += r.kpis.at("cost_eur");
      o.mean_placements += r.kpis.at("placements");
      o.mean_net_savings_eur += r.kpis.at("net_savings_eur");
      o.mean_worst_month_wait += r.kpis.at("wait_p90_worst_month");
    }
    const auto n = static_cast<double>(std::max<std::size_t>(reps.size(), 1));
    for (double& rate : o.pass_rate) rate /= n;
    o.probability = reps.empty() ? 0.0 : all / n;
    o.feasible = !reps.empty() && o.probability >= criteria.required_probability;
    o.mean_cost_eur /= n;
    o.mean_placements /= n;
    o.mean_net_savings_eur /= n;
    o.mean_worst_month_wait /= n;
    o.objective_value = objective == Objective::cost          ? o.mean_cost_eur
                        : objective == Objective::net_savings ? o.mean_net_savings_eur
                                                              : o.mean_placements;
    advice.options.push_back(std::move(o));
  }
  for (std::size_t i = 0; i < advice.options.size(); ++i) {
    const StaffingOption& o = advice.options[i];
    if (o.feasible && (!advice.best || better(o, advice.options[*advice.best], objective))) {
      advice.best = i;
    }
  }
  if (advice.best) {
    // Paired differences against the best feasible option; the cheapest of those that cannot
    // be told from it is the recommendation.
    const std::vector<double> best_figures = objective_figures(results[*advice.best], objective);
    std::vector<kernel::ReplicationSummary> versus(advice.options.size());
    for (std::size_t i = 0; i < advice.options.size(); ++i) {
      versus[i] = kernel::summarise_paired_difference(best_figures,
                                                      objective_figures(results[i], objective));
      StaffingOption& o = advice.options[i];
      if (!o.feasible) continue;
      o.versus_best = versus[i];
      const kernel::ReplicationSummary& d = o.versus_best;
      const bool worse_beyond_chance =
          objective == Objective::cost ? d.lower() > 0.0 : d.upper() < 0.0;
      o.as_good_as_best = i == *advice.best || !worse_beyond_chance;
      if (o.as_good_as_best &&
          (!advice.recommended || cheaper(o, advice.options[*advice.recommended]))) {
        advice.recommended = i;
      }
    }
    if (advice.criteria.empty()) return advice;
    // The best option by the objective that the criteria exclude, if it beats the best
    // feasible one by more than chance.
    for (std::size_t i = 0; i < advice.options.size(); ++i) {
      const StaffingOption& o = advice.options[i];
      if (o.feasible || !better_beyond_chance(versus[i], objective)) continue;
      if (!advice.excluded || better(o, advice.options[*advice.excluded], objective)) {
        advice.excluded = i;
      }
    }
    if (advice.excluded) advice.binding = weakest_criterion(advice.options[*advice.excluded]);
  } else {
    std::size_t closest = 0;
    for (std::size_t i = 1; i < advice.options.size(); ++i) {
      if (advice.options[i].probability > advice.options[closest].probability) closest = i;
    }
    advice.excluded = closest;
    advice.binding = weakest_criterion(advice.options[closest]);
  }
  return advice;
}

std::vector<OptionLevel> advice_levels(const scenario::LoadedScenario& base, int max_advisors,
                                       const std::vector<double>& instrument_budgets) {
  const std::vector<double> budgets =
      instrument_budgets.empty() ? std::vector<double>{base.parameters.budget.instrument_budget_eur}
                                 : instrument_budgets;
  std::vector<OptionLevel> levels;
  for (const double budget : budgets) {
    for (int n = 1; n <= max_advisors; ++n) levels.push_back({n, budget});
  }
  return levels;
}

std::vector<ScenarioRun> advice_runs(const scenario::LoadedScenario& base,
                                     const std::vector<OptionLevel>& levels) {
  std::vector<ScenarioRun> runs;
  for (const OptionLevel& level : levels) {
    scenario::LoadedScenario variant = base;
    set_staffing(variant, level.advisors);
    scenario::apply_override(variant, "budget.instrument_budget_eur",
                             value_text(level.instrument_budget_eur));
    runs.push_back(
        {fmt::format("advisors={} instruments={:.0f}", level.advisors, level.instrument_budget_eur),
         std::move(variant.parameters)});
  }
  return runs;
}

StaffingAdvice advise_staffing(const scenario::LoadedScenario& base, const AdviceCriteria& criteria,
                               Objective objective, int max_advisors,
                               const std::vector<double>& instrument_budgets,
                               const ExperimentSettings& settings) {
  const std::vector<OptionLevel> levels = advice_levels(base, max_advisors, instrument_budgets);
  const std::vector<ScenarioResults> results = run_experiment(advice_runs(base, levels), settings);
  return evaluate_advice(levels, results, criteria, objective);
}

}  // namespace werkstroom::experiment
