#include "io/output_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <utility>
#include <vector>

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

// --- Fault injection (WERKSTROOM_IO_FAULT, see the header) ---

enum class Step : std::size_t { create, write, sync, close, rename, count };

struct FaultPlan {
  bool active = false;
  Step step = Step::write;
  long nth = 0;
  int error = ENOSPC;
  bool interrupt = false;  // raise SIGINT instead of failing
};

FaultPlan parse_fault_plan() {
  FaultPlan plan;
  const char* text = std::getenv("WERKSTROOM_IO_FAULT");
  if (text == nullptr || *text == '\0') return plan;
  const std::string spec = text;
  const auto invalid = [&spec]() {
    std::string error_text =
        "WERKSTROOM_IO_FAULT: expected <step>:<n>[:<effect>] with step create, write, sync, "
        "close or rename, n >= 1 and effect enospc, eio or sigint; found \"";
    error_text += spec;
    error_text += '"';
    return std::invalid_argument(error_text);
  };
  const std::size_t first = spec.find(':');
  if (first == std::string::npos) throw invalid();
  const std::size_t second = spec.find(':', first + 1);
  const std::string step = spec.substr(0, first);
  const std::string nth =
      spec.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
  const std::string effect = second == std::string::npos ? "enospc" : spec.substr(second + 1);
  constexpr std::array<const char*, 5> kSteps{"create", "write", "sync", "close", "rename"};
  bool known = false;
  for (std::size_t i = 0; i < kSteps.size(); ++i) {
    if (step == kSteps[i]) {
      plan.step = static_cast<Step>(i);
      known = true;
    }
  }
  char* end = nullptr;
  plan.nth = std::strtol(nth.c_str(), &end, 10);
  if (!known || nth.empty() || *end != '\0' || plan.nth < 1) throw invalid();
  if (effect == "enospc") {
    plan.error = ENOSPC;
  } else if (effect == "eio") {
    plan.error = EIO;
  } else if (effect == "sigint") {
    plan.interrupt = true;
  } else {
    throw invalid();
  }
  plan.active = true;
  return plan;
}

std::array<std::atomic<long>, static_cast<std::size_t>(Step::count)> g_step_counts{};

// The error the step must fail with (0: none). With the sigint effect, raises SIGINT and lets
// the step go on (the interrupt flag is what stops the write).
int injected_fault(Step step) {
  static const FaultPlan plan = parse_fault_plan();
  if (!plan.active || plan.step != step) return 0;
  if (g_step_counts.at(static_cast<std::size_t>(step)).fetch_add(1) + 1 != plan.nth) return 0;
  if (plan.interrupt) {
    std::raise(SIGINT);
    return 0;
  }
  return plan.error;
}

// --- Interrupts ---

std::atomic<const std::atomic<bool>*> g_interrupt{nullptr};

bool interrupted() {
  const std::atomic<bool>* flag = g_interrupt.load();
  return flag != nullptr && flag->load();
}

// --- Files to remove when the process is terminated (SIGTERM: mpirun ending a job, kill) ---

// Slots read by a signal handler: a path stays valid as long as the process runs (its storage
// is never freed before exit), so the handler can unlink it whenever the signal comes.
constexpr std::size_t kCleanupSlots = 256;
std::array<std::atomic<const char*>, kCleanupSlots> g_cleanup{};
std::mutex g_cleanup_mutex;
std::vector<std::unique_ptr<char[]>> g_cleanup_storage;  // guarded by g_cleanup_mutex

// Registers `path` for removal on termination; returns its slot (kCleanupSlots: no room left,
// the file is then not removed by a signal, as before).
std::size_t add_cleanup(const std::string& path) {
  const std::lock_guard<std::mutex> guard(g_cleanup_mutex);
  for (std::size_t slot = 0; slot < kCleanupSlots; ++slot) {
    if (g_cleanup.at(slot).load() != nullptr) continue;
    auto copy = std::make_unique<char[]>(path.size() + 1);
    std::memcpy(copy.get(), path.c_str(), path.size() + 1);
    g_cleanup.at(slot).store(copy.get());
    g_cleanup_storage.push_back(std::move(copy));
    return slot;
  }
  return kCleanupSlots;
}

void remove_cleanup(std::size_t slot) noexcept {
  if (slot < kCleanupSlots) g_cleanup.at(slot).store(nullptr);
}

// --- Locks ---

std::atomic<bool> g_locks_enabled{true};

// The advisory locks this process holds, by lock file. A lock is an flock on "<target>.lock";
// released by removing the file while still holding it, so a process that opened the old file
// in the meantime notices (its file is no longer the one at the path) and tries again.
class LockRegistry {
 public:
  LockRegistry() = default;
  LockRegistry(const LockRegistry&) = delete;
  LockRegistry& operator=(const LockRegistry&) = delete;
  ~LockRegistry() {
    for (const auto& [file, lock] : held_) {
      remove_cleanup(lock.cleanup_slot);
      ::unlink(file.c_str());
      ::close(lock.fd);
    }
  }

  // Locks `target` for this process; false when it already held the lock. Throws
  // OutputPathError when another process holds it or the lock file cannot be made.
  bool hold(const std::filesystem::path& target, std::string_view what, const std::string& shown) {
    const std::string file = lock_file(target);
    const std::lock_guard<std::mutex> guard(mutex_);
    if (held_.count(file) > 0) return false;
    for (int attempt = 0; attempt < 100; ++attempt) {
      struct stat existing {};
      if (::lstat(file.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
        throw OutputPathError(
            message(what, shown, "its lock file " + file + " exists and is not a regular file"));
      }
      const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
      if (fd < 0) {
        const int error = errno;
        throw OutputPathError(message(
            what, shown, "cannot create its lock file " + file + ": " + describe_error(error)));
      }
      if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error == EWOULDBLOCK || error == EINTR) {
          const std::string holder = read_holder(fd);
          ::close(fd);
          std::string reason = "another process";
          reason += holder;
          reason += " is writing it (lock file ";
          reason += file;
          reason += "); wait until it ends or choose another name";
          throw OutputPathError(message(what, shown, reason));
        }
        // A file system without locks (some network mounts): write unlocked, as before.
        held_.emplace(file, Held{fd, add_cleanup(file)});
        return true;
      }
      struct stat opened {};
      struct stat linked {};
      if (::fstat(fd, &opened) == 0 && ::stat(file.c_str(), &linked) == 0 &&
          opened.st_dev == linked.st_dev && opened.st_ino == linked.st_ino) {
        const std::string pid = std::to_string(::getpid()) + "\n";
        if (::ftruncate(fd, 0) == 0) (void)::pwrite(fd, pid.data(), pid.size(), 0);
        held_.emplace(file, Held{fd, add_cleanup(file)});
        return true;
      }
      ::close(fd);  // released and removed meanwhile: lock the file now at the path
    }
    throw OutputPathError(message(what, shown, "cannot lock " + file));
  }

  void release(const std::filesystem::path& target) noexcept {
    const std::string file = lock_file(target);
    const std::lock_guard<std::mutex> guard(mutex_);
    const auto it = held_.find(file);
    if (it == held_.end()) return;
    remove_cleanup(it->second.cleanup_slot);
    ::unlink(file.c_str());
    ::close(it->second.fd);
    held_.erase(it);
  }

 private:
  static std::string lock_file(const std::filesystem::path& target) {
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(target, error);
    if (error) absolute = target;
    return absolute.lexically_normal().string() + ".lock";
  }
  // " (pid N)" as the holder wrote it, or nothing.
  static std::string read_holder(int fd) {
    std::array<char, 32> buffer{};
    const ssize_t n = ::pread(fd, buffer.data(), buffer.size() - 1, 0);
    if (n <= 0) return {};
    std::string pid(buffer.data(), static_cast<std::size_t>(n));
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) return {};
    return " (pid " + pid + ")";
  }

  struct Held {
    int fd;
    std::size_t cleanup_slot;
  };
  std::mutex mutex_;
  std::map<std::string, Held> held_;
};

LockRegistry& locks() {
  static LockRegistry registry;
  return registry;
}

}  // namespace

void set_interrupt_flag(const std::atomic<bool>* flag) { g_interrupt.store(flag); }

void remove_pending_files() noexcept {
  for (const std::atomic<const char*>& slot : g_cleanup) {
    const char* path = slot.load();
    if (path != nullptr) ::unlink(path);
  }
}

void set_output_locks(bool enabled) { g_locks_enabled.store(enabled); }

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
  if (g_locks_enabled.load()) owns_lock_ = locks().hold(target_, what_, shown_);
  std::string name = target_.string() + ".tmp.XXXXXX";
  const int injected = injected_fault(Step::create);
  fd_ = injected != 0 ? -1 : ::mkostemp(name.data(), O_CLOEXEC);
  if (fd_ < 0) {
    const int error = injected != 0 ? injected : errno;
    if (owns_lock_) locks().release(target_);
    const std::string reason =
        "cannot create a file in " + folder.string() + ": " + describe_error(error);
    // A full disk or a failing device is a write error (exit 1); a folder that refuses new
    // files (permissions, read-only) is a path the user must change (exit 2).
    if (error == ENOSPC || error == EDQUOT || error == EIO) {
      throw WriteError(message(what_, shown_, reason));
    }
    throw OutputPathError(message(what_, shown_, reason));
  }
  temporary_ = name;
  cleanup_slot_ = add_cleanup(name);
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
    const int injected = injected_fault(Step::write);
    stop_if_interrupted();
    if (injected != 0) fail(describe_error(injected));
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(describe_error(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void PendingFile::commit() {
  if (const int injected = injected_fault(Step::sync)) fail(describe_error(injected));
  if (::fsync(fd_) != 0) fail(describe_error(errno));
  const int injected_close = injected_fault(Step::close);
  const int rc = ::close(fd_);
  fd_ = -1;
  if (injected_close != 0) fail(describe_error(injected_close));
  if (rc != 0) fail(describe_error(errno));
  try {
    require_regular_or_absent(target_, what_, shown_);  // it may have changed while we were writing
  } catch (...) {
    discard();
    throw;
  }
  // The last moment to roll back: after the rename the new file is in place.
  const int injected_rename = injected_fault(Step::rename);
  stop_if_interrupted();
  if (injected_rename != 0) fail(describe_error(injected_rename));
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(describe_error(errno));
  done_ = true;
  remove_cleanup(cleanup_slot_);
  if (owns_lock_) locks().release(target_);
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
  if (!done_ && !temporary_.empty()) {
    remove_cleanup(cleanup_slot_);
    ::unlink(temporary_.c_str());
  }
  if (!done_ && owns_lock_) locks().release(target_);
  done_ = true;
}

void PendingFile::fail(const std::string& reason) {
  discard();
  throw WriteError(message(what_, shown_, reason));
}

void PendingFile::stop_if_interrupted() {
  if (!interrupted()) return;
  discard();
  std::string text = "interrupted while writing ";
  text += what_;
  text += ' ';
  text += shown_;
  text += ": not written (an old file is kept as it was)";
  throw Interrupted(text);
}

void check_output_file(const std::filesystem::path& path, std::string_view what, bool keep_lock) {
  PendingFile probe(path, std::string(what));  // created and removed again
  if (keep_lock) probe.owns_lock_ = false;     // the lock stays until the process ends
}

void check_output_folder(const std::filesystem::path& dir, const std::vector<std::string>& names,
                         std::string_view what, bool keep_lock) {
  const std::filesystem::path folder = resolve_links(dir);
  const std::string shown = shown_path(dir, folder);
  std::error_code error;
  if (std::filesystem::exists(folder, error) && !std::filesystem::is_directory(folder, error)) {
    throw OutputPathError(message(what, shown, "it exists and is not a folder"));
  }
  make_folder(folder, what, shown);
  for (const std::string& name : names) check_output_file(folder / name, what, keep_lock);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view text,
                           const std::string& what) {
  PendingFile file(target, what);
  file.write(text);
  file.commit();
}

}  // namespace werkstroom::io
