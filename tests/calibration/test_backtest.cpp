// The backtest's machinery on a small problem: held-out data never reach the fit or the bands,
// the result does not depend on the thread count, bad splits are refused before anything is
// simulated, and the per-point table and the HDF5 file hold the points. (Coverage on synthetic
// data with a known truth: test_backtest_coverage.cpp.)

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "../results/hdf5_read.hpp"
#include "../support/temp_dir.hpp"
#include "calibration/backtest.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kDataDir = WERKSTROOM_CALIBRATION_TEST_DATA;

/// Running WW for the 12 months of 2019, with one value replaced (month 1-12) when asked.
std::string monthly_data(int replaced_month = 0, int replacement = 0) {
  const int running[] = {3900, 3700, 3600, 3500, 3450, 3400, 3380, 3370, 3360, 3350, 3345, 3340};
  std::string csv = "month,indicator,value\n";
  for (int m = 1; m <= 12; ++m) {
    const int value = m == replaced_month ? replacement : running[m - 1];
    csv += fmt::format("2019-{:02},ww_benefits_running,{}\n", m, value);
  }
  return csv;
}

/// The recovery scenario's running WW with two parameters and few evaluations: the machinery
/// matters here, not the fit.
calibration::CalibrationSpec small_spec(const test::TempDir& dir,
                                        const std::string& abc_settings = "generations = 2") {
  if (!std::filesystem::exists(dir.path() / "data.csv")) {
    dir.write("data.csv", monthly_data());  // the spec checks that its data file exists
  }
  const std::string text =
      fmt::format(R"(scenario = "{}"
data = "data.csv"
fit_until = "2019-12"
seed = 11
methods = ["smm", "abc"]
[[parameters]]
key = "cohorts.ww_inflow.inflow_per_month"
elements = [0, 35]
lower = 200.0
upper = 900.0
transform = "log"
[[parameters]]
key = "hazards.ww_find_work.rate_per_month"
lower = 0.02
upper = 0.3
transform = "logit"
[[indicators]]
name = "ww_benefits_running"
relative_error = 0.03
[smm]
restarts = 1
max_evaluations = 10
replications = 2
[abc]
particles = 16
{}
[predict]
draws = 8
)",
                  (kDataDir / "recovery-scenario.toml").generic_string(), abc_settings);
  return calibration::parse_spec(text, dir.write("spec.toml", text));
}

calibration::BacktestResult run_backtest(const test::TempDir& dir, const std::string& csv,
                                         std::vector<std::string> splits, int threads = 2) {
  const calibration::MonitorData data =
      calibration::parse_monitor_data(csv, (dir.path() / "data.csv").string());
  calibration::BacktestOptions options;
  options.splits = std::move(splits);
  options.threads = threads;
  return calibration::backtest(small_spec(dir), data, options);
}

/// Everything the fit of a split produced, compared bit for bit.
void require_same_fit(const calibration::CalibrationRun& a, const calibration::CalibrationRun& b) {
  REQUIRE(a.smm.has_value());
  REQUIRE(b.smm.has_value());
  CHECK(a.smm->estimate == b.smm->estimate);
  CHECK(a.smm->distance == b.smm->distance);
  REQUIRE(a.abc.has_value());
  REQUIRE(b.abc.has_value());
  CHECK(a.abc->particles == b.abc->particles);
  CHECK(a.abc->weights == b.abc->weights);
  CHECK(a.predictive.draws == b.predictive.draws);
  CHECK(a.predictive.paths == b.predictive.paths);
  CHECK(a.point == b.point);
}

}  // namespace

TEST_CASE("backtest: a held-out value changes nothing of the fit or the bands",
          "[calibration][backtest]") {
  const test::TempDir dir("werkstroom-backtest");
  const auto base = run_backtest(dir, monthly_data(), {"2019-06"});
  REQUIRE(base.splits.size() == 1);
  const calibration::BacktestSplit& a = base.splits.front();
  CHECK(a.run.targets.size() == 6);
  REQUIRE(a.points.size() == 6);  // Jul - Dec held out

  // Sep 2019 (held out) made absurd: the fit and every band stay bit-identical.
  const auto changed = run_backtest(dir, monthly_data(9, 9999), {"2019-06"});
  const calibration::BacktestSplit& b = changed.splits.front();
  require_same_fit(a.run, b.run);
  REQUIRE(b.points.size() == a.points.size());
  for (std::size_t k = 0; k < a.points.size(); ++k) {
    INFO("held-out point " << a.points[k].month);
    CHECK(a.points[k].low == b.points[k].low);
    CHECK(a.points[k].median == b.points[k].median);
    CHECK(a.points[k].high == b.points[k].high);
    CHECK((a.points[k].month == "2019-09") == (a.points[k].observed != b.points[k].observed));
  }
  CHECK_FALSE(b.points[2].inside);  // 9999 is far outside

  // The control: a fitted value (Mar 2019) does move the fit, so the comparison above can fail.
  const auto fitted_changed = run_backtest(dir, monthly_data(3, 4200), {"2019-06"});
  CHECK(fitted_changed.splits.front().run.smm->estimate != a.run.smm->estimate);
  CHECK(fitted_changed.splits.front().run.predictive.paths != a.run.predictive.paths);
}

TEST_CASE("backtest: the same result for any thread count", "[calibration][backtest]") {
  const test::TempDir dir("werkstroom-backtest");
  const auto one = run_backtest(dir, monthly_data(), {"2019-04", "2019-08"}, 1);
  const auto two = run_backtest(dir, monthly_data(), {"2019-04", "2019-08"}, 2);
  REQUIRE(one.splits.size() == 2);
  REQUIRE(two.splits.size() == 2);
  for (std::size_t s = 0; s < 2; ++s) {
    require_same_fit(one.splits[s].run, two.splits[s].run);
    REQUIRE(one.splits[s].points.size() == two.splits[s].points.size());
    for (std::size_t k = 0; k < one.splits[s].points.size(); ++k) {
      CHECK(one.splits[s].points[k].low == two.splits[s].points[k].low);
      CHECK(one.splits[s].points[k].high == two.splits[s].points[k].high);
    }
  }
  // Splits are fitted separately: Apr holds out 8 months, Aug 4; the summary pools all 12.
  CHECK(one.splits[0].points.size() == 8);
  CHECK(one.splits[1].points.size() == 4);
  CHECK(one.splits[0].points.front().months_ahead == 1);
  CHECK(one.splits[0].points.back().months_ahead == 8);
  CHECK(one.coverage.points == 12);
  CHECK(one.coverage.inside == one.splits[0].coverage.inside + one.splits[1].coverage.inside);
}

TEST_CASE("backtest: the bands of the figures hold the error model", "[calibration][backtest]") {
  const test::TempDir dir("werkstroom-backtest");
  const auto result = run_backtest(dir, monthly_data(), {"2019-06"});
  const calibration::BacktestSplit& s = result.splits.front();
  for (const calibration::HeldOutPoint& p : s.points) {
    INFO("held-out point " << p.month);
    const auto m = static_cast<std::size_t>(
        std::find(s.run.months.begin(), s.run.months.end(), p.month) - s.run.months.begin());
    // The figure's band is wider than the model's own (parameters and simulation noise) by
    // at least what a 3% error alone gives: 2 x 1.645 x 3% of the level, less a little for
    // the Monte Carlo noise of 8 draws.
    CHECK(p.width() > s.run.predictive.high[0][m] - s.run.predictive.low[0][m]);
    CHECK(p.width() > 0.8 * 2 * 1.645 * 0.03 * p.median);
    CHECK(p.low < p.median);
    CHECK(p.median < p.high);
  }
}

TEST_CASE("backtest: bad splits are refused before anything runs", "[calibration][backtest]") {
  const test::TempDir dir("werkstroom-backtest");
  const calibration::CalibrationSpec spec = small_spec(dir);
  const calibration::MonitorData data =
      calibration::parse_monitor_data(monthly_data(), (dir.path() / "data.csv").string());
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(calibration::check_splits(spec, data, {}),
                    Contains("--until") && Contains("found none"));
  CHECK_THROWS_WITH(calibration::check_splits(spec, data, {"2019-13"}),
                    Contains("--until") && Contains("YYYY-MM") && Contains("\"2019-13\""));
  CHECK_THROWS_WITH(calibration::check_splits(spec, data, {"2019-6"}), Contains("\"2019-6\""));
  CHECK_THROWS_WITH(calibration::check_splits(spec, data, {"2019-05", "2019-05"}),
                    Contains("twice"));
  // After the last data row: nothing to hold out; the message names the data file.
  CHECK_THROWS_WITH(calibration::check_splits(spec, data, {"2019-12"}),
                    Contains("data.csv") && Contains("--until 2019-12") &&
                        Contains("found none (the last such row is 2019-12)"));
  // Before the first data row: nothing to fit.
  CHECK_THROWS_WITH(calibration::check_splits(spec, data, {"2018-06"}),
                    Contains("--until 2018-06") && Contains("no data rows to fit"));
  CHECK_NOTHROW(calibration::check_splits(spec, data, {"2019-01", "2019-11"}));
}

TEST_CASE("backtest: the table and the HDF5 file hold every held-out point",
          "[calibration][backtest]") {
  const test::TempDir dir("werkstroom-backtest");
  const auto result = run_backtest(dir, monthly_data(), {"2019-09"});
  const auto csv = dir.path() / "points.csv";
  const auto h5 = dir.path() / "backtest.h5";
  calibration::write_backtest_csv(csv, result);
  calibration::write_backtest_hdf5(h5, result);

  std::ifstream in(csv);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.rfind("until,month,indicator,months_ahead,observed,low,median,high,inside,width,"
                   "relative_width\n",
                   0) == 0);
  CHECK(text.find("2019-09,2019-10,ww_benefits_running,1,3350,") != std::string::npos);
  CHECK(text.find("2019-09,2019-12,ww_benefits_running,3,3340,") != std::string::npos);

  const H5::H5File file(h5.string(), H5F_ACC_RDONLY);
  CHECK(test::text_attribute(file.openGroup("/"), "schema") == "werkstroom-backtest/1");
  const H5::Group points = file.openGroup("/points");
  CHECK(test::text_dataset(points, "month") ==
        std::vector<std::string>{"2019-10", "2019-11", "2019-12"});
  const std::vector<double> low = test::number_dataset(points, "low").values;
  REQUIRE(low.size() == 3);
  CHECK(low[1] == result.splits.front().points[1].low);
  CHECK(test::text_dataset(file.openGroup("/splits"), "until") ==
        std::vector<std::string>{"2019-09"});
}

TEST_CASE("ABC-SMC stops at the error model's tolerance when asked to", "[calibration][backtest]") {
  const test::TempDir dir("werkstroom-backtest");
  // Fitted to Jun 2019: 6 targets, so the error model's level is 6 + 2 = 8 (in units of D).
  const calibration::CalibrationSpec spec =
      small_spec(dir, "generations = 12\nmin_acceptance = 0.0\nstop_at_error_model = true");
  const calibration::MonitorData data =
      calibration::parse_monitor_data(monthly_data(), (dir.path() / "data.csv").string());
  calibration::BacktestOptions options;
  options.splits = {"2019-06"};
  options.threads = 2;
  const auto result = calibration::backtest(spec, data, options);
  const calibration::AbcResult& abc = *result.splits.front().run.abc;
  INFO(abc.stopped_because);
  REQUIRE(abc.generations.size() > 1);
  for (std::size_t g = 1; g < abc.generations.size(); ++g) {
    CHECK(abc.generations[g].tolerance >= 8.0);
  }
  // Twelve generations halve the tolerance far below 8 unless the rule stops them.
  CHECK(abc.generations.size() < 12);
  CHECK(abc.generations.back().tolerance == 8.0);
  CHECK_THAT(abc.stopped_because, Catch::Matchers::Contains("error model's level"));
  // Its particles are the paths the bands continue: one per particle, over every month.
  REQUIRE(abc.paths.size() == abc.weights.size());
  CHECK(abc.paths.front().front().size() == result.splits.front().run.months.size());
  CHECK(result.splits.front().run.predictive.source == "abc-paths");
}
