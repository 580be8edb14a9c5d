#include "io/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>
#include <utility>

namespace werkstroom::io {

namespace {

std::string describe_error(int error) { return std::generic_category().message(error); }

std::string message(std::string_view what, const std::string& shown, const std::string& reason) {
  std::string text = "cannot write ";
  text += what;
  text += ' ';
  text += shown;
  text += ": ";
  text += reason;
  return text;
}

// The file a path names once symbolic links are followed (at most 40 of them, as the kernel);
// a dangling link resolves to the path it points to, which is then created.
std::filesystem::path resolve_links(const std::filesystem::path& path) {
  std::filesystem::path current = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code error;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(current, error))) break;
    const std::filesystem::path next = std::filesystem::read_symlink(current, error);
    if (error) break;
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  return current;
}

// What a non-regular file is, in words for the message.
const char* kind_of(std::filesystem::file_type type) {
  switch (type) {
    case std::filesystem::file_type::directory:
      return "a folder";
    case std::filesystem::file_type::character:
      return "a character device";
    case std::filesystem::file_type::block:
      return "a block device";
    case std::filesystem::file_type::fifo:
      return "a named pipe";
    case std::filesystem::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

// The path as the user gave it, and where a symbolic link leads when it does.
std::string shown_path(const std::filesystem::path& given, const std::filesystem::path& resolved) {
  if (given == resolved) return given.string();
  return given.string() + " (a link to " + resolved.string() + ")";
}

// Throws OutputPathError unless `path` is absent or a regular file. Returns whether it exists.
bool require_regular_or_absent(const std::filesystem::path& path, std::string_view what,
                               const std::string& shown) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) return false;
  if (error) throw OutputPathError(message(what, shown, error.message()));
  if (status.type() != std::filesystem::file_type::regular) {
    throw OutputPathError(
        message(what, shown,
                std::string("it is ") + kind_of(status.type()) +
                    "; werkstroom replaces only regular files (give the name of a file to write)"));
  }
  return true;
}

void make_folder(const std::filesystem::path& folder, std::string_view what,
                 const std::string& shown) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    throw OutputPathError(
        message(what, shown, "cannot make the folder " + folder.string() + ": " + error.message()));
  }
  if (!std::filesystem::is_directory(folder, error)) {
    throw OutputPathError(message(what, shown, folder.string() + " is not a folder"));
  }
}

// The process's file creation mask, read without changing it (umask() would, for a moment,
// for every thread). Linux reports it in /proc/self/status; elsewhere the usual 022.
mode_t creation_mask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0) {
      try {
        return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
      } catch (const std::exception&) {
        break;
      }
    }
  }
  return 022;
}

}  // namespace

PendingFile::PendingFile(const std::filesystem::path& target, std::string what)
    : target_(resolve_links(target)), shown_(shown_path(target, target_)), what_(std::move(what)) {
  // "results/", "." or "..": a folder, whether or not it exists yet.
  const std::string last = target.filename().string();
  if (last.empty() || last == "." || last == "..") {
    throw OutputPathError(message(
        what_, shown_, "it names a folder; werkstroom writes files (give the name of a file)"));
  }
  const bool exists = require_regular_or_absent(target_, what_, shown_);
  const std::filesystem::path folder =
      target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
  make_folder(folder, what_, shown_);
  std::string name = target_.string() + ".tmp.XXXXXX";
  fd_ = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    throw OutputPathError(
        message(what_, shown_,
                "cannot create a file in " + folder.string() + ": " + describe_error(error)));
  }
  temporary_ = name;
  // mkostemp makes the file private (0600); the result gets the permissions of the file it
  // replaces, or those a new file of this process would get.
  // Best effort: some file systems (vfat, some network mounts) refuse chmod; the file is
  // written all the same. Only permission bits are copied (no setuid/setgid).
  mode_t mode = 0666 & ~creation_mask();
  struct stat old {};
  if (exists && ::stat(target_.c_str(), &old) == 0) mode = old.st_mode & 0777;
  (void)::fchmod(fd_, mode);
}

PendingFile::~PendingFile() {
  if (!done_) discard();
}

void PendingFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(describe_error(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void PendingFile::commit() {
  if (::fsync(fd_) != 0) fail(describe_error(errno));
  const int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) fail(describe_error(errno));
  try {
    require_regular_or_absent(target_, what_, shown_);  // it may have changed while we were writing
  } catch (...) {
    discard();
    throw;
  }
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(describe_error(errno));
  done_ = true;
  // Best effort: makes the rename itself durable (the file's content already is).
  const std::filesystem::path folder =
      target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void PendingFile::discard() noexcept {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!done_ && !temporary_.empty()) ::unlink(temporary_.c_str());
  done_ = true;
}

void PendingFile::fail(const std::string& reason) {
  discard();
  throw WriteError(message(what_, shown_, reason));
}

void check_output_file(const std::filesystem::path& path, std::string_view what) {
  const PendingFile probe(path, std::string(what));  // created and removed again
}

void check_output_folder(const std::filesystem::path& dir, const std::vector<std::string>& names,
                         std::string_view what) {
  const std::filesystem::path folder = resolve_links(dir);
  const std::string shown = shown_path(dir, folder);
  std::error_code error;
  if (std::filesystem::exists(folder, error) && !std::filesystem::is_directory(folder, error)) {
    throw OutputPathError(message(what, shown, "it exists and is not a folder"));
  }
  make_folder(folder, what, shown);
  for (const std::string& name : names) check_output_file(folder / name, what);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view text,
                           const std::string& what) {
  PendingFile file(target, what);
  file.write(text);
  file.commit();
}

}  // namespace werkstroom::io
