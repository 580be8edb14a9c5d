#pragma once
// The scenarios open in the viewer: each file as loaded, and the same with the user's levers
// applied (when they are valid). The first scenario is the baseline of the differences.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/levers.hpp"
#include "core/simulation_job.hpp"
#include "core/view_state.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::viz {

struct ScenarioSlot {
  std::filesystem::path file;
  scenario::LoadedScenario base;     // as loaded from the file
  scenario::LoadedScenario applied;  // base with the levers (== base while they are invalid)
  Levers applied_levers;             // the levers `applied` was made with
  std::string lever_error;           // why the levers were rejected ("" when valid)
};

/// The scenario files named by `paths`: files as given, folders as their *.toml files in name
/// order (not recursing). Throws std::runtime_error for a path that does not exist.
[[nodiscard]] std::vector<std::filesystem::path> expand_scenario_paths(
    const std::vector<std::filesystem::path>& paths);

/// What the viewer was given on its command line, by kind.
struct ViewerInputs {
  std::vector<std::filesystem::path> scenarios;     // scenario files and folders
  std::optional<std::filesystem::path> robustness;  // a robustness file given as a path
  std::vector<std::string> notes;                   // what was made of a results file
};

/// Sorts `paths` by what they are, before any window opens. Scenario files and folders stay as
/// they are. An HDF5 file is recognised by its schema (the root attribute `format`,
/// docs/results-schema.md): a results file of `werkstroom run/compare --out` opens the scenario
/// files it was made from (simulated again; found as given or beside the results file), a
/// robustness file is shown in its tab. Any other HDF5 file, a file named .h5 that is not HDF5,
/// or a results file whose scenario files are gone, throws std::runtime_error naming the file,
/// what it is and what the viewer opens.
[[nodiscard]] ViewerInputs sort_viewer_inputs(const std::vector<std::filesystem::path>& paths);

/// Loads every file; throws scenario::ScenarioError for the first bad one.
[[nodiscard]] std::vector<ScenarioSlot> load_scenario_set(
    const std::vector<std::filesystem::path>& files);

/// Applies `levers` to `slot` (on a copy of its base); on a rejected value keeps the last valid
/// applied scenario and stores the message. Returns whether the levers were accepted.
bool update_levers(ScenarioSlot& slot, const Levers& levers);

/// The centre budget the simulated scenario has when it is more than the budget lever says,
/// because the advisors chosen cost more (experiment::set_staffing raised it); empty when the
/// lever's value is what is simulated, or when the levers have moved since they were applied.
[[nodiscard]] std::optional<double> raised_centre_budget(const ScenarioSlot& slot,
                                                         const Levers& levers);

/// The run request of the open scenarios as the view asks for it (names unique per run).
[[nodiscard]] JobRequest job_request(const std::vector<ScenarioSlot>& slots, const ViewState& view);

}  // namespace werkstroom::viz
