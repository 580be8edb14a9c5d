#pragma once
// ABC-SMC (population Monte Carlo with an adaptive tolerance; Beaumont et al. 2009, Del Moral
// et al. 2012): generation 0 draws particles from the prior; each later generation proposes by
// drawing a particle of the last generation by weight and moving it with a Gaussian kernel in
// search space (covariance twice the weighted covariance of the last generation), accepts a
// proposal whose distance D is at most the tolerance -- the `quantile` of the last
// generation's distances -- and weighs it by prior / sum_j w_j K(z | z_j). Each particle is
// simulated with a seed of its own (generation, proposal), so the posterior accounts for the
// simulation noise.
//
// Proposals are made in fixed batches from keyed random streams and accepted in proposal order,
// so the result does not depend on the thread count.

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "calibration/evaluator.hpp"

namespace werkstroom::calibration {

struct AbcGeneration {
  double tolerance = 0.0;  // infinity for generation 0
  int accepted = 0;
  long proposals = 0;  // proposals made until the last acceptance (batches simulate a few more)
  double acceptance_rate = 0.0;
  double effective_sample_size = 0.0;
};

struct AbcResult {
  Eigen::MatrixXd particles;    // particles x parameters, natural units
  std::vector<double> weights;  // normalised
  std::vector<double> distances;
  /// Each particle's simulated paths [particle][indicator][month] (the mean of `replications`
  /// replications): the path that was accepted with it. With one replication per particle
  /// this is a draw of the model's latent path given the data (the joint ABC posterior of
  /// parameters and path), whose months after the data are the conditional prediction
  /// (NaN, not simulated, when the evaluator cut the fit at the last data month: Span::fit).
  std::vector<std::vector<std::vector<double>>> paths;
  std::vector<AbcGeneration> generations;
  long simulations = 0;
  /// Weighted posterior mean and the 5% and 95% weighted quantiles, per parameter.
  std::vector<double> mean;
  std::vector<double> q05;
  std::vector<double> q95;
  std::string stopped_because;
};

[[nodiscard]] AbcResult run_abc(Evaluator& evaluator, const AbcSettings& settings,
                                std::uint64_t seed);

/// The weighted quantile q of values (weights need not be normalised).
[[nodiscard]] double weighted_quantile(std::vector<double> values, std::vector<double> weights,
                                       double q);

}  // namespace werkstroom::calibration
