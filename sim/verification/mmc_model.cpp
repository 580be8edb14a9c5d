#include "verification/mmc_model.hpp"

#include <optional>

#include "kernel/calendar.hpp"
#include "kernel/service_pool.hpp"
#include "kernel/simulation.hpp"

namespace werkstroom::verification {

using kernel::Duration;
using kernel::JobEvent;
using kernel::Time;

namespace {

class MmcModel final : public kernel::ServiceListener {
 public:
  MmcModel(const QueueParameters& q, const MmcRunSettings& s)
      : queue_(q),
        sim_(kernel::Calendar(kernel::Date{2020, 11, 1}, {}),
             kernel::SimulationIdentity{s.master_seed, s.replication}),
        pool_(sim_, "mmc", this, 1),
        arrivals_(sim_.stream("mmc/arrivals")),
        work_(sim_.stream("mmc/work")),
        patience_(sim_.stream("mmc/patience")) {
    for (int i = 0; i < q.servers; ++i) pool_.add_server(kernel::WorkSchedule::always(), "server");
    sim_.reserve_events(static_cast<std::size_t>(q.servers) * 4 + 64);
  }

  kernel::Simulation& sim() { return sim_; }
  kernel::ServicePool& pool() { return pool_; }

  void schedule_next_arrival() {
    sim_.schedule_after(Duration::days(arrivals_.exponential(queue_.arrival_rate)),
                        [this] { arrive(); });
  }

  void arrive() {
    kernel::JobRequest request;
    request.work = Duration::days(work_.exponential(queue_.service_rate));
    if (queue_.abandonment_rate > 0.0) {
      request.patience = Duration::days(patience_.exponential(queue_.abandonment_rate));
    }
    pool_.submit(request);
    schedule_next_arrival();
  }

  void on_start(const JobEvent& e) override {
    if (e.waited > Duration::days(0.0)) ++had_to_wait_;
  }
  void on_complete(const JobEvent& /*e*/) override { ++completed_all_; }
  void on_abandon(const JobEvent& /*e*/) override {
    ++had_to_wait_;
    ++abandoned_all_;
  }

  void reset_window() { had_to_wait_ = 0; }
  [[nodiscard]] std::uint64_t had_to_wait() const { return had_to_wait_; }
  [[nodiscard]] std::uint64_t departed_all() const { return completed_all_ + abandoned_all_; }

 private:
  QueueParameters queue_;
  kernel::Simulation sim_;
  kernel::ServicePool pool_;
  kernel::RandomStream arrivals_;
  kernel::RandomStream work_;
  kernel::RandomStream patience_;
  std::uint64_t had_to_wait_ = 0;
  std::uint64_t completed_all_ = 0;
  std::uint64_t abandoned_all_ = 0;
};

}  // namespace

MmcRunResult run_mmc(const QueueParameters& queue, const MmcRunSettings& settings,
                     kernel::EventObserver* observer) {
  MmcModel model(queue, settings);
  if (observer != nullptr) model.sim().add_observer(observer);
  model.schedule_next_arrival();
  const Time warmup_end = Time::at_day(settings.warmup_days);
  const Time end = warmup_end + Duration::days(settings.run_days);
  std::uint64_t all_arrivals_before_reset = 0;
  if (settings.warmup_days > 0.0) {
    model.sim().run_until(warmup_end);
    all_arrivals_before_reset = model.pool().counts().arrivals;
    model.pool().reset_statistics(warmup_end);
    model.reset_window();
  }
  model.sim().run_until(end);

  const kernel::ServicePool& pool = model.pool();
  MmcRunResult r;
  r.arrivals = pool.counts().arrivals;
  r.started = pool.counts().started;
  r.abandoned = pool.counts().abandoned;
  r.left_queue = r.started + r.abandoned;
  r.had_to_wait = model.had_to_wait();
  const auto leavers = static_cast<double>(r.left_queue);
  r.wait_probability = leavers > 0 ? static_cast<double>(r.had_to_wait) / leavers : 0.0;
  r.mean_wait = pool.queue_time_of_leavers().mean();
  r.abandonment_share = leavers > 0 ? static_cast<double>(r.abandoned) / leavers : 0.0;
  r.mean_queue_length = pool.queue_length().mean(end);
  r.mean_in_system = pool.number_in_system().mean(end);
  r.utilisation = pool.busy_time(end) / pool.on_shift_time(end);
  r.queue_length_integral = pool.queue_length().integral(end);
  r.total_queue_time = pool.total_queue_time(end);
  r.all_arrivals = all_arrivals_before_reset + r.arrivals;
  r.all_departed = model.departed_all();
  r.waiting_at_end = pool.waiting();
  r.in_service_at_end = pool.in_service();
  r.events = model.sim().events_run();
  return r;
}

}  // namespace werkstroom::verification
