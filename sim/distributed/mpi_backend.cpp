#include "distributed/mpi_backend.hpp"

#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstring>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "experiment/ordered_results.hpp"
#include "experiment/result_codec.hpp"

namespace werkstroom::distributed {

namespace {

enum Tag : int { kRequest = 1, kJob = 2, kResult = 3, kError = 4, kStopped = 5 };
enum Outcome : int { kDone = 0, kFailed = 1, kInterrupted = 2 };
constexpr std::int64_t kNoMoreJobs = -1;
/// Rank 0's main thread polls for messages this often when none are waiting (a blocking
/// receive in Open MPI spins and would take a core from the compute thread).
constexpr auto kPollPeriod = std::chrono::microseconds(500);
/// Largest piece of a broadcast (MPI counts are int).
constexpr std::size_t kChunk = std::size_t{1} << 30U;

void put_u64(std::vector<std::uint8_t>& out, std::uint64_t v) {
  const auto* b = reinterpret_cast<const std::uint8_t*>(&v);
  out.insert(out.end(), b, b + sizeof v);
}

std::uint64_t get_u64(const std::vector<std::uint8_t>& in, std::size_t& at) {
  if (in.size() - at < sizeof(std::uint64_t)) throw std::runtime_error("MPI message cut short");
  std::uint64_t v = 0;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return v;
}

/// Results of a job as one message: job number, count, then (size, bytes) per result.
std::vector<std::uint8_t> encode_job_results(std::int64_t job,
                                             const std::vector<model::ReplicationResult>& rs) {
  std::vector<std::uint8_t> out;
  put_u64(out, static_cast<std::uint64_t>(job));
  put_u64(out, rs.size());
  for (const model::ReplicationResult& r : rs) {
    const std::vector<std::uint8_t> bytes = experiment::encode_result(r);
    put_u64(out, bytes.size());
    out.insert(out.end(), bytes.begin(), bytes.end());
  }
  return out;
}

std::vector<std::uint8_t> receive_bytes(int source, int tag, MPI_Status* status = nullptr) {
  MPI_Status probe;
  MPI_Probe(source, tag, MPI_COMM_WORLD, &probe);
  int count = 0;
  MPI_Get_count(&probe, MPI_BYTE, &count);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(count));
  MPI_Recv(bytes.data(), count, MPI_BYTE, probe.MPI_SOURCE, probe.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  if (status != nullptr) *status = probe;
  return bytes;
}

void send_bytes(const std::vector<std::uint8_t>& bytes, int dest, int tag) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw std::runtime_error("MPI message larger than 2 GB");
  }
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, dest, tag, MPI_COMM_WORLD);
}

void broadcast(std::vector<std::uint8_t>& bytes, bool root) {
  std::uint64_t size = bytes.size();
  MPI_Bcast(&size, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  if (!root) bytes.resize(size);
  for (std::size_t at = 0; at < size; at += kChunk) {
    const auto n = static_cast<int>(std::min<std::size_t>(kChunk, size - at));
    MPI_Bcast(bytes.data() + at, n, MPI_BYTE, 0, MPI_COMM_WORLD);
  }
}

/// The worker ranks' side: ask for a job, run it, send its results, until told there is none.
void work(const std::vector<experiment::ScenarioRun>& runs,
          const std::vector<experiment::ExperimentJob>& jobs,
          const experiment::ExperimentSettings& settings) {
  while (true) {
    if (settings.stop != nullptr && settings.stop->load()) {
      MPI_Send(nullptr, 0, MPI_BYTE, 0, kStopped, MPI_COMM_WORLD);
      return;
    }
    MPI_Send(nullptr, 0, MPI_BYTE, 0, kRequest, MPI_COMM_WORLD);
    std::int64_t job = kNoMoreJobs;
    MPI_Recv(&job, 1, MPI_INT64_T, 0, kJob, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (job == kNoMoreJobs) return;
    try {
      const auto results =
          experiment::run_job(runs, jobs.at(static_cast<std::size_t>(job)), settings);
      send_bytes(encode_job_results(job, results), 0, kResult);
    } catch (const experiment::Interrupted&) {
      MPI_Send(nullptr, 0, MPI_BYTE, 0, kStopped, MPI_COMM_WORLD);
      return;
    } catch (const std::exception& e) {
      const std::string message = e.what();
      send_bytes(std::vector<std::uint8_t>(message.begin(), message.end()), 0, kError);
      return;
    }
  }
}

}  // namespace

std::vector<experiment::ScenarioResults> MpiBackend::run(
    const std::vector<experiment::ScenarioRun>& runs,
    const experiment::ExperimentSettings& settings) {
  const auto reps = static_cast<std::size_t>(std::max(settings.replications, 1));
  const std::vector<experiment::ExperimentJob> jobs =
      experiment::experiment_jobs(runs, settings.replications, settings.first_replication);
  std::vector<experiment::ScenarioResults> results(runs.size());
  for (std::size_t s = 0; s < runs.size(); ++s) {
    results[s].name = runs[s].name;
    // With a consumer (rank 0 only) the results are its, not kept here.
    if (rank_ != 0 || !settings.on_result) results[s].replications.resize(reps);
  }
  const bool root = rank_ == 0;
  int outcome = kDone;
  std::string message;

  if (!root) {
    work(runs, jobs, settings);
  } else {
    // Rank 0: a compute thread takes jobs from the same counter the workers are served from.
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;  // `done` and the failure message
    std::size_t done = 0;
    const std::size_t total = runs.size() * reps;
    // Slots, and settings.on_result in job order (a result streamed to a file, say).
    experiment::OrderedResults ordered(jobs, results, settings);
    const auto fail = [&](const std::string& what) {
      const std::lock_guard<std::mutex> lock(mutex);
      if (message.empty()) message = what;
      failed.store(true);
    };
    const auto place = [&](std::size_t job, std::vector<model::ReplicationResult>& out) {
      const std::size_t placed = ordered.place(job, std::move(out));
      const std::lock_guard<std::mutex> lock(mutex);
      done = std::max(done, placed);
    };
    const auto stopping = [&] {
      return failed.load() || (settings.stop != nullptr && settings.stop->load());
    };
    std::thread compute([&] {
      while (!stopping()) {
        const std::size_t j = next.fetch_add(1);
        if (j >= jobs.size()) return;
        try {
          std::vector<model::ReplicationResult> out = experiment::run_job(runs, jobs[j], settings);
          place(j, out);
        } catch (const experiment::Interrupted&) {
          return;
        } catch (const std::exception& e) {
          fail("rank 0: " + std::string(e.what()));
          return;
        }
      }
    });
    int active = size_ - 1;
    bytes_received_ = 0;
    std::size_t reported = 0;
    while (active > 0) {
      int waiting = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
      if (waiting == 0) {
        std::this_thread::sleep_for(kPollPeriod);
      } else if (status.MPI_TAG == kRequest) {
        MPI_Recv(nullptr, 0, MPI_BYTE, status.MPI_SOURCE, kRequest, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        std::int64_t job = kNoMoreJobs;
        if (!stopping()) {
          const std::size_t j = next.fetch_add(1);
          if (j < jobs.size()) job = static_cast<std::int64_t>(j);
        }
        MPI_Send(&job, 1, MPI_INT64_T, status.MPI_SOURCE, kJob, MPI_COMM_WORLD);
        if (job == kNoMoreJobs) --active;
      } else if (status.MPI_TAG == kResult) {
        const std::vector<std::uint8_t> bytes = receive_bytes(status.MPI_SOURCE, kResult);
        bytes_received_ += bytes.size();
        std::size_t at = 0;
        const auto job = static_cast<std::size_t>(get_u64(bytes, at));
        if (job >= jobs.size()) throw std::runtime_error("MPI result of an unknown job");
        const std::uint64_t count = get_u64(bytes, at);
        std::vector<model::ReplicationResult> out;
        for (std::uint64_t k = 0; k < count; ++k) {
          const std::uint64_t size = get_u64(bytes, at);
          if (bytes.size() - at < size) throw std::runtime_error("MPI result cut short");
          out.push_back(experiment::decode_result(bytes.data() + at, size));
          at += size;
        }
        try {
          place(job, out);
        } catch (const std::exception& e) {
          // The consumer failed (a full disk while streaming): every rank stops with it.
          fail("rank 0: " + std::string(e.what()));
        }
      } else if (status.MPI_TAG == kError) {
        const std::vector<std::uint8_t> bytes = receive_bytes(status.MPI_SOURCE, kError);
        const std::lock_guard<std::mutex> lock(mutex);
        if (message.empty()) {
          message = "rank " + std::to_string(status.MPI_SOURCE) + ": " +
                    std::string(bytes.begin(), bytes.end());
        }
        failed.store(true);
        --active;
      } else {  // kStopped
        MPI_Recv(nullptr, 0, MPI_BYTE, status.MPI_SOURCE, kStopped, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        --active;
      }
      if (settings.progress) {
        std::size_t now = 0;
        {
          const std::lock_guard<std::mutex> lock(mutex);
          now = done;
        }
        if (now != reported) settings.progress(reported = now, total);
      }
    }
    compute.join();
    if (settings.progress && done != reported) settings.progress(done, total);
    if (failed.load()) {
      outcome = kFailed;
    } else if (settings.stop != nullptr && settings.stop->load()) {
      outcome = kInterrupted;
    }
  }

  // Every rank learns the outcome, then (when done) the results.
  MPI_Bcast(&outcome, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (outcome == kFailed) {
    std::vector<std::uint8_t> text(message.begin(), message.end());
    broadcast(text, root);
    throw std::runtime_error(std::string(text.begin(), text.end()));
  }
  if (outcome == kInterrupted) throw experiment::Interrupted();
  if (!settings.results_on_every_rank) {
    if (!root) {
      for (experiment::ScenarioResults& s : results) s.replications.clear();
    }
    return results;
  }
  std::vector<std::uint8_t> all;
  if (root) {
    for (const experiment::ScenarioResults& s : results) {
      for (const model::ReplicationResult& r : s.replications) {
        const std::vector<std::uint8_t> bytes = experiment::encode_result(r);
        put_u64(all, bytes.size());
        all.insert(all.end(), bytes.begin(), bytes.end());
      }
    }
  }
  broadcast(all, root);
  if (!root) {
    std::size_t at = 0;
    for (experiment::ScenarioResults& s : results) {
      for (model::ReplicationResult& r : s.replications) {
        const std::uint64_t size = get_u64(all, at);
        r = experiment::decode_result(all.data() + at, size);
        at += size;
      }
    }
  }
  return results;
}

}  // namespace werkstroom::distributed
