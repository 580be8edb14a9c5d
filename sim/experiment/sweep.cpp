#include "experiment/sweep.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "kernel/calendar.hpp"

namespace werkstroom::experiment {

namespace {
constexpr double kWeekDays = 7.0;
constexpr std::size_t kMaxSweepPoints = 1000;
}  // namespace

std::string value_text(double v) {
  char buffer[64];
  if (v == std::floor(v) && std::abs(v) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
  }
  return buffer;
}

SweepSpec parse_sweep(const std::string& text) {
  const auto eq = text.find('=');
  SweepSpec spec;
  const auto fail = [&text] {
    throw std::invalid_argument("--vary: expected key=from:to or key=from:to:step, found \"" +
                                text + "\"");
  };
  if (eq == std::string::npos || eq == 0) fail();
  spec.key = text.substr(0, eq);
  const std::string range = text.substr(eq + 1);
  double a = 0;
  double b = 0;
  double c = 1;
  int consumed = 0;
  const int n = std::sscanf(range.c_str(), "%lf:%lf%n", &a, &b, &consumed);
  if (n != 2) fail();
  if (consumed != static_cast<int>(range.size())) {
    int more = 0;
    if (std::sscanf(range.c_str() + consumed, ":%lf%n", &c, &more) != 1 ||
        consumed + more != static_cast<int>(range.size())) {
      fail();
    }
  }
  if (!(c > 0.0) || b < a || !std::isfinite(a) || !std::isfinite(b)) fail();
  spec.from = a;
  spec.to = b;
  spec.step = c;
  return spec;
}

std::vector<double> sweep_values(const SweepSpec& spec) {
  std::vector<double> values;
  for (std::size_t i = 0;; ++i) {
    const double v = spec.from + static_cast<double>(i) * spec.step;
    if (v > spec.to + 1e-9 * spec.step) break;
    if (values.size() == kMaxSweepPoints) {
      throw std::invalid_argument("--vary: more than 1000 points; use a larger step");
    }
    values.push_back(v);
  }
  return values;
}

void set_staffing(scenario::LoadedScenario& scenario, int advisors) {
  const model::ModelParameters& p = scenario.parameters;
  const kernel::Calendar cal(p.horizon.start_date, {});
  const double days =
      cal.time_of(p.horizon.service_end_date).days_since_start() + 1.0;  // service period
  const double cost =
      advisors * p.staff.hours_per_week * (days / kWeekDays) * p.staff.internal_cost_per_hour_eur;
  // The budget first: the loader refuses advisors the budget cannot pay (validation).
  if (p.budget.centre_budget_eur < cost) {
    // Round up to whole euros so the commitment always fits.
    scenario::apply_override(scenario, "budget.centre_budget_eur", value_text(std::ceil(cost)));
  }
  scenario::apply_override(scenario, "staff.advisors", std::to_string(advisors));
}

std::vector<ScenarioRun> sweep_runs(const scenario::LoadedScenario& base, const SweepSpec& spec) {
  std::vector<ScenarioRun> runs;
  for (const double v : sweep_values(spec)) {
    scenario::LoadedScenario variant = base;
    if (spec.key == "staff.fte") {
      set_staffing(variant, static_cast<int>(std::lround(v)));
    } else {
      scenario::apply_override(variant, spec.key, value_text(v));
    }
    runs.push_back({spec.key + "=" + value_text(v), std::move(variant.parameters)});
  }
  return runs;
}

}  // namespace werkstroom::experiment
