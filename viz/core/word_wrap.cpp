#include "core/word_wrap.hpp"

namespace werkstroom::viz {

namespace {

/// Adds the lines of one paragraph (no line breaks in it) to `lines`.
void wrap_paragraph(std::string_view paragraph, float width,
                    const std::function<float(std::string_view)>& measure,
                    std::vector<std::string>& lines) {
  std::string line;
  std::size_t i = 0;
  while (i < paragraph.size()) {
    const std::size_t start = paragraph.find_first_not_of(' ', i);
    if (start == std::string_view::npos) break;
    std::size_t end = paragraph.find(' ', start);
    if (end == std::string_view::npos) end = paragraph.size();
    const std::string_view word = paragraph.substr(start, end - start);
    std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && measure(candidate) > width) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = std::move(candidate);
    }
    i = end;
  }
  lines.push_back(line);
}

}  // namespace

std::vector<std::string> wrap_at_spaces(std::string_view text, float width,
                                        const std::function<float(std::string_view)>& measure) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    wrap_paragraph(text.substr(start, end == std::string_view::npos ? end : end - start), width,
                   measure, lines);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace werkstroom::viz
