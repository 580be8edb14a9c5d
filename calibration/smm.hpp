#pragma once
// Simulated method of moments: minimises the distance D(theta) of evaluator.hpp with the same
// seed for every evaluation (common random numbers), so D is a deterministic and nearly smooth
// function of the parameters. Local derivative-free search (NLopt BOBYQA, Sbplx or
// Nelder-Mead) in the search space, from the prior's centre and from `restarts - 1` draws of
// the prior, optionally after a global stage (NLopt CRS2 or ISRES). The best point is the
// estimate. Its covariance is the SMM sandwich (G'WG)^-1 G'W Omega W G (G'WG)^-1 (1 + 1/R),
// with G the Jacobian of the simulated targets (central differences), W the weights over the
// error variances and Omega the covariance of one realisation's targets estimated from the R
// replications at the estimate -- so errors that are correlated from month to month (stocks)
// are accounted for -- mapped to natural units with the delta method. The curvature H of D
// (central differences, Eigen) tells identification: a direction in which D hardly curves is
// reported as not identified.

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "calibration/evaluator.hpp"

namespace werkstroom::calibration {

struct SmmTracePoint {
  int search = 0;  // 0 for the global stage, then 1, 2, ... for the local searches
  std::vector<double> values;
  double distance = 0.0;
};

struct SmmResult {
  std::vector<double> estimate;  // natural units
  double distance = 0.0;         // D at the estimate
  std::vector<SmmTracePoint> trace;
  std::vector<double> search_distances;  // the best D of each local search
  Eigen::MatrixXd hessian;               // of D in search coordinates
  Eigen::MatrixXd covariance;            // natural units (empty when not identified or R < 2)
  std::vector<double> standard_errors;   // natural units (NaN when not available)
  /// The optima of the first local search repeated from its start with seeds of their own
  /// (SmmSettings::seed_refits; natural units): their spread is the simulation's part of the
  /// covariance. Empty with replications < 2.
  std::vector<std::vector<double>> refit_estimates;
  std::vector<std::string> warnings;  // identification and convergence problems
  long evaluations = 0;
};

[[nodiscard]] SmmResult run_smm(Evaluator& evaluator, const SmmSettings& settings,
                                std::uint64_t seed);

}  // namespace werkstroom::calibration
