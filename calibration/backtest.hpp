#pragma once
// A backtest, as `werkstroom backtest spec.toml --until YYYY-MM` runs it: the spec's
// calibration is run on the data up to a month only (the month replaces the spec's
// `fit_until`), and every data row of the spec's indicators after that month -- held out:
// the fit never sees it -- is set against the predictive band of the published figure
// (observation_band in predictive.hpp: parameter uncertainty, simulation noise and the spec's
// error model of the figure). Several months give several splits, each a fit of its own; the
// coverage summary pools the held-out rows of all of them.
//
// Contracts:
//  - A held-out row influences nothing but its own `observed` and `inside`: not the fit, not
//    the band (the error model is taken at the simulated level, not at the figure).
//  - The result does not depend on the thread count (calibrate()'s contract; the observation
//    errors come from streams keyed by seed, indicator, month and draw).
//  - Splits are checked before anything is simulated (check_splits), so a bad month costs
//    nothing.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "calibration/calibrate.hpp"

namespace werkstroom::calibration {

struct BacktestOptions {
  std::vector<std::string> splits;    // "YYYY-MM": fit the data up to and including this month
  std::optional<std::uint64_t> seed;  // replaces the spec's seed
  int threads = 0;
  /// A calibration journal shared by the splits (calibrate.hpp): its paths do not depend on
  /// fit_until, so the splits reuse each other's evaluations and an interrupted backtest resumes.
  std::optional<std::filesystem::path> journal;
  bool journal_writable = true;  // false on MPI ranks other than 0
  bool journal_reset = false;    // the first split starts the journal afresh
  const std::atomic<bool>* stop = nullptr;
  /// Where the replications run (MPI ranks); this process's threads when null.
  experiment::ExperimentBackend* backend = nullptr;
  /// (stage, replications simulated so far in the current split); stage names the split.
  std::function<void(const std::string&, long)> progress;
};

/// One held-out data row against its band.
struct HeldOutPoint {
  std::string until;      // the split: the last month fitted
  std::string month;      // of the row
  std::string indicator;  // as in the data
  int months_ahead = 0;   // months after `until`
  double observed = 0.0;
  double low = 0.0;  // 5%, 50% and 95% quantiles of the published figure's predictive
  double median = 0.0;
  double high = 0.0;
  bool inside = false;  // low <= observed <= high
  [[nodiscard]] double width() const { return high - low; }
  /// Width over the band's median (a property of the prediction, not of the figure).
  [[nodiscard]] double relative_width() const { return width() / median; }
};

/// Coverage of the 90% band over some held-out points.
struct Coverage {
  std::size_t points = 0;
  std::size_t inside = 0;
  double share = 0.0;  // inside / points (NaN without points)
  double mean_width = 0.0;
  double mean_relative_width = 0.0;
  /// The standard deviation of `share` if the band covered at its nominal 90% and the points
  /// were independent: sqrt(0.9 x 0.1 / points). Points of one split share the fit's error, so
  /// this is a lower bound for them.
  double nominal_sd = 0.0;
};

/// The nominal coverage of the bands (5% to 95%).
inline constexpr double kNominalCoverage = 0.9;

[[nodiscard]] Coverage coverage_of(const std::vector<HeldOutPoint>& points);

struct BacktestSplit {
  std::string until;
  CalibrationRun run;  // the fit (run.spec.fit_until == until) and its predictive bands
  std::vector<HeldOutPoint> points;
  Coverage coverage;
};

struct BacktestResult {
  CalibrationSpec spec;  // as loaded, with the seed of the options
  MonitorData data;
  std::vector<BacktestSplit> splits;
  Coverage coverage;  // over the held-out points of all splits
  long simulations = 0;
  double seconds = 0.0;
};

/// Checks the splits against the spec and the data before anything is simulated: each a month
/// "YYYY-MM" given once, with at least one row to fit up to it and at least one held-out row of
/// the spec's indicators within the scenario's months after it. Throws DataError naming the
/// option (--until), the data file, what was expected and what was found.
void check_splits(const CalibrationSpec& spec, const MonitorData& data,
                  const std::vector<std::string>& splits);

/// Runs every split (check_splits first). Throws DataError, scenario::ScenarioError,
/// experiment::Interrupted.
[[nodiscard]] BacktestResult backtest(const CalibrationSpec& spec, const MonitorData& data,
                                      const BacktestOptions& options);

/// The readable report: per split the fit and every held-out point; the coverage summary.
[[nodiscard]] std::string backtest_report(const BacktestResult& result);

/// The per-point table as CSV (written atomically): until, month, indicator, months_ahead,
/// observed, low, median, high, inside, width, relative_width.
void write_backtest_csv(const std::filesystem::path& path, const BacktestResult& result);

/// The HDF5 file `werkstroom-backtest/1` (written atomically; docs/calibration.md lists it).
void write_backtest_hdf5(const std::filesystem::path& path, const BacktestResult& result);

}  // namespace werkstroom::calibration
