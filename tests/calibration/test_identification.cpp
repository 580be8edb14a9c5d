// The identification report (issue 13, item 3): per parameter the posterior's 5-95% width
// against the prior's and a verdict. A parameter the data determine must come out "pinned by
// the data"; a parameter the fitted indicator does not depend on must come out "stays at the
// prior" -- after a real ABC-SMC run on a small scenario, not on made-up particles.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>

#include <fmt/core.h>

#include "../results/hdf5_read.hpp"
#include "../support/temp_dir.hpp"
#include "calibration/calibrate.hpp"
#include "calibration/identification.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kDataDir = WERKSTROOM_CALIBRATION_TEST_DATA;

/// The recovery scenario (Jan 2019 - Dec 2020, no centre, only the ww_inflow cohort), fitted to
/// twelve months of WW inflow at 500 a month. Two parameters: the cohort's inflow level, which
/// the indicator counts directly, and the referral share of the TOZO cohort, which is switched
/// off in this scenario, so no simulated figure depends on it.
calibration::CalibrationSpec spec(const test::TempDir& dir) {
  std::string csv = "month,indicator,value,stderr\n";
  for (int m = 1; m <= 12; ++m) {
    csv += fmt::format("2019-{:02},ww_inflow,500,25\n", m);
  }
  dir.write("data.csv", csv);
  const std::string text = fmt::format(R"(scenario = "{}"
data = "data.csv"
seed = 11
methods = ["abc"]
[[parameters]]
key = "cohorts.ww_inflow.inflow_per_month"
elements = [0, 23]
name = "inflow"
lower = 200.0
upper = 1000.0
transform = "log"
[[parameters]]
key = "cohorts.tozo.referral_share"
name = "untouched"
lower = 0.0
upper = 0.5
[[indicators]]
name = "ww_inflow"
absolute_error = 1.0
[abc]
particles = 150
generations = 4
replications = 1
[predict]
draws = 4
)",
                                       (kDataDir / "recovery-scenario.toml").generic_string());
  return calibration::parse_spec(text, dir.write("spec.toml", text));
}

}  // namespace

TEST_CASE("the prior's spread is integrated from its density", "[calibration][identification]") {
  calibration::ParameterSpec uniform;
  uniform.lower = 2.0;
  uniform.upper = 12.0;
  const calibration::PriorSpread u = calibration::prior_spread(uniform);
  CHECK(u.mean == Approx(7.0).epsilon(1e-6));
  CHECK(u.sd == Approx(10.0 / std::sqrt(12.0)).epsilon(1e-4));
  CHECK(u.q05 == Approx(2.5).epsilon(1e-4));
  CHECK(u.q95 == Approx(11.5).epsilon(1e-4));

  // A normal prior far inside its bounds: the untruncated normal's quantiles.
  calibration::ParameterSpec normal;
  normal.lower = 0.0;
  normal.upper = 1.0;
  normal.prior = calibration::PriorKind::normal;
  normal.prior_mean = 0.5;
  normal.prior_sd = 0.05;
  const calibration::PriorSpread n = calibration::prior_spread(normal);
  CHECK(n.sd == Approx(0.05).epsilon(1e-3));
  CHECK(n.q95 - n.q05 == Approx(2.0 * 1.6448536 * 0.05).epsilon(1e-3));

  // Lognormal: the median is exp(mean of the log).
  calibration::ParameterSpec lognormal;
  lognormal.lower = 1.0;
  lognormal.upper = 10000.0;
  lognormal.prior = calibration::PriorKind::lognormal;
  lognormal.prior_mean = std::log(100.0);
  lognormal.prior_sd = 0.2;
  const calibration::PriorSpread l = calibration::prior_spread(lognormal);
  CHECK(l.q05 == Approx(100.0 * std::exp(-1.6448536 * 0.2)).epsilon(1e-3));
  CHECK(l.q95 == Approx(100.0 * std::exp(1.6448536 * 0.2)).epsilon(1e-3));
}

TEST_CASE("the verdict follows the stated thresholds", "[calibration][identification]") {
  CHECK(calibration::identification_verdict(0.05) == "pinned by the data");
  CHECK(calibration::identification_verdict(calibration::kPinnedWidthRatio) ==
        "pinned by the data");
  CHECK(calibration::identification_verdict(0.5) == "partly");
  CHECK(calibration::identification_verdict(calibration::kPriorWidthRatio) == "partly");
  CHECK(calibration::identification_verdict(0.95) == "stays at the prior");
  CHECK(calibration::identification_verdict(std::nan("")) == "unknown (no posterior spread)");
}

TEST_CASE("identification: the data pin the inflow, an untouched parameter stays at the prior",
          "[calibration][identification]") {
  const test::TempDir dir("werkstroom-identification");
  const calibration::CalibrationSpec s = spec(dir);
  const calibration::MonitorData data = calibration::read_monitor_data(s.data_file);
  calibration::CalibrateOptions options;
  options.threads = 2;
  const calibration::CalibrationRun run = calibration::calibrate(s, data, options);
  REQUIRE(run.abc.has_value());
  REQUIRE(run.identification.size() == 2);
  const calibration::IdentificationRow& inflow = run.identification[0];
  const calibration::IdentificationRow& untouched = run.identification[1];
  INFO("inflow width ratio " << inflow.width_ratio << ", untouched " << untouched.width_ratio);
  CHECK(inflow.source == "abc");
  CHECK(inflow.prior_width == Approx(0.9 * (1000.0 - 200.0)).epsilon(1e-3));  // uniform prior
  CHECK(inflow.verdict == "pinned by the data");
  CHECK(inflow.width_ratio < calibration::kPinnedWidthRatio);
  CHECK(untouched.verdict == "stays at the prior");
  CHECK(untouched.width_ratio > calibration::kPriorWidthRatio);
  // The untouched parameter's posterior is its prior: the ratio is near 1, not only above 0.8.
  CHECK(untouched.width_ratio == Approx(1.0).margin(0.15));

  const std::string report = calibration::calibration_report(run);
  CHECK(report.find("Identification") != std::string::npos);
  CHECK(report.find("stays at the prior") != std::string::npos);

  const std::filesystem::path h5 = dir.path() / "fit.h5";
  calibration::write_calibration_hdf5(h5, run);
  const H5::H5File f(h5.string(), H5F_ACC_RDONLY);
  const H5::Group g = f.openGroup("/identification");
  CHECK(test::text_dataset(g, "verdict") ==
        std::vector<std::string>{"pinned by the data", "stays at the prior"});
  CHECK(test::number_dataset(g, "width_ratio").values ==
        std::vector<double>{inflow.width_ratio, untouched.width_ratio});
  CHECK(test::text_attribute(g, "source") == "abc");
}
