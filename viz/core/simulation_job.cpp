#include "core/simulation_job.hpp"

#include <chrono>

#include "results/results.hpp"

namespace werkstroom::viz {

SimulationJob::SimulationJob(std::shared_ptr<experiment::PopulationCache> populations)
    : population_cache_(populations != nullptr
                            ? std::move(populations)
                            : std::make_shared<experiment::PopulationCache>(kPopulationCacheBytes)),
      worker_([this] { work(); }) {}

SimulationJob::~SimulationJob() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    quit_ = true;
    queued_.reset();
    if (current_stop_) current_stop_->store(true);
  }
  changed_.notify_all();
  worker_.join();
}

std::uint64_t SimulationJob::submit(JobRequest request) {
  std::uint64_t generation = 0;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    generation = ++requested_;
    queued_.emplace(generation, std::move(request));
    if (current_stop_) current_stop_->store(true);
  }
  changed_.notify_all();
  return generation;
}

void SimulationJob::cancel() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    queued_.reset();
    if (current_stop_) current_stop_->store(true);
  }
  changed_.notify_all();
}

JobStatus SimulationJob::status() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  JobStatus s;
  s.requested = requested_;
  s.finished = finished_ ? finished_->generation : 0;
  s.running = running_generation_ != 0 || queued_.has_value();
  s.done = running_generation_ != 0 ? done_.load() : 0;
  s.total = running_generation_ != 0 ? total_.load() : 0;
  s.error = error_;
  return s;
}

std::shared_ptr<const FinishedRun> SimulationJob::results() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return finished_;
}

bool SimulationJob::wait_until_idle(double seconds) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, std::chrono::duration<double>(seconds),
                           [this] { return running_generation_ == 0 && !queued_.has_value(); });
}

void SimulationJob::work() {
  while (true) {
    std::uint64_t generation = 0;
    JobRequest request;
    std::shared_ptr<std::atomic<bool>> stop;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return quit_ || queued_.has_value(); });
      if (quit_) return;
      generation = queued_->first;
      request = std::move(queued_->second);
      queued_.reset();
      stop = std::make_shared<std::atomic<bool>>(false);
      current_stop_ = stop;
      running_generation_ = generation;
      done_.store(0);
      total_.store(request.runs.size() *
                   static_cast<std::size_t>(std::max(request.replications, 1)));
    }

    experiment::ExperimentSettings settings;
    settings.master_seed = request.master_seed;
    settings.replications = request.replications;
    settings.threads = request.threads;
    settings.stop = stop.get();
    settings.population_cache = population_cache_.get();
    settings.progress = [this](std::size_t done, std::size_t /*total*/) {
      // Workers finish out of order; keep the largest count.
      std::size_t seen = done_.load();
      while (seen < done && !done_.compare_exchange_weak(seen, done)) {
      }
    };
    auto finished = std::make_shared<FinishedRun>();
    finished->generation = generation;
    finished->replications = request.replications;
    finished->master_seed = request.master_seed;
    finished->threads = request.threads;
    const auto started = std::chrono::system_clock::now();
    finished->started_at = results::iso8601_utc(started);
    std::string error;
    bool published = false;
    try {
      finished->results = experiment::run_experiment(request.runs, settings);
      finished->runs = std::move(request.runs);
      finished->seconds =
          std::chrono::duration<double>(std::chrono::system_clock::now() - started).count();
      published = true;
    } catch (const experiment::Interrupted&) {
      // Superseded or cancelled: the next request (if any) runs next.
    } catch (const std::exception& e) {
      error = e.what();
    }
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (published) {
        finished_ = std::move(finished);
        error_.clear();
      } else if (!error.empty()) {
        error_ = error;
      }
      running_generation_ = 0;
      current_stop_.reset();
    }
    changed_.notify_all();
  }
}

}  // namespace werkstroom::viz
