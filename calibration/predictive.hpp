#pragma once
// Posterior predictive bands: parameter draws (from the ABC posterior by weight, or from the
// SMM estimate's normal approximation) are each simulated once with a seed of their own over
// the scenario's whole horizon; the bands are the 5%, 50% and 95% quantiles per month of each
// indicator of the spec. They include both parameter uncertainty and simulation noise.

#include <cstdint>
#include <string>
#include <vector>

#include "calibration/abc_smc.hpp"
#include "calibration/evaluator.hpp"
#include "calibration/smm.hpp"

namespace werkstroom::calibration {

struct PredictiveBands {
  std::string source;                       // "abc" or "smm"
  std::vector<std::vector<double>> draws;   // parameter values simulated
  std::vector<std::vector<double>> low;     // [indicator][month], 5%
  std::vector<std::vector<double>> median;  // 50%
  std::vector<std::vector<double>> high;    // 95%
};

/// `count` draws from the ABC posterior (resampled by weight).
[[nodiscard]] std::vector<std::vector<double>> posterior_draws(const AbcResult& abc, int count,
                                                               std::uint64_t seed);
/// `count` draws from N(estimate, covariance) kept within the bounds (the estimate itself when
/// the covariance is not available).
[[nodiscard]] std::vector<std::vector<double>> normal_draws(const SmmResult& smm,
                                                            const ParameterSpace& space, int count,
                                                            std::uint64_t seed);

[[nodiscard]] PredictiveBands predictive_bands(Evaluator& evaluator,
                                               std::vector<std::vector<double>> draws,
                                               std::uint64_t seed, std::string source);

}  // namespace werkstroom::calibration
