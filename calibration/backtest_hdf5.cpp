// The backtest's HDF5 file (`werkstroom-backtest/1`); docs/calibration.md lists the datasets.

#include <H5Cpp.h>
#include <fmt/core.h>

#include "calibration/backtest.hpp"
#include "calibration/hdf5_provenance.hpp"
#include "results/hdf5_helpers.hpp"

namespace werkstroom::calibration {

namespace {

using results::SeriesInfo;
using namespace results::detail;

void vector_dataset(const H5::Group& g, const std::string& name, const std::vector<double>& v,
                    const SeriesInfo& info) {
  number_dataset(g, name, v, {v.size()}, info);
}

void coverage_attributes(const H5::Group& g, const Coverage& c) {
  int_attribute(g, "points", static_cast<std::int64_t>(c.points));
  int_attribute(g, "inside", static_cast<std::int64_t>(c.inside));
  // Shares as text with 6 decimals, as the calibration file's distance: attributes stay
  // readable in h5dump and the values exact enough for a summary.
  text_attribute(g, "coverage", fmt::format("{:.6f}", c.share));
  text_attribute(g, "mean_width", fmt::format("{:.6g}", c.mean_width));
  text_attribute(g, "mean_relative_width", fmt::format("{:.6f}", c.mean_relative_width));
}

// Everything in the file; every object it opens is closed again on return.
void write_file(H5::H5File& f, const BacktestResult& result) {
  const H5::Group root = f.openGroup("/");
  provenance_attributes(root, "werkstroom-backtest/1", result.spec, result.data);
  uint_attribute(root, "seed", result.spec.seed);
  int_attribute(root, "simulations", result.simulations);
  coverage_attributes(root, result.coverage);

  std::vector<std::string> untils;
  std::vector<double> fitted;
  std::vector<double> held_out;
  std::vector<double> inside;
  std::vector<double> shares;
  std::vector<double> relative_widths;
  std::vector<std::string> p_until;
  std::vector<std::string> p_month;
  std::vector<std::string> p_indicator;
  std::vector<double> p_ahead;
  std::vector<double> p_observed;
  std::vector<double> p_low;
  std::vector<double> p_median;
  std::vector<double> p_high;
  std::vector<double> p_inside;
  std::vector<double> p_width;
  for (const BacktestSplit& s : result.splits) {
    untils.push_back(s.until);
    fitted.push_back(static_cast<double>(s.run.targets.size()));
    held_out.push_back(static_cast<double>(s.coverage.points));
    inside.push_back(static_cast<double>(s.coverage.inside));
    shares.push_back(s.coverage.share);
    relative_widths.push_back(s.coverage.mean_relative_width);
    for (const HeldOutPoint& p : s.points) {
      p_until.push_back(p.until);
      p_month.push_back(p.month);
      p_indicator.push_back(p.indicator);
      p_ahead.push_back(p.months_ahead);
      p_observed.push_back(p.observed);
      p_low.push_back(p.low);
      p_median.push_back(p.median);
      p_high.push_back(p.high);
      p_inside.push_back(p.inside ? 1.0 : 0.0);
      p_width.push_back(p.width());
    }
  }
  const H5::Group splits = f.createGroup("splits", utf8_links());
  text_dataset(splits, "until", untils, {"", "", "last month fitted, per split"});
  vector_dataset(splits, "fitted_points", fitted, {"", "", "data rows fitted"});
  vector_dataset(splits, "held_out_points", held_out, {"", "", "data rows held out"});
  vector_dataset(splits, "inside", inside, {"", "", "held-out rows inside the 90% band"});
  vector_dataset(splits, "coverage", shares, {"", "", "inside / held-out rows"});
  vector_dataset(splits, "mean_relative_width", relative_widths,
                 {"", "", "mean of (95% - 5%) / median over the held-out rows"});
  for (const BacktestSplit& s : result.splits) {
    const H5::Group g = splits.createGroup(s.until, utf8_links());
    vector_dataset(g, "calibrated", s.run.point,
                   {"", "", "the fit's values (SMM estimate, else ABC-SMC posterior mean)"});
    text_dataset(g, "month", s.run.months, {"", "", "months of the scenario"});
    for (std::size_t i = 0; i < s.run.indicators.size(); ++i) {
      const H5::Group ind = g.createGroup(s.run.indicators[i], utf8_links());
      vector_dataset(ind, "low", s.run.predictive.low[i],
                     {"", "", "5% quantile of the model's figure per month"});
      vector_dataset(ind, "median", s.run.predictive.median[i], {"", "", "median per month"});
      vector_dataset(ind, "high", s.run.predictive.high[i], {"", "", "95% quantile per month"});
    }
  }
  const H5::Group points = f.createGroup("points", utf8_links());
  text_dataset(points, "until", p_until, {"", "", "the split of each held-out row"});
  text_dataset(points, "month", p_month, {"", "", "month of the row (YYYY-MM)"});
  text_dataset(points, "indicator", p_indicator, {"", "", "indicator of the row"});
  vector_dataset(points, "months_ahead", p_ahead, {"", "months", "months after the split"});
  vector_dataset(points, "observed", p_observed, {"", "", "the published figure"});
  vector_dataset(points, "low", p_low, {"", "", "5% quantile of the figure's predictive"});
  vector_dataset(points, "median", p_median, {"", "", "median of the figure's predictive"});
  vector_dataset(points, "high", p_high, {"", "", "95% quantile of the figure's predictive"});
  vector_dataset(points, "inside", p_inside, {"", "", "1 when low <= observed <= high"});
  vector_dataset(points, "width", p_width, {"", "", "high - low"});
}

}  // namespace

void write_backtest_hdf5(const std::filesystem::path& path, const BacktestResult& result) {
  write_hdf5_atomically(path, "backtest file", [&](H5::H5File& file) { write_file(file, result); });
}

}  // namespace werkstroom::calibration
