#include "distributed/mpi_session.hpp"

#include <mpi.h>

#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace werkstroom::distributed {

bool MpiSession::launched_by_mpi() {
  const char* forced = std::getenv("WERKSTROOM_MPI_INIT");
  if (forced != nullptr && std::string_view(forced) == "1") return true;
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

MpiSession::MpiSession(int& argc, char**& argv) {
  if (!launched_by_mpi()) return;  // rank 0 of 1, MPI never started
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  if (provided < MPI_THREAD_FUNNELED) {
    MPI_Finalize();
    throw std::runtime_error("MPI: the library does not allow threads (MPI_THREAD_FUNNELED)");
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  active_ = true;
}

MpiSession::~MpiSession() {
  if (active_) MPI_Finalize();
}

void MpiSession::abort_all(int code) {
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised != 0) MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);  // MPI_Abort does not return; this keeps the compiler sure of it
}

}  // namespace werkstroom::distributed
