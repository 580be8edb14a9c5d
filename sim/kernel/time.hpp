#pragma once
// Strong time types for the kernel. Simulation time is continuous, measured in days from the
// scenario's start date (day 0 = 00:00 on the start date). Points in time (`Time`) and spans
// (`Duration`) are distinct types so that adding two points is a compile error.
// "Never" is expressed as std::optional<Time> (empty), never as a sentinel value.

#include <compare>
#include <optional>

namespace werkstroom::kernel {

/// A span of simulated time in days.
class Duration {
 public:
  constexpr Duration() = default;
  static constexpr Duration days(double d) { return Duration{d}; }
  static constexpr Duration hours(double h) { return Duration{h / 24.0}; }
  static constexpr Duration weeks(double w) { return Duration{w * 7.0}; }

  [[nodiscard]] constexpr double in_days() const { return days_; }
  [[nodiscard]] constexpr double in_hours() const { return days_ * 24.0; }

  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration other) const { return Duration{days_ + other.days_}; }
  constexpr Duration operator-(Duration other) const { return Duration{days_ - other.days_}; }
  constexpr Duration operator*(double factor) const { return Duration{days_ * factor}; }
  constexpr Duration& operator+=(Duration other) {
    days_ += other.days_;
    return *this;
  }

 private:
  constexpr explicit Duration(double d) : days_(d) {}
  double days_ = 0.0;
};

/// A point in simulated time: days since the start of the simulation.
class Time {
 public:
  constexpr Time() = default;
  static constexpr Time at_day(double d) { return Time{d}; }
  static constexpr Time zero() { return Time{0.0}; }

  [[nodiscard]] constexpr double days_since_start() const { return days_; }

  constexpr auto operator<=>(const Time&) const = default;
  constexpr Time operator+(Duration d) const { return Time{days_ + d.in_days()}; }
  constexpr Time operator-(Duration d) const { return Time{days_ - d.in_days()}; }
  constexpr Duration operator-(Time other) const { return Duration::days(days_ - other.days_); }

 private:
  constexpr explicit Time(double d) : days_(d) {}
  double days_ = 0.0;
};

/// An optional time; empty means "never".
using MaybeTime = std::optional<Time>;

}  // namespace werkstroom::kernel
