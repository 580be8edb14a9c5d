#pragma once
// Runs experiment::run_experiment on a background thread for the viewer. A new request cancels
// the one in flight (through the experiment's `stop` flag) and starts as soon as the worker is
// free; the UI thread only takes short locks to submit, to read the progress and to pick up
// the last finished results, so it never waits for a simulation.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/population_cache.hpp"

namespace werkstroom::viz {

struct JobRequest {
  std::vector<experiment::ScenarioRun> runs;
  int replications = 100;
  std::uint64_t master_seed = 20201101;
  int threads = 0;  // 0: all hardware threads
};

/// Results of one finished request; immutable once published.
struct FinishedRun {
  std::uint64_t generation = 0;  // the request's number (1 for the first)
  std::vector<experiment::ScenarioResults> results;
  std::vector<experiment::ScenarioRun> runs;  // what was run, for exports
  int replications = 0;
  std::uint64_t master_seed = 0;
  int threads = 0;
  std::string started_at;  // ISO 8601 UTC
  double seconds = 0.0;    // wall time of the run
};

struct JobStatus {
  std::uint64_t requested = 0;  // number of the newest request
  std::uint64_t finished = 0;   // number of the newest published results (0: none yet)
  bool running = false;         // a request is being simulated or waits to start
  std::size_t done = 0;         // replications done of the current request
  std::size_t total = 0;        // replications of the current request
  std::string error;            // message of the newest failed request ("" if none)
  /// Progress of the current request in [0, 1] (1 when idle).
  [[nodiscard]] double fraction() const {
    return running ? (total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0.0)
                   : 1.0;
  }
  /// True when the newest request has finished (results published or failed).
  [[nodiscard]] bool idle() const { return !running; }
};

/// Memory the viewer may spend on population parts kept between runs (about 4.3 MiB a whole
/// population of the default region; 1 GiB holds two scenarios' worth of 100 replications
/// more than once).
inline constexpr std::size_t kPopulationCacheBytes = std::size_t{1} << 30U;

class SimulationJob {
 public:
  /// `populations` may be shared with other jobs (nullptr: a cache of kPopulationCacheBytes).
  explicit SimulationJob(std::shared_ptr<experiment::PopulationCache> populations = nullptr);
  ~SimulationJob();  // cancels the run in flight and joins the worker
  SimulationJob(const SimulationJob&) = delete;
  SimulationJob& operator=(const SimulationJob&) = delete;

  /// Queues `request`, replacing a queued one and cancelling the one running; returns its number.
  std::uint64_t submit(JobRequest request);
  /// Cancels the running and queued requests (results stay as they were).
  void cancel();

  [[nodiscard]] JobStatus status() const;
  /// The newest finished results, or nullptr before the first.
  [[nodiscard]] std::shared_ptr<const FinishedRun> results() const;

  /// Blocks until the newest request has finished or `seconds` have passed (tests, screenshot
  /// mode; never called from a frame). Returns whether it finished.
  bool wait_until_idle(double seconds) const;

 private:
  void work();

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::optional<std::pair<std::uint64_t, JobRequest>> queued_;
  std::shared_ptr<std::atomic<bool>> current_stop_;  // stop flag of the running request
  std::uint64_t requested_ = 0;
  std::uint64_t running_generation_ = 0;  // 0: none running
  std::shared_ptr<const FinishedRun> finished_;
  std::string error_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::size_t> total_{0};
  bool quit_ = false;
  // Populations of earlier requests: a change to the centre's levers re-runs the centre only.
  std::shared_ptr<experiment::PopulationCache> population_cache_;
  std::thread worker_;  // last: started after every other member is ready
};

}  // namespace werkstroom::viz
