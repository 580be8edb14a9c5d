#include "results/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace werkstroom::results::detail {

namespace {

// fsync of a file or directory; `required` says whether a failure is an error.
void sync_path(const std::filesystem::path& p, int flags, bool required) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) {
    if (required) throw std::system_error(errno, std::generic_category(), "open " + p.string());
    return;
  }
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0 && required) {
    throw std::system_error(error, std::generic_category(), "fsync " + p.string());
  }
}

}  // namespace

std::filesystem::path temporary_path(const std::filesystem::path& path) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  return tmp;
}

void commit_file(const std::filesystem::path& tmp, const std::filesystem::path& path) {
  sync_path(tmp, O_RDONLY, true);
  std::filesystem::rename(tmp, path);
  // Best effort: makes the rename itself durable.
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  sync_path(dir, O_RDONLY | O_DIRECTORY, false);
}

void discard_file(const std::filesystem::path& tmp) noexcept {
  std::error_code ignored;
  std::filesystem::remove(tmp, ignored);
}

}  // namespace werkstroom::results::detail
