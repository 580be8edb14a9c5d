#include "io/scratch_columns.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace werkstroom::io {

namespace {

std::runtime_error scratch_error(const std::filesystem::path& folder, const char* doing) {
  std::string message = "cannot ";
  message += doing;
  message += " the key figures' scratch file in ";
  message += folder.string();
  message += ": ";
  message += std::strerror(errno);
  return std::runtime_error(message);
}

}  // namespace

std::filesystem::path scratch_folder() {
  try {
    return std::filesystem::temp_directory_path();
  } catch (const std::filesystem::filesystem_error& e) {
    const char* tmpdir = std::getenv("TMPDIR");
    std::string message = "cannot use the temporary folder ";
    message += tmpdir != nullptr ? std::string(tmpdir) + " ($TMPDIR)" : std::string("/tmp");
    message += ": ";
    message += e.code().message();
    throw std::runtime_error(message);
  }
}

ScratchColumns::ScratchColumns(std::size_t rows) : folder_(scratch_folder()), rows_(rows) {
  std::string name = (folder_ / "werkstroom-kpis-XXXXXX").string();
  fd_ = mkstemp(name.data());
  if (fd_ < 0) throw scratch_error(folder_, "make");
  // Only the descriptor keeps it: gone from the folder now, from the disk when closed.
  unlink(name.c_str());
}

ScratchColumns::~ScratchColumns() {
  if (fd_ >= 0) close(fd_);
}

ScratchColumns::ScratchColumns(ScratchColumns&& other) noexcept
    : folder_(std::move(other.folder_)), rows_(other.rows_), fd_(std::exchange(other.fd_, -1)) {}

ScratchColumns& ScratchColumns::operator=(ScratchColumns&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    folder_ = std::move(other.folder_);
    rows_ = other.rows_;
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

std::size_t ScratchColumns::offset(std::size_t column, std::size_t first_row,
                                   std::size_t count) const {
  constexpr auto kMaxValues = static_cast<std::size_t>(std::numeric_limits<off_t>::max()) / 8;
  if (fd_ < 0 || first_row > rows_ || count > rows_ - first_row ||
      (rows_ != 0 && column >= kMaxValues / rows_)) {
    throw std::out_of_range("scratch columns: column " + std::to_string(column) + ", rows " +
                            std::to_string(first_row) + " + " + std::to_string(count) +
                            " outside columns of " + std::to_string(rows_));
  }
  return (column * rows_ + first_row) * sizeof(double);
}

void ScratchColumns::write(std::size_t column, std::size_t first_row,
                           std::span<const double> values) {
  auto at = static_cast<off_t>(offset(column, first_row, values.size()));
  const auto* bytes = reinterpret_cast<const char*>(values.data());
  std::size_t left = values.size_bytes();
  while (left > 0) {
    const ssize_t n = pwrite(fd_, bytes, left, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      throw scratch_error(folder_, "write");
    }
    bytes += n;
    left -= static_cast<std::size_t>(n);
    at += n;
  }
}

void ScratchColumns::read(std::size_t column, std::size_t first_row, std::span<double> out) const {
  auto at = static_cast<off_t>(offset(column, first_row, out.size()));
  auto* bytes = reinterpret_cast<char*>(out.data());
  std::size_t left = out.size_bytes();
  while (left > 0) {
    const ssize_t n = pread(fd_, bytes, left, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw scratch_error(folder_, "read");
    if (n == 0) {  // past the end of a sparse file: rows never written
      std::memset(bytes, 0, left);
      break;
    }
    bytes += n;
    left -= static_cast<std::size_t>(n);
    at += n;
  }
}

}  // namespace werkstroom::io
