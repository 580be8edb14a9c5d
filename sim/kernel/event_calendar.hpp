#pragma once
// The future event list. Events are ordered totally by the key (time, priority, insertion
// sequence): earlier time first; at equal times lower priority value first; at equal time and
// priority, first scheduled first (FIFO). This makes tie handling deterministic and documented.
//
// Cancelling is O(1) through a handle (slot index + generation); a cancelled event's heap entry
// is dropped lazily when it reaches the top. A handle to an event that already ran or was
// cancelled is stale: cancelling it again is a no-op that returns false.

#include <cstdint>
#include <optional>
#include <vector>

#include "kernel/event_action.hpp"
#include "kernel/time.hpp"

namespace werkstroom::kernel {

/// Priority of an event among events at the same time; lower runs first.
using EventPriority = std::int16_t;

/// Identifies one scheduled event; default-constructed handles refer to nothing.
struct EventHandle {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  [[nodiscard]] bool refers_to_something() const { return slot != UINT32_MAX; }
};

/// What the calendar hands to `step` callers and trace observers about the event it ran.
struct EventStamp {
  Time time;
  EventPriority priority = 0;
  std::uint64_t sequence = 0;  // insertion sequence number, unique per calendar
};

class EventCalendar {
 public:
  /// Schedules `action` at `time`. Throws std::invalid_argument for a NaN or infinite time.
  EventHandle schedule(Time time, EventPriority priority, EventAction action);
  /// Returns true if the event was pending and is now cancelled.
  bool cancel(EventHandle handle);
  [[nodiscard]] bool is_pending(EventHandle handle) const;

  /// Time of the next pending event, or empty if none.
  [[nodiscard]] MaybeTime peek();
  /// Removes the next pending event and returns its stamp and action; empty if none.
  struct Popped {
    EventStamp stamp;
    EventAction action;
  };
  std::optional<Popped> pop();
  /// The allocation-free form of pop used by Simulation::step: moves the next event's action
  /// into `action` and its stamp into `stamp`; returns false if there is none.
  bool pop_into(EventStamp& stamp, EventAction& action);
  /// pop_into for the next event only if it is due by `until` (days since the start): returns
  /// false, leaving the calendar as it was, if there is none or it comes later.
  bool pop_due(double until, EventStamp& stamp, EventAction& action);

  [[nodiscard]] std::size_t pending() const { return live_count_; }
  [[nodiscard]] std::uint64_t scheduled_total() const { return next_sequence_; }
  void reserve(std::size_t n);

 private:
  // The ordering key is (time bits, order) compared as one unsigned 128-bit number: for
  // non-negative doubles the IEEE bit pattern orders like the value, and times are >= 0
  // (the calendar rejects negative times and stores -0.0 as +0.0).
  struct HeapEntry {
    std::uint64_t time_bits;
    std::uint64_t order;  // (priority biased to unsigned) << 48 | sequence
    std::uint32_t slot;
    std::uint32_t generation;
  };
  struct Slot {
    EventAction action;
    std::uint32_t generation = 0;
    bool live = false;
  };

  __extension__ using Key = unsigned __int128;
  static Key key_of(const HeapEntry& e) { return (static_cast<Key>(e.time_bits) << 64U) | e.order; }
  /// Puts `moving` into the heap at `hole` or above it (the hole's parents move down).
  void place_up(std::size_t hole, const HeapEntry& moving);
  /// Moves the hole at the root down to a leaf of a heap of `size` entries; returns the leaf.
  std::size_t hole_to_leaf(std::size_t size);
  static double time_of(const HeapEntry& e);
  void remove_top();
  void drop_stale_top();
  std::uint32_t acquire_slot();
  void release_slot(std::uint32_t slot);

  std::vector<HeapEntry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
  std::size_t live_count_ = 0;
  // The root is the event pop_into just handed out (its slot released, so it is stale); the
  // next schedule overwrites it, the next peek or pop removes it.
  bool top_consumed_ = false;
};

}  // namespace werkstroom::kernel
