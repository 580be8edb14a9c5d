#pragma once
// Every file werkstroom writes for a user (results, tables, calibrated scenarios, journals,
// viewer settings and screenshots) goes through here, so that one set of rules holds for all:
//  - a file is written under a unique temporary name beside its target and renamed over the
//    target only when complete and flushed to disk: a reader sees the old file or the new one,
//    never a part, and two writers of the same target each commit a whole file (the last wins);
//  - only a regular file (or nothing) is ever replaced: a device node such as /dev/null, a
//    folder, a pipe or a socket at the target is refused, so a rename can never destroy one;
//    a symbolic link is followed and the file it names is replaced;
//  - on any error the temporary file is removed, the old file stays as it was, and the
//    exception names the file and the reason;
//  - a target is locked while it is written (an advisory flock on "<target>.lock" beside it),
//    and from check_output_file() until the process ends: a second process that wants to write
//    the same target is refused (OutputPathError naming the lock and the process holding it)
//    instead of replacing the first one's result; the lock file is removed when released;
//  - a Ctrl-C (the flag given to set_interrupt_flag()) while a file is written rolls it back:
//    the temporary file is removed, the old file stays, and Interrupted is thrown.
//
// Fault injection for tests (compiled into every build, active only when set): the
// environment variable WERKSTROOM_IO_FAULT="<step>:<n>[:<effect>]" makes the n-th (1-based,
// counted per process) step of that kind fail. Steps: create (the temporary file, also the
// probe of check_output_file), write (one write() call), sync (fsync of the file), close,
// rename. Effects: enospc (the default: "No space left on device"), eio, or sigint (SIGINT is
// raised just before the step, as if Ctrl-C had been pressed then). Example:
// WERKSTROOM_IO_FAULT=write:1 werkstroom run s.toml --out x.h5 ends with exit code 1,
// "cannot write results file x.h5: No space left on device".

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace werkstroom::io {

/// An output path that cannot take a file: it names a device node, a folder or another
/// non-regular file, or its folder cannot be made or written. A usage error (the commands exit
/// with code 2); thrown before any work when checked up front.
class OutputPathError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// A write that failed while the file was being written or put in place (a full disk, an I/O
/// error). Its message already says "cannot write <what> <path>: <reason>".
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Writing stopped by an interrupt (Ctrl-C): the file named was not written, its old content
/// (if any) is unchanged. The commands exit with code 130.
class Interrupted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The flag a SIGINT handler sets (nullptr: none, the default). While it is set, no file is
/// committed: a PendingFile being written throws Interrupted and removes its temporary file.
void set_interrupt_flag(const std::atomic<bool>* flag);

/// Removes every temporary file being written and every lock file this process holds, now.
/// Async-signal-safe: for a SIGTERM handler (mpirun ending a job, kill), which then lets the
/// signal end the process; without it such an end leaves "<target>.tmp.XXXXXX" and
/// "<target>.lock" files behind (harmless, but clutter).
void remove_pending_files() noexcept;

/// Whether targets are locked (the default). An MPI rank that never writes turns it off, so
/// that its checks of the outputs do not collide with rank 0's locks.
void set_output_locks(bool enabled);

/// Checks that `path` can receive a file: it is absent or a regular file (a symbolic link
/// followed), its folder exists or can be made and accepts a new file (a probe file is
/// created there and removed), and no other process holds its lock. Throws OutputPathError
/// "cannot write <what> <path>: <reason>". With `keep_lock` (meant for the check before a
/// long computation whose result would go to `path`) takes the target's lock and keeps it until
/// the process ends; without, releases it again.
void check_output_file(const std::filesystem::path& path, std::string_view what,
                       bool keep_lock = true);

/// Checks that `dir` is a folder (or can be made one) that accepts new files, and that each of
/// `names` in it is absent or a regular file. Throws OutputPathError as above.
void check_output_folder(const std::filesystem::path& dir, const std::vector<std::string>& names,
                         std::string_view what, bool keep_lock = true);

/// A file being written: created under a unique temporary name beside the target (missing
/// folders are made), filled through write() or by a library that opens temporary() itself,
/// and put in place by commit(). Destroying it uncommitted removes the temporary file.
class PendingFile {
 public:
  /// Throws OutputPathError when the target names a folder or is not a regular file, when
  /// its folder cannot be made or take a new file, or when another process holds its lock.
  PendingFile(const std::filesystem::path& target, std::string what);
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  ~PendingFile();

  /// Where the content goes until commit(). Unique: "<target>.tmp.XXXXXX".
  [[nodiscard]] const std::filesystem::path& temporary() const { return temporary_; }
  /// The file replaced by commit() (a symbolic link resolved).
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }

  /// Appends `bytes` to the temporary file; throws WriteError naming the target and the reason
  /// (a full disk, say) when not all of them could be written, Interrupted after a Ctrl-C.
  void write(std::string_view bytes);

  /// Flushes the temporary file to disk, checks that the target is still absent or a regular
  /// file, renames the temporary file over it and flushes the folder. Throws (OutputPathError,
  /// WriteError naming the target, or Interrupted after a Ctrl-C) and removes the temporary
  /// file on any failure.
  void commit();

  /// Removes the temporary file now (what the destructor does when commit() was not reached).
  void discard() noexcept;

 private:
  friend void check_output_file(const std::filesystem::path& path, std::string_view what,
                                bool keep_lock);
  [[noreturn]] void fail(const std::string& reason);
  void stop_if_interrupted();
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  std::string shown_;  // the path as given (and where its link leads), for messages
  std::string what_;
  int fd_ = -1;
  bool done_ = false;
  bool owns_lock_ = false;               // locked by this file (not already by check_output_file)
  std::size_t cleanup_slot_ = SIZE_MAX;  // of the temporary file, for remove_pending_files()
};

/// Writes `text` to `target` through a PendingFile: complete or not at all.
void write_file_atomically(const std::filesystem::path& target, std::string_view text,
                           const std::string& what);

}  // namespace werkstroom::io
