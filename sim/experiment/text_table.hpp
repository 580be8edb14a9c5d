#pragma once
// A plain-text table for the console reports: every column as wide as its widest cell (header
// included), so no label is cut and no column drifts from its header in either language.
// Widths count characters, not bytes ("€" and "∞" are one), so UTF-8 text lines up.

#include <string>
#include <vector>

namespace werkstroom::experiment {

class TextTable {
 public:
  /// `left_columns`: how many leading columns are left-aligned (labels); the rest are
  /// right-aligned (figures).
  explicit TextTable(std::vector<std::string> header, std::size_t left_columns = 1);
  /// A row; missing cells are empty, extra cells widen the table.
  void add_row(std::vector<std::string> cells);
  /// The header, then the rows; columns separated by two spaces; no trailing spaces.
  [[nodiscard]] std::string render() const;

 private:
  std::vector<std::vector<std::string>> rows_;  // header first
  std::size_t left_columns_;
};

/// The number of characters (UTF-8 code points) of `text`.
[[nodiscard]] std::size_t display_width(const std::string& text);

}  // namespace werkstroom::experiment
