#include "kernel/work_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace werkstroom::kernel {

namespace {
constexpr double kHoursPerDay = 24.0;
}

WorkSchedule WorkSchedule::always() {
  WorkSchedule s;
  s.always_ = true;
  return s;
}

WorkSchedule::WorkSchedule(const std::array<DailyWindow, 7>& week, const Calendar* calendar)
    : week_(week), calendar_(calendar) {
  if (calendar == nullptr) throw std::invalid_argument("a work schedule needs a calendar");
  for (const DailyWindow& w : week_) {
    if (w.start_hour < 0.0 || w.end_hour > kHoursPerDay || w.end_hour < w.start_hour) {
      throw std::invalid_argument("a working window must satisfy 0 <= start <= end <= 24");
    }
  }
  if (!(weekly_hours() > 0.0)) {
    throw std::invalid_argument("a work schedule needs some working time every week");
  }
}

double WorkSchedule::weekly_hours() const {
  if (always_) return 7.0 * kHoursPerDay;
  double total = 0.0;
  for (const DailyWindow& w : week_) total += w.hours();
  return total;
}

DailyWindow WorkSchedule::window_of_day(double day_floor) const {
  constexpr double kMaxCachedDays = 100000.0;  // ~270 years; beyond it, compute directly
  if (day_floor >= 0.0 && day_floor < kMaxCachedDays) {
    const auto index = static_cast<std::size_t>(day_floor);
    while (day_cache_.size() <= index) {
      const Date date = calendar_->date_of(Time::at_day(static_cast<double>(day_cache_.size())));
      day_cache_.push_back(calendar_->is_holiday(date)
                               ? DailyWindow{}
                               : week_[static_cast<std::size_t>(date.weekday())]);
    }
    return day_cache_[index];
  }
  const Date date = calendar_->date_of(Time::at_day(day_floor));
  if (calendar_->is_holiday(date)) return DailyWindow{};
  return week_[static_cast<std::size_t>(date.weekday())];
}

bool WorkSchedule::is_on_shift(Time t) const {
  if (always_) return true;
  const double day = std::floor(t.days_since_start());
  const DailyWindow w = window_of_day(day);
  const double hour = (t.days_since_start() - day) * kHoursPerDay;
  return hour >= w.start_hour && hour < w.end_hour;
}

Time WorkSchedule::next_shift_start(Time t) const {
  if (always_ || is_on_shift(t)) return t;
  double day = std::floor(t.days_since_start());
  double hour = (t.days_since_start() - day) * kHoursPerDay;
  // Holidays can be many in a row, but a year always has working days: bound the search.
  for (int guard = 0; guard < 3660; ++guard) {
    const DailyWindow w = window_of_day(day);
    if (w.hours() > 0.0 && hour < w.end_hour) {
      const double start_hour = std::max(hour, w.start_hour);
      // Contract: the returned time is on shift. day + hour/24 can round to a time whose
      // hour reads a hair below the window's start; step up by ulps until it does not.
      double t_day = day + start_hour / kHoursPerDay;
      for (int ulps = 0; ulps < 64 && !is_on_shift(Time::at_day(t_day)); ++ulps) {
        t_day = std::nextafter(t_day, std::numeric_limits<double>::infinity());
      }
      if (is_on_shift(Time::at_day(t_day))) return Time::at_day(t_day);
    }
    day += 1.0;
    hour = 0.0;
  }
  throw std::logic_error("no working window within ten years of the requested time");
}

Time WorkSchedule::advance(Time start, Duration work) const {
  if (always_) return start + work;
  double remaining_hours = work.in_hours();
  Time t = next_shift_start(start);
  while (true) {
    const double day = std::floor(t.days_since_start());
    const DailyWindow w = window_of_day(day);
    const double hour = (t.days_since_start() - day) * kHoursPerDay;
    const double available = w.end_hour - hour;
    if (remaining_hours <= available) {
      return Time::at_day(day + (hour + remaining_hours) / kHoursPerDay);
    }
    remaining_hours -= available;
    t = next_shift_start(Time::at_day(day + 1.0));
  }
}

Duration WorkSchedule::working_time_between(Time from, Time to) const {
  if (to <= from) return Duration::days(0.0);
  if (always_) return to - from;
  double hours = 0.0;
  double day = std::floor(from.days_since_start());
  while (day < to.days_since_start()) {
    const DailyWindow w = window_of_day(day);
    const double lo = std::max(day + w.start_hour / kHoursPerDay, from.days_since_start());
    const double hi = std::min(day + w.end_hour / kHoursPerDay, to.days_since_start());
    if (hi > lo) hours += (hi - lo) * kHoursPerDay;
    day += 1.0;
  }
  return Duration::hours(hours);
}

}  // namespace werkstroom::kernel
