#include "scenario/toml_text_guard.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace werkstroom::scenario::detail {

namespace {

/// A UTF-8 character: its code point and byte length (0: not valid UTF-8 at that byte).
struct Utf8Character {
  char32_t code_point = 0;
  std::size_t length = 0;
};

/// The character at byte `i` of `text` (valid UTF-8: no overlong forms, no surrogates, at most
/// U+10FFFF; RFC 3629).
Utf8Character decode(std::string_view text, std::size_t i) {
  constexpr unsigned kContinuationMask = 0xC0U;
  constexpr unsigned kContinuation = 0x80U;
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80U) return {lead, 1};
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    code_point = lead & 0x1FU;
    smallest = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    code_point = lead & 0x0FU;
    smallest = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    code_point = lead & 0x07U;
    smallest = 0x10000;
  } else {
    return {};
  }
  if (text.size() - i < length) return {};
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if ((byte & kContinuationMask) != kContinuation) return {};
    code_point = (code_point << 6U) | (byte & 0x3FU);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < smallest || code_point > 0x10FFFF || surrogate) return {};
  return {code_point, length};
}

/// Walks a TOML text with just enough of the grammar to know whether a character is inside a
/// string, a comment or neither. It does not judge the TOML otherwise: an unterminated string
/// ends at its line's end here, and toml++ reports it.
class TextScanner {
 public:
  TextScanner(std::string_view text, const std::string& file, std::size_t column_shift)
      : text_(text), file_(file), column_shift_(column_shift) {}

  void run() {
    while (!at_end()) {
      const char c = text_[i_];
      if (c == '#') {
        skip_comment();
      } else if (starts_with(R"(""")")) {
        skip_ascii(3);
        multi_line_string('"', true);
      } else if (c == '"') {
        skip_ascii(1);
        single_line_string('"', true);
      } else if (starts_with("'''")) {
        skip_ascii(3);
        multi_line_string('\'', false);
      } else if (c == '\'') {
        skip_ascii(1);
        single_line_string('\'', false);
      } else if (static_cast<unsigned char>(c) >= 0x80U) {
        fail_character(
            "ASCII outside strings and comments (TOML keys and bare values are ASCII; put other "
            "characters inside quotes)");
      } else {
        advance();
      }
    }
  }

 private:
  [[nodiscard]] bool at_end() const { return i_ >= text_.size(); }
  [[nodiscard]] bool starts_with(std::string_view prefix) const {
    return text_.substr(i_).starts_with(prefix);
  }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : text_[i_]; }

  /// Moves over one character, checking that it is UTF-8.
  void advance() {
    const Utf8Character c = decode(text_, i_);
    if (c.length == 0) fail_byte();
    i_ += c.length;
    if (c.code_point == U'\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
  }
  void skip_ascii(std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) advance();
  }

  void skip_comment() {
    while (!at_end() && peek() != '\n') advance();
  }

  void single_line_string(char quote, bool escapes) {
    while (!at_end() && peek() != '\n') {
      const char c = peek();
      advance();
      if (c == quote) return;
      if (escapes && c == '\\' && !at_end() && peek() != '\n') advance();
    }
  }

  /// After the opening delimiter; ends after the closing one. A run of 3 to 5 quotes closes the
  /// string (up to two of them are its content, as TOML allows).
  void multi_line_string(char quote, bool escapes) {
    constexpr std::size_t kLongestClosingRun = 5;
    const std::string delimiter(3, quote);
    while (!at_end()) {
      if (starts_with(delimiter)) {
        std::size_t run = 0;
        while (run < kLongestClosingRun && peek() == quote) {
          advance();
          ++run;
        }
        return;
      }
      const char c = peek();
      advance();
      if (escapes && c == '\\') after_backslash();
    }
  }

  /// Inside a """ string, just after a backslash: a line-ending backslash swallows the white
  /// space and new lines that follow it (toml++ 3.3.0 then reaches undefined behaviour on a
  /// non-ASCII character, #190); any other escape is one character long.
  void after_backslash() {
    std::size_t j = i_;
    while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
    const bool line_ending = j < text_.size() && (text_[j] == '\n' || text_[j] == '\r');
    if (!line_ending) {
      if (!at_end()) advance();
      return;
    }
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n')) {
      advance();
    }
    if (!at_end() && static_cast<unsigned char>(peek()) >= 0x80U) {
      fail_character(
          "an ASCII character after a line-ending backslash in a \"\"\" string (toml++ 3.3.0 "
          "mis-handles others there; keep the character on the backslash's line)");
    }
  }

  [[nodiscard]] SourcePosition here() const {
    std::size_t column = column_;
    if (line_ == 1 && column > column_shift_) column -= column_shift_;
    return {file_, line_, column};
  }

  [[noreturn]] void fail_byte() const {
    throw ScenarioError(here(), "", "UTF-8 text",
                        fmt::format("the byte 0x{:02X}, which is not UTF-8 here",
                                    static_cast<unsigned char>(text_[i_])));
  }

  [[noreturn]] void fail_character(const std::string& expected) const {
    const Utf8Character c = decode(text_, i_);
    if (c.length == 0) fail_byte();
    throw ScenarioError(
        here(), "", expected,
        fmt::format("the character U+{:04X}", static_cast<std::uint32_t>(c.code_point)));
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t column_shift_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

}  // namespace

void check_toml_text(std::string_view text, const std::string& file, std::size_t column_shift) {
  TextScanner(text, file, column_shift).run();
}

}  // namespace werkstroom::scenario::detail
