#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "kernel/random.hpp"
#include "kernel/statistics.hpp"

using namespace werkstroom::kernel;

namespace {
RandomStream stream(std::uint64_t seed, std::uint64_t rep, const char* purpose,
                    std::uint64_t entity = 0) {
  return RandomStream(StreamKey{seed, rep, hash_name(purpose), entity});
}
}  // namespace

TEST_CASE("streams are reproducible and keyed by every field", "[kernel]") {
  auto a = stream(1, 0, "arrivals");
  auto b = stream(1, 0, "arrivals");
  for (int i = 0; i < 100; ++i) REQUIRE(a.uniform01() == b.uniform01());
  const double first = stream(1, 0, "arrivals").uniform01();
  CHECK(stream(2, 0, "arrivals").uniform01() != first);
  CHECK(stream(1, 1, "arrivals").uniform01() != first);
  CHECK(stream(1, 0, "service").uniform01() != first);
  CHECK(stream(1, 0, "arrivals", 1).uniform01() != first);
  // Swapping replication and entity must not give the same stream.
  CHECK(stream(1, 3, "x", 5).uniform01() != stream(1, 5, "x", 3).uniform01());
}

TEST_CASE("the engine's output is stable across platforms (golden values)", "[kernel]") {
  // Pinned so that a change of engine or key derivation is a deliberate, visible decision:
  // results of old runs are only reproducible while these hold.
  CounterEngine engine(derive_stream_key(StreamKey{42, 0, hash_name("golden"), 0}));
  const std::uint64_t x1 = engine();
  const std::uint64_t x2 = engine();
  CounterEngine again(derive_stream_key(StreamKey{42, 0, hash_name("golden"), 0}));
  CHECK(again() == x1);
  CHECK(again() == x2);
  CHECK(mix64(0) == 0);
  // First output of the reference SplitMix64 seeded with 0 (Vigna's splitmix64.c).
  CHECK(mix64(0x9e3779b97f4a7c15ULL) == 0xe220a8397b1dcdafULL);
  CHECK(hash_name("") == 0xcbf29ce484222325ULL);   // FNV-1a offset basis
  CHECK(hash_name("a") == 0xaf63dc4c8601ec8cULL);  // FNV-1a("a"), published test vector
}

TEST_CASE("a stream family draws what the keyed streams draw, bit for bit", "[kernel]") {
  const StreamFamily family(StreamKey{7, 3, hash_name("person/attributes"), 99});
  for (const std::uint64_t entity : {0ULL, 1ULL, 12345ULL, 0xffffffffffffffffULL}) {
    RandomStream from_family = family.stream(entity);
    RandomStream keyed = stream(7, 3, "person/attributes", entity);
    for (int i = 0; i < 10; ++i) REQUIRE(from_family.engine()() == keyed.engine()());
  }
}

TEST_CASE("uniform01, uniform, bernoulli and the exponentials draw what Boost's distributions draw",
          "[kernel]") {
  // Many random words, with the top bit set and cleared, where an unsigned-to-double
  // conversion would take either branch.
  auto ours = stream(11, 2, "boost-equivalence");
  CounterEngine boosts(derive_stream_key(StreamKey{11, 2, hash_name("boost-equivalence"), 0}));
  for (int i = 0; i < 100000; ++i) {
    REQUIRE(ours.uniform01() == boost::random::uniform_01<double>{}(boosts));
    const double p = 0.001 + 0.998 * static_cast<double>(i % 1000) / 1000.0;
    REQUIRE(ours.bernoulli(p) == boost::random::bernoulli_distribution<double>{p}(boosts));
    const double low = -3.0 + static_cast<double>(i % 7);
    const double high = low + 0.5 + static_cast<double>(i % 13);
    REQUIRE(ours.uniform(low, high) ==
            boost::random::uniform_real_distribution<double>{low, high}(boosts));
    const double unit = ours.unit_exponential();
    REQUIRE(unit == boost::random::exponential_distribution<double>{1.0}(boosts));
    // exponential is written out for speed (Boost's ziggurat with Boost's tables): 3 x 10^5
    // draws take the tail (bucket 0, 1 in 256) and the wedges (about 1 in 80) many times.
    const double rate = 0.01 + static_cast<double>(i % 37) * 0.7;
    REQUIRE(ours.exponential(rate) ==
            boost::random::exponential_distribution<double>{rate}(boosts));
    REQUIRE(ours.exponential(0.5) == boost::random::exponential_distribution<double>{0.5}(boosts));
  }
  CHECK(ours.engine().draws() == boosts.draws());
}

TEST_CASE("prepared discrete weights draw what discrete draws, errors included", "[kernel]") {
  const std::vector<double> weights = {0.12, 0.0, 0.3, 0.08, 0.0, 0.5, 0.0};
  const DiscreteWeights prepared(weights.data(), weights.size());
  auto a = stream(5, 0, "discrete");
  auto b = stream(5, 0, "discrete");
  for (int i = 0; i < 10000; ++i) {
    REQUIRE(prepared.draw(a) == b.discrete(weights.data(), weights.size()));
  }
  const std::vector<double> zero = {0.0, 0.0};
  const std::vector<double> negative = {0.5, -0.1};
  const DiscreteWeights none(zero.data(), zero.size());
  const DiscreteWeights bad(negative.data(), negative.size());
  const DiscreteWeights empty(nullptr, 0);
  CHECK_THROWS_WITH(none.draw(a), "discrete weights are all zero");
  CHECK_THROWS_WITH(bad.draw(a), "discrete weight must be >= 0");
  CHECK_THROWS_WITH(empty.draw(a), "discrete draw from an empty set");
}

TEST_CASE("uniform draws pass a chi-square test and neighbouring streams are uncorrelated",
          "[kernel]") {
  constexpr int kBins = 50;
  constexpr int kDraws = 200000;
  auto s = stream(9, 0, "uniform");
  std::vector<int> bins(kBins, 0);
  for (int i = 0; i < kDraws; ++i) ++bins[static_cast<std::size_t>(s.uniform01() * kBins)];
  double chi2 = 0.0;
  const double expected = static_cast<double>(kDraws) / kBins;
  for (const int n : bins) chi2 += (n - expected) * (n - expected) / expected;
  // 49 degrees of freedom: the 99.9% point is 85.4.
  CHECK(chi2 < 85.4);

  // Correlation of the i-th draws of streams for persons 1..N and N+1..2N.
  Tally xy;
  Tally xs;
  Tally ys;
  for (std::uint64_t person = 1; person <= 20000; ++person) {
    const double x = stream(9, 0, "person", person).uniform01();
    const double y = stream(9, 0, "person", person + 1).uniform01();
    xs.add(x);
    ys.add(y);
    xy.add((x - 0.5) * (y - 0.5));
  }
  const double corr = xy.mean() / std::sqrt(xs.variance() * ys.variance());
  CHECK(std::abs(corr) < 4.0 / std::sqrt(20000.0));  // four standard errors
}

TEST_CASE("distributions have the right moments", "[kernel]") {
  auto s = stream(3, 0, "moments");
  Tally expo;
  Tally pois;
  Tally logn;
  constexpr int kDraws = 200000;
  for (int i = 0; i < kDraws; ++i) {
    expo.add(s.exponential(2.0));
    pois.add(static_cast<double>(s.poisson(3.5)));
    logn.add(s.lognormal_from_mean_sd(2500.0, 800.0));
  }
  const double n = kDraws;
  CHECK(std::abs(expo.mean() - 0.5) < 4.0 * 0.5 / std::sqrt(n));
  CHECK(expo.variance() == Approx(0.25).epsilon(0.02));
  CHECK(std::abs(pois.mean() - 3.5) < 4.0 * std::sqrt(3.5 / n));
  CHECK(pois.variance() == Approx(3.5).epsilon(0.02));
  CHECK(std::abs(logn.mean() - 2500.0) < 4.0 * 800.0 / std::sqrt(n));
  CHECK(std::sqrt(logn.variance()) == Approx(800.0).epsilon(0.03));
}

TEST_CASE("discrete draws follow their weights", "[kernel]") {
  auto s = stream(4, 0, "discrete");
  const double weights[] = {0.1, 0.0, 0.6, 0.3};
  std::vector<int> counts(4, 0);
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) ++counts[s.discrete(weights, 4)];
  CHECK(counts[1] == 0);
  for (std::size_t k : {0U, 2U, 3U}) {
    const double p = weights[k];
    CHECK(std::abs(counts[k] / static_cast<double>(kDraws) - p) <
          4.0 * std::sqrt(p * (1 - p) / kDraws));
  }
  const double zeros[] = {0.0, 0.0};
  CHECK_THROWS_AS(s.discrete(zeros, 2), std::invalid_argument);
}
