#include <catch2/catch.hpp>

#include "kernel/calendar.hpp"

using namespace werkstroom::kernel;

TEST_CASE("dates convert to and from days since the epoch", "[kernel]") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2020, 11, 1}.days_since_epoch() == 18567);  // hand-computed: 50 years + 305 days
  CHECK(Date{2000, 3, 1}.days_since_epoch() - Date{2000, 2, 28}.days_since_epoch() == 2);
  CHECK(Date{1900, 3, 1}.days_since_epoch() - Date{1900, 2, 28}.days_since_epoch() == 1);
  for (std::int64_t d = -800000; d < 800000; d += 997) {
    REQUIRE(Date::from_days_since_epoch(d).days_since_epoch() == d);
  }
}

TEST_CASE("weekdays follow the Gregorian calendar", "[kernel]") {
  CHECK(Date{2020, 11, 1}.weekday() == 6);  // Sunday
  CHECK(Date{2020, 11, 2}.weekday() == 0);  // Monday
  CHECK(Date{2021, 4, 27}.weekday() == 1);  // King's Day 2021, a Tuesday
  CHECK(Date{1970, 1, 1}.weekday() == 3);   // Thursday
}

TEST_CASE("dates parse strictly", "[kernel]") {
  CHECK(Date::parse("2020-11-01") == Date{2020, 11, 1});
  CHECK_THROWS_AS(Date::parse("2020-13-01"), std::invalid_argument);
  CHECK_THROWS_AS(Date::parse("2021-02-29"), std::invalid_argument);
  CHECK_THROWS_AS(Date::parse("2020-11-01x"), std::invalid_argument);
  CHECK_THROWS_AS(Date::parse("1 Nov 2020"), std::invalid_argument);
  CHECK(Date::parse("2020-02-29") == Date{2020, 2, 29});
}

TEST_CASE("the calendar maps times to months and working days", "[kernel]") {
  const Calendar cal(Date{2020, 11, 1}, {Date{2020, 12, 25}, Date{2020, 12, 28}});
  CHECK(cal.time_of(Date{2020, 11, 1}) == Time::zero());
  CHECK(cal.date_of(Time::at_day(30.5)) == Date{2020, 12, 1});
  CHECK(cal.month_index(Time::at_day(29.99)) == 0);
  CHECK(cal.month_index(Time::at_day(30.0)) == 1);
  CHECK(cal.month_index(cal.time_of(Date{2021, 10, 31})) == 11);
  CHECK(cal.month_index(cal.time_of(Date{2022, 10, 31})) == 23);
  CHECK(cal.year_month(2) == YearMonth{2021, 1});
  CHECK(cal.year_month(2).to_string() == "2021-01");
  CHECK(cal.month_start(1) == Time::at_day(30.0));
  CHECK(cal.is_working_day(Date{2020, 12, 24}));
  CHECK_FALSE(cal.is_working_day(Date{2020, 12, 25}));  // holiday
  CHECK_FALSE(cal.is_working_day(Date{2020, 12, 26}));  // Saturday
  // December 2020: 23 weekdays minus two holidays given above.
  CHECK(cal.working_days_between(Date{2020, 12, 1}, Date{2021, 1, 1}) == 21);
}
