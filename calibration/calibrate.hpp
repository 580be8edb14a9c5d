#pragma once
// A whole calibration as `werkstroom calibrate spec.toml` runs it: read the data, run the
// methods of the spec (SMM, ABC-SMC), simulate the predictive bands, and write the results
// (an HDF5 file and a calibrated scenario TOML).

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calibration/abc_smc.hpp"
#include "calibration/evaluator.hpp"
#include "calibration/identification.hpp"
#include "calibration/monitor_data.hpp"
#include "calibration/predictive.hpp"
#include "calibration/smm.hpp"
#include "calibration/spec.hpp"

namespace werkstroom::calibration {

struct CalibrateOptions {
  int threads = 0;
  std::optional<std::filesystem::path> journal;  // resume from / append to
  const std::atomic<bool>* stop = nullptr;
  /// Where the replications run (MPI ranks); this process's threads when null.
  experiment::ExperimentBackend* backend = nullptr;
  /// Whether this process appends to the journal (under MPI only rank 0 does; every rank reads
  /// it, so all take the same evaluations from it and stay in step).
  bool journal_writable = true;
  /// Start the journal afresh instead of resuming from it (--journal-reset): needed when it
  /// belongs to another calibration (a changed scenario, spec, program or seed).
  bool journal_reset = false;
  /// Predict from the ABC particles' own paths (particle_path_bands: conditional on the data)
  /// instead of fresh simulations of posterior draws, when ABC-SMC ran with one replication per
  /// particle (its paths are then realisations). The backtest does; `calibrate` does not yet.
  bool conditional_prediction = false;
  /// (stage, replications simulated so far); stage is "smm", "abc" or "predict".
  std::function<void(const std::string&, long)> progress;
};

struct CalibrationRun {
  CalibrationSpec spec;
  MonitorData data;                      // the (first) region's data
  std::vector<MonitorData> region_data;  // per region of spec.fit_regions()
  std::vector<std::string> regions;      // their names ("" in the single-region form)
  std::vector<std::string> months;       // the scenarios' months (their union)
  std::vector<std::string> indicators;   // the spec's indicators ("<region>:<name>" per region)
  std::vector<std::size_t> indicator_regions;      // the region of each indicator
  std::vector<std::string> indicator_observables;  // the spec's name of each indicator
  std::vector<Target> targets;
  std::vector<std::string> notes;          // data rows left out of the fit, and why
  std::vector<std::string> horizon_notes;  // how far the fit's evaluations simulated
  std::optional<SmmResult> smm;
  std::optional<AbcResult> abc;
  PredictiveBands predictive;
  /// Per parameter: posterior spread against the prior's, with a verdict (identification.hpp).
  std::vector<IdentificationRow> identification;
  std::vector<double> point;  // the calibrated values: SMM estimate, else ABC posterior mean
  std::vector<Evaluation> evaluations;
  long simulations = 0;
  long journal_hits = 0;
  double seconds = 0.0;
};

/// Runs the calibration. Throws DataError, scenario::ScenarioError, experiment::Interrupted.
[[nodiscard]] CalibrationRun calibrate(const CalibrationSpec& spec, const MonitorData& data,
                                       const CalibrateOptions& options);
/// The same for several regions: data[r] are the data of spec.fit_regions()[r].
[[nodiscard]] CalibrationRun calibrate(const CalibrationSpec& spec,
                                       const std::vector<MonitorData>& data,
                                       const CalibrateOptions& options);

/// Reads the data of every region of the spec (one file in the single-region form). Throws
/// DataError.
[[nodiscard]] std::vector<MonitorData> read_spec_data(const CalibrationSpec& spec);

/// The readable summary printed by the command.
[[nodiscard]] std::string calibration_report(const CalibrationRun& run);

/// Writes the run to an HDF5 file atomically (docs/calibration.md lists the datasets).
void write_calibration_hdf5(const std::filesystem::path& path, const CalibrationRun& run);

/// Writes the calibrated scenario: a variant of the spec's scenario with the calibrated
/// values, each labelled `source = "calibrated: <hdf5 file name>"`; loaded back before it gets
/// its name. Several regions: one scenario per region, at calibrated_scenario_paths(path, run),
/// each with the shared values and its own.
void write_calibrated_scenario(const std::filesystem::path& path, const CalibrationRun& run,
                               const std::filesystem::path& hdf5_file);

/// Where write_calibrated_scenario writes: `path` itself, or per region `<stem>-<region>.toml`
/// beside it.
[[nodiscard]] std::vector<std::filesystem::path> calibrated_scenario_paths(
    const std::filesystem::path& path, const CalibrationRun& run);

}  // namespace werkstroom::calibration
