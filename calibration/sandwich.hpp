#pragma once
// The pieces of the SMM sandwich covariance (Gourieroux and Monfort), one formula for the fit
// (smm.cpp) and for the benchmark that checks it at the truth (bench/smm_coverage.cpp): with G
// the Jacobian of the simulated targets in search coordinates, W = diag(weight / sd^2) of the
// evaluator's targets and Omega the covariance of one realisation's targets,
//   Cov_z = A^-1 B A^-1 (times (1 + 1/R), or plus the spread of seed refits),
//   A = G'WG (the bread), B = G'W Omega W G (the meat).

#include <Eigen/Dense>

#include "calibration/evaluator.hpp"

namespace werkstroom::calibration {

struct SandwichPieces {
  Eigen::MatrixXd bread;  // A = G'WG, n x n
  Eigen::MatrixXd meat;   // B = G'W Omega W G, n x n; zero with fewer than 2 replications
  Eigen::MatrixXd wg;     // WG, T x n: a linearised step is -A^-1 (WG)' (simulated - observed)
};

/// A and B for the Jacobian `g` (targets x parameters) of `evaluator`'s targets; Omega from the
/// replications of `at` (an evaluation kept with its replications: replication_targets, and
/// their mean in `simulated`), divided by their count - 1.
[[nodiscard]] SandwichPieces sandwich_pieces(const Evaluator& evaluator, const Eigen::MatrixXd& g,
                                             const Evaluation& at);

}  // namespace werkstroom::calibration
