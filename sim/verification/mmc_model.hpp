#pragma once
// The M/M/c(+M) verification model built on the kernel: Poisson arrivals, exponential work on
// c round-the-clock servers, optional exponential patience. Used by the kernel tests (against
// solve_birth_death), the kernel demo and the SimPy comparison benchmark.

#include <cstdint>

#include "kernel/observer.hpp"
#include "verification/birth_death.hpp"

namespace werkstroom::verification {

struct MmcRunSettings {
  double warmup_days = 0.0;  // statistics are reset at this time
  double run_days = 1000.0;  // statistics window after warm-up
  std::uint64_t master_seed = 1;
  std::uint64_t replication = 0;
};

struct MmcRunResult {
  // Over the statistics window:
  std::uint64_t arrivals = 0;
  std::uint64_t started = 0;
  std::uint64_t abandoned = 0;
  std::uint64_t left_queue = 0;   // started or abandoned
  std::uint64_t had_to_wait = 0;  // leavers that did not start on arrival
  double wait_probability = 0.0;
  double mean_wait = 0.0;  // mean time in queue over leavers
  double abandonment_share = 0.0;
  double mean_queue_length = 0.0;
  double mean_in_system = 0.0;
  double utilisation = 0.0;
  // Sample-path identity checks:
  double queue_length_integral = 0.0;  // integral of Q(t) over the window
  double total_queue_time = 0.0;       // summed time in queue within the window
  // Over the whole run:
  std::uint64_t all_arrivals = 0;
  std::uint64_t all_departed = 0;  // completed + abandoned (since time 0)
  std::uint64_t waiting_at_end = 0;
  std::uint64_t in_service_at_end = 0;
  std::uint64_t events = 0;
};

MmcRunResult run_mmc(const QueueParameters& queue, const MmcRunSettings& settings,
                     kernel::EventObserver* observer = nullptr);

}  // namespace werkstroom::verification
