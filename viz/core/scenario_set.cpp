#include "core/scenario_set.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace werkstroom::viz {

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
