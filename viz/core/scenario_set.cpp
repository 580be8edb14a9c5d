#include "core/scenario_set.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "results/results.hpp"
#include "results/robustness_files.hpp"

namespace werkstroom::viz {

namespace {

constexpr const char* kViewerOpens =
    "the viewer opens scenario files (.toml), folders of them, results files of `werkstroom "
    "run/compare --out` (HDF5, format \"werkstroom-results\") and robustness files (format "
    "\"werkstroom-robustness/1\")";

bool named_hdf5(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".h5" || extension == ".hdf5" || extension == ".he5";
}

// A scenario file named in a results file: as given (relative to the folder the command ran
// in, which is often this one), else beside the results file.
std::optional<std::filesystem::path> find_scenario(const std::string& file,
                                                   const std::filesystem::path& results) {
  std::error_code error;
  const std::filesystem::path given(file);
  if (std::filesystem::is_regular_file(given, error)) return given;
  const std::filesystem::path beside = results.parent_path() / given.filename();
  if (std::filesystem::is_regular_file(beside, error)) return beside;
  return std::nullopt;
}

}  // namespace

ViewerInputs sort_viewer_inputs(const std::vector<std::filesystem::path>& paths) {
  ViewerInputs inputs;
  for (const std::filesystem::path& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      inputs.scenarios.push_back(path);  // a folder, or missing: expand_scenario_paths says so
      continue;
    }
    const std::optional<std::string> format = results::hdf5_format(path);
    if (!format) {
      if (named_hdf5(path)) {
        throw std::runtime_error(path.string() + ": not an HDF5 file; " + kViewerOpens);
      }
      inputs.scenarios.push_back(path);
      continue;
    }
    if (*format == results::kRobustnessFormat) {
      if (inputs.robustness) {
        throw std::runtime_error(path.string() + ": a second robustness file (the first is " +
                                 inputs.robustness->string() + "); the viewer shows one");
      }
      inputs.robustness = path;
      continue;
    }
    if (*format != results::kFormatName) {
      throw std::runtime_error(path.string() + ": an HDF5 file of format \"" + *format +
                               "\", not a werkstroom results file; " + kViewerOpens);
    }
    std::string found;
    std::string missing;
    for (const std::string& file : results::results_scenario_files(path)) {
      const std::optional<std::filesystem::path> scenario = find_scenario(file, path);
      if (!scenario) {
        missing += (missing.empty() ? "" : ", ") + file;
        continue;
      }
      // A sweep or an advice names its one file once per option: opened once.
      if (std::find(inputs.scenarios.begin(), inputs.scenarios.end(), *scenario) !=
          inputs.scenarios.end()) {
        continue;
      }
      inputs.scenarios.push_back(*scenario);
      found += (found.empty() ? "" : ", ") + scenario->string();
    }
    if (!missing.empty()) {
      throw std::runtime_error(
          path.string() + ": a werkstroom results file made from scenario files that are not " +
          "found (" + missing + "); the viewer simulates scenarios: give their files instead");
    }
    inputs.notes.push_back(path.string() + ": a werkstroom results file; opening its scenarios " +
                           found + " (simulated again)");
  }
  return inputs;
}

std::vector<std::filesystem::path> expand_scenario_paths(
    const std::vector<std::filesystem::path>& paths) {
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml") {
          found.push_back(entry.path());
        }
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      throw std::runtime_error(path.string() + ": no such scenario file or folder");
    }
  }
  return files;
}

std::vector<ScenarioSlot> load_scenario_set(const std::vector<std::filesystem::path>& files) {
  std::vector<ScenarioSlot> slots;
  for (const std::filesystem::path& file : files) {
    ScenarioSlot slot;
    slot.file = file;
    slot.base = scenario::load_scenario(file);
    slot.applied = slot.base;
    slot.applied_levers = levers_of(slot.base);
    slots.push_back(std::move(slot));
  }
  return slots;
}

bool update_levers(ScenarioSlot& slot, const Levers& levers) {
  try {
    slot.applied = apply_levers(slot.base, levers);
    slot.applied_levers = levers;
    slot.lever_error.clear();
    return true;
  } catch (const std::exception& e) {
    slot.lever_error = e.what();
    return false;
  }
}

std::optional<double> raised_centre_budget(const ScenarioSlot& slot, const Levers& levers) {
  const double simulated = slot.applied.parameters.budget.centre_budget_eur;
  if (!slot.lever_error.empty() || !(slot.applied_levers == levers) ||
      simulated <= levers.centre_budget_eur) {
    return std::nullopt;
  }
  return simulated;
}

JobRequest job_request(const std::vector<ScenarioSlot>& slots, const ViewState& view) {
  JobRequest request;
  request.replications = view.replications;
  request.master_seed = view.master_seed;
  request.threads = view.threads;
  std::set<std::string> used;
  for (const ScenarioSlot& slot : slots) {
    std::string name = slot.base.name;
    for (int n = 2; used.count(name) > 0; ++n) name = slot.base.name + "_" + std::to_string(n);
    used.insert(name);
    request.runs.push_back({name, slot.applied.parameters});
  }
  return request;
}

}  // namespace werkstroom::viz
