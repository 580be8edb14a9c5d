// A backtest on synthetic data with a known truth covers it at the nominal rate (issue 13).
//
// Each split is a synthetic world of its own: parameter values drawn from the spec's prior (so
// that exact Bayesian bands cover at exactly their nominal rate: the truth is a draw from the
// distribution the bands average over), one realisation of the model at those values with a
// seed of its own, plus the spec's observation error (8% of the level, normal). The backtest
// fits the first 6 months (ABC-SMC, stopping at the error model's tolerance) and predicts the
// 18 after. Bands that leave out a source of uncertainty -- the parameters, the simulation
// noise or the observation error -- cover less than 90%; bands that count one twice, or an
// ABC posterior left at too large a tolerance, cover more.
//
// Two checks, each with a tolerance computed from its n:
//  1. Independent points: one held-out point per split (the horizon cycles through 1..18
//     months, so every horizon counts). Splits share nothing, so the count inside is
//     Binomial(n, 0.9) when the bands are right: the share must lie within 3 binomial standard
//     deviations, 3 sqrt(0.9 x 0.1 / n), of 0.9. (The seeds fix the data: the test is
//     deterministic; 3 sd make a false alarm for correct bands rare if the seeds change.)
//  2. All held-out points pooled (18 per split): points of one split share its fit, so their
//     count is not binomial; the standard error of the pooled share is taken from the spread of
//     the splits' own shares (the cluster estimate), and never below the binomial one of all
//     points. The share must lie within 3 of those of 0.9 -- narrower than check 1, so it also
//     catches bands that are too wide.
//
// The world is small (a stock of ~400) so that 50+ fits stay cheap, and its error model (8%)
// is larger than the simulation noise (~6% per month), so that ABC-SMC reaches the error
// model's tolerance within a small budget; where it does not (a world far in a corner of the
// prior), the budget keeps the last generation, whose wider posterior errs on the safe side.
// Heavy (about a minute on 2 cores in a Release build): scripts/test.sh leaves it out of the
// sanitizer run, as the parameter recovery test; the same code runs there in test_backtest.cpp.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "../support/temp_dir.hpp"
#include "calibration/backtest.hpp"
#include "calibration/observables.hpp"
#include "calibration/parameter_space.hpp"
#include "model/region_model.hpp"
#include "scenario/loader.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kScenario =
    std::filesystem::path(WERKSTROOM_CALIBRATION_TEST_DATA) / "backtest-scenario.toml";
constexpr int kSplits = 50;                // synthetic worlds (>= 50: issue 13)
constexpr double kRelativeError = 0.08;    // the spec's error model, also used to make the data
constexpr const char* kUntil = "2019-06";  // fit Jan - Jun 2019, hold out Jul 2019 - Dec 2020
constexpr int kHeldOutMonths = 18;
constexpr double kToleranceSds = 3.0;
constexpr std::uint64_t kWorldSeed = 4242;  // truths, realisations and observation errors

std::string spec_text() {
  return fmt::format(R"(scenario = "{}"
data = "data.csv"
methods = ["abc"]

[[parameters]]
key = "cohorts.ww_inflow.inflow_per_month"
elements = [0, 35]
name = "ww_inflow"
lower = 35.0
upper = 70.0
transform = "log"

[[parameters]]
key = "hazards.ww_find_work.rate_per_month"
lower = 0.05
upper = 0.15
transform = "logit"

[[indicators]]
name = "ww_benefits_running"
relative_error = {}

[abc]
particles = 50
generations = 10
quantile = 0.5
min_acceptance = 0.1
max_simulations = 1500
stop_at_error_model = true

[predict]
draws = 50
)",
                     kScenario.generic_string(), kRelativeError);
}

/// World s: a truth drawn from the prior, one realisation and its observation errors, as
/// monitor data.
calibration::MonitorData synthetic_world(const calibration::CalibrationSpec& spec,
                                         const scenario::LoadedScenario& base, int s) {
  const calibration::ParameterSpace space(spec.parameters);
  const auto world = static_cast<std::uint64_t>(s);
  kernel::RandomStream truth_rng(
      kernel::StreamKey{kWorldSeed, world, kernel::hash_name("test/truth"), 0});
  const std::vector<double> truth = space.sample_prior(truth_rng);
  const scenario::LoadedScenario scenario = space.apply(base, truth);
  const model::ReplicationResult r =
      model::run_replication(scenario.parameters, {kWorldSeed + world, 0});
  kernel::RandomStream error_rng(
      kernel::StreamKey{kWorldSeed, world, kernel::hash_name("test/observation"), 0});
  std::string csv = "month,indicator,value\n";
  for (const std::string& month : r.month_labels) {
    const double value = calibration::observe(r, "ww_benefits_running", month).value();
    const double observed = value + kRelativeError * value * error_rng.normal(0.0, 1.0);
    csv += fmt::format("{},ww_benefits_running,{}\n", month, std::max(observed, 0.0));
  }
  return calibration::parse_monitor_data(csv, fmt::format("world-{}.csv", s));
}

}  // namespace

TEST_CASE("backtest on synthetic data covers a known truth at the nominal rate",
          "[calibration][backtest][coverage]") {
  const test::TempDir dir("werkstroom-backtest-coverage");
  dir.write("data.csv", "month,indicator,value\n");  // the spec's data must exist; unused
  const calibration::CalibrationSpec spec =
      calibration::parse_spec(spec_text(), dir.path() / "spec.toml");
  const scenario::LoadedScenario base = scenario::load_scenario(kScenario);

  int independent_inside = 0;
  std::vector<double> split_shares;
  std::vector<calibration::HeldOutPoint> pooled;
  for (int s = 0; s < kSplits; ++s) {
    calibration::BacktestOptions options;
    options.splits = {kUntil};
    options.seed = 20201101 + static_cast<std::uint64_t>(s);
    options.threads = 2;
    const calibration::BacktestResult result =
        calibration::backtest(spec, synthetic_world(spec, base, s), options);
    const std::vector<calibration::HeldOutPoint>& points = result.splits.front().points;
    REQUIRE(points.size() == kHeldOutMonths);
    const calibration::HeldOutPoint& chosen = points[static_cast<std::size_t>(s % kHeldOutMonths)];
    REQUIRE(chosen.months_ahead == 1 + s % kHeldOutMonths);
    independent_inside += chosen.inside ? 1 : 0;
    split_shares.push_back(result.coverage.share);
    pooled.insert(pooled.end(), points.begin(), points.end());
  }

  const double p = calibration::kNominalCoverage;
  // 1. One point per split: Binomial(kSplits, 0.9) under correct bands.
  const double share = static_cast<double>(independent_inside) / kSplits;
  const double binomial_sd = std::sqrt(p * (1.0 - p) / kSplits);
  // 2. All points: the cluster standard error over splits, at least the binomial one.
  const calibration::Coverage all = calibration::coverage_of(pooled);
  double spread = 0.0;
  for (const double x : split_shares) spread += (x - all.share) * (x - all.share);
  const double cluster_se = std::sqrt(spread / (kSplits - 1) / kSplits);
  const double pooled_se = std::max(cluster_se, all.nominal_sd);
  WARN(fmt::format(
      "one point per split: {} of {} inside ({:.3f}; 0.9 +- {:.3f}); all points: {} of {} "
      "({:.3f}; 0.9 +- {:.3f}, cluster se {:.4f}, binomial {:.4f}); mean relative width {:.3f}",
      independent_inside, kSplits, share, kToleranceSds * binomial_sd, all.inside, all.points,
      all.share, kToleranceSds * pooled_se, cluster_se, all.nominal_sd, all.mean_relative_width));
  CHECK(std::abs(share - p) <= kToleranceSds * binomial_sd);
  CHECK(std::abs(all.share - p) <= kToleranceSds * pooled_se);
}
