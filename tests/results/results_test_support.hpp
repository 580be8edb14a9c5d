#pragma once
// Shared by the result-file tests: a small experiment (two scenarios, 3 replications), its run
// metadata, and a temporary directory per test.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "build_info.hpp"
#include "experiment/experiment.hpp"
#include "results/results.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::test {

struct SmallRun {
  std::vector<experiment::ScenarioResults> results;
  results::RunMetadata meta;
};

inline SmallRun make_run(int replications, int threads) {
  const std::vector<std::string> files = {
      std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml",
      std::string(WERKSTROOM_SCENARIOS_DIR) + "/scale-up-3fte.toml"};
  SmallRun run;
  std::vector<experiment::ScenarioRun> runs;
  for (const std::string& file : files) {
    const scenario::LoadedScenario loaded = scenario::load_scenario(file);
    runs.push_back({loaded.name, loaded.parameters});
    run.meta.scenario_files.push_back(file);
    run.meta.scenario_texts.push_back(loaded.text);
  }
  experiment::ExperimentSettings settings;
  settings.master_seed = 4242;
  settings.replications = replications;
  settings.threads = threads;
  run.results = experiment::run_experiment(runs, settings);
  run.meta.master_seed = settings.master_seed;
  run.meta.replications = replications;
  run.meta.threads = threads;
  run.meta.version = werkstroom::version();
  run.meta.revision = werkstroom::revision();
  run.meta.started_at = "2026-11-26T12:00:00Z";
  run.meta.command_line = "werkstroom_results_tests --order rand";
  return run;
}

/// The experiment the tests share, run once per test program.
inline const SmallRun& small_run() {
  static const SmallRun run = make_run(3, 2);
  return run;
}

/// A fresh directory under the system's temporary directory, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "werkstroom-results-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Names of the entries directly in the directory, sorted.
  [[nodiscard]] std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(path_)) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace werkstroom::test
