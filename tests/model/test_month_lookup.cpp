// MonthLookup's contract: exactly std::lower_bound's and std::upper_bound's answers on the
// boundaries, for every day, whether the table or the search answers.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "kernel/random.hpp"
#include "model/month_lookup.hpp"

using werkstroom::model::MonthLookup;

namespace {

void check_against_search(const std::vector<double>& bounds, const std::vector<double>& days) {
  const MonthLookup lookup(bounds);
  for (const double day : days) {
    const auto lower = static_cast<std::size_t>(
        std::lower_bound(bounds.begin(), bounds.end(), day) - bounds.begin());
    const auto upper = static_cast<std::size_t>(
        std::upper_bound(bounds.begin(), bounds.end(), day) - bounds.begin());
    INFO("day " << day);
    REQUIRE(lookup.count_below(day) == lower);
    REQUIRE(lookup.count_at_or_below(day) == upper);
    REQUIRE(lookup.month_ends_before(day) == (lower > 0 ? lower - 1 : 0));
  }
}

}  // namespace

TEST_CASE("month lookup answers as a search over the boundaries", "[model]") {
  werkstroom::kernel::RandomStream rng(werkstroom::kernel::StreamKey{7, 0, 0, 0});
  for (int trial = 0; trial < 50; ++trial) {
    // Month starts with fractions of days, a start before day 0 now and then, repeated
    // boundaries (a zero-length month) and long and short months.
    std::vector<double> bounds;
    double day = trial % 5 == 0 ? -17.25 : 0.0;
    for (int m = 0; m <= 30; ++m) {
      bounds.push_back(day);
      day += rng.uniform01() < 0.05 ? 0.0
                                    : 1.0 + std::floor(rng.uniform01() * 40.0) +
                                          (trial % 2 == 0 ? 0.0 : rng.uniform01());
    }
    std::vector<double> days;
    for (const double b : bounds) {
      days.insert(days.end(), {b, std::nextafter(b, -1e9), std::nextafter(b, 1e9), b - 0.5, b + 0.5,
                               std::floor(b), std::ceil(b)});
    }
    for (int k = 0; k < 2000; ++k) days.push_back(bounds.front() - 50.0 + rng.uniform01() * 1400.0);
    days.insert(days.end(), {-1e9, 1e9, std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()});
    check_against_search(bounds, days);
  }
}

TEST_CASE("month lookup past its table's reach searches", "[model]") {
  // A span beyond the table (and a single boundary, and none) still answers as the search does.
  check_against_search({0.0, 50000.0, 150000.0}, {-1.0, 0.0, 1.0, 49999.5, 50000.0, 2e5});
  check_against_search({3.5}, {3.0, 3.5, 4.0});
  check_against_search({}, {0.0, 1.0});
}
