#include "calibrate_command.hpp"

#include <fmt/core.h>

#include <filesystem>

#include "calibration/calibrate.hpp"
#include "io/output_file.hpp"
#include "stage_progress.hpp"

namespace werkstroom::cli {

void add_calibrate_command(CLI::App& parent, CalibrateCommand& command) {
  command.app = parent.add_subcommand(
      "calibrate", "fit parameters to monitor data (SMM and ABC-SMC, as the spec says)");
  command.app->add_option("spec", command.spec, "calibration spec (TOML)")
      ->required()
      ->check(CLI::ExistingFile);
  command.app->add_option("--out", command.out,
                          "HDF5 file (default results/calibration-<spec name>.h5)");
  command.app->add_option("--scenario-out", command.scenario_out,
                          "calibrated scenario TOML (default: beside --out)");
  command.app->add_option("--journal", command.journal,
                          "keep every evaluation in this file and resume from it");
  command.app->add_flag("--journal-reset", command.journal_reset,
                        "start the --journal afresh (it belongs to another calibration)");
  command.app->add_option("--threads", command.threads, "worker threads (0: all cores)")
      ->check(CLI::Range(0, 1024));
}

int run_calibrate(const CalibrateCommand& command, const std::atomic<bool>* stop,
                  experiment::ExperimentBackend* backend, bool root) {
  const calibration::CalibrationSpec spec = calibration::load_spec(command.spec);
  const std::vector<calibration::MonitorData> data = calibration::read_spec_data(spec);
  const std::filesystem::path out =
      command.out.empty()
          ? std::filesystem::path("results") / ("calibration-" + spec.file.stem().string() + ".h5")
          : std::filesystem::path(command.out);
  std::filesystem::path scenario_out = command.scenario_out;
  if (scenario_out.empty()) {
    scenario_out = out.parent_path() / (out.stem().string() + "-scenario.toml");
  }
  // Checked before the fit (which takes minutes), on every rank alike: a device node, a
  // folder or an unwritable folder is a usage error now, not a lost calibration later.
  io::check_output_file(out, "calibration file");
  // One calibrated scenario per region (the path itself for a single region).
  calibration::CalibrationRun paths_of;
  paths_of.spec = spec;
  for (const std::filesystem::path& p :
       calibration::calibrated_scenario_paths(scenario_out, paths_of)) {
    io::check_output_file(p, "calibrated scenario");
  }
  if (!command.journal.empty()) io::check_output_file(command.journal, "journal");

  calibration::CalibrateOptions options;
  options.threads = command.threads;
  options.stop = stop;
  options.backend = backend;
  options.journal_writable = root;
  options.journal_reset = command.journal_reset;
  if (!command.journal.empty()) options.journal = command.journal;
  StageProgress progress(8);
  options.progress = [&progress](const std::string& stage, long simulations) {
    progress.report(stage, simulations);
  };
  const calibration::CalibrationRun run = calibration::calibrate(spec, data, options);
  progress.finish();
  if (!root) return 0;
  calibration::write_calibration_hdf5(out, run);
  calibration::write_calibrated_scenario(scenario_out, run, out);
  fmt::print("{}", calibration::calibration_report(run));
  std::string written;
  for (const std::filesystem::path& p : calibration::calibrated_scenario_paths(scenario_out, run)) {
    written += (written.empty() ? "" : ", ") + p.string();
  }
  fmt::print("Wrote {} and {}\n", out.string(), written);
  return 0;
}

}  // namespace werkstroom::cli
