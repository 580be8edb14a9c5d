#include "kernel/random.hpp"

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/discrete_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace werkstroom::kernel {

namespace {

// static_cast<double>(u), correctly rounded, without the branch on the top bit that compilers
// emit for an unsigned conversion (it mispredicts on every other random word). Both halves
// convert exactly and the one rounding is the sum's, so the value is the same, bit for bit.
double to_double(std::uint64_t u) {
  constexpr double kTwoTo32 = 4294967296.0;
  constexpr std::uint64_t kLowMask = 0xffffffffULL;
  return static_cast<double>(u >> 32U) * kTwoTo32 + static_cast<double>(u & kLowMask);
}

// The engine's range as Boost computes it in the distributions below (2^64 after rounding).
constexpr double kEngineRange = static_cast<double>(CounterEngine::max() - CounterEngine::min());

}  // namespace

double RandomStream::uniform01() {
  // boost::random::uniform_01<double>'s formula, with the branchless conversion.
  constexpr double kFactor = 1.0 / (kEngineRange + 1.0);
  for (;;) {
    const double result = to_double(engine_() - CounterEngine::min()) * kFactor;
    if (result < 1.0) return result;
  }
}

double RandomStream::uniform(double low, double high) {
  // boost::random::uniform_real_distribution<double>'s formula (generate_uniform_real), with the
  // branchless conversion; a range wider than the largest double is halved as Boost does.
  if (high / 2 - low / 2 > std::numeric_limits<double>::max() / 2) {
    return 2 * uniform(low / 2, high / 2);
  }
  constexpr double kDivisor = kEngineRange + 1.0;
  for (;;) {
    const double numerator = to_double(engine_() - CounterEngine::min());
    const double result = numerator / kDivisor * (high - low) + low;
    if (result < high) return result;
  }
}

double RandomStream::exponential(double rate) {
  if (!(rate > 0.0)) throw std::invalid_argument("exponential rate must be > 0");
  // boost::random::exponential_distribution<double>{rate}: the unit draw divided by the rate.
  return unit_exponential() / rate;
}

double RandomStream::unit_exponential() {
  // boost::random::detail::unit_exponential_distribution<double> (Boost 1.74's ziggurat, with
  // Boost's own tables), written out for this engine so that the random word converts to double
  // without the unsigned conversion's branch (a third of the draw's time, perf annotate). For a
  // 64-bit engine Boost's generate_int_float_pair<double, 8> takes one word: the bucket is its
  // low 8 bits; as 64 - 8 > 53 it clears bit 64 - 53 = 11 and scales the top 56 bits by 2^-56.
  // The value below 2^56 converts the same through a signed integer. Contract, pinned by a test:
  // the same doubles and the same number of words as Boost's, bit for bit.
  const double* const table_x = boost::random::detail::exponential_table<double>::table_x;
  const double* const table_y = boost::random::detail::exponential_table<double>::table_y;
  constexpr std::uint64_t kBucketMask = 0xffU;
  constexpr std::uint64_t kClearedBit = std::uint64_t{1} << 11U;
  constexpr double kScale = 1.0 / 72057594037927936.0;  // 2^-56
  double shift = 0.0;
  for (;;) {
    const std::uint64_t u = engine_();
    const auto i = static_cast<std::size_t>(u & kBucketMask);
    const auto top = static_cast<std::int64_t>((u & ~kClearedBit) >> 8U);
    const double x = static_cast<double>(top) * kScale * table_x[i];
    if (x < table_x[i + 1]) return shift + x;
    // The tail (bucket 0) is the body again, shifted; a wedge is accepted or rejected by
    // Boost's bounds, then by exp(-x).
    if (i == 0) {
      shift += table_x[1];
      continue;
    }
    const double y01 = uniform01();
    const double y = table_y[i] + y01 * (table_y[i + 1] - table_y[i]);
    const double y_above_ubound = (table_x[i] - table_x[i + 1]) * y01 - (table_x[i] - x);
    const double y_above_lbound = y - (table_y[i + 1] + (table_x[i + 1] - x) * table_y[i + 1]);
    if (y_above_ubound < 0 && (y_above_lbound < 0 || y < std::exp(-x))) return x + shift;
  }
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
  // boost::random::bernoulli_distribution<double>'s formula, with the branchless conversion.
  return to_double(engine_() - CounterEngine::min()) <= p * kEngineRange;
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

DiscreteWeights::DiscreteWeights(const double* weights, std::size_t count) {
  if (count == 0) {
    error_ = "discrete draw from an empty set";
    return;
  }
  cumulative_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (weights[i] < 0.0) {
      error_ = "discrete weight must be >= 0";
      return;
    }
    total_ += weights[i];
    cumulative_.push_back(total_);
  }
  if (!(total_ > 0.0)) {
    error_ = "discrete weights are all zero";
    return;
  }
  last_positive_ = count - 1;
  for (std::size_t i = count; i-- > 0;) {
    if (weights[i] > 0.0) {
      last_positive_ = i;
      break;
    }
  }
}

std::size_t DiscreteWeights::draw(RandomStream& rng) const {
  if (error_ != nullptr) throw std::invalid_argument(error_);
  // As RandomStream::discrete: inversion on the cumulative weights with one uniform.
  const double target = rng.uniform01() * total_;
  for (std::size_t i = 0; i < cumulative_.size(); ++i) {
    if (target < cumulative_[i]) return i;
  }
  return last_positive_;
}

std::int64_t RandomStream::uniform_int(std::int64_t low, std::int64_t high) {
  return boost::random::uniform_int_distribution<std::int64_t>{low, high}(engine_);
}

}  // namespace werkstroom::kernel
