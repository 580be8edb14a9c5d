#pragma once
// Time constants and event priorities shared by the centre's parts (model/centre/*.cpp).
// The priorities order events at the same moment on the calendar: changing them changes
// results.

#include "kernel/event_calendar.hpp"

namespace werkstroom::model {

/// Month ends come before everything else at a boundary, the service's close right after.
inline constexpr kernel::EventPriority kMonthEndPriority = -100;
inline constexpr kernel::EventPriority kServicePriority = 0;
/// Priority levels of the advisors' job queue (ServicePool).
inline constexpr int kPriorityLevels = 10;
inline constexpr double kWeekDays = 7.0;

}  // namespace werkstroom::model
