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
//    exception names the file and the reason.

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

/// Checks that `path` can receive a file: it is absent or a regular file (a symbolic link
/// followed), and its folder exists or can be made and accepts a new file (a probe file is
/// created there and removed). Throws OutputPathError "cannot write <what> <path>: <reason>".
/// Meant to be called before a long computation whose result would go to `path`.
void check_output_file(const std::filesystem::path& path, std::string_view what);

/// Checks that `dir` is a folder (or can be made one) that accepts new files, and that each of
/// `names` in it is absent or a regular file. Throws OutputPathError as above.
void check_output_folder(const std::filesystem::path& dir, const std::vector<std::string>& names,
                         std::string_view what);

/// A file being written: created under a unique temporary name beside the target (missing
/// folders are made), filled through write() or by a library that opens temporary() itself,
/// and put in place by commit(). Destroying it uncommitted removes the temporary file.
class PendingFile {
 public:
  /// Throws OutputPathError when the target names a folder or is not a regular file, or when
  /// its folder cannot be made or take a new file.
  PendingFile(const std::filesystem::path& target, std::string what);
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  ~PendingFile();

  /// Where the content goes until commit(). Unique: "<target>.tmp.XXXXXX".
  [[nodiscard]] const std::filesystem::path& temporary() const { return temporary_; }
  /// The file replaced by commit() (a symbolic link resolved).
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }

  /// Appends `bytes` to the temporary file; throws WriteError naming the target and the reason
  /// (a full disk, say) when not all of them could be written.
  void write(std::string_view bytes);

  /// Flushes the temporary file to disk, checks that the target is still absent or a regular
  /// file, renames the temporary file over it and flushes the folder. Throws (OutputPathError
  /// or WriteError naming the target) and removes the temporary file on any failure.
  void commit();

  /// Removes the temporary file now (what the destructor does when commit() was not reached).
  void discard() noexcept;

 private:
  [[noreturn]] void fail(const std::string& reason);
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  std::string shown_;  // the path as given (and where its link leads), for messages
  std::string what_;
  int fd_ = -1;
  bool done_ = false;
};

/// Writes `text` to `target` through a PendingFile: complete or not at all.
void write_file_atomically(const std::filesystem::path& target, std::string_view text,
                           const std::string& what);

}  // namespace werkstroom::io
