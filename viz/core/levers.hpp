#pragma once
// What the sliders of the levers panel change in a scenario. Levers start at the scenario's
// own values; apply_levers sets the ones that differ on a copy of the scenario through
// scenario::apply_override (and experiment::set_staffing for the advisors), so every value is
// checked as if it came from a file and a bad one is rejected with the loader's message.

#include <array>
#include <string>
#include <vector>

#include "kernel/calendar.hpp"
#include "model/parameters.hpp"
#include "scenario/loader.hpp"
#include "scenario/variant_file.hpp"

namespace werkstroom::viz {

/// An extra bankruptcy the user adds on top of the scenario's own shocks.
struct BankruptcyLever {
  int staff = 0;  // 0: no extra bankruptcy
  kernel::Date date{2021, 3, 15};
  std::string sector;         // a sector of the scenario
  double notice_days = 42.0;  // Faillissementswet art. 40: at most six weeks
  friend bool operator==(const BankruptcyLever&, const BankruptcyLever&) = default;
};

/// The scaling rule (scaling.*): hire external advisors when the waiting list stays long,
/// release one at a quarterly herijking when utilisation is low.
struct ScalingLever {
  bool enabled = false;
  double trigger_waiting_list = 0.0;
  int trigger_weeks = 1;
  double lead_time_weeks = 0.0;
  int max_external_advisors = 0;
  double scale_down_utilisation = 0.0;
  friend bool operator==(const ScalingLever&, const ScalingLever&) = default;
};

struct Levers {
  int advisors = 0;                    // staff.advisors; the centre budget is raised to pay them
  double centre_budget_eur = 0.0;      // budget.centre_budget_eur
  double instrument_budget_eur = 0.0;  // budget.instrument_budget_eur
  std::array<double, model::kCohortCount> inflow_multiplier{};  // x cohorts.<c>.inflow_per_month
  BankruptcyLever bankruptcy;
  double selection_threshold = 0.0;        // selection.threshold
  std::vector<double> assign_probability;  // instruments[i].assign_probability
  ScalingLever scaling;
  friend bool operator==(const Levers&, const Levers&) = default;
};

/// The levers at the values of `scenario` (multipliers 1, no extra bankruptcy; the bankruptcy
/// lever's sector is the first hard-hit sector and its date the middle of the service year).
[[nodiscard]] Levers levers_of(const scenario::LoadedScenario& scenario);

/// A copy of `base` with the levers that differ from levers_of(base) applied. Throws
/// scenario::ScenarioError (with the key path and the expected value) for a value the scenario
/// rules reject; `base` is never changed.
[[nodiscard]] scenario::LoadedScenario apply_levers(const scenario::LoadedScenario& base,
                                                    const Levers& levers);

/// Whether any lever differs from the scenario's own values.
[[nodiscard]] bool levers_changed(const scenario::LoadedScenario& base, const Levers& levers);

/// How the viewer labels the values it changes in a saved variant.
inline constexpr const char* kVizSourceLabel = "assumption: set in werkstroom-viz";

using scenario::changed_parameters;  // what the levers changed (scenario/variant_file.hpp)

/// Months of the service period (start to service end), for sliders and markers.
[[nodiscard]] int service_months(const model::ModelParameters& p);

}  // namespace werkstroom::viz
