#include <catch2/catch.hpp>
#include <cmath>

#include "model/hazard_clock.hpp"

using namespace werkstroom::model;

namespace {
// Months of exactly kDaysPerMonth days, with a calendar factor per month.
MonthlyFactor factors(std::vector<double> f) {
  std::vector<double> starts;
  for (std::size_t m = 0; m <= 24; ++m) starts.push_back(static_cast<double>(m) * kDaysPerMonth);
  return MonthlyFactor(starts, f);
}
}  // namespace

TEST_CASE("a constant hazard integrates linearly and inverts exactly", "[model]") {
  const Hazard h{0.1, 0.0};
  const auto f = factors({});
  CHECK(integrate_hazard(h, 1.0, f, 0.0, 0.0, kDaysPerMonth) == Approx(0.1));
  CHECK(integrate_hazard(h, 2.0, f, 0.0, 0.0, 3.0 * kDaysPerMonth) == Approx(0.6));
  // E = 0.25 is reached after 2.5 months.
  const auto t = solve_hazard_time(h, 1.0, f, 0.0, 0.0, 0.0, 0.25, 1e9);
  REQUIRE(t.has_value());
  CHECK(*t == Approx(2.5 * kDaysPerMonth));
  CHECK_FALSE(solve_hazard_time(h, 1.0, f, 0.0, 0.0, 0.0, 0.25, 2.0 * kDaysPerMonth));
  CHECK_FALSE(solve_hazard_time(Hazard{0.0, 0.0}, 1.0, f, 0.0, 0.0, 0.0, 0.25, 1e9));
}

TEST_CASE("a declining hazard matches its closed form", "[model]") {
  const Hazard h{0.09, 0.03};
  const auto f = factors({});
  // Integral over the first 6 months: (0.09 / 0.03) (1 - exp(-0.18)).
  const double expected = 3.0 * (1.0 - std::exp(-0.18));
  CHECK(integrate_hazard(h, 1.0, f, 0.0, 0.0, 6.0 * kDaysPerMonth) == Approx(expected));
  // A spell that began 4 months before day 0: the hazard has already declined.
  CHECK(integrate_hazard(h, 1.0, f, -4.0 * kDaysPerMonth, 0.0, kDaysPerMonth) ==
        Approx(3.0 * (std::exp(-0.12) - std::exp(-0.15))));
  // The whole mass is 3: a clock above it is never reached.
  CHECK_FALSE(solve_hazard_time(h, 1.0, f, 0.0, 0.0, 0.0, 3.5, 1e9));
  const auto t = solve_hazard_time(h, 1.0, f, 0.0, 0.0, 0.0, expected, 1e9);
  REQUIRE(t.has_value());
  CHECK(*t == Approx(6.0 * kDaysPerMonth));
}

TEST_CASE("calendar factors apply month by month and accumulation resumes exactly", "[model]") {
  const Hazard h{0.1, 0.02};
  const auto f = factors({0.5, 2.0, 1.0});
  const double a = integrate_hazard(h, 1.0, f, 0.0, 0.0, 10.0);
  const double b = integrate_hazard(h, 1.0, f, 0.0, 10.0, 50.0);
  CHECK(a + b == Approx(integrate_hazard(h, 1.0, f, 0.0, 0.0, 50.0)));
  const auto direct = solve_hazard_time(h, 1.0, f, 0.0, 0.0, 0.0, 0.3, 1e9);
  const auto resumed = solve_hazard_time(h, 1.0, f, 0.0, 10.0, a, 0.3, 1e9);
  REQUIRE(direct.has_value());
  REQUIRE(resumed.has_value());
  CHECK(*direct == Approx(*resumed).epsilon(1e-12));
  // Month 0 at half the rate: 0.05 * (1 - exp(-0.02)) / 0.02 in the first month.
  CHECK(integrate_hazard(h, 1.0, f, 0.0, 0.0, kDaysPerMonth) ==
        Approx(0.05 / 0.02 * (1.0 - std::exp(-0.02))));
}
