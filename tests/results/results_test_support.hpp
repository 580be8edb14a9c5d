#pragma once
// Shared by the result-file tests: a small experiment (two scenarios, 3 replications), its run
// metadata, and a temporary directory per test.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"
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

}  // namespace werkstroom::test
