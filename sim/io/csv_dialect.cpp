#include "io/csv_dialect.hpp"

#include <charconv>
#include <stdexcept>
#include <string>
#include <system_error>

namespace werkstroom::io {

namespace {

// Whether `field` is wholly a number as the writers print it (fmt's shortest form).
bool is_number(std::string_view field) {
  if (field.empty()) return false;
  double value = 0.0;
  const char* end = field.data() + field.size();
  const auto [ptr, ec] = std::from_chars(field.data(), end, value);
  return ec == std::errc() && ptr == end;
}

// Appends one field in the nl dialect.
void append_nl_field(std::string& out, std::string field) {
  if (is_number(field)) {
    for (char& c : field) {
      if (c == '.') c = ',';
    }
  }
  const bool quote = field.find_first_of(";\"\r\n") != std::string::npos;
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

CsvDialect parse_csv_dialect(std::string_view text) {
  if (text == "en") return CsvDialect::en;
  if (text == "nl") return CsvDialect::nl;
  throw std::invalid_argument("unknown CSV dialect \"" + std::string(text) +
                              "\" (expected nl or en)");
}

char csv_separator(CsvDialect dialect) { return dialect == CsvDialect::nl ? ';' : ','; }

std::string convert_csv(std::string_view text, CsvDialect dialect) {
  if (dialect == CsvDialect::en) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::string field;
  bool in_quotes = false;
  bool field_open = false;  // a field has begun on this line (an empty line has none)
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        in_quotes = false;
      }
      continue;
    }
    if (c == '"') {
      in_quotes = true;
      field_open = true;
    } else if (c == ',') {
      append_nl_field(out, field);
      out += ';';
      field.clear();
      field_open = false;
    } else if (c == '\r' || c == '\n') {
      if (field_open || !field.empty()) append_nl_field(out, field);
      field.clear();
      field_open = false;
      out += c;
    } else {
      field += c;
      field_open = true;
    }
  }
  if (in_quotes) throw std::invalid_argument("CSV text ends inside a quoted field");
  if (field_open || !field.empty()) append_nl_field(out, field);
  return out;
}

}  // namespace werkstroom::io
