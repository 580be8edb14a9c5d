#include "calibration/predictive.hpp"

#include <algorithm>
#include <cmath>

#include "kernel/statistics.hpp"

namespace werkstroom::calibration {

namespace {
/// Draws from a truncated normal are retried this often before the estimate is used.
constexpr int kTruncationTries = 100;
}  // namespace

namespace {

/// `count` particle indices drawn from the ABC posterior by weight.
std::vector<std::size_t> posterior_indices(const AbcResult& abc, int count, std::uint64_t seed) {
  std::vector<std::size_t> out;
  out.reserve(static_cast<std::size_t>(std::max(count, 0)));
  kernel::RandomStream rng(kernel::StreamKey{seed, 0, kernel::hash_name("predict/resample"), 0});
  for (int k = 0; k < count; ++k) {
    out.push_back(rng.discrete(abc.weights.data(), abc.weights.size()));
  }
  return out;
}

/// The 5%, 50% and 95% quantiles per indicator and month of bands.paths.
void fill_quantiles(PredictiveBands& bands, std::size_t indicators, std::size_t months) {
  for (auto* band : {&bands.low, &bands.median, &bands.high}) {
    band->assign(indicators, std::vector<double>(months, 0.0));
  }
  for (std::size_t i = 0; i < indicators; ++i) {
    for (std::size_t m = 0; m < months; ++m) {
      kernel::QuantileSample sample;
      for (const auto& path : bands.paths) {
        sample.add(path[i][m]);
      }
      bands.low[i][m] = sample.quantile(0.05);
      bands.median[i][m] = sample.quantile(0.5);
      bands.high[i][m] = sample.quantile(0.95);
    }
  }
}

}  // namespace

std::vector<std::vector<double>> posterior_draws(const AbcResult& abc, int count,
                                                 std::uint64_t seed) {
  std::vector<std::vector<double>> out;
  for (const std::size_t i : posterior_indices(abc, count, seed)) {
    std::vector<double> v(static_cast<std::size_t>(abc.particles.cols()));
    for (std::size_t j = 0; j < v.size(); ++j) {
      v[j] = abc.particles(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
    }
    out.push_back(std::move(v));
  }
  return out;
}

PredictiveBands particle_path_bands(const AbcResult& abc, int count, std::uint64_t seed) {
  PredictiveBands bands;
  bands.source = "abc-paths";
  bands.draws = posterior_draws(abc, count, seed);
  for (const std::size_t i : posterior_indices(abc, count, seed)) {
    bands.paths.push_back(abc.paths.at(i));
  }
  const std::size_t indicators = bands.paths.empty() ? 0 : bands.paths.front().size();
  const std::size_t months = indicators == 0 ? 0 : bands.paths.front().front().size();
  fill_quantiles(bands, indicators, months);
  return bands;
}

std::vector<std::vector<double>> normal_draws(const SmmResult& smm, const ParameterSpace& space,
                                              int count, std::uint64_t seed) {
  std::vector<std::vector<double>> out;
  kernel::RandomStream rng(kernel::StreamKey{seed, 0, kernel::hash_name("predict/normal"), 0});
  const auto P = static_cast<Eigen::Index>(smm.estimate.size());
  const bool have_cov = smm.covariance.rows() == P && P > 0;
  Eigen::MatrixXd L;
  if (have_cov) L = Eigen::LLT<Eigen::MatrixXd>(smm.covariance).matrixL();
  for (int k = 0; k < count; ++k) {
    std::vector<double> v = smm.estimate;
    if (have_cov) {
      for (int t = 0; t < kTruncationTries; ++t) {
        Eigen::VectorXd e(P);
        for (Eigen::Index i = 0; i < P; ++i) e(i) = rng.normal(0.0, 1.0);
        const Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(smm.estimate.data(), P) + L * e;
        std::vector<double> candidate(x.data(), x.data() + P);
        if (space.inside(candidate)) {
          v = std::move(candidate);
          break;
        }
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

PredictiveBands predictive_bands(Evaluator& evaluator, std::vector<std::vector<double>> draws,
                                 std::uint64_t seed, std::string source) {
  std::vector<std::uint64_t> seeds;
  for (std::size_t k = 0; k < draws.size(); ++k) {
    seeds.push_back(kernel::derive_stream_key(
        kernel::StreamKey{seed, 0, kernel::hash_name("predict/simulation"), k}));
  }
  const std::vector<Evaluation> ev = evaluator.evaluate(draws, seeds, 1, false, Span::whole);
  PredictiveBands bands;
  bands.source = std::move(source);
  bands.draws = std::move(draws);
  for (const Evaluation& e : ev) bands.paths.push_back(e.paths);
  fill_quantiles(bands, evaluator.indicators().size(), evaluator.months().size());
  return bands;
}

ObservationBand observation_band(const PredictiveBands& bands, std::size_t indicator,
                                 std::size_t month, const IndicatorSpec& error,
                                 std::optional<double> standard_error, const std::string& key,
                                 std::uint64_t seed) {
  kernel::QuantileSample sample;
  const std::uint64_t purpose = kernel::hash_name("predict/observation " + key);
  for (std::size_t k = 0; k < bands.paths.size(); ++k) {
    const double simulated = bands.paths[k][indicator][month];
    const double sd = std::max({standard_error.value_or(0.0),
                                error.relative_error * std::abs(simulated), error.absolute_error});
    kernel::RandomStream rng(kernel::StreamKey{seed, 0, purpose, k});
    for (int e = 0; e < kObservationDraws; ++e) sample.add(simulated + sd * rng.normal(0.0, 1.0));
  }
  return ObservationBand{sample.quantile(0.05), sample.quantile(0.5), sample.quantile(0.95)};
}

}  // namespace werkstroom::calibration
