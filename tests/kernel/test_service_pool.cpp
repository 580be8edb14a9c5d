#include <catch2/catch.hpp>
#include <functional>
#include <vector>

#include "kernel/service_pool.hpp"

using namespace werkstroom::kernel;

namespace {

struct Recorder final : ServiceListener {
  std::vector<std::uint64_t> started;
  std::vector<std::uint64_t> completed;
  std::vector<std::uint64_t> abandoned;
  std::vector<double> waits;
  void on_start(const JobEvent& e) override {
    started.push_back(e.tag);
    waits.push_back(e.waited.in_days());
  }
  void on_complete(const JobEvent& e) override { completed.push_back(e.tag); }
  void on_abandon(const JobEvent& e) override { abandoned.push_back(e.tag); }
};

Simulation make_sim(Date start = Date{2020, 11, 2}) {
  return Simulation(Calendar(start, {}), {1, 0});
}

JobRequest job(std::uint64_t tag, double work_days, int priority = 0) {
  JobRequest r;
  r.tag = tag;
  r.work = Duration::days(work_days);
  r.priority = priority;
  return r;
}

}  // namespace

TEST_CASE("priority first then first come first served", "[kernel]") {
  Simulation sim = make_sim();
  Recorder rec;
  ServicePool pool(sim, "desk", &rec, 3);
  pool.add_server(WorkSchedule::always(), "a");
  pool.submit(job(1, 1.0, 2));  // starts at once
  pool.submit(job(2, 1.0, 2));
  pool.submit(job(3, 1.0, 1));
  pool.submit(job(4, 1.0, 0));
  pool.submit(job(5, 1.0, 1));
  sim.run_until(Time::at_day(10.0));
  CHECK(rec.started == std::vector<std::uint64_t>{1, 4, 3, 5, 2});
  CHECK(rec.completed == rec.started);
  CHECK(rec.waits == std::vector<double>{0.0, 1.0, 2.0, 3.0, 4.0});
}

TEST_CASE("impatient jobs abandon at their deadline and withdrawn jobs leave at once", "[kernel]") {
  Simulation sim = make_sim();
  Recorder rec;
  ServicePool pool(sim, "desk", &rec, 1);
  pool.add_server(WorkSchedule::always(), "a");
  pool.submit(job(1, 3.0));
  JobRequest impatient = job(2, 1.0);
  impatient.patience = Duration::days(2.0);
  pool.submit(impatient);
  JobRequest patient_enough = job(3, 1.0);
  patient_enough.patience = Duration::days(3.0);  // the server frees exactly at day 3
  pool.submit(patient_enough);
  const JobId leaving = pool.submit(job(4, 1.0));
  CHECK(pool.withdraw(leaving));
  CHECK_FALSE(pool.withdraw(leaving));
  sim.run_until(Time::at_day(10.0));
  CHECK(rec.abandoned == std::vector<std::uint64_t>{2});
  // At equal times completion runs before renege: job 3 starts at day 3.
  CHECK(rec.started == std::vector<std::uint64_t>{1, 3});
  const auto& c = pool.counts();
  CHECK(c.arrivals == 4);
  CHECK(c.arrivals == c.started + c.abandoned + c.withdrawn + pool.waiting());
  CHECK(c.started == c.completed + pool.in_service());
}

TEST_CASE("servers with office hours start work only on shift", "[kernel]") {
  // Day 0 = Monday 2020-11-02 00:00.
  Simulation sim = make_sim();
  Recorder rec;
  ServicePool pool(sim, "desk", &rec, 1);
  std::array<DailyWindow, 7> week{};
  for (int d = 0; d < 5; ++d) week[static_cast<std::size_t>(d)] = DailyWindow{9.0, 17.0};
  pool.add_server(WorkSchedule(week, &sim.calendar()), "advisor");
  // Arrives Friday 20:00 needing 2 hours: starts Monday 9:00, ends 11:00.
  sim.schedule_at(Time::at_day(4.0 + 20.0 / 24.0), [&] { pool.submit(job(1, 2.0 / 24.0)); });
  sim.run_until(Time::at_day(14.0));
  REQUIRE(rec.waits.size() == 1);
  CHECK(rec.waits[0] == Approx(2.0 + 13.0 / 24.0));
  CHECK(pool.busy_time(Time::at_day(14.0)) == Approx(2.0 / 24.0));
  // Two weeks of 40 hours on shift.
  CHECK(pool.on_shift_time(Time::at_day(14.0)) == Approx(80.0 / 24.0));
}

TEST_CASE("a retired server finishes its job and takes no more", "[kernel]") {
  Simulation sim = make_sim();
  Recorder rec;
  ServicePool pool(sim, "desk", &rec, 1);
  const auto a = pool.add_server(WorkSchedule::always(), "a");
  pool.submit(job(1, 2.0));
  pool.submit(job(2, 2.0));
  sim.run_until(Time::at_day(1.0));
  pool.retire_server(a);
  CHECK(pool.active_servers() == 0);
  sim.run_until(Time::at_day(10.0));
  CHECK(rec.completed == std::vector<std::uint64_t>{1});
  CHECK(pool.waiting() == 1);
  pool.add_server(WorkSchedule::always(), "b");  // a new hire takes the waiting job
  sim.run_until(Time::at_day(20.0));
  CHECK(rec.completed == std::vector<std::uint64_t>{1, 2});
  CHECK(pool.on_shift_time(Time::at_day(20.0)) == Approx(2.0 + 10.0));
}

TEST_CASE("conservation holds at every event under random submits and withdrawals", "[kernel]") {
  Simulation sim = make_sim();
  Recorder rec;
  ServicePool pool(sim, "desk", &rec, 3);
  for (int i = 0; i < 3; ++i) pool.add_server(WorkSchedule::always(), "s");
  RandomStream rng = sim.stream("conservation");
  std::vector<JobId> ids;
  std::function<void()> arrive = [&] {
    JobRequest r = job(ids.size(), rng.exponential(1.0), static_cast<int>(rng.uniform_int(0, 2)));
    if (rng.bernoulli(0.5)) r.patience = Duration::days(rng.exponential(0.5));
    ids.push_back(pool.submit(r));
    if (rng.bernoulli(0.2)) {
      pool.withdraw(ids[static_cast<std::size_t>(
          rng.uniform_int(0, static_cast<std::int64_t>(ids.size()) - 1))]);
    }
    sim.schedule_after(Duration::days(rng.exponential(3.2)), arrive);
  };
  sim.schedule_at(Time::zero(), arrive);
  while (sim.now() < Time::at_day(500.0)) {
    REQUIRE(sim.step());
    const auto& c = pool.counts();
    REQUIRE(c.arrivals == c.started + c.abandoned + c.withdrawn + pool.waiting());
    REQUIRE(c.started == c.completed + pool.in_service());
    REQUIRE(pool.in_service() <= 3);
    REQUIRE((pool.waiting() == 0 || pool.in_service() == 3));  // work-conserving
  }
  CHECK(pool.counts().abandoned > 0);
  CHECK(pool.counts().withdrawn > 0);
  CHECK(pool.queue_length().integral(sim.now()) ==
        Approx(pool.total_queue_time(sim.now())).epsilon(1e-9));
}
