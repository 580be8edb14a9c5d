#include "backtest_command.hpp"

#include <fmt/core.h>

#include "calibration/backtest.hpp"
#include "io/output_file.hpp"
#include "scenario/scenario_error.hpp"
#include "stage_progress.hpp"

namespace werkstroom::cli {

void add_backtest_command(CLI::App& parent, BacktestCommand& command) {
  command.app = parent.add_subcommand(
      "backtest",
      "fit the calibration to the data up to a month and check the later data against the "
      "predictive bands");
  command.app->add_option("spec", command.spec, "calibration spec (TOML)")
      ->required()
      ->check(CLI::ExistingFile);
  command.app
      ->add_option("--until", command.until,
                   "YYYY-MM: fit the data up to this month (replaces fit_until; repeatable)")
      ->take_all();
  command.app
      ->add_option("--splits", command.splits, "YYYY-MM,YYYY-MM,...: several --until at once")
      ->delimiter(',');
  command.app->add_option("--out", command.out, "HDF5 file of the backtest");
  command.app->add_option("--csv", command.csv, "the held-out points as a CSV table");
  command.app->add_option("--journal", command.journal,
                          "keep every evaluation in this file and resume from it (all splits)");
  command.app->add_flag("--journal-reset", command.journal_reset,
                        "start the --journal afresh (it belongs to another calibration)");
  command.seed_option =
      command.app->add_option("--seed", command.seed, "master seed (default: the spec's seed)");
  command.app->add_option("--threads", command.threads, "worker threads (0: all cores)")
      ->check(CLI::Range(0, 1024));
}

int run_backtest(const BacktestCommand& command, const std::atomic<bool>* stop,
                 experiment::ExperimentBackend* backend, bool root) {
  const calibration::CalibrationSpec spec = calibration::load_spec(command.spec);
  if (spec.multi_region()) {
    // The backtest splits one data file at --until; a joint fit of several regions is not
    // backtested (yet): say so as a usage error rather than fit one region silently.
    throw scenario::ScenarioError({spec.file.string()}, "regions",
                                  "a single-region spec (top-level scenario and data): the "
                                  "backtest splits one region's data",
                                  std::to_string(spec.regions.size()) + " [[regions]]");
  }
  const calibration::MonitorData data = calibration::read_monitor_data(spec.data_file);
  calibration::BacktestOptions options;
  options.splits = command.until;
  options.splits.insert(options.splits.end(), command.splits.begin(), command.splits.end());
  if (command.seed_option != nullptr && command.seed_option->count() > 0) {
    options.seed = command.seed;
  }
  options.threads = command.threads;
  options.stop = stop;
  options.backend = backend;
  options.journal_writable = root;
  options.journal_reset = command.journal_reset;
  if (!command.journal.empty()) {
    options.journal = command.journal;
  }
  // Checked before the fits (minutes each), on every rank alike: bad splits and unwritable
  // result files are usage errors now, not a lost backtest later.
  calibration::check_splits(spec, data, options.splits);
  if (!command.out.empty()) {
    io::check_output_file(command.out, "backtest file");
  }
  if (!command.csv.empty()) {
    io::check_output_file(command.csv, "backtest table");
  }
  if (!command.journal.empty()) {
    io::check_output_file(command.journal, "journal");
  }

  StageProgress progress(16);
  options.progress = [&progress](const std::string& stage, long simulations) {
    progress.report(stage, simulations);
  };
  const calibration::BacktestResult result = calibration::backtest(spec, data, options);
  progress.finish();
  if (!root) {
    return 0;
  }
  if (!command.out.empty()) {
    calibration::write_backtest_hdf5(command.out, result);
  }
  if (!command.csv.empty()) {
    calibration::write_backtest_csv(command.csv, result);
  }
  fmt::print("{}", calibration::backtest_report(result));
  if (!command.out.empty()) {
    fmt::print("Wrote {}\n", command.out);
  }
  if (!command.csv.empty()) {
    fmt::print("Wrote {}\n", command.csv);
  }
  return 0;
}

}  // namespace werkstroom::cli
