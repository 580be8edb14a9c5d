#include "core/levers.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "experiment/sweep.hpp"

namespace werkstroom::viz {

namespace {

std::string number_text(double v) {
  char buffer[64];
  if (v == std::floor(v) && std::abs(v) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
  }
  return buffer;
}

std::string list_text(const std::vector<double>& values) {
  std::string text = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text += ", ";
    text += number_text(values[i]);
  }
  return text + "]";
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string value_text(double v) { return number_text(v); }
std::string value_text(int v) { return std::to_string(v); }
std::string value_text(bool v) { return v ? "true" : "false"; }

// Sets `key` of `s` to `value` (checked and labelled by apply_override) when it differs from
// the scenario's own value `own`.
template <typename T>
void set_if_changed(scenario::LoadedScenario& s, const std::string& key, T value, T own) {
  if (value != own) scenario::apply_override(s, key, value_text(value));
}

}  // namespace

int service_months(const model::ModelParameters& p) {
  const kernel::Date& a = p.horizon.start_date;
  const kernel::Date& b = p.horizon.service_end_date;
  const int months = (b.year - a.year) * 12 + (b.month - a.month) + (b.day >= a.day ? 1 : 0);
  return std::max(months, 1);
}

Levers levers_of(const scenario::LoadedScenario& scenario) {
  const model::ModelParameters& p = scenario.parameters;
  Levers l;
  l.advisors = p.staff.advisors;
  l.centre_budget_eur = p.budget.centre_budget_eur;
  l.instrument_budget_eur = p.budget.instrument_budget_eur;
  l.inflow_multiplier.fill(1.0);
  for (const model::SectorParameters& s : p.sectors) {
    if (s.hard_hit) {
      l.bankruptcy.sector = s.name;
      break;
    }
  }
  if (l.bankruptcy.sector.empty() && !p.sectors.empty()) l.bankruptcy.sector = p.sectors[0].name;
  // The middle of the service period, on the 15th.
  const int half = service_months(p) / 2;
  const int month0 = p.horizon.start_date.month - 1 + half;
  l.bankruptcy.date = kernel::Date{p.horizon.start_date.year + month0 / 12, month0 % 12 + 1, 15};
  l.selection_threshold = p.selection.threshold;
  for (const model::InstrumentParameters& i : p.instruments) {
    l.assign_probability.push_back(i.assign_probability);
  }
  const model::ScalingParameters& sc = p.scaling;
  l.scaling = ScalingLever{sc.enabled,         sc.trigger_waiting_list,  sc.trigger_weeks,
                           sc.lead_time_weeks, sc.max_external_advisors, sc.scale_down_utilisation};
  return l;
}

bool levers_changed(const scenario::LoadedScenario& base, const Levers& levers) {
  return !(levers_of(base) == levers);
}

scenario::LoadedScenario apply_levers(const scenario::LoadedScenario& base, const Levers& levers) {
  const Levers own = levers_of(base);
  scenario::LoadedScenario s = base;
  if (levers.advisors != own.advisors) experiment::set_staffing(s, levers.advisors);
  set_if_changed(s, "budget.centre_budget_eur", levers.centre_budget_eur, own.centre_budget_eur);
  set_if_changed(s, "budget.instrument_budget_eur", levers.instrument_budget_eur,
                 own.instrument_budget_eur);
  for (std::size_t c = 0; c < model::kCohortCount; ++c) {
    const double factor = levers.inflow_multiplier[c];
    if (factor == 1.0) continue;
    std::vector<double> inflow = base.parameters.cohorts[c].inflow_per_month;
    for (double& v : inflow) v *= factor;
    scenario::apply_override(s,
                             std::string("cohorts.") + model::kCohortNames[c] + ".inflow_per_month",
                             list_text(inflow));
  }
  set_if_changed(s, "selection.threshold", levers.selection_threshold, own.selection_threshold);
  for (std::size_t i = 0; i < levers.assign_probability.size() && i < own.assign_probability.size();
       ++i) {
    set_if_changed(s, "instruments[" + std::to_string(i) + "].assign_probability",
                   levers.assign_probability[i], own.assign_probability[i]);
  }
  const ScalingLever& sc = levers.scaling;
  const ScalingLever& own_sc = own.scaling;
  set_if_changed(s, "scaling.enabled", sc.enabled, own_sc.enabled);
  set_if_changed(s, "scaling.trigger_waiting_list", sc.trigger_waiting_list,
                 own_sc.trigger_waiting_list);
  set_if_changed(s, "scaling.trigger_weeks", sc.trigger_weeks, own_sc.trigger_weeks);
  set_if_changed(s, "scaling.lead_time_weeks", sc.lead_time_weeks, own_sc.lead_time_weeks);
  set_if_changed(s, "scaling.max_external_advisors", sc.max_external_advisors,
                 own_sc.max_external_advisors);
  set_if_changed(s, "scaling.scale_down_utilisation", sc.scale_down_utilisation,
                 own_sc.scale_down_utilisation);
  if (levers.bankruptcy.staff > 0) {
    // A new element of shocks.bankruptcies: every key of it is set through apply_override, so
    // the new values are checked and labelled like the others.
    const std::size_t index = s.parameters.shocks.bankruptcies.size();
    scenario::LoadedScenario grown = s;
    grown.parameters.shocks.bankruptcies.push_back(model::BankruptcyShock{
        base.parameters.horizon.start_date, 1, levers.bankruptcy.sector, 0.0, true});
    const std::string key = "shocks.bankruptcies[" + std::to_string(index) + "].";
    scenario::apply_override(grown, key + "date", levers.bankruptcy.date.to_string());
    scenario::apply_override(grown, key + "staff", std::to_string(levers.bankruptcy.staff));
    scenario::apply_override(grown, key + "sector", quoted(levers.bankruptcy.sector));
    scenario::apply_override(grown, key + "notice_days",
                             number_text(levers.bankruptcy.notice_days));
    scenario::apply_override(grown, key + "calls_the_centre", "true");
    s = std::move(grown);
  }
  return s;
}

}  // namespace werkstroom::viz
