#include "calibration/smm.hpp"

#include <fmt/core.h>

#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <nlopt.hpp>

#include "calibration/sandwich.hpp"
#include "experiment/experiment.hpp"

namespace werkstroom::calibration {

namespace {

/// Step of the central differences in search coordinates: a compromise between truncation
/// error and the kinks that a finite number of simulated people leave in D.
constexpr double kCurvatureStep = 0.05;
/// Eigenvalues of H below this share of the largest count as flat (not identified).
constexpr double kFlatRatio = 1e-6;
/// Eigenvector components shown when naming a direction.
constexpr double kShownComponent = 0.1;
/// Correlations of estimates beyond this are reported (weak identification).
constexpr double kStrongCorrelation = 0.95;
/// Replications at the estimate for the covariance Omega of one realisation's targets.
constexpr int kOmegaReplications = 100;

nlopt::algorithm local_algorithm(const std::string& name) {
  if (name == "sbplx") return nlopt::LN_SBPLX;
  if (name == "neldermead") return nlopt::LN_NELDERMEAD;
  return nlopt::LN_BOBYQA;
}

struct Objective {
  Evaluator* evaluator;
  const ParameterSpace* space;
  std::uint64_t seed;
  int replications;
  int search;
  std::vector<SmmTracePoint>* trace;
  std::exception_ptr error;  // thrown by an evaluation; rethrown after NLopt has stopped
};

double objective(unsigned n, const double* z, double* /*gradient*/, void* data) {
  auto* o = static_cast<Objective*>(data);
  // NLopt turns exceptions from the objective into a generic failure: keep ours and stop it.
  try {
    const std::vector<double> values = o->space->from_search(std::vector<double>(z, z + n));
    const Evaluation e = o->evaluator->evaluate(values, o->seed, o->replications);
    o->trace->push_back(SmmTracePoint{o->search, values, e.distance});
    return e.distance;
  } catch (...) {
    o->error = std::current_exception();
    throw nlopt::forced_stop();
  }
}

/// Initial steps of a search, as a share of each search range.
constexpr double kStartStep = 0.1;

/// Runs one NLopt search from z (updated to the best point); returns the best D.
double search(nlopt::algorithm algorithm, std::vector<double>& z, const ParameterSpace& space,
              int max_evaluations, double tolerance, Objective& o) {
  nlopt::opt opt(algorithm, static_cast<unsigned>(space.size()));
  opt.set_lower_bounds(space.search_lower());
  opt.set_upper_bounds(space.search_upper());
  opt.set_min_objective(objective, &o);
  opt.set_maxeval(max_evaluations);
  opt.set_xtol_rel(tolerance);
  if (algorithm == nlopt::GN_ISRES || algorithm == nlopt::GN_CRS2_LM) {
    opt.set_population(0);  // NLopt's default population for the problem size
  }
  std::vector<double> step;
  for (std::size_t i = 0; i < space.size(); ++i) {
    step.push_back(kStartStep * (space.search_upper()[i] - space.search_lower()[i]));
  }
  if (algorithm != nlopt::GN_ISRES && algorithm != nlopt::GN_CRS2_LM) opt.set_initial_step(step);
  double best = std::numeric_limits<double>::infinity();
  try {
    opt.optimize(z, best);
  } catch (const nlopt::roundoff_limited&) {
    // The search stopped on rounding: its point is still the best found.
  } catch (const nlopt::forced_stop&) {
    if (o.error) std::rethrow_exception(o.error);
    throw experiment::Interrupted();
  }
  return best;
}

}  // namespace

SmmResult run_smm(Evaluator& evaluator, const SmmSettings& settings, std::uint64_t seed) {
  const ParameterSpace& space = evaluator.space();
  const std::size_t n = space.size();
  SmmResult result;
  const std::uint64_t sim_seed = seed;  // every evaluation: the same seeds (CRN)
  Objective o{&evaluator, &space, sim_seed, settings.replications, 0, &result.trace, nullptr};

  const std::vector<double> lo = space.search_lower();
  const std::vector<double> hi = space.search_upper();
  std::vector<double> best_z(n);
  for (std::size_t i = 0; i < n; ++i) best_z[i] = 0.5 * (lo[i] + hi[i]);
  double best = std::numeric_limits<double>::infinity();

  if (settings.global != "none") {
    std::vector<double> z = best_z;
    const nlopt::algorithm global =
        settings.global == "isres" ? nlopt::GN_ISRES : nlopt::GN_CRS2_LM;
    o.search = 0;
    const double d =
        search(global, z, space, settings.global_evaluations, settings.relative_tolerance, o);
    if (d < best) {
      best = d;
      best_z = z;
    }
  }
  kernel::RandomStream starts(kernel::StreamKey{seed, 0, kernel::hash_name("smm/starts"), 0});
  const std::vector<double> first_start = best_z;
  for (int r = 0; r < std::max(settings.restarts, 1); ++r) {
    std::vector<double> z = r == 0 ? first_start : space.to_search(space.sample_prior(starts));
    o.search = r + 1;
    const double d = search(local_algorithm(settings.algorithm), z, space, settings.max_evaluations,
                            settings.relative_tolerance, o);
    result.search_distances.push_back(d);
    if (d < best) {
      best = d;
      best_z = z;
    }
  }
  result.estimate = space.from_search(best_z);
  result.distance = best;

  // The simulation's part of the error, measured: the same data fitted again with other seeds,
  // by the first local search (from the same start; a search started at the estimate stays
  // close to it, and so would miss the spread). With common random numbers the estimate is the
  // best fit for its seeds, and the seeds' luck moves it 2-5 times more than the sandwich's 1/R
  // term says (measured with bench/smm_coverage.cpp; docs/calibration.md).
  std::vector<Eigen::VectorXd> seed_optima{
      Eigen::Map<const Eigen::VectorXd>(best_z.data(), static_cast<Eigen::Index>(n))};
  long refit_evaluations = 0;
  // Without standard errors (one replication per evaluation: no Omega) refits measure nothing.
  const int refits = settings.replications >= 2 ? settings.seed_refits : 0;
  for (int k = 0; k < refits; ++k) {
    std::vector<SmmTracePoint> refit_trace;  // D of other seeds: not comparable, not traced
    Objective refit{&evaluator,
                    &space,
                    kernel::derive_stream_key(kernel::StreamKey{
                        seed, 0, kernel::hash_name("smm/refit"), static_cast<std::uint64_t>(k)}),
                    settings.replications,
                    -1,
                    &refit_trace,
                    nullptr};
    std::vector<double> z = first_start;
    search(local_algorithm(settings.algorithm), z, space, settings.max_evaluations,
           settings.relative_tolerance, refit);
    refit_evaluations += static_cast<long>(refit_trace.size());
    result.refit_estimates.push_back(space.from_search(z));
    seed_optima.emplace_back(
        Eigen::Map<const Eigen::VectorXd>(z.data(), static_cast<Eigen::Index>(n)));
  }

  // Curvature at the estimate: all points of the central differences in one parallel batch.
  std::vector<std::vector<double>> points;
  const auto at = [&](std::size_t i, double di, std::size_t j, double dj) {
    std::vector<double> z = best_z;
    z[i] += di;
    z[j] += dj;
    points.push_back(space.from_search(z));
    return points.size() - 1;
  };
  const double h = kCurvatureStep;
  std::vector<std::size_t> plus(n);
  std::vector<std::size_t> minus(n);
  std::vector<std::vector<std::array<std::size_t, 4>>> cross(
      n, std::vector<std::array<std::size_t, 4>>(n));
  const std::size_t centre = at(0, 0.0, 0, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    plus[i] = at(i, h, i, 0.0);
    minus[i] = at(i, -h, i, 0.0);
    for (std::size_t j = i + 1; j < n; ++j) {
      cross[i][j] = {at(i, h, j, h), at(i, h, j, -h), at(i, -h, j, h), at(i, -h, j, -h)};
    }
  }
  // Points pushed outside a bound by the step are clamped there by from_search; the differences
  // then use the actual step.
  const std::vector<std::uint64_t> same_seed(points.size(), sim_seed);
  const std::vector<Evaluation> ev = evaluator.evaluate(points, same_seed, settings.replications);
  const auto D = [&](std::size_t k) { return ev[k].distance; };
  const auto actual = [&](std::size_t k, std::size_t i) {
    return space.to_search(i, points[k][i]) - best_z[i];
  };
  Eigen::MatrixXd H =
      Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const double hp = actual(plus[i], i);
    const double hm = -actual(minus[i], i);
    const auto ii = static_cast<Eigen::Index>(i);
    if (hp > 0.0 && hm > 0.0) {
      H(ii, ii) = 2.0 * (hm * D(plus[i]) - (hp + hm) * D(centre) + hp * D(minus[i])) /
                  (hp * hm * (hp + hm));
    }
    for (std::size_t j = i + 1; j < n; ++j) {
      const auto& c = cross[i][j];
      const double di = actual(c[0], i) - actual(c[2], i);
      const double dj = actual(c[0], j) - actual(c[1], j);
      if (di > 0.0 && dj > 0.0) {
        const double v = (D(c[0]) - D(c[1]) - D(c[2]) + D(c[3])) / (di * dj);
        const auto jj = static_cast<Eigen::Index>(j);
        H(ii, jj) = v;
        H(jj, ii) = v;
      }
    }
  }
  result.hessian = H;

  // Identification: eigen-directions with (almost) no curvature.
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(H);
  const Eigen::VectorXd lambda = eigen.eigenvalues();
  const double largest = lambda.cwiseAbs().maxCoeff();
  bool positive = largest > 0.0;
  const auto direction_of = [&](Eigen::Index k) {
    std::string direction;
    for (std::size_t i = 0; i < n; ++i) {
      const double c = eigen.eigenvectors()(static_cast<Eigen::Index>(i), k);
      if (std::abs(c) >= kShownComponent) {
        direction += fmt::format("{}{:+.2f} {}", direction.empty() ? "" : " ", c,
                                 space.parameters()[i].name);
      }
    }
    return direction;
  };
  for (Eigen::Index k = 0; k < lambda.size(); ++k) {
    if (lambda(k) < -kFlatRatio * largest) {
      positive = false;
      result.warnings.push_back(fmt::format(
          "not at a minimum: the distance curves downwards in the direction {} (curvature "
          "{:.3g}); the search stopped early -- raise smm.max_evaluations or smm.restarts",
          direction_of(k), lambda(k)));
    } else if (lambda(k) <= kFlatRatio * largest) {
      positive = false;
      result.warnings.push_back(fmt::format(
          "not identified: the distance is flat in the direction {} (curvature {:.3g}, largest "
          "{:.3g}); the data do not pin these parameters down separately",
          direction_of(k), lambda(k), largest));
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double z = best_z[i];
    if (std::abs(z - lo[i]) < 1e-6 * (hi[i] - lo[i]) ||
        std::abs(z - hi[i]) < 1e-6 * (hi[i] - lo[i])) {
      result.warnings.push_back(fmt::format("{} ended at a bound of its range ({}): widen it",
                                            space.parameters()[i].name, result.estimate[i]));
    }
  }
  result.standard_errors.assign(n, std::numeric_limits<double>::quiet_NaN());
  // Sandwich covariance of the SMM estimator (Gourieroux and Monfort): with G the Jacobian of
  // the simulated targets in search coordinates, W = diag(weight / sd^2) and Omega the
  // covariance of one realisation's targets (estimated from the replications at the estimate),
  //   Cov_z = (G'WG)^-1 G'W Omega W G (G'WG)^-1 (1 + 1/R).
  // Unlike 2 H^-1 it does not assume independent errors, which matters for monthly stocks.
  // With seed refits the 1/R term (the simulation's part under linear theory) is replaced by
  // the covariance of the optima over the seeds (the estimate's and the refits'), measured:
  //   Cov_z = (G'WG)^-1 G'W Omega W G (G'WG)^-1 + S_seeds.
  const std::size_t T = evaluator.targets().size();
  const auto TT = static_cast<Eigen::Index>(T);
  const int R = std::max(settings.replications, 1);
  // Omega from more replications than the search uses (a covariance of T targets from R = 10
  // replications is too noisy), with seeds of its own.
  const int omega_reps = std::max(R, kOmegaReplications);
  const Evaluation at_estimate = evaluator.evaluate(
      result.estimate,
      kernel::derive_stream_key(kernel::StreamKey{seed, 0, kernel::hash_name("smm/omega"), 0}),
      omega_reps, true);
  Eigen::MatrixXd G(TT, static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const double step = actual(plus[i], i) - actual(minus[i], i);
    for (std::size_t t = 0; t < T; ++t) {
      G(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(i)) =
          step > 0.0 ? (ev[plus[i]].simulated[t] - ev[minus[i]].simulated[t]) / step : 0.0;
    }
  }
  // B from the replications at the estimate; used only with R >= 2 (below).
  const SandwichPieces pieces = sandwich_pieces(evaluator, G, at_estimate);
  const Eigen::MatrixXd& A = pieces.bread;
  const Eigen::MatrixXd& B = pieces.meat;
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(A);
  if (positive && R >= 2 && lu.isInvertible()) {
    const Eigen::MatrixXd A_inv = lu.inverse();
    Eigen::MatrixXd cov_z = A_inv * B * A_inv;
    if (seed_optima.size() >= 2) {
      Eigen::VectorXd mean_z = Eigen::VectorXd::Zero(A.rows());
      for (const Eigen::VectorXd& z : seed_optima) mean_z += z;
      mean_z /= static_cast<double>(seed_optima.size());
      for (const Eigen::VectorXd& z : seed_optima) {
        cov_z +=
            (z - mean_z) * (z - mean_z).transpose() / static_cast<double>(seed_optima.size() - 1);
      }
    } else {
      cov_z *= 1.0 + 1.0 / R;
    }
    Eigen::MatrixXd J = Eigen::MatrixXd::Zero(A.rows(), A.cols());
    for (std::size_t i = 0; i < n; ++i) {
      J(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i)) =
          space.derivative(i, best_z[i]);
    }
    result.covariance = J * cov_z * J.transpose();
    for (std::size_t i = 0; i < n; ++i) {
      const auto ii = static_cast<Eigen::Index>(i);
      result.standard_errors[i] = std::sqrt(std::max(result.covariance(ii, ii), 0.0));
    }
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        const auto ii = static_cast<Eigen::Index>(i);
        const auto jj = static_cast<Eigen::Index>(j);
        const double r = result.covariance(ii, jj) /
                         std::sqrt(result.covariance(ii, ii) * result.covariance(jj, jj));
        if (std::abs(r) > kStrongCorrelation) {
          result.warnings.push_back(
              fmt::format("weakly identified: {} and {} are correlated {:+.3f} -- the data fix a "
                          "combination of them better than each",
                          space.parameters()[i].name, space.parameters()[j].name, r));
        }
      }
    }
  } else if (R < 2) {
    result.warnings.push_back(
        "no standard errors: the sandwich covariance needs at least 2 replications per "
        "evaluation (smm.replications)");
  }
  result.evaluations =
      static_cast<long>(result.trace.size() + points.size() + 1) + refit_evaluations;
  return result;
}

}  // namespace werkstroom::calibration
