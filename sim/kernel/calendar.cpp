#include "kernel/calendar.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace werkstroom::kernel {

namespace {
bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) throw std::invalid_argument("month out of range");
  return (month == 2 && is_leap(year)) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public-domain formulas).
std::int64_t Date::days_since_epoch() const {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date Date::parse(const std::string& text) {
  Date date;
  char dash1 = 0;
  char dash2 = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d%c%2d%c%2d%n", &date.year, &dash1, &date.month, &dash2,
                  &date.day, &consumed) != 5 ||
      dash1 != '-' || dash2 != '-' || consumed != static_cast<int>(text.size()) ||
      !date.is_valid()) {
    throw std::invalid_argument("expected a date as YYYY-MM-DD, found \"" + text + "\"");
  }
  return date;
}

bool Date::is_valid() const {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::string Date::to_string() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO weekday index 3).
  const std::int64_t d = days_since_epoch();
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::string YearMonth::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

Calendar::Calendar(Date start, const std::vector<Date>& holidays)
    : start_(start), start_epoch_day_(start.days_since_epoch()) {
  if (!start.is_valid()) throw std::invalid_argument("invalid calendar start date");
  for (const Date& h : holidays) holidays_.insert(h.days_since_epoch());
}

Time Calendar::time_of(const Date& date) const {
  return Time::at_day(static_cast<double>(date.days_since_epoch() - start_epoch_day_));
}

Date Calendar::date_of(Time t) const {
  const auto whole = static_cast<std::int64_t>(std::floor(t.days_since_start()));
  return Date::from_days_since_epoch(start_epoch_day_ + whole);
}

int Calendar::month_index(Time t) const {
  const Date d = date_of(t);
  return (d.year - start_.year) * 12 + (d.month - start_.month);
}

YearMonth Calendar::year_month(int index) const {
  const int zero_based = (start_.month - 1) + index;
  const int year = start_.year + (zero_based >= 0 ? zero_based / 12 : (zero_based - 11) / 12);
  const int month = zero_based - (year - start_.year) * 12 + 1;
  return YearMonth{year, month};
}

Time Calendar::month_start(int index) const {
  const YearMonth ym = year_month(index);
  const Time t = time_of(Date{ym.year, ym.month, 1});
  return t < Time::zero() ? Time::zero() : t;
}

bool Calendar::is_holiday(const Date& date) const {
  return holidays_.count(date.days_since_epoch()) > 0;
}

bool Calendar::is_working_day(const Date& date) const {
  return date.weekday() < 5 && !is_holiday(date);
}

int Calendar::working_days_between(const Date& from, const Date& to) const {
  int count = 0;
  for (std::int64_t d = from.days_since_epoch(); d < to.days_since_epoch(); ++d) {
    if (is_working_day(Date::from_days_since_epoch(d))) ++count;
  }
  return count;
}

}  // namespace werkstroom::kernel
