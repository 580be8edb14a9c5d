#include "calibration/backtest.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <set>

#include "calibration/observables.hpp"
#include "io/output_file.hpp"

namespace werkstroom::calibration {

namespace {

constexpr std::size_t kMonthLength = 7;  // "YYYY-MM"
constexpr std::size_t kMonthDash = 4;
constexpr int kMonthsPerYear = 12;
constexpr int kDecimal = 10;

/// Months since year 0 of "YYYY-MM" (month 01 to 12), or nullopt for anything else.
std::optional<int> month_number(const std::string& text) {
  if (text.size() != kMonthLength || text[kMonthDash] != '-') {
    return std::nullopt;
  }
  int year = 0;
  int month = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == kMonthDash) {
      continue;
    }
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    int& part = i < kMonthDash ? year : month;
    part = part * kDecimal + (text[i] - '0');
  }
  if (month < 1 || month > kMonthsPerYear) {
    return std::nullopt;
  }
  return year * kMonthsPerYear + month - 1;
}

CalibrationSpec split_spec(const CalibrationSpec& spec, const std::string& until) {
  CalibrationSpec s = spec;
  s.fit_until = until;
  return s;
}

/// The spec's indicator a data row belongs to (an alias and its observable match), if any.
std::optional<std::size_t> indicator_of(const CalibrationSpec& spec, const Observation& row) {
  const std::string canonical = canonical_observable(row.indicator);
  for (std::size_t i = 0; i < spec.indicators.size(); ++i) {
    if (canonical_observable(spec.indicators[i].name) == canonical) {
      return i;
    }
  }
  return std::nullopt;
}

/// The rows held out by a split: the spec's indicators, after `until`, within `months`.
std::vector<const Observation*> held_out_rows(const CalibrationSpec& spec, const MonitorData& data,
                                              const std::string& until,
                                              const std::vector<std::string>& months) {
  std::vector<const Observation*> out;
  for (const Observation& row : data.rows) {
    if (row.month > until && indicator_of(spec, row) &&
        std::find(months.begin(), months.end(), row.month) != months.end()) {
      out.push_back(&row);
    }
  }
  return out;
}

std::string spec_indicator_names(const CalibrationSpec& spec) {
  std::string out;
  for (const IndicatorSpec& i : spec.indicators) {
    out += (out.empty() ? "" : ", ") + i.name;
  }
  return out;
}

std::string csv_number(double v) { return fmt::format("{:.10g}", v); }

}  // namespace

Coverage coverage_of(const std::vector<HeldOutPoint>& points) {
  Coverage c;
  c.points = points.size();
  for (const HeldOutPoint& p : points) {
    c.inside += p.inside ? 1 : 0;
    c.mean_width += p.width();
    c.mean_relative_width += p.relative_width();
  }
  if (c.points == 0) {
    c.share = c.mean_width = c.mean_relative_width = c.nominal_sd =
        std::numeric_limits<double>::quiet_NaN();
    return c;
  }
  const auto n = static_cast<double>(c.points);
  c.share = static_cast<double>(c.inside) / n;
  c.mean_width /= n;
  c.mean_relative_width /= n;
  c.nominal_sd = std::sqrt(kNominalCoverage * (1.0 - kNominalCoverage) / n);
  return c;
}

void check_splits(const CalibrationSpec& spec, const MonitorData& data,
                  const std::vector<std::string>& splits) {
  if (splits.empty()) {
    throw DataError(
        "--until: expected a month YYYY-MM to fit the data up to (or --splits with a list of "
        "them), found none");
  }
  std::set<std::string> seen;
  for (const std::string& until : splits) {
    if (!month_number(until)) {
      throw DataError(fmt::format(
          "--until: expected a month \"YYYY-MM\" (month 01 to 12), found \"{}\"", until));
    }
    if (!seen.insert(until).second) {
      throw DataError(
          fmt::format("--until: expected each split month once, found \"{}\" twice", until));
    }
    // The evaluator's own checks: rows to fit up to the month, within the scenario's months.
    std::vector<std::string> months;
    try {
      const Evaluator evaluator(split_spec(spec, until), data, 1);
      months = evaluator.months();
    } catch (const DataError& e) {
      throw DataError(fmt::format("--until {}: {}", until, e.what()));
    }
    if (held_out_rows(spec, data, until, months).empty()) {
      std::string last = "none";
      for (const Observation& row : data.rows) {
        if (indicator_of(spec, row) && (last == "none" || row.month > last)) {
          last = row.month;
        }
      }
      throw DataError(fmt::format(
          "{}: --until {}: expected data rows of the spec's indicators ({}) after {} within the "
          "scenario's months {} to {} to hold out, found none (the last such row is {})",
          data.file, until, spec_indicator_names(spec), until, months.front(), months.back(),
          last));
    }
  }
}

BacktestResult backtest(const CalibrationSpec& spec, const MonitorData& data,
                        const BacktestOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  BacktestResult result;
  result.spec = spec;
  if (options.seed) {
    result.spec.seed = *options.seed;
  }
  result.data = data;
  check_splits(result.spec, data, options.splits);

  std::vector<HeldOutPoint> all;
  for (const std::string& until : options.splits) {
    CalibrateOptions calibrate_options;
    calibrate_options.threads = options.threads;
    calibrate_options.stop = options.stop;
    calibrate_options.backend = options.backend;
    calibrate_options.journal = options.journal;
    calibrate_options.journal_writable = options.journal_writable;
    // Only the first split starts afresh: the later ones reuse what the earlier ones wrote.
    calibrate_options.journal_reset = options.journal_reset && &until == &options.splits.front();
    // Held-out months continue the paths that fit the data (a stock carries its past).
    calibrate_options.conditional_prediction = true;
    if (options.progress) {
      calibrate_options.progress = [&](const std::string& stage, long simulations) {
        std::string label = until;
        label += " ";
        label += stage;
        options.progress(label, simulations);
      };
    }
    BacktestSplit split;
    split.until = until;
    // The fit sees the rows up to `until` only: calibrate() takes its targets from the spec's
    // fit_until (Evaluator), and nothing else of the fit reads data values.
    split.run = calibrate(split_spec(result.spec, until), data, calibrate_options);
    const int until_number = *month_number(until);
    for (const Observation* row : held_out_rows(result.spec, data, until, split.run.months)) {
      const std::size_t i = *indicator_of(result.spec, *row);
      const auto m = static_cast<std::size_t>(
          std::find(split.run.months.begin(), split.run.months.end(), row->month) -
          split.run.months.begin());
      const ObservationBand band = observation_band(
          split.run.predictive, i, m, result.spec.indicators[i], row->standard_error,
          canonical_observable(row->indicator) + " " + row->month, result.spec.seed);
      HeldOutPoint p;
      p.until = until;
      p.month = row->month;
      p.indicator = row->indicator;
      p.months_ahead = *month_number(row->month) - until_number;
      p.observed = row->value;
      p.low = band.low;
      p.median = band.median;
      p.high = band.high;
      p.inside = band.low <= row->value && row->value <= band.high;
      split.points.push_back(p);
    }
    split.coverage = coverage_of(split.points);
    all.insert(all.end(), split.points.begin(), split.points.end());
    result.simulations += split.run.simulations;
    result.splits.push_back(std::move(split));
  }
  result.coverage = coverage_of(all);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

std::string backtest_report(const BacktestResult& result) {
  std::string out;
  out += fmt::format("Backtest of {} against {}: {} split(s), seed {}\n",
                     result.spec.scenario_file.filename().string(), result.data.file,
                     result.splits.size(), result.spec.seed);
  out +=
      "Bands: 5% to 95% of the published figure: parameter uncertainty, simulation noise and "
      "the spec's error model\n";
  const auto& params = result.spec.parameters;
  for (const BacktestSplit& split : result.splits) {
    const CalibrationRun& run = split.run;
    const std::string source =
        run.predictive.source == "abc-paths"
            ? "the ABC-SMC posterior (the particles' own paths, conditional on the data)"
        : run.predictive.source == "abc" ? "the ABC-SMC posterior (fresh simulations)"
                                         : "the SMM estimate's normal approximation";
    out += fmt::format("\nFitted to {} ({} data point(s)); {} draws from {}\n", split.until,
                       run.targets.size(), run.predictive.draws.size(), source);
    if (run.abc) {
      // The tolerance against the error model's level: above it the posterior is that of a
      // larger error than the spec's (wider bands), below it of a smaller one.
      const double level = static_cast<double>(run.targets.size()) + 2.0;
      const double tolerance = run.abc->generations.back().tolerance;
      out += fmt::format(
          "  ABC-SMC: {} generation(s), last tolerance {:.4g} = {:.2f} x the error model's level "
          "(targets + 2; the posterior stands for an error {:.2f} x the spec's); {}\n",
          run.abc->generations.size(), tolerance, tolerance / level, std::sqrt(tolerance / level),
          run.abc->stopped_because);
    }
    for (std::size_t k = 0; k < params.size(); ++k) {
      if (run.abc) {
        out += fmt::format("  {:<40} {:>12.6g}  [{:.6g}, {:.6g}]\n", params[k].name,
                           run.abc->mean[k], run.abc->q05[k], run.abc->q95[k]);
      } else {
        out += fmt::format("  {:<40} {:>12.6g}\n", params[k].name, run.point[k]);
      }
    }
    out += fmt::format("  {:>8} {:<24} {:>5} {:>10} {:>10} {:>10} {:>10} {:>7} {:>10} {:>7}\n",
                       "month", "indicator", "ahead", "observed", "5%", "median", "95%", "inside",
                       "width", "rel.");
    for (const HeldOutPoint& p : split.points) {
      out += fmt::format(
          "  {:>8} {:<24} {:>5} {:>10.6g} {:>10.6g} {:>10.6g} {:>10.6g} {:>7} {:>10.4g} "
          "{:>6.1f}%\n",
          p.month, p.indicator, p.months_ahead, p.observed, p.low, p.median, p.high,
          p.inside ? "yes" : "NO", p.width(), 100.0 * p.relative_width());
    }
    out += fmt::format("  {} of {} held-out point(s) inside the 90% band\n", split.coverage.inside,
                       split.coverage.points);
  }
  const Coverage& c = result.coverage;
  out += fmt::format(
      "\nCoverage over all splits: {} of {} held-out points inside the 90% band ({:.1f}%; at a "
      "nominal 90% with independent points the share would vary by {:.1f} points (1 sd)); "
      "mean width {:.4g}, mean relative width {:.1f}% of the median\n",
      c.inside, c.points, 100.0 * c.share, 100.0 * c.nominal_sd, c.mean_width,
      100.0 * c.mean_relative_width);
  long reused = 0;
  for (const BacktestSplit& split : result.splits) {
    reused += split.run.journal_hits;
  }
  out += fmt::format("{} replications simulated ({} repeated evaluations reused) in {:.1f} s\n",
                     result.simulations, reused, result.seconds);
  return out;
}

void write_backtest_csv(const std::filesystem::path& path, const BacktestResult& result) {
  std::string text =
      "until,month,indicator,months_ahead,observed,low,median,high,inside,width,relative_width\n";
  for (const BacktestSplit& split : result.splits) {
    for (const HeldOutPoint& p : split.points) {
      text += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", p.until, p.month, p.indicator,
                          p.months_ahead, csv_number(p.observed), csv_number(p.low),
                          csv_number(p.median), csv_number(p.high), p.inside ? 1 : 0,
                          csv_number(p.width()), csv_number(p.relative_width()));
    }
  }
  io::write_file_atomically(path, text, "backtest table");
}

}  // namespace werkstroom::calibration
