#include "calibration/journal.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>

#include "calibration/monitor_data.hpp"
#include "io/output_file.hpp"

namespace werkstroom::calibration {

namespace {

constexpr std::string_view kFormat = "# werkstroom calibration journal v2";
constexpr std::string_view kFormatPrefix = "# werkstroom calibration journal";
constexpr std::string_view kChecksumMark = " *";
constexpr std::size_t kChecksumDigits = 8;

constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
    table[n] = c;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

/// The header's fields "name=value" after the format tag, in order.
std::vector<std::pair<std::string, std::string>> header_fields(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string_view token = text.substr(at, end - at);
    const std::size_t eq = token.find('=');
    if (eq != std::string_view::npos) {
      fields.emplace_back(std::string(token.substr(0, eq)), std::string(token.substr(eq + 1)));
    }
    at = end + 1;
  }
  return fields;
}

std::string field(const std::vector<std::pair<std::string, std::string>>& fields,
                  const std::string& name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return "(none)";
}

}  // namespace

std::uint32_t crc32(std::string_view text) {
  std::uint32_t c = 0xFFFFFFFFU;
  for (const char ch : text) {
    c = kCrcTable[(c ^ static_cast<unsigned char>(ch)) & 0xFFU] ^ (c >> 8U);
  }
  return c ^ 0xFFFFFFFFU;
}

std::string with_checksum(std::string_view text) {
  return fmt::format("{}{}{:08x}", text, kChecksumMark, crc32(text));
}

std::optional<std::string_view> checked_text(std::string_view line) {
  if (line.size() < kChecksumMark.size() + kChecksumDigits) return std::nullopt;
  const std::size_t mark = line.size() - kChecksumDigits - kChecksumMark.size();
  if (line.substr(mark, kChecksumMark.size()) != kChecksumMark) return std::nullopt;
  const std::string_view digits = line.substr(mark + kChecksumMark.size());
  for (const char ch : digits) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return std::nullopt;
  }
  std::uint32_t written = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), written, 16);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  const std::string_view text = line.substr(0, mark);
  if (crc32(text) != written) return std::nullopt;
  return text;
}

std::string journal_header(const JournalIdentity& identity) {
  return with_checksum(
      fmt::format("{} indicators={} months={} scenario={} spec={} program={} seed={}", kFormat,
                  identity.indicators, identity.months, identity.scenario, identity.spec,
                  identity.program, identity.seed));
}

std::string hex_number(double v) { return fmt::format("{:a}", v); }

std::optional<double> parse_hex_number(std::string_view token) {
  // from_chars in hex format takes neither a "0x" prefix nor a '+' sign; "inf" and "nan" as is.
  bool negative = false;
  if (!token.empty() && token.front() == '-') {
    negative = true;
    token.remove_prefix(1);
  }
  if (token.size() > 2 && token[0] == '0' && (token[1] == 'x' || token[1] == 'X')) {
    token.remove_prefix(2);
  } else if (token != "inf" && token != "nan") {
    return std::nullopt;
  }
  if (token.empty() || token.front() == '-' || token.front() == '+') return std::nullopt;
  double value = 0.0;
  const auto [end, error] =
      std::from_chars(token.data(), token.data() + token.size(), value, std::chars_format::hex);
  if (error != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return negative ? -value : value;
}

std::string journal_line(const std::string& key, const std::vector<std::vector<double>>& paths) {
  std::string text = key;
  text += " |";
  for (const auto& path : paths) {
    for (const double v : path) {
      text += ' ';
      text += hex_number(v);
    }
  }
  return with_checksum(text);
}

JournalContent read_journal(std::string_view text, const JournalIdentity& identity,
                            const std::filesystem::path& path) {
  const std::string expected = journal_header(identity);
  const std::size_t first_end = std::min(text.find('\n'), text.size());
  const std::string_view first = text.substr(0, first_end);
  if (first != expected) {
    const std::string advice =
        "; give --journal-reset to start the journal afresh, or another --journal";
    if (first.substr(0, kFormatPrefix.size()) != kFormatPrefix) {
      throw DataError(
          fmt::format("{}:1: not a werkstroom calibration journal (its first line is "
                      "\"{}\"){}",
                      path.string(), first.substr(0, 80), advice));
    }
    if (first.substr(0, kFormat.size() + 1) != std::string(kFormat) + " ") {
      throw DataError(
          fmt::format("{}:1: the journal is of another journal format (\"{}\", "
                      "expected \"{}\"){}",
                      path.string(), first.substr(0, 120), kFormat, advice));
    }
    const std::optional<std::string_view> header = checked_text(first);
    if (!header) {
      throw DataError(fmt::format(
          "{}:1: the journal's header is cut or changed (its checksum does not match: \"{}\", "
          "expected \"{}\"){}",
          path.string(), first.substr(0, 200), expected, advice));
    }
    const auto found = header_fields(*header);
    const std::string now_text(*checked_text(expected));
    const auto now = header_fields(now_text);
    std::string differs;
    const auto differ = [&](const std::string& name, const std::string& what) {
      const std::string was = field(found, name);
      const std::string is = field(now, name);
      if (was == is) return;
      differs += differs.empty() ? "" : "; ";
      differs += fmt::format("{} (journal {}, now {})", what, was, is);
    };
    differ("scenario", "the scenario text differs (the scenario file or a file it extends)");
    differ("spec", "the spec's parameters, indicators or regions differ");
    differ("program", "the program version differs");
    differ("seed", "the seed differs");
    differ("indicators", "the number of indicators differs");
    differ("months", "the number of months differs");
    if (differs.empty()) differs = fmt::format("its header differs (\"{}\")", *header);
    throw DataError(fmt::format("{}:1: the journal belongs to another calibration: {}{}",
                                path.string(), differs, advice));
  }
  JournalContent content;
  const std::size_t expected_count = identity.indicators * identity.months;
  std::size_t at = first_end + 1;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    const bool complete = end < text.size();  // a last line without its newline was cut
    at = end + 1;
    if (line.empty()) continue;
    const std::optional<std::string_view> body = checked_text(line);
    const std::size_t bar = body ? body->find(" |") : std::string_view::npos;
    if (!complete || !body || bar == std::string_view::npos) {
      ++content.dropped;
      continue;
    }
    std::vector<double> flat;
    bool ok = true;
    std::string_view numbers = body->substr(bar + 2);
    while (ok && !numbers.empty()) {
      if (numbers.front() != ' ') {
        ok = false;
        break;
      }
      numbers.remove_prefix(1);
      const std::size_t stop = std::min(numbers.find(' '), numbers.size());
      const std::optional<double> v = parse_hex_number(numbers.substr(0, stop));
      if (!v) ok = false;
      if (v) flat.push_back(*v);
      numbers.remove_prefix(stop);
    }
    if (!ok || flat.size() != expected_count) {
      ++content.dropped;
      continue;
    }
    std::vector<std::vector<double>> paths(identity.indicators);
    for (std::size_t i = 0; i < identity.indicators; ++i) {
      paths[i].assign(flat.begin() + static_cast<std::ptrdiff_t>(i * identity.months),
                      flat.begin() + static_cast<std::ptrdiff_t>((i + 1) * identity.months));
    }
    content.entries[std::string(body->substr(0, bar))] = std::move(paths);
  }
  return content;
}

void append_to_journal(const std::filesystem::path& path, std::string_view text) {
  const auto fail = [&](int error) {
    throw io::WriteError(fmt::format("cannot write journal {}: {}", path.string(),
                                     std::generic_category().message(error)));
  };
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) fail(errno);
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      const int error = written < 0 ? errno : ENOSPC;
      ::close(fd);
      fail(error);
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::close(fd) != 0) fail(errno);
}

}  // namespace werkstroom::calibration
