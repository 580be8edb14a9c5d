#include "kernel/random.hpp"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/discrete_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <stdexcept>

namespace werkstroom::kernel {

double RandomStream::uniform01() { return boost::random::uniform_01<double>{}(engine_); }

double RandomStream::uniform(double low, double high) {
  return boost::random::uniform_real_distribution<double>{low, high}(engine_);
}

double RandomStream::exponential(double rate) {
  if (!(rate > 0.0)) throw std::invalid_argument("exponential rate must be > 0");
  return boost::random::exponential_distribution<double>{rate}(engine_);
}

Duration RandomStream::exponential_duration(Duration mean) {
  return Duration::days(exponential(1.0 / mean.in_days()));
}

double RandomStream::normal(double mean, double sd) {
  return boost::random::normal_distribution<double>{mean, sd}(engine_);
}

LognormalShape LognormalShape::from_mean_sd(double mean, double sd) {
  if (!(mean > 0.0) || sd < 0.0) throw std::invalid_argument("lognormal needs mean > 0, sd >= 0");
  const double sigma2 = std::log1p((sd * sd) / (mean * mean));
  return LognormalShape{std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2)};
}

double RandomStream::lognormal(double mu, double sigma) {
  return boost::random::lognormal_distribution<double>{mu, sigma}(engine_);
}

double RandomStream::lognormal_from_mean_sd(double mean, double sd) {
  const LognormalShape shape = LognormalShape::from_mean_sd(mean, sd);
  return lognormal(shape.mu, shape.sigma);
}

double RandomStream::gamma(double shape, double scale) {
  return boost::random::gamma_distribution<double>{shape, scale}(engine_);
}

std::uint64_t RandomStream::poisson(double mean) {
  if (mean < 0.0 || !std::isfinite(mean)) throw std::invalid_argument("poisson mean must be >= 0");
  if (mean == 0.0) return 0;
  return static_cast<std::uint64_t>(
      boost::random::poisson_distribution<long, double>{mean}(engine_));
}

std::uint64_t RandomStream::binomial(std::uint64_t trials, double p) {
  if (trials == 0 || p <= 0.0) return 0;
  if (p >= 1.0) return trials;
  return static_cast<std::uint64_t>(
      boost::random::binomial_distribution<long, double>{static_cast<long>(trials), p}(engine_));
}

bool RandomStream::bernoulli(double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return boost::random::bernoulli_distribution<double>{p}(engine_);
}

std::size_t RandomStream::discrete(const double* weights, std::size_t count) {
  if (count == 0) throw std::invalid_argument("discrete draw from an empty set");
  double total = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    if (weights[i] < 0.0) throw std::invalid_argument("discrete weight must be >= 0");
    total += weights[i];
  }
  if (!(total > 0.0)) throw std::invalid_argument("discrete weights are all zero");
  // Inversion on the cumulative weights: one uniform per draw, stable under CRN.
  const double target = uniform01() * total;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < count; ++i) {
    cumulative += weights[i];
    if (target < cumulative) return i;
  }
  for (std::size_t i = count; i-- > 0;) {
    if (weights[i] > 0.0) return i;
  }
  return count - 1;
}

std::int64_t RandomStream::uniform_int(std::int64_t low, std::int64_t high) {
  return boost::random::uniform_int_distribution<std::int64_t>{low, high}(engine_);
}

}  // namespace werkstroom::kernel
