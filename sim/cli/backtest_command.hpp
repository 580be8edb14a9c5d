#pragma once
// `werkstroom backtest spec.toml --until YYYY-MM`: fits the spec's calibration to the data up
// to a month and checks every later data row against its predictive band
// (calibration/backtest.hpp); several months (--until repeated, or --splits a,b,c) give a
// coverage summary over all of them.

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"

namespace werkstroom::cli {

struct BacktestCommand {
  std::string spec;
  std::vector<std::string> until;   // --until, repeatable
  std::vector<std::string> splits;  // --splits a,b,c
  std::string out;                  // HDF5 file ("" = none)
  std::string csv;                  // the per-point table ("" = none)
  std::string journal;              // calibration journal shared by the splits ("" = none)
  bool journal_reset = false;       // start the journal afresh
  std::uint64_t seed = 0;           // used only when --seed was given
  int threads = 0;
  CLI::App* app = nullptr;
  CLI::Option* seed_option = nullptr;
};

/// Adds the subcommand to `parent`; its options fill `command`.
void add_backtest_command(CLI::App& parent, BacktestCommand& command);

/// Runs it. Exit code 0; throws like the library (DataError for bad splits, ScenarioError,
/// Interrupted). With a backend (MPI) the evaluations are spread over its ranks; only the root
/// prints and writes files.
int run_backtest(const BacktestCommand& command, const std::atomic<bool>* stop,
                 experiment::ExperimentBackend* backend = nullptr, bool root = true);

}  // namespace werkstroom::cli
