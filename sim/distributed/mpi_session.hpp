#pragma once
// The MPI environment of a werkstroom process: initialised once in main() (thread level
// FUNNELED: only the main thread calls MPI; compute threads never do) and finalised at exit.
// MPI is initialised only when the process was started by an MPI launcher (mpirun, mpiexec,
// srun), recognised by the variables the launchers set (launched_by_mpi()); otherwise the
// process is rank 0 of 1, MPI is never started (no delay, no runtime's messages on Ctrl-C for
// `--help` or a one-process run) and everything runs as without MPI.

namespace werkstroom::distributed {

class MpiSession {
 public:
  MpiSession(int& argc, char**& argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool root() const { return rank_ == 0; }
  /// Whether MPI was initialised (launched by an MPI launcher).
  [[nodiscard]] bool active() const { return active_; }

  /// Whether the environment says an MPI launcher started this process: Open MPI's mpirun
  /// (OMPI_COMM_WORLD_SIZE), a PMIx launcher (PMIX_RANK: Open MPI 4+, srun --mpi=pmix), a PMI
  /// launcher (PMI_RANK, PMI_SIZE: MPICH's hydra, srun --mpi=pmi2), or WERKSTROOM_MPI_INIT=1 to
  /// force it.
  [[nodiscard]] static bool launched_by_mpi();

  /// Ends every rank of the job at once (a failure the others cannot learn of otherwise).
  [[noreturn]] static void abort_all(int code);

 private:
  int rank_ = 0;
  int size_ = 1;
  bool active_ = false;
};

}  // namespace werkstroom::distributed
