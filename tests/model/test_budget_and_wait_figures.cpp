// The key figures of budgets and waits (issue 14 item 1) against the monthly accounts of the
// same replication: a budget "runs out" only when it does so before the service ends, its month
// exists only then, the worst month's wait is the largest monthly p90 of the service months,
// and the within-month maximum of the waiting list is never below its month-end level.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "kernel/calendar.hpp"
#include "model/indicators.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;
using model::Indicator;

namespace {
std::size_t service_months(const model::ModelParameters& p) {
  const kernel::Calendar cal(p.horizon.start_date, {});
  return static_cast<std::size_t>(cal.month_index(cal.time_of(p.horizon.service_end_date))) + 1;
}
}  // namespace

TEST_CASE(
    "an instrument budget that runs out is dated within the service and one that lasts is not",
    "[model][kpi]") {
  auto p = test::default_parameters();
  p.uncertainty = {};
  p.budget.instrument_budget_eur = 40000.0;  // small enough to run out
  const auto small = test::run(p);
  REQUIRE(small.kpis.at("instrument_budget_exhausted") == 1.0);
  const double month = small.kpis.at("instrument_budget_exhausted_month");
  REQUIRE(std::isfinite(month));
  CHECK(month < static_cast<double>(service_months(p)));
  // At the end of that month the money left could not pay the cheapest instrument: spent plus
  // committed-and-outstanding is within the cheapest costed instrument of the budget.
  double cheapest = 1e300;
  for (const auto& i : p.instruments) {
    if (i.cost_eur > 0.0) cheapest = std::min(cheapest, i.cost_eur);
  }
  const auto m = static_cast<std::size_t>(month);
  const double committed = small.service.row(Indicator::budget_instruments_committed_eur)[m] +
                           small.service.row(Indicator::budget_maatwerk_committed_eur)[m];
  CHECK(p.budget.instrument_budget_eur - committed < cheapest);
  // And not a month earlier.
  if (m > 0) {
    const double before = small.service.row(Indicator::budget_instruments_committed_eur)[m - 1] +
                          small.service.row(Indicator::budget_maatwerk_committed_eur)[m - 1];
    CHECK(p.budget.instrument_budget_eur - before >= cheapest);
  }
  p.budget.instrument_budget_eur = 1e9;  // never runs out
  const auto large = test::run(p);
  CHECK(large.kpis.at("instrument_budget_exhausted") == 0.0);
  CHECK(std::isnan(large.kpis.at("instrument_budget_exhausted_month")));
}

TEST_CASE("the worst month's wait and the months above the target come from the monthly p90s",
          "[model][kpi]") {
  auto p = test::default_parameters();
  p.uncertainty = {};
  p.staff.advisors = 1;  // some waiting
  const auto r = test::run(p);
  const std::vector<double>& p90 = r.service.row(Indicator::wait_to_intake_p90_working_days);
  const std::size_t n = service_months(p);
  const double worst = *std::max_element(p90.begin(), p90.begin() + static_cast<long>(n));
  CHECK(r.kpis.at("wait_p90_worst_month") == worst);
  // The whole period's p90 is never above the worst month's.
  CHECK(r.kpis.at("wait_p90_working_days") <= worst + 1e-9);
  // With the target at the worst month's level no month is above it; just below, at least one.
  p.targets.max_wait_p90_working_days = worst;
  CHECK(test::run(p).kpis.at("wait_months_above_target") == 0.0);
  p.targets.max_wait_p90_working_days = worst - 1e-6;
  const double share = test::run(p).kpis.at("wait_months_above_target");
  CHECK(share >= 1.0 / static_cast<double>(n));
  // A share of months: a whole number of them.
  CHECK(std::abs(share * static_cast<double>(n) - std::round(share * static_cast<double>(n))) <
        1e-9);
}

TEST_CASE("the waiting list's maximum within a month bounds its month-end level", "[model][kpi]") {
  auto p = test::default_parameters();
  p.uncertainty = {};
  p.staff.advisors = 1;
  const auto r = test::run(p);
  const std::vector<double>& peak = r.service.row(Indicator::waiting_list_max);
  const std::vector<double>& end = r.service.row(Indicator::waiting_list_end);
  double largest = 0.0;
  for (std::size_t m = 0; m < peak.size(); ++m) {
    INFO("month " << m);
    CHECK(peak[m] >= end[m]);
    // The month starts with last month's end level.
    if (m > 0) CHECK(peak[m] >= end[m - 1]);
    largest = std::max(largest, peak[m]);
  }
  CHECK(largest == r.kpis.at("max_waiting_list"));
}
