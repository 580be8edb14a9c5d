#include "calibration/sandwich.hpp"

namespace werkstroom::calibration {

SandwichPieces sandwich_pieces(const Evaluator& evaluator, const Eigen::MatrixXd& g,
                               const Evaluation& at) {
  const std::size_t T = evaluator.targets().size();
  const auto TT = static_cast<Eigen::Index>(T);
  Eigen::VectorXd W(TT);
  for (std::size_t t = 0; t < T; ++t) {
    const Target& target = evaluator.targets()[t];
    W(static_cast<Eigen::Index>(t)) = target.weight / (target.sd * target.sd);
  }
  SandwichPieces out;
  out.wg = W.asDiagonal() * g;
  out.bread = g.transpose() * out.wg;
  out.meat = Eigen::MatrixXd::Zero(out.bread.rows(), out.bread.cols());
  const std::size_t reps = at.replication_targets.size();
  if (reps >= 2) {
    const Eigen::Map<const Eigen::VectorXd> mean(at.simulated.data(), TT);
    for (const std::vector<double>& r : at.replication_targets) {
      const Eigen::VectorXd d =
          out.wg.transpose() * (Eigen::Map<const Eigen::VectorXd>(r.data(), TT) - mean);
      out.meat += d * d.transpose() / static_cast<double>(reps - 1);
    }
  }
  return out;
}

}  // namespace werkstroom::calibration
