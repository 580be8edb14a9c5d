// Scaling hires and the staff schedule share the centre budget (model/centre/staffing.hpp). The
// loader accepts a schedule only when the budget pays it (scenario/validation.cpp); a scaling
// hire must then never take the money a later scheduled increase needs, or that increase would
// fail the run mid-way. Hand-made case: a budget that pays the schedule and, beyond it, less
// than one external advisor for the rest of the service.

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "kernel/calendar.hpp"
#include "model/indicators.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;
using model::Indicator;

namespace {

/// The default scenario with 2 advisors, a third from 1 May 2021, a scaling rule that wants to
/// hire from the first weeks on, and a centre budget of what the schedule costs plus `extra`.
model::ModelParameters scheduled_increase(double extra) {
  auto p = test::default_parameters();
  p.uncertainty = {};
  p.staff.advisors = 2;
  p.staff.schedule = {{kernel::Date{2021, 5, 1}, 3}};
  p.scaling.enabled = true;
  p.scaling.trigger_waiting_list = 0.0;
  p.scaling.trigger_weeks = 1;
  p.scaling.max_external_advisors = 1;
  const kernel::Calendar cal(p.horizon.start_date, {});
  const double end = cal.time_of(p.horizon.service_end_date).days_since_start() + 1.0;
  const double may = cal.time_of(kernel::Date{2021, 5, 1}).days_since_start();
  const double per_week = p.staff.hours_per_week * p.staff.internal_cost_per_hour_eur;
  const double schedule_cost = 2.0 * end / 7.0 * per_week + (end - may) / 7.0 * per_week;
  p.budget.centre_budget_eur = schedule_cost + extra;
  return p;
}

}  // namespace

TEST_CASE("a scaling hire never takes the money a scheduled staff increase needs",
          "[model][budget]") {
  // An external advisor from the first weeks costs about 45 weeks of 32 h at EUR 110: more than
  // the EUR 60,000 beyond the schedule, but less than that plus the third advisor's money, which
  // is in the budget until May. Before the fix the hire took it and the increase threw.
  const model::ModelParameters p = scheduled_increase(60000.0);
  model::ReplicationResult r;
  REQUIRE_NOTHROW(r = test::run(p));
  // The third internal advisor is in place after May (fte counts internal and external).
  const kernel::Calendar cal(p.horizon.start_date, {});
  const auto june =
      static_cast<std::size_t>(cal.month_index(cal.time_of(kernel::Date{2021, 6, 1})));
  CHECK(r.service.row(Indicator::fte_in_place)[june] >= 3.0 - 1e-9);
  CHECK(r.service.row(Indicator::external_advisors_end)[june] == 0.0);
  // With ample money beyond the schedule the same rule does hire: the reserve, not the rule,
  // held the hire back above.
  const auto rich = test::run(scheduled_increase(1e6));
  const auto& externals = rich.service.row(Indicator::external_advisors_end);
  CHECK(*std::max_element(externals.begin(), externals.end()) == 1.0);
}
