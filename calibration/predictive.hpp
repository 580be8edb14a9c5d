#pragma once
// Posterior predictive bands: parameter draws (from the ABC posterior by weight, or from the
// SMM estimate's normal approximation) are each simulated once with a seed of their own over
// the scenario's whole horizon; the bands are the 5%, 50% and 95% quantiles per month of each
// indicator of the spec. They include both parameter uncertainty and simulation noise, not the
// error of a published figure: observation_band() adds that for a figure to be checked
// against them (a backtest's held-out data).

#include <cstdint>
#include <optional>
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
  /// Every draw's simulated path: [draw][indicator][month] (the bands' sample).
  std::vector<std::vector<std::vector<double>>> paths;
};

/// The predictive band of a published figure: the 5%, 50% and 95% quantiles of
/// simulated + observation error, where each draw's simulated value (bands.paths) gets
/// `kObservationDraws` normal errors with sd = max(standard_error, relative_error x
/// |simulated|, absolute_error) -- the spec's error model, at the simulated level, because the
/// figure itself is not known when it is predicted (so the band never depends on it). The
/// errors come from streams keyed by (seed, indicator, month, draw): the same whatever else
/// is in the data or the thread count.
struct ObservationBand {
  double low = 0.0;
  double median = 0.0;
  double high = 0.0;
};
/// Normal errors added per simulated draw: many, so that the quantiles' Monte Carlo noise comes
/// from the simulations only, not from the cheap error draws.
inline constexpr int kObservationDraws = 25;
[[nodiscard]] ObservationBand observation_band(const PredictiveBands& bands, std::size_t indicator,
                                               std::size_t month, const IndicatorSpec& error,
                                               std::optional<double> standard_error,
                                               const std::string& key, std::uint64_t seed);

/// `count` draws from the ABC posterior (resampled by weight).
[[nodiscard]] std::vector<std::vector<double>> posterior_draws(const AbcResult& abc, int count,
                                                               std::uint64_t seed);
/// Bands from the ABC particles' own paths: `count` particles resampled by weight (the same as
/// posterior_draws with the same seed), each with the path it was accepted with -- no new
/// simulation. With one replication per particle these are draws of the joint posterior of
/// parameters and the model's latent path, so the months after the data continue the paths
/// that fit the data (the prediction conditional on the data, as it should be for a stock,
/// which carries most of its past into its future); fresh simulations of the same parameters
/// (predictive_bands) spread as much as the model does unconditionally.
[[nodiscard]] PredictiveBands particle_path_bands(const AbcResult& abc, int count,
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
