#pragma once
// The MPI environment of a werkstroom process: initialised once in main() (thread level
// FUNNELED: only the main thread calls MPI; compute threads never do) and finalised at exit.
// Without mpirun the process is rank 0 of 1 and everything runs as without MPI.

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

  /// Ends every rank of the job at once (a failure the others cannot learn of otherwise).
  [[noreturn]] static void abort_all(int code);

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace werkstroom::distributed
