#pragma once
// Named random streams. Every stream is keyed by (master seed, replication, stream name,
// entity id) so that:
//  - two scenarios in one comparison draw the same numbers for the same purpose (common random
//    numbers), and a person's own baseline draws are the same in the "with service" and
//    "no service" worlds;
//  - results never depend on thread or process count (no stream is keyed by a worker).
//
// Engine: a counter-based generator (stream key + counter, finalised by the SplitMix64/
// MurmurHash3 mixer). Creating a stream costs a few hashes and it holds 16 bytes, so a
// simulation can give every person a stream. Boost 1.74 ships no engine with cheap keyed
// streams (no MIXMAX, no Philox); the mixer passes BigCrush as SplitMix64's output function.
// Distributions: Boost.Random's, whose algorithms are Boost's own code, so results do not
// change with the C++ standard library (std:: distributions are implementation-defined).
// uniform01, uniform and bernoulli evaluate Boost's formulas here, with a branchless
// conversion of the random word to double (the same value); a test pins them to Boost's.

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "kernel/time.hpp"

namespace werkstroom::kernel {

/// The 64-bit finaliser of SplitMix64 (Stafford's variant 13): a bijection with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

/// FNV-1a of a stream name: stable across platforms and compilers.
constexpr std::uint64_t hash_name(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// The identity of one random stream.
struct StreamKey {
  std::uint64_t master_seed = 0;
  std::uint64_t replication = 0;
  std::uint64_t purpose = 0;  // hash_name of the purpose, e.g. "arrivals/ww_inflow"
  std::uint64_t entity = 0;   // person or employer id; 0 for scenario-wide streams
};

/// The rounds of derive_stream_key for (master seed, replication, purpose), without the entity.
constexpr std::uint64_t derive_purpose_key(const StreamKey& k) {
  std::uint64_t h = mix64(k.master_seed ^ 0x9e3779b97f4a7c15ULL);
  h = mix64(h ^ mix64(k.replication + 0x632be59bd9b4e019ULL));
  return mix64(h ^ mix64(k.purpose + 0x8cb92ba72f3d8dd7ULL));
}

/// The last round of derive_stream_key: the entity on top of derive_purpose_key.
constexpr std::uint64_t derive_entity_key(std::uint64_t purpose_key, std::uint64_t entity) {
  return mix64(purpose_key ^ mix64(entity + 0x2545f4914f6cdd1dULL));
}

/// Derives the 64-bit key of a stream; distinct fields go through distinct mixing rounds so
/// that swapping two fields gives a different key.
constexpr std::uint64_t derive_stream_key(const StreamKey& k) {
  return derive_entity_key(derive_purpose_key(k), k.entity);
}

/// A UniformRandomBitGenerator usable with Boost.Random distributions.
/// Output n is mix64(mix64(key) ^ (n * golden)) with a second mix, so different keys give
/// unrelated sequences (not shifted copies, as plain SplitMix64 seeds would).
class CounterEngine {
 public:
  using result_type = std::uint64_t;
  CounterEngine() = default;
  explicit CounterEngine(std::uint64_t key) : key_(mix64(key)) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    ++counter_;
    return mix64(mix64(key_ ^ (counter_ * 0x9e3779b97f4a7c15ULL)) + key_);
  }
  [[nodiscard]] std::uint64_t draws() const { return counter_; }

 private:
  std::uint64_t key_ = 0;
  std::uint64_t counter_ = 0;
};

/// Parameters (mu, sigma) of the lognormal distribution with a given mean and sd.
struct LognormalShape {
  double mu = 0.0;
  double sigma = 0.0;
  static LognormalShape from_mean_sd(double mean, double sd);
};

class StreamFamily;

/// One named random stream with the distributions the model needs.
class RandomStream {
 public:
  RandomStream() = default;
  explicit RandomStream(const StreamKey& key) : engine_(derive_stream_key(key)) {}

  /// Uniform on [0, 1).
  double uniform01();
  /// Uniform on [low, high).
  double uniform(double low, double high);
  /// Exponential with the given rate (> 0).
  double exponential(double rate);
  /// Exponential with rate 1: exactly exponential(1.0), without its check and division.
  double unit_exponential();
  /// Exponential duration with the given mean.
  Duration exponential_duration(Duration mean);
  double normal(double mean, double sd);
  double lognormal_from_mean_sd(double mean, double sd);
  /// exp(N(mu, sigma)); with LognormalShape::from_mean_sd the (mu, sigma) of a given mean and
  /// sd can be computed once and reused.
  double lognormal(double mu, double sigma);
  double gamma(double shape, double scale);
  /// Poisson count with the given mean (>= 0).
  std::uint64_t poisson(double mean);
  std::uint64_t binomial(std::uint64_t trials, double p);
  bool bernoulli(double p);
  /// Index drawn with probability proportional to weights (not all zero).
  std::size_t discrete(const double* weights, std::size_t count);
  /// Integer uniform in [low, high].
  std::int64_t uniform_int(std::int64_t low, std::int64_t high);

  CounterEngine& engine() { return engine_; }

 private:
  friend class StreamFamily;
  struct DerivedKey {
    std::uint64_t value;
  };
  explicit RandomStream(DerivedKey key) : engine_(key.value) {}

  CounterEngine engine_;
};

/// The streams of one purpose for many entities (one per person, say). The key rounds of the
/// seed, replication and purpose are mixed once, so making a stream costs three mixes instead
/// of eight. Contract: `stream(e)` draws exactly what RandomStream(StreamKey{seed, replication,
/// purpose, e}) draws, bit for bit.
class StreamFamily {
 public:
  StreamFamily() = default;
  /// The family of `key` without its entity (which is ignored).
  explicit StreamFamily(const StreamKey& key) : purpose_key_(derive_purpose_key(key)) {}
  [[nodiscard]] RandomStream stream(std::uint64_t entity) const {
    return RandomStream(RandomStream::DerivedKey{derive_entity_key(purpose_key_, entity)});
  }

 private:
  std::uint64_t purpose_key_ = 0;
};

/// Weights prepared once for many RandomStream::discrete draws. Contract: `draw(rng)` returns
/// what `rng.discrete(weights, count)` returns and consumes the same draws, bit for bit (the
/// cumulative sums are added in the same order); invalid weights throw the same message at the
/// draw, not before, so a set that is never drawn from stays harmless as it was.
class DiscreteWeights {
 public:
  DiscreteWeights() = default;
  DiscreteWeights(const double* weights, std::size_t count);
  [[nodiscard]] std::size_t draw(RandomStream& rng) const;

 private:
  std::vector<double> cumulative_;
  double total_ = 0.0;
  std::size_t last_positive_ = 0;  // the answer when rounding leaves the target past the total
  const char* error_ = nullptr;    // why the weights cannot be drawn from, if so
};

}  // namespace werkstroom::kernel
