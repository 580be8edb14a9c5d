// sort_spread's contract: std::sort's result, value for value, whatever the values.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "kernel/random.hpp"
#include "kernel/spread_sort.hpp"

using werkstroom::kernel::RandomStream;
using werkstroom::kernel::sort_spread;
using werkstroom::kernel::StreamKey;

namespace {
void check_as_std_sort(std::vector<double> values, double low, double high) {
  std::vector<double> expected = values;
  std::sort(expected.begin(), expected.end());
  std::vector<double> scratch;
  std::vector<std::size_t> counts;
  sort_spread(values, low, high, scratch, counts);
  REQUIRE(values == expected);
}
}  // namespace

TEST_CASE("spread sort gives std::sort's order for uniform days and for anything else",
          "[kernel]") {
  RandomStream rng(StreamKey{3, 0, 0, 0});
  for (int trial = 0; trial < 200; ++trial) {
    const auto n = static_cast<std::size_t>(rng.uniform01() * 600.0);
    const double low = 30.4375 * trial;
    const double high = low + 28.0 + (trial % 4);
    std::vector<double> uniform;
    std::vector<double> clustered;
    std::vector<double> outside;
    for (std::size_t i = 0; i < n; ++i) {
      uniform.push_back(rng.uniform(low, high));
      // Values piled into one bucket, repeated values, and values outside [low, high).
      clustered.push_back(low + std::floor(rng.uniform01() * 3.0) * 1e-9);
      outside.push_back(low + (rng.uniform01() - 0.5) * 4.0 * (high - low));
    }
    check_as_std_sort(uniform, low, high);
    check_as_std_sort(clustered, low, high);
    check_as_std_sort(outside, low, high);
    std::vector<double> descending = uniform;
    std::sort(descending.rbegin(), descending.rend());
    check_as_std_sort(descending, low, high);
  }
  check_as_std_sort({}, 0.0, 1.0);
  check_as_std_sort({0.5}, 0.0, 1.0);
  check_as_std_sort({0.7, 0.2, 0.9}, 1.0, 1.0);  // no width: a plain sort
  check_as_std_sort({-0.0, 0.0, -1e300, 1e300, 0.25}, 0.0, 1.0);
}
