#include <catch2/catch.hpp>

#include "kernel/work_schedule.hpp"

using namespace werkstroom::kernel;

namespace {
// 2020-11-02 is a Monday; day 0 of this calendar is that Monday.
const Calendar kCalendar(Date{2020, 11, 2}, {Date{2020, 11, 4}});  // a Wednesday off
std::array<DailyWindow, 7> office_week() {
  std::array<DailyWindow, 7> week{};
  for (int d = 0; d < 5; ++d) week[static_cast<std::size_t>(d)] = DailyWindow{9.0, 17.0};
  return week;
}
}  // namespace

TEST_CASE("work advances only inside working windows", "[kernel]") {
  const WorkSchedule s(office_week(), &kCalendar);
  CHECK(s.weekly_hours() == Approx(40.0));
  CHECK(s.is_on_shift(Time::at_day(10.0 / 24.0)));
  CHECK_FALSE(s.is_on_shift(Time::at_day(8.0 / 24.0)));
  CHECK_FALSE(s.is_on_shift(Time::at_day(2.0 + 10.0 / 24.0)));  // the holiday
  // Monday 16:00 + 2 h of work = Tuesday 10:00.
  CHECK(s.advance(Time::at_day(16.0 / 24.0), Duration::hours(2.0)).days_since_start() ==
        Approx(1.0 + 10.0 / 24.0));
  // Tuesday 16:00 + 2 h skips the Wednesday holiday: Thursday 10:00.
  CHECK(s.advance(Time::at_day(1.0 + 16.0 / 24.0), Duration::hours(2.0)).days_since_start() ==
        Approx(3.0 + 10.0 / 24.0));
  // Friday 16:00 + 2 h = Monday 10:00.
  CHECK(s.advance(Time::at_day(4.0 + 16.0 / 24.0), Duration::hours(2.0)).days_since_start() ==
        Approx(7.0 + 10.0 / 24.0));
  // Saturday morning: the next shift starts Monday 9:00.
  CHECK(s.next_shift_start(Time::at_day(5.3)).days_since_start() == Approx(7.0 + 9.0 / 24.0));
  // A full week holds 32 working hours (one holiday).
  CHECK(s.working_time_between(Time::zero(), Time::at_day(7.0)).in_hours() == Approx(32.0));
}

TEST_CASE("work time round trips: the work done between start and finish is the work", "[kernel]") {
  const WorkSchedule s(office_week(), &kCalendar);
  for (double start = 0.0; start < 14.0; start += 0.37) {
    for (const double hours : {0.5, 3.0, 8.0, 17.5}) {
      const Time finish = s.advance(Time::at_day(start), Duration::hours(hours));
      REQUIRE(s.working_time_between(Time::at_day(start), finish).in_hours() ==
              Approx(hours).margin(1e-9));
    }
  }
}

TEST_CASE("a schedule without working time is rejected", "[kernel]") {
  CHECK_THROWS_AS(WorkSchedule(std::array<DailyWindow, 7>{}, &kCalendar), std::invalid_argument);
  std::array<DailyWindow, 7> bad{};
  bad[0] = DailyWindow{18.0, 9.0};
  CHECK_THROWS_AS(WorkSchedule(bad, &kCalendar), std::invalid_argument);
  const WorkSchedule always = WorkSchedule::always();
  CHECK(always.advance(Time::at_day(1.25), Duration::hours(6.0)) == Time::at_day(1.5));
}

TEST_CASE("the next shift start is always on shift despite rounding", "[kernel]") {
  // A window starting at 8:30 with a length that is no multiple of a binary fraction.
  std::array<DailyWindow, 7> week{};
  for (int d = 0; d < 5; ++d) week[static_cast<std::size_t>(d)] = DailyWindow{8.5, 14.26};
  const WorkSchedule s(week, &kCalendar);
  for (double t = 0.0; t < 60.0; t += 0.0137) {
    const Time start = s.next_shift_start(Time::at_day(t));
    REQUIRE(s.is_on_shift(start));
    REQUIRE(start >= Time::at_day(t));
  }
}
