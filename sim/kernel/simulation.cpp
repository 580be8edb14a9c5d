#include "kernel/simulation.hpp"

#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace werkstroom::kernel {

void TraceHasher::on_event(const EventStamp& stamp) {
  const double t = stamp.time.days_since_start();
  std::uint64_t bits = 0;
  static_assert(sizeof bits == sizeof t);
  __builtin_memcpy(&bits, &t, sizeof bits);
  hash_ = mix64(hash_ ^ bits);
  hash_ = mix64(hash_ ^ static_cast<std::uint64_t>(static_cast<std::uint16_t>(stamp.priority)));
  hash_ = mix64(hash_ ^ stamp.sequence);
  ++events_;
}

Simulation::Simulation(Calendar calendar, SimulationIdentity identity)
    : calendar_(std::move(calendar)), identity_(identity) {}

EventHandle Simulation::schedule_at(Time at, EventAction action, EventPriority priority) {
  if (at < now_) {
    throw std::logic_error("cannot schedule an event in the past (at day " +
                           std::to_string(at.days_since_start()) + ", now day " +
                           std::to_string(now_.days_since_start()) + ")");
  }
  return events_.schedule(at, priority, std::move(action));
}

EventHandle Simulation::schedule_after(Duration delay, EventAction action, EventPriority priority) {
  if (delay < Duration::days(0.0)) {
    throw std::logic_error("cannot schedule an event with a negative delay");
  }
  return events_.schedule(now_ + delay, priority, std::move(action));
}

bool Simulation::step() { return step_due(std::numeric_limits<double>::infinity()); }

bool Simulation::step_due(double until) {
  EventStamp stamp;
  EventAction action;
  if (!events_.pop_due(until, stamp, action)) return false;
  now_ = stamp.time;
  for (EventObserver* observer : observers_) observer->on_event(stamp);
  ++events_run_;
  action();
  return true;
}

std::uint64_t Simulation::run_some(Time until, std::uint64_t max_events) {
  // One look at the calendar per event: pop_due both checks the time and takes the event.
  std::uint64_t ran = 0;
  const double last = until.days_since_start();
  while (ran < max_events && step_due(last)) ++ran;
  return ran;
}

std::uint64_t Simulation::run_until(Time until) {
  const std::uint64_t ran = run_some(until, UINT64_MAX);
  if (until > now_) now_ = until;
  return ran;
}

RandomStream Simulation::stream(std::string_view purpose, std::uint64_t entity) const {
  return RandomStream{
      StreamKey{identity_.master_seed, identity_.replication, hash_name(purpose), entity}};
}

}  // namespace werkstroom::kernel
