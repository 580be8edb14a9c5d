#include "kernel/service_pool.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace werkstroom::kernel {

ServicePool::ServicePool(Simulation& sim, std::string name, ServiceListener* listener,
                         int priority_levels)
    : sim_(sim),
      name_(std::move(name)),
      listener_(listener),
      levels_(static_cast<std::size_t>(priority_levels)),
      queue_length_(sim.now()),
      in_system_(sim.now()),
      stats_since_(sim.now()) {
  if (listener == nullptr) throw std::invalid_argument("service pool needs a listener");
  if (priority_levels < 1 || priority_levels > 255) {
    throw std::invalid_argument("service pool needs 1..255 priority levels");
  }
}

std::uint32_t ServicePool::add_server(WorkSchedule schedule, std::string server_name) {
  const auto index = static_cast<std::uint32_t>(servers_.size());
  Server server{
      std::move(schedule), std::move(server_name), sim_.now(), std::nullopt, sim_.now(), sim_.now(),
      UINT32_MAX,          EventHandle{},          false,      false};
  servers_.push_back(std::move(server));
  ++active_servers_;
  serve_next_or_park(index);
  return index;
}

void ServicePool::retire_server(std::uint32_t server) {
  Server& s = servers_.at(server);
  if (s.retiring || s.left) return;
  s.retiring = true;
  --active_servers_;
  if (s.job == UINT32_MAX) {
    sim_.cancel(s.wake);
    s.left = sim_.now();
    if (s.in_ready_stack) {
      ready_.erase(std::find(ready_.begin(), ready_.end(), server));
      s.in_ready_stack = false;
    }
  }
}

std::uint32_t ServicePool::allocate_job() {
  if (!free_jobs_.empty()) {
    const std::uint32_t index = free_jobs_.back();
    free_jobs_.pop_back();
    return index;
  }
  jobs_.emplace_back();
  return static_cast<std::uint32_t>(jobs_.size() - 1);
}

void ServicePool::free_job(std::uint32_t index) {
  Job& job = jobs_[index];
  job.state = JobState::free;
  ++job.generation;
  free_jobs_.push_back(index);
}

JobId ServicePool::submit(const JobRequest& request) {
  if (request.priority < 0 || static_cast<std::size_t>(request.priority) >= levels_.size()) {
    throw std::invalid_argument("job priority " + std::to_string(request.priority) +
                                " outside the pool's levels in " + name_);
  }
  if (request.work < Duration::days(0.0)) {
    throw std::invalid_argument("job work must be >= 0 in " + name_);
  }
  const std::uint32_t index = allocate_job();
  Job& job = jobs_[index];
  job.arrived = sim_.now();
  job.work = request.work;
  job.tag = request.tag;
  job.priority = static_cast<std::uint8_t>(request.priority);
  job.state = JobState::waiting;
  job.renege = EventHandle{};
  const JobId id{index, job.generation};
  ++counts_.arrivals;
  in_system_.add(sim_.now(), 1.0);

  // Append to its level, then let a ready server take the queue head (which is this job
  // unless more urgent work waits, and none can wait while a server is ready).
  Level& level = levels_[job.priority];
  job.prev = level.tail;
  job.next = UINT32_MAX;
  if (level.tail != UINT32_MAX) jobs_[level.tail].next = index;
  level.tail = index;
  if (level.head == UINT32_MAX) level.head = index;
  ++waiting_;
  queue_length_.add(sim_.now(), 1.0);

  if (const auto server = take_ready_server()) {
    const auto next = pop_front();
    start(*server, *next);
  } else if (request.patience) {
    const std::uint32_t generation = job.generation;
    jobs_[index].renege = sim_.schedule_after(
        *request.patience, [this, index, generation] { on_renege(index, generation); },
        kRenegePriority);
  }
  return id;
}

bool ServicePool::is_waiting(JobId id) const {
  return id.index < jobs_.size() && jobs_[id.index].generation == id.generation &&
         jobs_[id.index].state == JobState::waiting;
}

bool ServicePool::withdraw(JobId id) {
  if (!is_waiting(id)) return false;
  sim_.cancel(jobs_[id.index].renege);
  leave_queue(id.index);
  ++counts_.withdrawn;
  in_system_.add(sim_.now(), -1.0);
  free_job(id.index);
  return true;
}

void ServicePool::unlink(std::uint32_t index) {
  Job& job = jobs_[index];
  Level& level = levels_[job.priority];
  if (job.prev != UINT32_MAX) {
    jobs_[job.prev].next = job.next;
  } else {
    level.head = job.next;
  }
  if (job.next != UINT32_MAX) {
    jobs_[job.next].prev = job.prev;
  } else {
    level.tail = job.prev;
  }
  job.prev = UINT32_MAX;
  job.next = UINT32_MAX;
}

void ServicePool::leave_queue(std::uint32_t job) {
  unlink(job);
  --waiting_;
  queue_length_.add(sim_.now(), -1.0);
  wait_all_.add((sim_.now() - jobs_[job].arrived).in_days());
  queue_time_done_ += (sim_.now() - std::max(jobs_[job].arrived, stats_since_)).in_days();
}

std::optional<std::uint32_t> ServicePool::pop_front() {
  for (Level& level : levels_) {
    if (level.head != UINT32_MAX) return level.head;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> ServicePool::take_ready_server() {
  while (!ready_.empty()) {
    const std::uint32_t server = ready_.back();
    ready_.pop_back();
    Server& s = servers_[server];
    s.in_ready_stack = false;
    if (s.schedule.is_on_shift(sim_.now())) return server;
    // Went off shift while idle: wake it at its next shift.
    s.wake = sim_.schedule_at(
        s.schedule.next_shift_start(sim_.now()), [this, server] { on_wake(server); },
        kShiftStartPriority);
  }
  return std::nullopt;
}

void ServicePool::start(std::uint32_t server, std::uint32_t job_index) {
  Job& job = jobs_[job_index];
  sim_.cancel(job.renege);
  leave_queue(job_index);
  job.state = JobState::in_service;
  ++in_service_;
  ++counts_.started;
  const double waited = (sim_.now() - job.arrived).in_days();
  wait_started_.add(waited);
  Server& s = servers_[server];
  s.job = job_index;
  s.job_started = sim_.now();
  s.job_ends = s.schedule.advance(sim_.now(), job.work);
  sim_.schedule_at(
      s.job_ends, [this, server] { on_completion(server); }, kCompletionPriority);
  if (listener_) listener_->on_start(event_of(job_index, server));
}

JobEvent ServicePool::event_of(std::uint32_t job_index, std::uint32_t server) const {
  const Job& job = jobs_[job_index];
  return JobEvent{
      JobId{job_index, job.generation}, job.tag, job.arrived,
      (job.state == JobState::waiting ? sim_.now() : servers_[server].job_started) - job.arrived,
      server};
}

void ServicePool::on_completion(std::uint32_t server) {
  Server& s = servers_[server];
  const std::uint32_t job_index = s.job;
  const JobEvent done = event_of(job_index, server);
  const Time from = std::max(s.job_started, stats_since_);
  busy_done_ += s.schedule.working_time_between(from, sim_.now()).in_days();
  s.job = UINT32_MAX;
  --in_service_;
  ++counts_.completed;
  in_system_.add(sim_.now(), -1.0);
  free_job(job_index);
  if (s.retiring) {
    s.left = sim_.now();
  } else {
    serve_next_or_park(server);
  }
  listener_->on_complete(done);
}

void ServicePool::on_renege(std::uint32_t job_index, std::uint32_t generation) {
  Job& job = jobs_[job_index];
  if (job.generation != generation || job.state != JobState::waiting) {
    throw std::logic_error("renege event for a job that is not waiting in " + name_);
  }
  job.renege = EventHandle{};
  const JobEvent gone{JobId{job_index, generation}, job.tag, job.arrived, sim_.now() - job.arrived,
                      UINT32_MAX};
  leave_queue(job_index);
  ++counts_.abandoned;
  in_system_.add(sim_.now(), -1.0);
  free_job(job_index);
  listener_->on_abandon(gone);
}

void ServicePool::on_wake(std::uint32_t server) {
  servers_[server].wake = EventHandle{};
  serve_next_or_park(server);
}

void ServicePool::serve_next_or_park(std::uint32_t server) {
  Server& s = servers_[server];
  if (!s.schedule.is_on_shift(sim_.now())) {
    const Time wake = s.schedule.next_shift_start(sim_.now());
    if (wake <= sim_.now()) {
      throw std::logic_error("work schedule of " + s.name + " in " + name_ +
                             " gives no progress: off shift but its next shift starts now");
    }
    s.wake = sim_.schedule_at(
        wake, [this, server] { on_wake(server); }, kShiftStartPriority);
    return;
  }
  if (const auto next = pop_front()) {
    start(server, *next);
    return;
  }
  s.in_ready_stack = true;
  ready_.push_back(server);
}

double ServicePool::total_queue_time(Time now) const {
  double total = queue_time_done_;
  for (const Level& level : levels_) {
    for (std::uint32_t j = level.head; j != UINT32_MAX; j = jobs_[j].next) {
      total += (now - std::max(jobs_[j].arrived, stats_since_)).in_days();
    }
  }
  return total;
}

double ServicePool::busy_time(Time now) const {
  double total = busy_done_;
  for (const Server& s : servers_) {
    if (s.job != UINT32_MAX) {
      total +=
          s.schedule.working_time_between(std::max(s.job_started, stats_since_), now).in_days();
    }
  }
  return total;
}

double ServicePool::on_shift_time(Time now) const {
  double total = 0.0;
  for (const Server& s : servers_) {
    const Time from = std::max(s.joined, stats_since_);
    const Time to = s.left ? *s.left : now;
    total += s.schedule.working_time_between(from, to).in_days();
  }
  return total;
}

void ServicePool::reset_statistics(Time now) {
  counts_ = ServicePoolCounts{};
  wait_all_ = Tally{};
  wait_started_ = Tally{};
  queue_length_.restart(now);
  in_system_.restart(now);
  busy_done_ = 0.0;
  queue_time_done_ = 0.0;
  stats_since_ = now;
}

}  // namespace werkstroom::kernel
