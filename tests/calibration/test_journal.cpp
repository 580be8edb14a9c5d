// The calibration journal cannot lie (issue 16, item 2): a line cut inside its last number or
// changed by hand is dropped and simulated again, never reused with a wrong value; a journal of
// a changed scenario (a file of its extends chain), spec, seed or program is refused with the
// file and what differs, unless it is reset; a failed write (a full disk) stops the run with the
// path and the reason.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "../support/file_text.hpp"
#include "../support/temp_dir.hpp"
#include "calibration/evaluator.hpp"
#include "calibration/fit_horizon.hpp"
#include "calibration/journal.hpp"
#include "calibration/monitor_data.hpp"
#include "calibration/spec.hpp"
#include "io/output_file.hpp"
#include "two_month_spec.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kDataDir = WERKSTROOM_CALIBRATION_TEST_DATA;

/// A spec fitting one rate on a scenario that extends a base in `dir` (which extends the
/// recovery scenario), so a test can change a file of the extends chain.
calibration::CalibrationSpec journal_spec(const test::TempDir& dir, double base_rate = 0.1,
                                          std::uint64_t seed = 7) {
  dir.write("base.toml",
            fmt::format("extends = \"{}\"\n[hazards.ww_other_exit]\nrate_per_month = {{ value = "
                        "{}, source = \"assumption: journal test\" }}\n",
                        (kDataDir / "recovery-scenario.toml").generic_string(), base_rate));
  dir.write("scenario.toml", "extends = \"base.toml\"\n");
  return test::two_month_spec(dir, "scenario.toml", seed);
}

calibration::Evaluator make_evaluator(const calibration::CalibrationSpec& spec) {
  return calibration::Evaluator(spec, calibration::read_monitor_data(spec.data_file), 1);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

constexpr int kReps = 2;
/// journal_spec's data end (2019-02) before its scenario's horizon, and the scenario has no
/// centre: an evaluator's first fit evaluation checks whether the fit may stop there, with
/// replications of its own that count as simulated, journal or not.
constexpr long kCheck = calibration::kCutCheckReplications;

/// Paths equal bit for bit; NaN (a month after a cut, not simulated) equals NaN.
bool same_paths(const std::vector<std::vector<double>>& a,
                const std::vector<std::vector<double>>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size()) return false;
    for (std::size_t m = 0; m < a[i].size(); ++m) {
      const bool same = std::isnan(a[i][m]) ? std::isnan(b[i][m]) : a[i][m] == b[i][m];
      if (!same) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("journal lines carry a CRC-32 and numbers are read whole", "[calibration][journal]") {
  CHECK(calibration::crc32("123456789") == 0xCBF43926U);  // the standard check value
  CHECK(calibration::crc32("") == 0U);
  const std::string line = calibration::with_checksum("7 2 0x1.8p+1 | 0x1p+0");
  CHECK(calibration::checked_text(line) ==
        std::optional<std::string_view>("7 2 0x1.8p+1 | 0x1p+0"));
  CHECK_FALSE(calibration::checked_text(line.substr(0, line.size() - 1)).has_value());
  std::string edited = line;
  edited[4] = '9';  // 0x1.8 -> 0x1.9
  CHECK_FALSE(calibration::checked_text(edited).has_value());
  CHECK_FALSE(calibration::checked_text("").has_value());

  for (const double v : {0.0, -0.0, 1.5, -3.25e-300, 1e300, 3745.123456789}) {
    const std::optional<double> back = calibration::parse_hex_number(calibration::hex_number(v));
    REQUIRE(back.has_value());
    CHECK(*back == v);
    CHECK(std::signbit(*back) == std::signbit(v));
  }
  CHECK(std::isinf(*calibration::parse_hex_number("inf")));
  CHECK(std::isnan(*calibration::parse_hex_number("nan")));
  for (const char* torn :
       {"", "0x", "0x1.8p", "0x1.8p+", "1.5", "0x1.8p+1x", "--0x1p+0", "0x-1p+0", "0x1.8p+1 "}) {
    CAPTURE(torn);
    CHECK_FALSE(calibration::parse_hex_number(torn).has_value());
  }
}

TEST_CASE("the replications of the fit horizon's check count as simulated",
          "[calibration][journal]") {
  const test::TempDir dir("werkstroom-journal");
  const calibration::CalibrationSpec spec = journal_spec(dir);
  calibration::Evaluator checked = make_evaluator(spec);
  (void)checked.evaluate(std::vector<double>{0.05}, 11, kReps);
  const std::vector<std::string> notes = checked.horizon_notes();
  REQUIRE(notes.size() == 1);  // the check ran, and found the fit may stop at 2019-02
  CHECK(contains(notes[0], "2019-02, the last data month"));
  CHECK(checked.simulations() == calibration::kCutCheckReplications + kReps);
  // A second evaluation does not check again.
  (void)checked.evaluate(std::vector<double>{0.15}, 12, kReps);
  CHECK(checked.simulations() == calibration::kCutCheckReplications + 2 * kReps);

  // Fitting the whole horizon: no check, only the evaluation's own replications.
  calibration::Evaluator whole = make_evaluator(spec);
  whole.fit_to_last_data_month = false;
  (void)whole.evaluate(std::vector<double>{0.05}, 11, kReps);
  CHECK(whole.horizon_notes().empty());
  CHECK(whole.simulations() == kReps);
}

TEST_CASE("a journal line cut inside its last number is dropped and simulated again",
          "[calibration][journal]") {
  const test::TempDir dir("werkstroom-journal");
  const calibration::CalibrationSpec spec = journal_spec(dir);
  const std::filesystem::path journal = dir.path() / "journal.txt";
  const std::vector<double> a{0.05};
  const std::vector<double> b{0.15};
  calibration::Evaluation first_b;
  {
    calibration::Evaluator evaluator = make_evaluator(spec);
    evaluator.attach_journal(journal);
    (void)evaluator.evaluate(a, 11, kReps);
    first_b = evaluator.evaluate(b, 12, kReps);
    CHECK(evaluator.simulations() == kCheck + 2L * kReps);
  }
  const std::string whole = test::file_text(journal);
  const std::vector<std::string> lines = lines_of(whole);
  REQUIRE(lines.size() == 3);  // header, a, b
  CHECK(contains(lines[0], "# werkstroom calibration journal v2"));
  for (const std::string& line : lines) CHECK(calibration::checked_text(line).has_value());

  SECTION("cut inside the last number, without its newline (a killed run)") {
    // The checksum and the last characters of the last number ("nan" for a month after the
    // fit's cut, or hex digits) are gone.
    const std::size_t number_end = whole.size() - 1 - 10;
    const std::size_t number_start = whole.rfind(' ', number_end - 1) + 1;
    REQUIRE(number_end - number_start >= 2);
    const std::size_t cut = number_start + (number_end - number_start) / 2 + 1;
    REQUIRE(whole[cut - 1] != ' ');
    dir.write("journal.txt", whole.substr(0, cut));
  }
  SECTION("a number changed by hand, the line otherwise whole") {
    std::string changed = whole;
    const std::size_t bar = changed.rfind(" | ");
    REQUIRE(bar != std::string::npos);
    const std::size_t digit = changed.find_first_of("123456789abcdef", bar + 6);
    changed[digit] = changed[digit] == '1' ? '2' : '1';
    dir.write("journal.txt", changed);
  }

  calibration::Evaluator resumed = make_evaluator(spec);
  resumed.attach_journal(journal);
  CHECK(resumed.journal_dropped() == 1);
  // The rewritten journal holds the intact line only.
  const std::vector<std::string> kept = lines_of(test::file_text(journal));
  REQUIRE(kept.size() == 2);
  CHECK(kept[1] == lines[1]);

  (void)resumed.evaluate(a, 11, kReps);
  CHECK(resumed.journal_hits() == 1);
  CHECK(resumed.simulations() == kCheck);  // nothing but the check
  const calibration::Evaluation again_b = resumed.evaluate(b, 12, kReps);
  CHECK(resumed.journal_hits() == 1);
  CHECK(resumed.simulations() == kCheck + kReps);  // simulated again, not taken from the cut line
  CHECK(same_paths(again_b.paths, first_b.paths));
  CHECK(again_b.distance == first_b.distance);
  // ... and written back whole.
  const std::vector<std::string> after = lines_of(test::file_text(journal));
  REQUIRE(after.size() == 3);
  CHECK(after[2] == lines[2]);
}

TEST_CASE("a journal of a changed scenario, spec or seed is refused unless reset",
          "[calibration][journal]") {
  const test::TempDir dir("werkstroom-journal");
  const std::filesystem::path journal = dir.path() / "journal.txt";
  {
    calibration::Evaluator evaluator = make_evaluator(journal_spec(dir));
    evaluator.attach_journal(journal);
    (void)evaluator.evaluate(std::vector<double>{0.05}, 11, kReps);
  }
  const std::string written = test::file_text(journal);

  // The message of attach_journal's refusal; a refused journal is left as it was.
  const auto refusal = [&](const calibration::CalibrationSpec& spec) {
    const std::string before = test::file_text(journal);
    calibration::Evaluator evaluator = make_evaluator(spec);
    std::string message = "(accepted)";
    try {
      evaluator.attach_journal(journal);
    } catch (const calibration::DataError& e) {
      message = e.what();
    }
    CHECK(test::file_text(journal) == before);
    return message;
  };

  SECTION("a file of the scenario's extends chain changed") {
    const std::string message = refusal(journal_spec(dir, 0.2));
    CHECK(contains(message, journal.string() + ":1: the journal belongs to another calibration"));
    CHECK(contains(message, "the scenario text differs"));
    CHECK_FALSE(contains(message, "seed differs"));
    CHECK(contains(message, "--journal-reset"));
  }
  SECTION("another seed") {
    const std::string message = refusal(journal_spec(dir, 0.1, 8));
    CHECK(contains(message, "the seed differs (journal 7, now 8)"));
    CHECK_FALSE(contains(message, "scenario text differs"));
  }
  SECTION("another fitted parameter") {
    calibration::CalibrationSpec spec = journal_spec(dir);
    spec.parameters.front().key = "hazards.ww_other_exit.rate_per_month";
    CHECK(contains(refusal(spec), "the spec's parameters, indicators or regions differ"));
  }
  SECTION("the header changed by hand") {
    std::string edited = written;
    edited.replace(edited.find("seed=7"), 6, "seed=9");
    dir.write("journal.txt", edited);
    CHECK(contains(refusal(journal_spec(dir)), "its checksum does not match"));
  }
  SECTION("a journal of the first format") {
    dir.write("journal.txt", "# werkstroom calibration journal v1 indicators=1 months=24\n");
    CHECK(contains(refusal(journal_spec(dir)), "of another journal format"));
  }
  SECTION("reset: a fresh journal") {
    calibration::Evaluator evaluator = make_evaluator(journal_spec(dir, 0.2));
    evaluator.attach_journal(journal, true, true);
    CHECK(lines_of(test::file_text(journal)).size() == 1);  // the new header only
    (void)evaluator.evaluate(std::vector<double>{0.05}, 11, kReps);
    CHECK(evaluator.journal_hits() == 0);
    CHECK(evaluator.simulations() == kCheck + kReps);
    CHECK(lines_of(test::file_text(journal)).size() == 2);
  }
}

TEST_CASE("a failed journal write stops the calibration with the path and the reason",
          "[calibration][journal]") {
  const test::TempDir dir("werkstroom-journal");
  const calibration::CalibrationSpec spec = journal_spec(dir);
  const std::filesystem::path journal = dir.path() / "journal.txt";
  calibration::Evaluator evaluator = make_evaluator(spec);
  evaluator.attach_journal(journal);
  // The disk fills up: /dev/full fails every write with ENOSPC.
  std::filesystem::remove(journal);
  std::filesystem::create_symlink("/dev/full", journal);
  try {
    (void)evaluator.evaluate(std::vector<double>{0.05}, 11, kReps);
    FAIL("a journal write to a full disk was ignored");
  } catch (const io::WriteError& e) {
    CHECK(std::string(e.what()) ==
          "cannot write journal " + journal.string() + ": No space left on device");
  }
}
