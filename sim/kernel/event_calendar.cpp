#include "kernel/event_calendar.hpp"

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

namespace werkstroom::kernel {

namespace {
// A 4-ary heap has half the depth of a binary heap and keeps children in one cache line
// (4 entries of 24 bytes), which matters for the hold benchmark at 10^5 events.
constexpr std::size_t kArity = 4;
constexpr std::uint64_t kSequenceBits = 48;
constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << kSequenceBits) - 1;
constexpr std::int32_t kPriorityBias = 1 << 15;
}  // namespace

void EventCalendar::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
}

std::uint32_t EventCalendar::acquire_slot() {
  if (!free_slots_.empty()) {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  if (slots_.size() >= UINT32_MAX - 1) throw std::length_error("event calendar is full");
  slots_.emplace_back();
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void EventCalendar::release_slot(std::uint32_t slot) {
  Slot& s = slots_[slot];
  s.live = false;
  s.action = nullptr;
  ++s.generation;  // stale heap entries and handles no longer match
  free_slots_.push_back(slot);
  --live_count_;
}

EventHandle EventCalendar::schedule(Time time, EventPriority priority, EventAction action) {
  const double t = time.days_since_start() + 0.0;  // -0.0 becomes +0.0
  if (!std::isfinite(t) || t < 0.0) {
    throw std::invalid_argument("cannot schedule an event at a negative or non-finite time (" +
                                std::to_string(t) + ")");
  }
  if (next_sequence_ > kMaxSequence) throw std::length_error("event sequence overflow");
  const std::uint32_t slot = acquire_slot();
  Slot& s = slots_[slot];
  s.action = std::move(action);
  s.live = true;
  ++live_count_;
  const auto biased =
      static_cast<std::uint64_t>(static_cast<std::int64_t>(priority) + kPriorityBias);
  std::uint64_t bits = 0;
  std::memcpy(&bits, &t, sizeof bits);
  heap_.push_back(HeapEntry{bits, (biased << kSequenceBits) | next_sequence_, slot, s.generation});
  ++next_sequence_;
  sift_up(heap_.size() - 1);
  return EventHandle{slot, s.generation};
}

bool EventCalendar::is_pending(EventHandle handle) const {
  if (!handle.refers_to_something() || handle.slot >= slots_.size()) return false;
  const Slot& s = slots_[handle.slot];
  return s.live && s.generation == handle.generation;
}

bool EventCalendar::cancel(EventHandle handle) {
  if (!is_pending(handle)) return false;
  release_slot(handle.slot);
  return true;
}

void EventCalendar::drop_stale_top() {
  while (!heap_.empty()) {
    const HeapEntry& top = heap_.front();
    const Slot& s = slots_[top.slot];
    if (s.live && s.generation == top.generation) return;
    remove_top();
  }
}

double EventCalendar::time_of(const HeapEntry& e) {
  double t = 0.0;
  std::memcpy(&t, &e.time_bits, sizeof t);
  return t;
}

MaybeTime EventCalendar::peek() {
  drop_stale_top();
  if (heap_.empty()) return std::nullopt;
  return Time::at_day(time_of(heap_.front()));
}

bool EventCalendar::pop_into(EventStamp& stamp, EventAction& action) {
  drop_stale_top();
  if (heap_.empty()) return false;
  const HeapEntry top = heap_.front();
  remove_top();
  stamp = EventStamp{Time::at_day(time_of(top)),
                     static_cast<EventPriority>(
                         static_cast<std::int32_t>(top.order >> kSequenceBits) - kPriorityBias),
                     top.order & kMaxSequence};
  action.swap(slots_[top.slot].action);
  release_slot(top.slot);
  return true;
}

std::optional<EventCalendar::Popped> EventCalendar::pop() {
  Popped popped;
  if (!pop_into(popped.stamp, popped.action)) return std::nullopt;
  return popped;
}

void EventCalendar::remove_top() {
  // Bottom-up deletion (Floyd): walk the hole down along the smallest children to a leaf,
  // then put the last entry there and sift it up. The last entry is usually late, so this
  // saves the comparisons against it on the way down.
  const std::size_t size = heap_.size() - 1;  // size after removal
  if (size == 0) {
    heap_.pop_back();
    return;
  }
  const HeapEntry last = heap_.back();
  heap_.pop_back();
  std::size_t hole = 0;
  while (true) {
    const std::size_t first_child = hole * kArity + 1;
    if (first_child >= size) break;
    std::size_t best = first_child;
    Key best_key = key_of(heap_[first_child]);
    const std::size_t last_child = first_child + kArity < size ? first_child + kArity : size;
    // Branch-free selection of the smallest child: the comparisons are unpredictable, and
    // conditional moves avoid a mispredicted branch per child.
    for (std::size_t c = first_child + 1; c < last_child; ++c) {
      const Key k = key_of(heap_[c]);
      const bool smaller = k < best_key;
      best = smaller ? c : best;
      best_key = smaller ? k : best_key;
    }
    heap_[hole] = heap_[best];
    hole = best;
  }
  heap_[hole] = last;
  sift_up(hole);
}

void EventCalendar::sift_up(std::size_t index) {
  const HeapEntry moving = heap_[index];
  while (index > 0) {
    const std::size_t parent = (index - 1) / kArity;
    if (!earlier(moving, heap_[parent])) break;
    heap_[index] = heap_[parent];
    index = parent;
  }
  heap_[index] = moving;
}

}  // namespace werkstroom::kernel
