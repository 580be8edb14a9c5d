// The SMM sandwich's pieces (calibration/sandwich.hpp) against a case computed by hand: two
// targets, two parameters, three replications.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"
#include "calibration/evaluator.hpp"
#include "calibration/monitor_data.hpp"
#include "calibration/sandwich.hpp"
#include "calibration/spec.hpp"
#include "two_month_spec.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kDataDir = WERKSTROOM_CALIBRATION_TEST_DATA;

/// An evaluator of two targets with sd 100 and 50 (the data's standard errors; no relative
/// error, the absolute one below them) and weight 1: W = diag(1e-4, 4e-4).
calibration::Evaluator two_target_evaluator(const test::TempDir& dir) {
  const calibration::CalibrationSpec spec = test::two_month_spec(
      dir, (kDataDir / "recovery-scenario.toml").generic_string(), 7, "2019-01", "2019-02", 50.0);
  return {spec, calibration::read_monitor_data(spec.data_file), 1};
}

}  // namespace

TEST_CASE("the sandwich's bread and meat match a case computed by hand", "[calibration]") {
  const test::TempDir dir("werkstroom-sandwich");
  const calibration::Evaluator evaluator = two_target_evaluator(dir);
  REQUIRE(evaluator.targets().size() == 2);
  REQUIRE(evaluator.targets()[0].sd == 100.0);
  REQUIRE(evaluator.targets()[1].sd == 50.0);

  // G: targets x parameters.
  Eigen::MatrixXd g(2, 2);
  g << 2.0, -1.0, 0.5, 3.0;
  // Replications with mean (3910, 3700): deviations (0, -10), (-20, 20), (20, -10).
  calibration::Evaluation at;
  at.replication_targets = {{3910.0, 3690.0}, {3890.0, 3720.0}, {3930.0, 3690.0}};
  at.simulated = {3910.0, 3700.0};
  const calibration::SandwichPieces p = calibration::sandwich_pieces(evaluator, g, at);

  // WG = diag(1e-4, 4e-4) G.
  CHECK(p.wg(0, 0) == Approx(2e-4).epsilon(1e-12));
  CHECK(p.wg(0, 1) == Approx(-1e-4).epsilon(1e-12));
  CHECK(p.wg(1, 0) == Approx(2e-4).epsilon(1e-12));
  CHECK(p.wg(1, 1) == Approx(12e-4).epsilon(1e-12));
  // A = G'WG: 4e-4 + 1e-4; -2e-4 + 6e-4; 1e-4 + 36e-4.
  CHECK(p.bread(0, 0) == Approx(5e-4).epsilon(1e-12));
  CHECK(p.bread(0, 1) == Approx(4e-4).epsilon(1e-12));
  CHECK(p.bread(1, 0) == Approx(4e-4).epsilon(1e-12));
  CHECK(p.bread(1, 1) == Approx(37e-4).epsilon(1e-12));
  // (WG)' deviation per replication: (-2e-3, -1.2e-2), (0, 2.6e-2), (2e-3, -1.4e-2); B is their
  // sum of outer products over 3 - 1.
  CHECK(p.meat(0, 0) == Approx(4e-6).epsilon(1e-12));
  CHECK(p.meat(0, 1) == Approx(-2e-6).epsilon(1e-12));
  CHECK(p.meat(1, 0) == Approx(-2e-6).epsilon(1e-12));
  CHECK(p.meat(1, 1) == Approx(5.08e-4).epsilon(1e-12));

  // One replication: no covariance to estimate, the meat is zero (the fit then gives no
  // standard errors).
  at.replication_targets.resize(1);
  at.simulated = at.replication_targets[0];
  const calibration::SandwichPieces one = calibration::sandwich_pieces(evaluator, g, at);
  CHECK(one.meat.isZero(0.0));
  CHECK(one.bread.isApprox(p.bread));
}
