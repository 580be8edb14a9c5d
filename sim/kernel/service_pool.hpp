#pragma once
// A pool of servers (advisors) working from one priority queue with patience.
//
// Contracts:
// - Queue discipline: lower `priority` value first; FIFO within a priority level.
// - A job starts only on a server that is idle and on shift; its work advances only inside the
//   server's working windows (WorkSchedule::advance), and a started job is never preempted.
// - A job with patience abandons (reneges) at arrival + patience if it has not started then.
//   At equal times a service completion (which may start the job) runs before the renege.
// - A waiting job can be withdrawn by the caller (the person found work or lost interest).
// - Conservation holds at every instant:
//     arrivals = started + abandoned + withdrawn + waiting,  started = completed + in_service.
// - Retiring a server lets it finish its job; it takes no new work afterwards.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kernel/simulation.hpp"
#include "kernel/statistics.hpp"
#include "kernel/work_schedule.hpp"

namespace werkstroom::kernel {

struct JobId {
  std::uint32_t index = UINT32_MAX;
  std::uint32_t generation = 0;
};

struct JobRequest {
  int priority = 0;                  // 0 = most urgent, < priority_levels of the pool
  Duration work;                     // working time the job needs from one server
  std::optional<Duration> patience;  // empty: waits forever
  std::uint64_t tag = 0;             // the caller's payload, handed back to the listener
};

struct JobEvent {
  JobId id;
  std::uint64_t tag = 0;
  Time arrived;
  Duration waited;                    // time spent in the queue
  std::uint32_t server = UINT32_MAX;  // for start and completion
};

/// Receives the outcome of each job. Callbacks may submit or withdraw jobs.
class ServiceListener {
 public:
  virtual ~ServiceListener() = default;
  virtual void on_start(const JobEvent& /*event*/) {}
  virtual void on_complete(const JobEvent& event) = 0;
  virtual void on_abandon(const JobEvent& /*event*/) {}
};

/// Event priorities of the pool's own events at equal times (lower runs first).
inline constexpr EventPriority kCompletionPriority = -10;
inline constexpr EventPriority kShiftStartPriority = -5;
inline constexpr EventPriority kRenegePriority = 10;

struct ServicePoolCounts {
  std::uint64_t arrivals = 0;
  std::uint64_t started = 0;
  std::uint64_t completed = 0;
  std::uint64_t abandoned = 0;
  std::uint64_t withdrawn = 0;
};

class ServicePool {
 public:
  ServicePool(Simulation& sim, std::string name, ServiceListener* listener, int priority_levels);
  ServicePool(const ServicePool&) = delete;
  ServicePool& operator=(const ServicePool&) = delete;

  /// Adds a server available from now; returns its index.
  std::uint32_t add_server(WorkSchedule schedule, std::string server_name);
  /// The server finishes its current job, if any, and then leaves.
  void retire_server(std::uint32_t server);
  [[nodiscard]] std::size_t active_servers() const { return active_servers_; }

  JobId submit(const JobRequest& request);
  /// Removes a waiting job; false if it is not waiting (started, finished or gone).
  bool withdraw(JobId id);
  [[nodiscard]] bool is_waiting(JobId id) const;

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::size_t waiting() const { return waiting_; }
  [[nodiscard]] std::size_t in_service() const { return in_service_; }
  [[nodiscard]] const ServicePoolCounts& counts() const { return counts_; }
  /// Queue time of every job that left the queue (started, abandoned or withdrawn).
  [[nodiscard]] const Tally& queue_time_of_leavers() const { return wait_all_; }
  /// Queue time of started jobs only.
  [[nodiscard]] const Tally& wait_of_started() const { return wait_started_; }
  [[nodiscard]] const TimeWeighted& queue_length() const { return queue_length_; }
  [[nodiscard]] const TimeWeighted& number_in_system() const { return in_system_; }
  /// Sum of queue time up to `now` of all jobs, including those still waiting (for Little's
  /// law on the sample path: equals queue_length().integral(now) since the last reset).
  [[nodiscard]] double total_queue_time(Time now) const;
  /// Work done (days of working time) by all servers since the last reset, including the
  /// elapsed part of jobs in service.
  [[nodiscard]] double busy_time(Time now) const;
  /// Working time the servers were on shift since the last reset.
  [[nodiscard]] double on_shift_time(Time now) const;
  /// Clears counters and tallies at `now` (warm-up deletion); jobs in flight stay, so after a
  /// reset the conservation identity gains the jobs present at the reset on the left side.
  void reset_statistics(Time now);

 private:
  enum class JobState : std::uint8_t { free, waiting, in_service };
  struct Job {
    Time arrived;
    Duration work;
    std::uint64_t tag = 0;
    EventHandle renege;
    std::uint32_t prev = UINT32_MAX;
    std::uint32_t next = UINT32_MAX;
    std::uint32_t generation = 0;
    std::uint8_t priority = 0;
    JobState state = JobState::free;
  };
  struct Server {
    WorkSchedule schedule;
    std::string name;
    Time joined;
    std::optional<Time> left;
    Time job_started;
    Time job_ends;
    std::uint32_t job = UINT32_MAX;
    EventHandle wake;
    bool retiring = false;
    bool in_ready_stack = false;
  };
  struct Level {
    std::uint32_t head = UINT32_MAX;
    std::uint32_t tail = UINT32_MAX;
  };

  std::uint32_t allocate_job();
  void free_job(std::uint32_t index);
  void unlink(std::uint32_t index);
  std::optional<std::uint32_t> pop_front();
  void start(std::uint32_t server, std::uint32_t job);
  void on_completion(std::uint32_t server);
  void on_renege(std::uint32_t job, std::uint32_t generation);
  void on_wake(std::uint32_t server);
  /// Gives the server the next job, or parks it (ready if on shift, else wakes at shift start).
  void serve_next_or_park(std::uint32_t server);
  std::optional<std::uint32_t> take_ready_server();
  void leave_queue(std::uint32_t job);
  JobEvent event_of(std::uint32_t job, std::uint32_t server) const;

  Simulation& sim_;
  std::string name_;
  ServiceListener* listener_;
  std::vector<Job> jobs_;
  std::vector<std::uint32_t> free_jobs_;
  std::vector<Level> levels_;
  std::vector<Server> servers_;
  std::vector<std::uint32_t> ready_;
  std::size_t active_servers_ = 0;
  std::size_t waiting_ = 0;
  std::size_t in_service_ = 0;
  ServicePoolCounts counts_;
  Tally wait_all_;
  Tally wait_started_;
  TimeWeighted queue_length_;
  TimeWeighted in_system_;
  double busy_done_ = 0.0;        // working days of finished work since reset
  double queue_time_done_ = 0.0;  // queue time since reset of jobs that left the queue
  Time stats_since_;
};

}  // namespace werkstroom::kernel
