#pragma once
// One simulation run: owns its clock, event calendar, calendar of dates and random streams.
// There are no globals; two Simulations can run side by side in one process or thread.
//
// Kernel API (run is built on step, so a viewer can step a bounded amount per frame):
//   schedule(at|after, action, priority) -> EventHandle, cancel(handle), peek(), step(),
//   run_until(t).

#include <cstdint>
#include <string_view>
#include <vector>

#include "kernel/calendar.hpp"
#include "kernel/event_calendar.hpp"
#include "kernel/observer.hpp"
#include "kernel/random.hpp"
#include "kernel/time.hpp"

namespace werkstroom::kernel {

struct SimulationIdentity {
  std::uint64_t master_seed = 0;
  std::uint64_t replication = 0;
};

class Simulation {
 public:
  Simulation(Calendar calendar, SimulationIdentity identity);

  [[nodiscard]] Time now() const { return now_; }
  [[nodiscard]] const Calendar& calendar() const { return calendar_; }
  [[nodiscard]] const SimulationIdentity& identity() const { return identity_; }

  /// Schedules at an absolute time; throws std::logic_error for a time before now.
  EventHandle schedule_at(Time at, EventAction action, EventPriority priority = 0);
  /// Schedules after a non-negative delay.
  EventHandle schedule_after(Duration delay, EventAction action, EventPriority priority = 0);
  bool cancel(EventHandle handle) { return events_.cancel(handle); }
  [[nodiscard]] bool is_pending(EventHandle handle) const { return events_.is_pending(handle); }

  /// Time of the next event, empty if the calendar is empty.
  [[nodiscard]] MaybeTime peek() { return events_.peek(); }
  /// Runs exactly one event; returns false if there was none.
  bool step();
  /// Runs every event with time <= until, then sets the clock to `until`. Returns the number
  /// of events run.
  std::uint64_t run_until(Time until);
  /// Runs at most `max_events` events with time <= until (for incremental drivers).
  std::uint64_t run_some(Time until, std::uint64_t max_events);

  [[nodiscard]] std::uint64_t events_run() const { return events_run_; }
  [[nodiscard]] std::size_t events_pending() const { return events_.pending(); }
  void reserve_events(std::size_t n) { events_.reserve(n); }

  /// A stream keyed by this run's (seed, replication), the purpose and an entity id.
  [[nodiscard]] RandomStream stream(std::string_view purpose, std::uint64_t entity = 0) const;

  void add_observer(EventObserver* observer) { observers_.push_back(observer); }

 private:
  /// Runs the next event if it is due by `until` (days since the start).
  bool step_due(double until);

  Calendar calendar_;
  SimulationIdentity identity_;
  EventCalendar events_;
  Time now_ = Time::zero();
  std::uint64_t events_run_ = 0;
  std::vector<EventObserver*> observers_;
};

}  // namespace werkstroom::kernel
