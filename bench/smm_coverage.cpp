// Coverage of the SMM standard errors (docs/calibration.md): data simulated from the recovery
// test's scenario at known parameters, with many data seeds, are fitted back. If the standard
// errors are honest, z = (estimate - truth) / se is close to standard normal: mean z^2 near 1,
// |z| < 1.96 in about 95% of the fits.
//   werkstroom_bench_smm_coverage SCENARIO FIRST_SEED COUNT [THREADS] [REPLICATIONS]
// FIXED_DATA=1 keeps the data seed at FIRST_SEED and varies only the fit's seed (the part of the
// spread that comes from the simulation); DIAGNOSE=1 adds a polished optimum, the sandwich at
// the truth from 200 replications and the linearised estimate.
#include <fmt/core.h>

#include <Eigen/Dense>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlopt.hpp>
#include <string>
#include <vector>

#include "../tests/calibration/recovery_case.hpp"
#include "calibration/calibrate.hpp"
#include "calibration/evaluator.hpp"
#include "calibration/sandwich.hpp"

using namespace werkstroom;

namespace {

/// A long Nelder-Mead from the estimate on the fit's seeds: how far the estimate is from the
/// optimum of its own distance, in standard errors.
void print_polished(calibration::Evaluator& ev, const calibration::SmmResult& smm,
                    std::uint64_t seed, int reps) {
  struct Ctx {
    calibration::Evaluator* ev;
    std::uint64_t seed;
    int reps;
  };
  Ctx ctx{&ev, seed, reps};
  nlopt::opt opt(nlopt::LN_NELDERMEAD, 3);
  opt.set_lower_bounds(ev.space().search_lower());
  opt.set_upper_bounds(ev.space().search_upper());
  opt.set_min_objective(
      [](unsigned n, const double* z, double*, void* data) {
        auto* c = static_cast<Ctx*>(data);
        return c->ev
            ->evaluate(c->ev->space().from_search(std::vector<double>(z, z + n)), c->seed, c->reps)
            .distance;
      },
      &ctx);
  opt.set_maxeval(400);
  opt.set_xtol_rel(1e-9);
  opt.set_initial_step(std::vector<double>{0.02, 0.02, 0.02});
  std::vector<double> zp = ev.space().to_search(smm.estimate);
  double dp = 0;
  try {
    opt.optimize(zp, dp);
  } catch (const std::exception&) {
  }
  const std::vector<double> pol = ev.space().from_search(zp);
  fmt::print(" [polished D {:.3f}:", dp);
  for (std::size_t i = 0; i < 3; ++i) {
    fmt::print(" {:+.2f}se", (pol[i] - smm.estimate[i]) / smm.standard_errors[i]);
  }
  fmt::print("]");
}

/// The sandwich at the truth from 200 replications (calibration/sandwich.hpp, as the fit uses
/// it, with a precise G and Omega), and the linearised estimate from the fit's seeds, in standard
/// errors from the estimate.
void print_sandwich_at_truth(calibration::Evaluator& ev, const calibration::SmmResult& smm,
                             const std::vector<double>& truth, std::uint64_t seed, int reps) {
  const auto& space = ev.space();
  const std::vector<double> z0 = space.to_search(truth);
  const int big = 200;
  const std::size_t T = ev.targets().size();
  std::vector<std::vector<double>> pts;
  for (std::size_t i = 0; i < 3; ++i) {
    for (const double h : {0.05, -0.05}) {
      auto z = z0;
      z[i] += h;
      pts.push_back(space.from_search(z));
    }
  }
  const auto e = ev.evaluate(pts, std::vector<std::uint64_t>(6, 4242), big);
  const auto om = ev.evaluate(truth, 9191, big, true);
  Eigen::MatrixXd G(T, 3);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t t = 0; t < T; ++t) {
      G(t, i) = (e[2 * i].simulated[t] - e[2 * i + 1].simulated[t]) / 0.1;
    }
  }
  const calibration::SandwichPieces pieces = calibration::sandwich_pieces(ev, G, om);
  const Eigen::MatrixXd& A = pieces.bread;
  const Eigen::MatrixXd& B = pieces.meat;
  const Eigen::MatrixXd& WG = pieces.wg;
  const Eigen::MatrixXd Ai = A.inverse();
  const Eigen::MatrixXd cov = Ai * B * Ai * (1.0 + 1.0 / reps);
  // Linearised estimate from this data and the fit's seeds at the truth.
  const auto at0 = ev.evaluate(truth, seed, reps);
  Eigen::VectorXd dev(T);
  for (std::size_t t = 0; t < T; ++t) dev(t) = at0.simulated[t] - ev.targets()[t].observed;
  const Eigen::VectorXd zl = -Ai * (WG.transpose() * dev);
  fmt::print(" [bigR se:");
  for (std::size_t i = 0; i < 3; ++i) {
    fmt::print(" {:.3g}", std::sqrt(cov(i, i)) * space.derivative(i, z0[i]));
  }
  fmt::print(" lin-est:");
  for (std::size_t i = 0; i < 3; ++i) {
    fmt::print(" {:+.2f}se", (truth[i] + zl(i) * space.derivative(i, z0[i]) - smm.estimate[i]) /
                                 smm.standard_errors[i]);
  }
  fmt::print("]");
}

int run(int argc, char** argv) {
  if (argc < 4) {
    fmt::print(stderr, "usage: {} SCENARIO FIRST_SEED COUNT [THREADS] [REPS]\n", argv[0]);
    return 2;
  }
  const std::filesystem::path scenario_path = argv[1];
  const std::uint64_t first = std::strtoull(argv[2], nullptr, 10);
  const int count = std::atoi(argv[3]);
  const int threads = argc > 4 ? std::atoi(argv[4]) : 2;
  const int reps = argc > 5 ? std::atoi(argv[5]) : 10;
  const std::vector<double>& truth = test::kRecoveryTruth;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("smm-coverage-{}", first);
  std::filesystem::create_directories(dir);
  // Per parameter, over the fits with standard errors: sums for the summary.
  std::vector<double> z2(truth.size(), 0.0);
  std::vector<double> inside(truth.size(), 0.0);
  std::vector<double> se_sum(truth.size(), 0.0);
  std::vector<double> est_sum(truth.size(), 0.0);
  std::vector<double> est_sq(truth.size(), 0.0);
  int fits = 0;
  for (int s = 0; s < count; ++s) {
    const std::uint64_t seed =
        std::getenv("FIXED_DATA") != nullptr ? first : first + static_cast<std::uint64_t>(s);
    std::ofstream(dir / "data.csv") << test::recovery_data(scenario_path, seed);
    const calibration::MonitorData data = calibration::read_monitor_data(dir / "data.csv");
    test::RecoverySettings settings;
    settings.methods = R"(["smm"])";
    settings.seed = 20201101 + static_cast<std::uint64_t>(s);
    settings.replications = reps;
    settings.seed_refits.reset();  // the spec's default
    settings.predict_draws = 2;
    const calibration::CalibrationSpec parsed = calibration::parse_spec(
        test::recovery_spec(std::filesystem::absolute(scenario_path), settings), dir / "spec.toml");
    calibration::CalibrateOptions options;
    options.threads = threads;
    const calibration::CalibrationRun run = calibration::calibrate(parsed, data, options);
    const calibration::SmmResult& smm = *run.smm;
    fmt::print("seed {}", seed);
    const bool with_se = std::isfinite(smm.standard_errors[0]);
    fits += with_se ? 1 : 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
      const double z = (smm.estimate[i] - truth[i]) / smm.standard_errors[i];
      if (with_se) {
        z2[i] += z * z;
        inside[i] += std::abs(z) < 1.96 ? 1.0 : 0.0;
        se_sum[i] += smm.standard_errors[i];
        est_sum[i] += smm.estimate[i];
        est_sq[i] += smm.estimate[i] * smm.estimate[i];
      }
      fmt::print("  {:.5g}±{:.3g} z {:+.2f}", smm.estimate[i], smm.standard_errors[i], z);
    }
    calibration::Evaluator ev(parsed, data, threads);
    const double d_truth = ev.evaluate(truth, parsed.seed, reps).distance;
    const double d_est = ev.evaluate(smm.estimate, parsed.seed, reps).distance;
    if (std::getenv("DIAGNOSE") != nullptr) {
      print_polished(ev, smm, parsed.seed, reps);
      print_sandwich_at_truth(ev, smm, truth, parsed.seed, reps);
    }
    fmt::print("  D {:.2f} D(est) {:.2f} D(truth) {:.2f}{}\n", smm.distance, d_est, d_truth,
               smm.warnings.empty() ? "" : " (warnings)");
    std::fflush(stdout);
  }
  fmt::print("{} of {} fits with standard errors\n", fits, count);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const double mean = est_sum[i] / fits;
    const double sd = std::sqrt((est_sq[i] - fits * mean * mean) / (fits - 1));
    fmt::print(
        "parameter {}: mean z^2 {:.2f}, |z| < 1.96 in {:.0f}%, sd of estimates {:.4g}, "
        "mean se {:.4g} (ratio {:.2f})\n",
        i, z2[i] / fits, 100.0 * inside[i] / fits, sd, se_sum[i] / fits, sd / (se_sum[i] / fits));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
