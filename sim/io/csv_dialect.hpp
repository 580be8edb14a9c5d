#pragma once
// The two CSV dialects werkstroom writes. `en` is RFC 4180 as every tool reads it: ',' between
// fields and '.' in numbers. `nl` is what Excel in a Dutch locale opens with a double click:
// ';' between fields and a decimal comma. The writers produce `en` text and convert it here, so
// the numbers of the two dialects of one run are the same digits.

#include <string>
#include <string_view>

namespace werkstroom::io {

enum class CsvDialect { en, nl };

/// Parses "en" or "nl"; throws std::invalid_argument otherwise.
[[nodiscard]] CsvDialect parse_csv_dialect(std::string_view text);

/// The field separator of a dialect: ',' or ';'.
[[nodiscard]] char csv_separator(CsvDialect dialect);

/// Converts RFC 4180 text (',' separators, '"' quoting, '.' decimals) into `dialect`.
/// Contract: `text` consists of whole records (a chunk ends after a line break that is not
/// inside quotes, or at the end of the text). For `en` the text is returned unchanged. For `nl`
/// every separator becomes ';', every field that is wholly a decimal number ("-1.5",
/// "2.5e-05", "12") has its '.' replaced by ',', every other field keeps its text, and a field
/// is quoted exactly when it holds ';', '"', '\r' or '\n' (quotes doubled). Line breaks are
/// kept as they are. Throws std::invalid_argument on a quote left open at the end.
[[nodiscard]] std::string convert_csv(std::string_view text, CsvDialect dialect);

}  // namespace werkstroom::io
