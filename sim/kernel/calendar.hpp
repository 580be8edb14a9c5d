#pragma once
// Calendar dates and the mapping between dates and simulation time.
// Contract: day 0 of the simulation is 00:00 on `start`; month index 0 is the calendar month
// that contains `start`. Holidays are given by the scenario (no country rules in the kernel).

#include <compare>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "kernel/time.hpp"

namespace werkstroom::kernel {

/// A proleptic Gregorian calendar date.
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  auto operator<=>(const Date&) const = default;

  /// Days since 1970-01-01 (negative before).
  [[nodiscard]] std::int64_t days_since_epoch() const;
  static Date from_days_since_epoch(std::int64_t days);
  /// Parses "YYYY-MM-DD"; throws std::invalid_argument naming the text on failure.
  static Date parse(const std::string& text);
  [[nodiscard]] std::string to_string() const;
  /// 0 = Monday ... 6 = Sunday (ISO order).
  [[nodiscard]] int weekday() const;
  [[nodiscard]] bool is_valid() const;
};

[[nodiscard]] int days_in_month(int year, int month);

/// Year and month of a month index, for labels.
struct YearMonth {
  int year = 1970;
  int month = 1;
  auto operator<=>(const YearMonth&) const = default;
  [[nodiscard]] std::string to_string() const;  // "YYYY-MM"
};

class Calendar {
 public:
  Calendar(Date start, const std::vector<Date>& holidays);

  [[nodiscard]] const Date& start() const { return start_; }
  [[nodiscard]] Time time_of(const Date& date) const;
  [[nodiscard]] Date date_of(Time t) const;
  /// Whole months since the start month; the start month is 0.
  [[nodiscard]] int month_index(Time t) const;
  /// 00:00 on the first day of month `index` (clamped to day 0 for index 0 when the start
  /// date is not the 1st of its month).
  [[nodiscard]] Time month_start(int index) const;
  [[nodiscard]] YearMonth year_month(int index) const;
  [[nodiscard]] bool is_holiday(const Date& date) const;
  /// Monday to Friday and not a holiday.
  [[nodiscard]] bool is_working_day(const Date& date) const;
  /// Number of working days in [from, to) counted by whole dates.
  [[nodiscard]] int working_days_between(const Date& from, const Date& to) const;

 private:
  Date start_;
  std::int64_t start_epoch_day_;
  std::set<std::int64_t> holidays_;
};

}  // namespace werkstroom::kernel
