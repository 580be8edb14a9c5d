#pragma once
// The calibration journal's file format (Evaluator::attach_journal reads and writes it). A text
// file of lines, each ending in " *<CRC-32 of the text before it, 8 hex digits>":
//   # werkstroom calibration journal v2 indicators=<n> months=<m> scenario=<hash> spec=<hash>
//     program=<version>+<revision> seed=<seed> *<crc>
//   <seed> <replications> <value>... [to <YYYY-MM>...] | <path value>... *<crc>
// ("to": a fit evaluation that simulated each region up to its last data month, Span::fit; its
// later months are nan).
// The header (one line) carries the identity of everything that determines an evaluation's
// paths: the scenario text (every file of its extends chain, per region), the spec's parameters,
// indicators and regions, the program that simulates, and the spec's master seed. A journal
// whose identity differs belongs to another calibration and is refused (or started afresh).
// A line whose checksum does not match its text (cut by a killed run, edited by hand, a bad
// block) or whose numbers do not parse whole is dropped: its evaluation is simulated again.
// Numbers are written as hexadecimal floats (exact) and read with std::from_chars.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstroom::calibration {

/// CRC-32 (IEEE 802.3, reflected, as zlib's crc32) of `text`.
[[nodiscard]] std::uint32_t crc32(std::string_view text);

/// `text` followed by " *" and its CRC-32 as 8 lower-case hex digits (no newline).
[[nodiscard]] std::string with_checksum(std::string_view text);
/// The text of a line written by with_checksum, or nothing when the checksum is missing or does
/// not match (a cut or changed line).
[[nodiscard]] std::optional<std::string_view> checked_text(std::string_view line);

/// What a journal belongs to; each part as written into the header.
struct JournalIdentity {
  std::size_t indicators = 0;
  std::size_t months = 0;
  std::string scenario;  // hash of the scenario texts (extends chains, regions)
  std::string spec;      // hash of the spec's parameters, indicators and regions
  std::string program;   // "<version>+<revision>"
  std::uint64_t seed = 0;
};

/// The header line (with its checksum, without a newline).
[[nodiscard]] std::string journal_header(const JournalIdentity& identity);

/// Exactly-written numbers: hexadecimal floating point ("0x1.8p+1", "-0x0p+0", "inf", "nan").
[[nodiscard]] std::string hex_number(double v);
/// Reads a whole token written by hex_number; nothing when any part of it is not a number.
[[nodiscard]] std::optional<double> parse_hex_number(std::string_view token);

/// One evaluation's line (with its checksum, without a newline): key " |" then the paths.
[[nodiscard]] std::string journal_line(const std::string& key,
                                       const std::vector<std::vector<double>>& paths);

/// A journal as read: the entries of its intact lines (key -> paths [indicator][month]).
struct JournalContent {
  std::map<std::string, std::vector<std::vector<double>>> entries;
  std::size_t dropped = 0;  // lines cut, changed or of the wrong shape
};

/// Reads a journal's text (header included) written for `identity`. Throws DataError naming
/// `path` and what differs (the scenario, the spec, the program, the seed, or the format) when
/// the header is not that of `identity`.
[[nodiscard]] JournalContent read_journal(std::string_view text, const JournalIdentity& identity,
                                          const std::filesystem::path& path);

/// Appends `text` to the file at `path` (which exists). Throws io::WriteError "cannot write
/// journal <path>: <reason>" when not all of it reached the file (a full disk).
void append_to_journal(const std::filesystem::path& path, std::string_view text);

}  // namespace werkstroom::calibration
