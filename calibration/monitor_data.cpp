#include "calibration/monitor_data.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <utility>

#include "calibration/observables.hpp"
#include "scenario/schema.hpp"

namespace werkstroom::calibration {

namespace {

/// The columns every file starts with, in this order.
constexpr std::array<const char*, 3> kRequiredColumns = {"month", "indicator", "value"};
/// The columns that may follow, each at most once and in this order. `source` and
/// `reliability` document a row and are not used by the calibration.
constexpr std::array<const char*, 3> kOptionalColumns = {"stderr", "source", "reliability"};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMonthLength = 7;  // "YYYY-MM"
constexpr std::size_t kMonthDash = 4;    // position of the '-'
constexpr int kLastMonth = 12;

constexpr const char* kIndicatorExpectation =
    "an indicator the model produces (ww_benefits_running, pw_benefits_running, ww_inflow, "
    "work_after_ww, a service indicator such as intakes, or with_service.<series> / "
    "without_service.<series>; see calibration/observables.hpp)";

struct Field {
  std::string text;
  bool quoted = false;
};

struct Record {
  std::vector<Field> fields;
  std::size_t line = 0;  // 1-based line on which the record starts
};

/// "<file>:<line>: <where>: expected <expected>, found <found>"; `where` may be empty.
[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& where,
                       const std::string& expected, const std::string& found) {
  std::string message = file;
  if (line > 0) message += ":" + std::to_string(line);
  message += ": ";
  if (!where.empty()) message += where + ": ";
  throw DataError(message + "expected " + expected + ", found " + found);
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string_view trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r";
  const std::size_t first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(kBlank);
  return text.substr(first, last - first + 1);
}

/// Splits RFC 4180 text into records: fields separated by commas, records by LF or CRLF; a
/// field in double quotes may hold commas, line breaks and doubled quotes (""). Blank lines
/// are dropped.
class RecordReader {
 public:
  RecordReader(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.substr(0, kUtf8Bom.size()) == kUtf8Bom) text_.remove_prefix(kUtf8Bom.size());
  }

  std::vector<Record> read() {
    std::vector<Record> records;
    while (pos_ < text_.size()) {
      Record record{{}, line_};
      bool more = true;
      while (more) {
        record.fields.push_back(read_field(record.fields.size() + 1));
        more = pos_ < text_.size() && text_[pos_] == ',';
        if (more) ++pos_;
      }
      end_line();
      const bool blank = record.fields.size() == 1 && !record.fields.front().quoted &&
                         trim(record.fields.front().text).empty();
      if (!blank) records.push_back(std::move(record));
    }
    return records;
  }

 private:
  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;

  [[nodiscard]] bool at_line_end() const {
    if (pos_ >= text_.size()) return true;
    return text_[pos_] == '\n' || text_.substr(pos_, 2) == "\r\n";
  }

  void end_line() {
    if (pos_ >= text_.size()) return;
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
  }

  Field read_field(std::size_t column) {
    Field field;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      field.quoted = true;
      const std::size_t opened = line_;
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) {
          fail(file_, opened, "column " + std::to_string(column),
               "a closing double quote for the field opened on this line", "the end of the file");
        }
        const char c = text_[pos_];
        if (c == '"') {
          if (text_.substr(pos_, 2) == "\"\"") {
            field.text += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\n') ++line_;
        field.text += c;
        ++pos_;
      }
      if (!at_line_end() && text_[pos_] != ',') {
        fail(file_, line_, "column " + std::to_string(column),
             "a comma or the end of the line after a closing double quote",
             in_quotes(text_.substr(pos_, 1)));
      }
      return field;
    }
    while (!at_line_end() && text_[pos_] != ',') field.text += text_[pos_++];
    return field;
  }
};

/// The names of the header's columns, checked: month, indicator, value, then optional columns
/// in the order of kOptionalColumns.
std::vector<std::string> read_header(const Record& header, const std::string& file) {
  std::vector<std::string> names;
  std::size_t next_optional = 0;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name(trim(header.fields[i].text));
    const std::string where = "column " + std::to_string(i + 1);
    if (i < kRequiredColumns.size()) {
      if (name != kRequiredColumns[i]) {
        fail(file, header.line, where,
             "the header month,indicator,value[,stderr][,source][,reliability] with column " +
                 std::to_string(i + 1) + " " + kRequiredColumns[i],
             in_quotes(name));
      }
    } else {
      std::size_t k = next_optional;
      while (k < kOptionalColumns.size() && name != kOptionalColumns[k]) ++k;
      if (k == kOptionalColumns.size()) {
        std::string found = in_quotes(name);
        const std::vector<std::string> optional(kOptionalColumns.begin(), kOptionalColumns.end());
        bool known = false;
        for (const std::string& o : optional) known = known || o == name;
        if (known) {
          found += " (again, or out of order)";
        } else if (const auto best = scenario::detail::suggest(name, optional)) {
          found += " (did you mean '" + *best + "'?)";
        }
        fail(file, header.line, where,
             "one of the optional columns stderr, source, reliability, each at most once and in "
             "this order",
             found);
      }
      next_optional = k + 1;
    }
    names.push_back(name);
  }
  if (names.size() < kRequiredColumns.size()) {
    fail(file, header.line, "header", "the columns month,indicator,value[,stderr]",
         std::to_string(names.size()) + " column(s)");
  }
  return names;
}

bool is_digits(std::string_view text) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

/// "YYYY-MM" with a month 01..12.
bool is_month(std::string_view text) {
  if (text.size() != kMonthLength || text[kMonthDash] != '-') return false;
  const std::string_view year = text.substr(0, kMonthDash);
  const std::string_view month = text.substr(kMonthDash + 1);
  if (!is_digits(year) || !is_digits(month)) return false;
  int m = 0;
  std::from_chars(month.data(), month.data() + month.size(), m);
  return m >= 1 && m <= kLastMonth;
}

/// The whole of `text` as a finite number, or nullopt.
std::optional<double> parse_finite(std::string_view text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string found_text(std::string_view text) {
  return text.empty() ? std::string("an empty field") : in_quotes(text);
}

/// The observable an indicator name stands for (its alias target, or itself).
std::string canonical(const std::string& indicator) {
  for (const auto& [alias, target] : observable_aliases()) {
    if (alias == indicator) return target;
  }
  return indicator;
}

}  // namespace

MonitorData parse_monitor_data(std::string_view text, const std::string& file_name) {
  MonitorData data{file_name, std::string(text), {}};
  const std::vector<Record> records = RecordReader(text, file_name).read();
  if (records.empty()) {
    fail(file_name, 1, "", "a header line month,indicator,value[,stderr][,source][,reliability]",
         "an empty file");
  }
  const std::vector<std::string> columns = read_header(records.front(), file_name);
  if (records.size() == 1) {
    fail(file_name, records.front().line, "", "at least one data row after the header", "none");
  }
  std::size_t stderr_column = columns.size();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == "stderr") stderr_column = i;
  }
  std::string header_text;
  for (const std::string& c : columns) header_text += (header_text.empty() ? "" : ",") + c;

  std::map<std::pair<std::string, std::string>, std::size_t> seen;  // -> line
  for (std::size_t r = 1; r < records.size(); ++r) {
    const Record& record = records[r];
    const std::size_t line = record.line;
    if (record.fields.size() != columns.size()) {
      fail(file_name, line, "row", std::to_string(columns.size()) + " fields (" + header_text + ")",
           std::to_string(record.fields.size()) + " field(s)");
    }
    const auto field = [&](std::size_t i) { return trim(record.fields[i].text); };
    Observation row;
    row.line = line;

    const std::string_view month = field(0);
    if (!is_month(month)) {
      fail(file_name, line, "column month", "a month YYYY-MM (month 01 to 12)", found_text(month));
    }
    row.month = std::string(month);

    row.indicator = std::string(field(1));
    if (!is_observable(row.indicator)) {
      std::string found = found_text(row.indicator);
      if (const auto best = scenario::detail::suggest(row.indicator, observable_names())) {
        found += " (did you mean '" + *best + "'?)";
      }
      fail(file_name, line, "column indicator", kIndicatorExpectation, found);
    }

    const std::string_view value_text = field(2);
    const std::optional<double> value = parse_finite(value_text);
    if (!value) fail(file_name, line, "column value", "a finite number", found_text(value_text));
    if (*value < 0.0) {
      fail(file_name, line, "column value",
           "a number >= 0 (observables are counts, amounts or shares)", in_quotes(value_text));
    }
    row.value = *value;

    if (stderr_column < columns.size() && !field(stderr_column).empty()) {
      const std::string_view se_text = field(stderr_column);
      const std::optional<double> se = parse_finite(se_text);
      if (!se || *se <= 0.0) {
        fail(file_name, line, "column stderr", "a finite number > 0 (or an empty field)",
             in_quotes(se_text));
      }
      row.standard_error = *se;
    }

    const std::string target = canonical(row.indicator);
    const auto [it, inserted] = seen.emplace(std::make_pair(row.month, target), line);
    if (!inserted) {
      std::string found = "a second row for " + row.month + " " + row.indicator;
      if (target != row.indicator) found += " (" + target + ")";
      found += " (the first is on line " + std::to_string(it->second) + ")";
      fail(file_name, line, "columns month and indicator", "one row per month and indicator",
           found);
    }
    data.rows.push_back(std::move(row));
  }
  return data;
}

MonitorData read_monitor_data(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    fail(name, 0, "", "a monitor data file (CSV)",
         std::filesystem::exists(file, error) ? "something that is not a file" : "no such file");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in) fail(name, 0, "", "a readable monitor data file", "a read error");
  return parse_monitor_data(buffer.str(), name);
}

}  // namespace werkstroom::calibration
