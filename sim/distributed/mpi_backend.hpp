#pragma once
// Experiments over MPI ranks with dynamic load balancing. The jobs (experiment_jobs: one
// replication of a population class) are the same list on every rank; rank 0 hands out job
// numbers on request, one at a time, so a fast rank takes more jobs, and runs jobs itself on a
// compute thread meanwhile. Each result travels back bit for bit (result_codec) to its
// (scenario, replication) slot, and rank 0 then sends all results to every rank (unless
// settings.results_on_every_rank is false: compare, run and sweep only report on rank 0), so
// every rank continues with the same results as a single process would have -- identical for
// any number of ranks, since random streams are keyed by replication and entity, never by rank.
// Only rank 0 prints and writes files (the command line's job). On rank 0 the results also go
// to settings.on_result in job order (experiment/ordered_results.hpp), as on threads: a file
// streamed from rank 0 is the single process's.
//
// Failures: an exception in a job on any rank stops the hand-out and is raised on every rank
// with the failing rank's message; Ctrl-C (mpirun forwards SIGINT) stops every rank with
// Interrupted. A rank that dies is mpirun's to handle: it ends the whole job, and since files
// are written atomically by rank 0 (a streamed file's temporary is removed when mpirun ends
// rank 0 with SIGTERM), nothing half-written is left.

#include <cstdint>

#include "experiment/experiment.hpp"

namespace werkstroom::distributed {

class MpiBackend final : public experiment::ExperimentBackend {
 public:
  MpiBackend(int rank, int size) : rank_(rank), size_(size) {}
  [[nodiscard]] std::vector<experiment::ScenarioResults> run(
      const std::vector<experiment::ScenarioRun>& runs,
      const experiment::ExperimentSettings& settings) override;

  /// Bytes of results received by rank 0 in the last run (for the scaling estimate).
  [[nodiscard]] std::uint64_t bytes_received() const { return bytes_received_; }

 private:
  int rank_;
  int size_;
  std::uint64_t bytes_received_ = 0;
};

}  // namespace werkstroom::distributed
