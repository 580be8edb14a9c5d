#pragma once
// Parameter sweeps: one scenario varied over a range of one parameter, as a set of scenario
// runs that an experiment compares with common random numbers.
//
// `--vary key=from:to[:step]` accepts any numeric key path of the scenario (as `describe`
// prints it). The pseudo-key `staff.fte` sets `staff.advisors` and raises the centre budget to
// what those advisors cost for the service year, so that a staffing sweep is never refused for
// money (the budget's own question is then answered by the cost figures).

#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::experiment {

struct SweepSpec {
  std::string key;
  double from = 0.0;
  double to = 0.0;
  double step = 1.0;
};

/// Parses "key=from:to[:step]"; throws std::invalid_argument with the expected form.
[[nodiscard]] SweepSpec parse_sweep(const std::string& text);

/// The values of the sweep, from `from` to `to` inclusive (at most 1000 points).
[[nodiscard]] std::vector<double> sweep_values(const SweepSpec& spec);

/// One run per value, named "key=value". Throws scenario::ScenarioError for a bad key or value.
[[nodiscard]] std::vector<ScenarioRun> sweep_runs(const scenario::LoadedScenario& base,
                                                  const SweepSpec& spec);

/// Sets `staff.advisors` to `advisors` and raises the centre budget to pay them for the
/// service period if it is short.
void set_staffing(scenario::LoadedScenario& scenario, int advisors);

/// A number as --set writes it: whole numbers without a decimal point, others with up to 10
/// significant digits.
[[nodiscard]] std::string value_text(double v);

}  // namespace werkstroom::experiment
