#pragma once
// `werkstroom calibrate spec.toml`: fits the spec's parameters to monitor data and writes the
// calibration HDF5 file and the calibrated scenario (calibration/calibrate.hpp).

#include <CLI/CLI.hpp>
#include <atomic>
#include <string>

#include "experiment/experiment.hpp"

namespace werkstroom::cli {

struct CalibrateCommand {
  std::string spec;
  std::string out;             // HDF5 file; default results/calibration-<spec stem>.h5
  std::string scenario_out;    // calibrated scenario; default <out stem>-scenario.toml beside it
  std::string journal;         // resume from / append to this journal ("" = none)
  bool journal_reset = false;  // start the journal afresh
  int threads = 0;
  CLI::App* app = nullptr;
};

/// Adds the subcommand to `parent`; its options fill `command`.
void add_calibrate_command(CLI::App& parent, CalibrateCommand& command);

/// Runs it. Exit code 0; throws like the library (DataError, ScenarioError, Interrupted). With a
/// backend (MPI) the evaluations are spread over its ranks; only the root writes files.
int run_calibrate(const CalibrateCommand& command, const std::atomic<bool>* stop,
                  experiment::ExperimentBackend* backend = nullptr, bool root = true);

}  // namespace werkstroom::cli
