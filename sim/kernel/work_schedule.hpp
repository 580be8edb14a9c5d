#pragma once
// When a server (an advisor) works. A weekly pattern gives one working window per weekday
// (hours from midnight); the calendar's holidays are days off. The schedule turns an amount of
// work into a finishing time: work only progresses inside working windows, so a 2-hour intake
// started at 16:00 on a Friday with an 8:30-17:00 window finishes at 9:30 on Monday.
//
// Contract: a schedule that is not `always` must have some working time in every week;
// otherwise the constructor throws (work would never finish).

#include <array>
#include <vector>

#include "kernel/calendar.hpp"
#include "kernel/time.hpp"

namespace werkstroom::kernel {

struct DailyWindow {
  double start_hour = 0.0;  // inclusive, 0..24
  double end_hour = 0.0;    // exclusive, start..24; equal means no work that day
  [[nodiscard]] double hours() const { return end_hour - start_hour; }
};

class WorkSchedule {
 public:
  /// Round the clock, no holidays: used by verification models (M/M/c).
  static WorkSchedule always();
  /// Weekly windows (index 0 = Monday), closed on the calendar's holidays.
  WorkSchedule(const std::array<DailyWindow, 7>& week, const Calendar* calendar);

  [[nodiscard]] bool is_always() const { return always_; }
  [[nodiscard]] bool is_on_shift(Time t) const;
  /// Earliest time >= t that lies inside a working window.
  [[nodiscard]] Time next_shift_start(Time t) const;
  /// The time at which `work` of working time has been done, starting at `start`.
  [[nodiscard]] Time advance(Time start, Duration work) const;
  /// Working time contained in [from, to).
  [[nodiscard]] Duration working_time_between(Time from, Time to) const;
  [[nodiscard]] double weekly_hours() const;

 private:
  WorkSchedule() = default;
  /// The window of the date containing day `day_floor`, in days since start (empty if off).
  [[nodiscard]] DailyWindow window_of_day(double day_floor) const;

  bool always_ = false;
  std::array<DailyWindow, 7> week_{};
  const Calendar* calendar_ = nullptr;
  // The windows of days 0, 1, 2, ... computed on first use: the date arithmetic and holiday
  // lookup run once per day, not once per query. Not shared between threads (one schedule
  // belongs to one simulation).
  mutable std::vector<DailyWindow> day_cache_;
};

}  // namespace werkstroom::kernel
