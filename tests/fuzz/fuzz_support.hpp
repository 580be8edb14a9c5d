#pragma once
// Shared by the libFuzzer harnesses (tests/fuzz/README.md): a scratch folder of the process for
// the inputs that the code under test reads as files, and the split of one input into files.
//
// A harness's contract: for every input, the code under test returns or throws its documented
// error type; anything else (another exception, a crash, a sanitizer report, a hang) is a
// finding that libFuzzer reports with the input that caused it.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace werkstroom::fuzz {

/// A folder of this process (made once under $TMPDIR or /tmp, removed at exit).
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/werkstroom-fuzz-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratch_dir(), ignored);
    });
    return std::filesystem::path(pattern);
  }();
  return dir;
}

/// Writes `text` to `file` (replacing it); aborts when it cannot, which is the harness's fault.
inline void write_file(const std::filesystem::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) std::abort();
}

/// The input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};  // NOLINT(*-reinterpret-cast)
}

/// `text` cut at every line that starts with `marker` (the marker lines dropped), at most
/// `max_parts` parts (the rest stays in the last).
inline std::vector<std::string_view> split_parts(std::string_view text, std::string_view marker,
                                                 std::size_t max_parts) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  std::size_t line = 0;
  while (line <= text.size() && parts.size() + 1 < max_parts) {
    const std::size_t end = text.find('\n', line);
    const std::size_t line_end = end == std::string_view::npos ? text.size() : end;
    if (text.substr(line, line_end - line).starts_with(marker)) {
      parts.push_back(text.substr(start, line - start));
      start = line_end == text.size() ? text.size() : line_end + 1;
    }
    if (end == std::string_view::npos) break;
    line = end + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace werkstroom::fuzz
