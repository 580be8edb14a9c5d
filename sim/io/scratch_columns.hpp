#pragma once
// A matrix of doubles too large to keep in memory, held column by column in a scratch file:
// what lets a streamed study (results/results_stream.hpp) keep every replication's key figures
// for its summaries while its memory stays flat in the number of replications.
//
// Layout: columns of `rows` doubles, column-major (column c's rows are contiguous at byte
// offset c * rows * 8), so one column, the unit the summaries work on, is one read, and columns
// can be added without knowing their number in advance. Rows are written in blocks (a block of
// rows of one column is one write); unwritten parts read as 0 (a sparse file).
//
// The file is made with mkstemp in the system's temporary folder ($TMPDIR, else /tmp) and
// unlinked at once: it exists only through the open descriptor, so nothing is left behind
// however the process ends. It needs up to rows x columns x 8 bytes there.
//
// Errors (a full temporary folder, an I/O error) throw std::runtime_error naming the folder
// and the reason.

#include <cstddef>
#include <filesystem>
#include <span>

namespace werkstroom::io {

/// The folder for scratch files: std::filesystem::temp_directory_path ($TMPDIR, else /tmp).
/// When it is unusable, std::runtime_error naming it (what $TMPDIR says) and the reason.
[[nodiscard]] std::filesystem::path scratch_folder();

class ScratchColumns {
 public:
  /// Creates the scratch file for columns of `rows` values.
  explicit ScratchColumns(std::size_t rows);
  ~ScratchColumns();
  ScratchColumns(const ScratchColumns&) = delete;
  ScratchColumns& operator=(const ScratchColumns&) = delete;
  ScratchColumns(ScratchColumns&& other) noexcept;
  ScratchColumns& operator=(ScratchColumns&& other) noexcept;

  [[nodiscard]] std::size_t rows() const { return rows_; }

  /// Writes `values` to rows first_row .. first_row + values.size() - 1 of `column`.
  /// std::out_of_range past the rows or past the largest file.
  void write(std::size_t column, std::size_t first_row, std::span<const double> values);
  /// Reads rows first_row .. first_row + out.size() - 1 of `column` into `out`.
  /// std::out_of_range past the rows or past the largest file.
  void read(std::size_t column, std::size_t first_row, std::span<double> out) const;

 private:
  /// The byte offset of (column, first_row) after checking that `count` rows fit.
  [[nodiscard]] std::size_t offset(std::size_t column, std::size_t first_row,
                                   std::size_t count) const;
  std::filesystem::path folder_;
  std::size_t rows_ = 0;
  int fd_ = -1;
};

}  // namespace werkstroom::io
