#pragma once
// `werkstroom robustness A.toml B.toml`: which assumptions can flip the comparison of option B
// with option A (experiment/robustness.hpp, docs/robustness.md): a console table sorted by
// effect and a text tornado, the HDF5 group /robustness (--out) and a CSV table (--csv).

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdint>
#include <string>

namespace werkstroom::cli {

struct RobustnessCommand {
  std::string scenario_a;
  std::string scenario_b;
  int trajectories = 8;
  int levels = 4;
  int replications = 4;
  int extreme_replications = 20;
  int top = 10;
  std::uint64_t seed = 20201101;
  int threads = 0;
  int cache_mib = 256;
  std::string out;  // HDF5 file ("" = none)
  std::string csv;  // CSV table ("" = none)
  std::string lang = "en";
  std::string command_line;  // set by main, stored in the HDF5 file
  CLI::App* app = nullptr;
};

/// Adds the subcommand to `parent`; its options fill `command`.
void add_robustness_command(CLI::App& parent, RobustnessCommand& command);

/// Runs it on this process's threads. Exit code 0; throws like the library (ScenarioError,
/// std::invalid_argument for bad settings, io::OutputPathError, Interrupted).
int run_robustness(const RobustnessCommand& command, const std::atomic<bool>* stop);

}  // namespace werkstroom::cli
