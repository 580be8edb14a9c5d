// Files written for users can never destroy anything (issue 18): only a regular file is ever
// replaced (device nodes, folders and pipes are refused and left as they were), a write that
// fails (a full disk, simulated with a file-size limit) names the file and the reason, keeps
// the old file and leaves no temporary file, and concurrent writers of one target each commit
// a whole file. Issue 16: a target locked by another process is refused, and an interrupt
// rolls back the file being written.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <sys/file.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/file_text.hpp"
#include "io/output_file.hpp"
#include "results/results.hpp"
#include "results_test_support.hpp"

namespace werkstroom::test {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// While alive, files of this process cannot grow beyond `bytes`: a write past the limit fails
// with EFBIG as a write to a full disk fails with ENOSPC (SIGXFSZ, which would end the process,
// is ignored meanwhile). A fault injection without LD_PRELOAD, root or a small file system.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    REQUIRE(getrlimit(RLIMIT_FSIZE, &old_) == 0);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = old_;
    limited.rlim_cur = bytes;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limited) == 0);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit old_{};
  void (*old_handler_)(int) = nullptr;
};

// A replica of /dev/null (character device 1,3) in `dir`, if this process may make device
// nodes (root, as in CI); otherwise nothing.
std::optional<fs::path> null_device_replica(const fs::path& dir) {
  const fs::path node = dir / "null";
  if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) return std::nullopt;
  return node;
}

bool is_null_device(const fs::path& node) {
  struct stat st {};
  return ::lstat(node.c_str(), &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 &&
         minor(st.st_rdev) == 3;
}

// Every way of writing a result to `target`, each expected to refuse it without touching it.
void require_refused(const fs::path& target, const std::string& kind) {
  const SmallRun& run = small_run();
  const auto refused = [&](const auto& write) {
    try {
      write();
      FAIL("writing to " << target << " (" << kind << ") did not fail");
    } catch (const io::OutputPathError& e) {
      CHECK(contains(e.what(), target.string()));
      CHECK(contains(e.what(), kind));
    }
  };
  refused([&] { io::check_output_file(target, "results file"); });
  refused([&] { io::PendingFile file(target, "results file"); });
  refused([&] { results::write_hdf5(target, run.results, run.meta); });
  refused([&] { io::write_file_atomically(target, "text", "journal"); });
}

TEST_CASE("Output: a device node, a folder or a pipe at the target is refused and kept",
          "[results][output]") {
  const TempDir dir("werkstroom-output");
  SECTION("a replica of /dev/null (character device 1,3)") {
    const std::optional<fs::path> node = null_device_replica(dir.path());
    if (!node) {
      WARN("mknod is not permitted here (not root): the character device case is not run");
      return;
    }
    require_refused(*node, "character device");
    CHECK(is_null_device(*node));
    // A table folder holding the node as one of its files.
    const fs::path tables = dir.path() / "tables";
    fs::create_directory(tables);
    REQUIRE(::mknod((tables / "kpis.csv").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
    CHECK_THROWS_AS(io::check_output_folder(tables, results::csv_file_names(), "tables"),
                    io::OutputPathError);
    CHECK_THROWS_AS(results::write_csv(tables, small_run().results, small_run().meta),
                    io::OutputPathError);
    CHECK(is_null_device(tables / "kpis.csv"));
  }
  SECTION("a symbolic link to a device node") {
    const std::optional<fs::path> node = null_device_replica(dir.path());
    if (!node) {
      WARN("mknod is not permitted here (not root): the linked device case is not run");
      return;
    }
    fs::create_symlink(*node, dir.path() / "link.h5");
    require_refused(dir.path() / "link.h5", "character device");
    CHECK(fs::is_symlink(dir.path() / "link.h5"));
    CHECK(is_null_device(*node));
  }
  SECTION("a folder") {
    fs::create_directory(dir.path() / "results.h5");
    fs::path inside = dir.path() / "results.h5" / "keep.txt";
    dir.write("results.h5/keep.txt", "kept");
    require_refused(dir.path() / "results.h5", "folder");
    CHECK(file_text(inside) == "kept");
  }
  SECTION("a path that names a folder by its form (a trailing slash, a dot)") {
    for (const fs::path& folder_like :
         {dir.path() / "new-folder" / "", dir.path() / ".", dir.path() / "sub" / ".."}) {
      INFO(folder_like);
      CHECK_THROWS_AS(io::check_output_file(folder_like, "results file"), io::OutputPathError);
      CHECK_THROWS_AS(io::PendingFile(folder_like, "results file"), io::OutputPathError);
    }
    CHECK_FALSE(fs::exists(dir.path() / "new-folder"));  // refused before anything was made
  }
  SECTION("a named pipe") {
    const fs::path fifo = dir.path() / "pipe.h5";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    require_refused(fifo, "named pipe");
    CHECK(fs::is_fifo(fifo));
  }
  SECTION("a table folder that is a file") {
    dir.write("tables", "a file");
    CHECK_THROWS_AS(
        results::write_csv(dir.path() / "tables", small_run().results, small_run().meta),
        std::exception);
    CHECK_THROWS_AS(
        io::check_output_folder(dir.path() / "tables", results::csv_file_names(), "tables"),
        io::OutputPathError);
    CHECK(file_text(dir.path() / "tables") == "a file");
  }
  // Nothing else appeared: no temporary file of a refused write is left anywhere.
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    CHECK_FALSE(contains(entry.path().filename().string(), ".tmp"));
  }
}

TEST_CASE(
    "Output: a failed write (a full disk) names the file and the reason and keeps the "
    "old file",
    "[results][output]") {
  const TempDir dir("werkstroom-output");
  const SmallRun& run = small_run();
  const fs::path h5 = dir.write("results.h5", "the old results");
  const fs::path tables = dir.path() / "tables";
  fs::create_directory(tables);
  dir.write("tables/kpis.csv", "the old table");
  const fs::path text = dir.write("journal", "the old journal");
  const std::string big(64 * 1024, 'x');
  {
    const FileSizeLimit limit(4096);  // the results file is larger, the old files smaller
    try {
      results::write_hdf5(h5, run.results, run.meta);
      FAIL("the results file was written past the limit");
    } catch (const io::OutputPathError&) {
      FAIL("a full disk is not a usage error");
    } catch (const std::runtime_error& e) {
      CHECK(contains(e.what(), "cannot write results file " + h5.string()));
      CHECK(contains(e.what(), std::strerror(EFBIG)));
    }
    try {
      results::write_csv(tables, run.results, run.meta);
      FAIL("the tables were written past the limit");
    } catch (const std::runtime_error& e) {
      CHECK(contains(e.what(), tables.string()));
      CHECK(contains(e.what(), std::strerror(EFBIG)));
    }
    try {
      io::write_file_atomically(text, big, "journal");
      FAIL("the journal was written past the limit");
    } catch (const std::runtime_error& e) {
      CHECK(contains(e.what(), "cannot write journal " + text.string()));
    }
  }
  CHECK(file_text(h5) == "the old results");
  CHECK(file_text(tables / "kpis.csv") == "the old table");
  CHECK(file_text(text) == "the old journal");
  // monthly.csv, the first and largest table, was never completed; no temporary file is left.
  CHECK_FALSE(fs::exists(tables / "monthly.csv"));
  CHECK(dir.entries() == std::vector<std::string>{"journal", "results.h5", "tables"});
  std::vector<std::string> in_tables;
  for (const auto& e : fs::directory_iterator(tables)) {
    in_tables.push_back(e.path().filename().string());
  }
  CHECK(in_tables == std::vector<std::string>{"kpis.csv"});

  // Without the limit the same writes succeed and replace the old files.
  results::write_hdf5(h5, run.results, run.meta);
  CHECK(file_text(h5).substr(1, 3) == "HDF");
  io::write_file_atomically(text, big, "journal");
  CHECK(file_text(text) == big);
}

TEST_CASE("Output: a pending file replaces the old file only when committed", "[results][output]") {
  const TempDir dir("werkstroom-output");
  const fs::path target = dir.write("x.txt", "old");
  {
    io::PendingFile file(target, "text");
    file.write("new");
    CHECK(file_text(target) == "old");  // not yet
    CHECK(dir.entries().size() == 3);   // the target, the temporary file and the lock file
  }
  CHECK(file_text(target) == "old");  // abandoned: the old file stays, the temporary is gone
  CHECK(dir.entries() == std::vector<std::string>{"x.txt"});

  ::chmod(target.c_str(), 0640);
  {
    io::PendingFile file(target, "text");
    file.write("new");
    file.commit();
  }
  CHECK(file_text(target) == "new");
  CHECK(dir.entries() == std::vector<std::string>{"x.txt"});
  CHECK((fs::status(target).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));

  // Missing folders are made.
  io::write_file_atomically(dir.path() / "a" / "b" / "y.txt", "deep", "text");
  CHECK(file_text(dir.path() / "a" / "b" / "y.txt") == "deep");
}

TEST_CASE("Output: two writers of one target each commit a whole file and the last one wins",
          "[results][output]") {
  const TempDir dir("werkstroom-output");
  const fs::path target = dir.path() / "results.h5";
  io::PendingFile first(target, "results file");
  io::PendingFile second(target, "results file");
  CHECK(first.temporary() != second.temporary());
  first.write(std::string(1000, 'a'));
  second.write(std::string(2000, 'b'));
  first.commit();
  CHECK(file_text(target) == std::string(1000, 'a'));
  second.commit();
  CHECK(file_text(target) == std::string(2000, 'b'));
  CHECK(dir.entries() == std::vector<std::string>{"results.h5"});
}

TEST_CASE("Output: a symbolic link to a file is followed and the link stays", "[results][output]") {
  const TempDir dir("werkstroom-output");
  const fs::path real = dir.write("real.txt", "old");
  fs::create_symlink("real.txt", dir.path() / "link.txt");
  io::write_file_atomically(dir.path() / "link.txt", "new", "text");
  CHECK(fs::is_symlink(dir.path() / "link.txt"));
  CHECK(file_text(real) == "new");
}

// Holds the advisory lock of `target` as another process would: its own open file description
// of "<target>.lock" (flock locks conflict between descriptions, even in one process).
class ForeignLock {
 public:
  explicit ForeignLock(const fs::path& target, const std::string& holder = "4242\n")
      : fd_(::open((target.string() + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(::write(fd_, holder.data(), holder.size()) == static_cast<ssize_t>(holder.size()));
    REQUIRE(::flock(fd_, LOCK_EX | LOCK_NB) == 0);
  }
  ~ForeignLock() { ::close(fd_); }
  ForeignLock(const ForeignLock&) = delete;
  ForeignLock& operator=(const ForeignLock&) = delete;

 private:
  int fd_;
};

// Whether another open file description could take the lock of `target` now.
bool lockable(const fs::path& target) {
  const int fd = ::open((target.string() + ".lock").c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return true;  // no lock file: nobody holds it
  const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return free;
}

TEST_CASE("Output: a target another process is writing is refused, naming the process",
          "[results][output][lock]") {
  const TempDir dir("werkstroom-output");
  const fs::path target = dir.write("results.h5", "the first run's results");
  {
    const ForeignLock other(target);
    for (const auto& write : std::vector<std::function<void()>>{
             [&] { io::check_output_file(target, "results file"); },
             [&] { io::PendingFile file(target, "results file"); },
             [&] { io::write_file_atomically(target, "second", "results file"); }}) {
      try {
        write();
        FAIL("a locked target was written");
      } catch (const io::OutputPathError& e) {
        CHECK(contains(e.what(), "cannot write results file " + target.string() +
                                     ": another process (pid 4242) is writing it (lock file " +
                                     target.string() + ".lock)"));
      }
    }
    CHECK(file_text(target) == "the first run's results");
  }
  // Released (the other process ended without removing its lock file): written, and the lock
  // file is removed with the lock.
  io::write_file_atomically(target, "second", "results file");
  CHECK(file_text(target) == "second");
  CHECK(dir.entries() == std::vector<std::string>{"results.h5"});
  // While a pending file is open the target is locked; discarded, it is free again.
  {
    io::PendingFile file(target, "results file");
    CHECK_FALSE(lockable(target));
  }
  CHECK(lockable(target));
  CHECK(dir.entries() == std::vector<std::string>{"results.h5"});
}

TEST_CASE("Output: the check before a run keeps the target locked for the whole run",
          "[results][output][lock]") {
  const TempDir dir("werkstroom-output");
  const fs::path target = dir.path() / "run.h5";
  io::check_output_file(target, "results file");
  CHECK_FALSE(lockable(target));  // from the check on, other processes are refused
  CHECK_FALSE(fs::exists(target));
  // This process itself writes it, as often as it likes; the lock stays until it ends.
  io::write_file_atomically(target, "first", "results file");
  io::write_file_atomically(target, "second", "results file");
  CHECK(file_text(target) == "second");
  CHECK_FALSE(lockable(target));
}

TEST_CASE("Output: an interrupt rolls back the file being written", "[results][output]") {
  const TempDir dir("werkstroom-output");
  const fs::path target = dir.write("results.h5", "old");
  std::atomic<bool> stop{false};
  io::set_interrupt_flag(&stop);
  SECTION("during the write") {
    io::PendingFile file(target, "results file");
    file.write("part");
    stop = true;
    CHECK_THROWS_WITH(file.write("more"), Catch::Contains("interrupted while writing results "
                                                          "file " +
                                                          target.string() + ": not written"));
  }
  SECTION("just before the rename") {
    io::PendingFile file(target, "results file");
    file.write("whole");
    stop = true;
    CHECK_THROWS_AS(file.commit(), io::Interrupted);
  }
  SECTION("while the results file is built") {
    stop = true;
    CHECK_THROWS_AS(results::write_hdf5(target, small_run().results, small_run().meta),
                    io::Interrupted);
  }
  io::set_interrupt_flag(nullptr);
  CHECK(file_text(target) == "old");
  CHECK(dir.entries() == std::vector<std::string>{"results.h5"});
}

}  // namespace
}  // namespace werkstroom::test
