#pragma once
// Observer hooks: the only way output leaves the kernel. The kernel never includes HDF5, ImGui
// or any writer; writers, viewers and test probes implement these interfaces.

#include "kernel/event_calendar.hpp"

namespace werkstroom::kernel {

class EventObserver {
 public:
  virtual ~EventObserver() = default;
  /// Called just before an event's action runs, with the event's stamp.
  virtual void on_event(const EventStamp& stamp) = 0;
};

/// Folds every executed event's (time, priority, sequence) into a 64-bit hash: two runs with
/// the same trace give the same hash, bit for bit.
class TraceHasher final : public EventObserver {
 public:
  void on_event(const EventStamp& stamp) override;
  [[nodiscard]] std::uint64_t hash() const { return hash_; }
  [[nodiscard]] std::uint64_t events() const { return events_; }

 private:
  std::uint64_t hash_ = 0x84222325cbf29ce4ULL;
  std::uint64_t events_ = 0;
};

}  // namespace werkstroom::kernel
