#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "kernel/event_calendar.hpp"
#include "kernel/simulation.hpp"

using namespace werkstroom::kernel;

namespace {
Simulation make_sim() { return Simulation(Calendar(Date{2020, 11, 1}, {}), {1, 0}); }
}  // namespace

TEST_CASE("events run in time order then priority then insertion order", "[kernel]") {
  Simulation sim = make_sim();
  std::vector<int> order;
  sim.schedule_at(Time::at_day(2.0), [&] { order.push_back(5); });
  sim.schedule_at(
      Time::at_day(1.0), [&] { order.push_back(3); }, 1);
  sim.schedule_at(
      Time::at_day(1.0), [&] { order.push_back(1); }, -1);
  sim.schedule_at(
      Time::at_day(1.0), [&] { order.push_back(2); }, 0);
  sim.schedule_at(
      Time::at_day(1.0), [&] { order.push_back(4); }, 1);  // after the other 1
  sim.schedule_at(
      Time::at_day(0.5), [&] { order.push_back(0); }, 100);
  sim.run_until(Time::at_day(10.0));
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5});
  CHECK(sim.now() == Time::at_day(10.0));
}

TEST_CASE("cancelled events do not run and stale handles are harmless", "[kernel]") {
  Simulation sim = make_sim();
  int ran = 0;
  const EventHandle a = sim.schedule_at(Time::at_day(1.0), [&] { ran += 1; });
  const EventHandle b = sim.schedule_at(Time::at_day(2.0), [&] { ran += 10; });
  CHECK(sim.is_pending(a));
  CHECK(sim.cancel(a));
  CHECK_FALSE(sim.cancel(a));  // second cancel is a no-op
  CHECK_FALSE(sim.is_pending(a));
  CHECK(sim.events_pending() == 1);
  // A new event may reuse a's slot; the old handle must not cancel it.
  const EventHandle c = sim.schedule_at(Time::at_day(3.0), [&] { ran += 100; });
  CHECK_FALSE(sim.cancel(a));
  CHECK(sim.is_pending(c));
  sim.run_until(Time::at_day(5.0));
  CHECK(ran == 110);
  CHECK_FALSE(sim.cancel(b));  // already ran
  CHECK(sim.events_run() == 2);
}

TEST_CASE("peek skips cancelled events and step runs one event", "[kernel]") {
  Simulation sim = make_sim();
  int ran = 0;
  const EventHandle first = sim.schedule_at(Time::at_day(1.0), [&] { ++ran; });
  sim.schedule_at(Time::at_day(4.0), [&] { ++ran; });
  sim.cancel(first);
  REQUIRE(sim.peek().has_value());
  CHECK(*sim.peek() == Time::at_day(4.0));
  CHECK(sim.step());
  CHECK(sim.now() == Time::at_day(4.0));
  CHECK_FALSE(sim.step());
  CHECK_FALSE(sim.peek().has_value());
  CHECK(ran == 1);
}

TEST_CASE("run_until stops at the horizon and leaves later events pending", "[kernel]") {
  Simulation sim = make_sim();
  int ran = 0;
  sim.schedule_at(Time::at_day(1.0), [&] { ++ran; });
  sim.schedule_at(Time::at_day(2.0), [&] { ++ran; });  // exactly at the horizon: runs
  sim.schedule_at(Time::at_day(2.5), [&] { ++ran; });
  CHECK(sim.run_until(Time::at_day(2.0)) == 2);
  CHECK(ran == 2);
  CHECK(sim.events_pending() == 1);
  CHECK(sim.run_some(Time::at_day(9.0), 0) == 0);
}

TEST_CASE("events scheduled by events at the same time run after current ties", "[kernel]") {
  Simulation sim = make_sim();
  std::vector<int> order;
  sim.schedule_at(Time::at_day(1.0), [&] {
    order.push_back(1);
    sim.schedule_after(Duration::days(0.0), [&] { order.push_back(3); });
  });
  sim.schedule_at(Time::at_day(1.0), [&] { order.push_back(2); });
  sim.run_until(Time::at_day(1.0));
  CHECK(order == std::vector<int>{1, 2, 3});
}

TEST_CASE("scheduling in the past or at a non-finite time fails loudly", "[kernel]") {
  Simulation sim = make_sim();
  sim.schedule_at(Time::at_day(5.0), [] {});
  sim.run_until(Time::at_day(5.0));
  CHECK_THROWS_AS(sim.schedule_at(Time::at_day(4.0), [] {}), std::logic_error);
  CHECK_THROWS_AS(sim.schedule_after(Duration::days(-1.0), [] {}), std::logic_error);
  CHECK_THROWS_AS(sim.schedule_at(Time::at_day(std::numeric_limits<double>::infinity()), [] {}),
                  std::invalid_argument);
  CHECK_THROWS_AS(sim.schedule_at(Time::at_day(std::nan("")), [] {}), std::invalid_argument);
}

TEST_CASE("the calendar is a correct priority queue under random operations", "[kernel]") {
  // Against a brute-force model: random schedules and cancels, then every pop must return the
  // smallest (time, priority, sequence) among the live events.
  EventCalendar calendar;
  RandomStream rng(StreamKey{7, 0, hash_name("calendar-fuzz"), 0});
  struct Live {
    double time;
    int priority;
    std::uint64_t sequence;
    EventHandle handle;
  };
  std::vector<Live> live;
  std::uint64_t sequence = 0;
  for (int round = 0; round < 20000; ++round) {
    const double action = rng.uniform01();
    if (action < 0.55 || live.empty()) {
      const double t = std::floor(rng.uniform(0.0, 50.0));  // coarse times force ties
      const auto prio = static_cast<EventPriority>(rng.uniform_int(-2, 2));
      live.push_back({t, prio, sequence++, calendar.schedule(Time::at_day(t), prio, [] {})});
    } else if (action < 0.7) {
      const auto i =
          static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(live.size()) - 1));
      REQUIRE(calendar.cancel(live[i].handle));
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      auto best = live.begin();
      for (auto it = live.begin(); it != live.end(); ++it) {
        if (std::tie(it->time, it->priority, it->sequence) <
            std::tie(best->time, best->priority, best->sequence)) {
          best = it;
        }
      }
      const auto popped = calendar.pop();
      REQUIRE(popped.has_value());
      REQUIRE(popped->stamp.time == Time::at_day(best->time));
      REQUIRE(popped->stamp.priority == best->priority);
      REQUIRE(popped->stamp.sequence == best->sequence);
      live.erase(best);
    }
    REQUIRE(calendar.pending() == live.size());
  }
}

TEST_CASE("event actions: small lambdas inline, others on the heap, each destroyed once",
          "[kernel]") {
  // A capture that counts its owners: the heap-held path must destroy it exactly once, whether
  // the action runs, is cancelled or is still pending when the calendar goes.
  auto owners = std::make_shared<int>(0);
  int runs = 0;
  {
    EventCalendar calendar;
    calendar.schedule(Time::at_day(1.0), 0, [owners, &runs] { ++runs; });
    const EventHandle cancelled = calendar.schedule(Time::at_day(2.0), 0, [owners] {});
    calendar.schedule(Time::at_day(3.0), 0, [owners, text = std::string(40, 'x')] {});
    CHECK(owners.use_count() == 4);
    CHECK(calendar.cancel(cancelled));
    CHECK(owners.use_count() == 3);
    auto popped = calendar.pop();
    REQUIRE(popped.has_value());
    popped->action();
    CHECK(runs == 1);
    popped->action = nullptr;
    CHECK(owners.use_count() == 2);
  }
  CHECK(owners.use_count() == 1);  // the pending one went with the calendar

  int value = 0;
  EventAction small = [&value] { value += 1; };  // inline: trivially copyable, 8 bytes
  EventAction moved = std::move(small);
  CHECK_FALSE(static_cast<bool>(small));  // NOLINT(bugprone-use-after-move): moved-from is empty
  REQUIRE(static_cast<bool>(moved));
  moved();
  std::function<void()> wrapped = [&value] { value += 10; };  // not trivially copyable: heap
  EventAction held = wrapped;
  held.swap(moved);
  held();
  moved();
  CHECK(value == 12);
}

TEST_CASE("pop_due takes the next event only when it is due, and replacement keeps order",
          "[kernel]") {
  // The event that just ran stays at the root until the next schedule replaces it; an event
  // scheduled then, earlier than everything pending, must still come out first.
  EventCalendar calendar;
  std::vector<int> order;
  calendar.schedule(Time::at_day(5.0), 0, [&] { order.push_back(5); });
  calendar.schedule(Time::at_day(3.0), 0, [&] { order.push_back(3); });
  EventStamp stamp;
  EventAction action;
  CHECK_FALSE(calendar.pop_due(2.5, stamp, action));
  CHECK(calendar.pending() == 2);
  REQUIRE(calendar.pop_due(3.0, stamp, action));
  CHECK(stamp.time == Time::at_day(3.0));
  action();
  calendar.schedule(Time::at_day(1.0), 0, [&] { order.push_back(1); });  // replaces the root
  calendar.schedule(Time::at_day(4.0), 0, [&] { order.push_back(4); });
  CHECK(calendar.peek() == Time::at_day(1.0));
  while (calendar.pop_into(stamp, action)) action();
  CHECK(order == std::vector<int>{3, 1, 4, 5});
  CHECK(calendar.pending() == 0);
  CHECK_FALSE(calendar.peek().has_value());
}
