// Plausible ranges (range = [lo, hi] beside a value, scenario/loader.hpp PlausibleRange): read
// and shown by describe; every misuse is an error naming file, line, key, expected and found.

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;

namespace {
const std::string kPatience = "intake_patience_mean_days = 30.0";
}  // namespace

TEST_CASE("a plausible range is read, kept per key and shown by describe", "[scenario]") {
  const TempDir dir;
  const auto file = dir.write(
      "ranged.toml",
      base_with(kPatience, "intake_patience_mean_days = { value = 30.0, range = [15, 60] }"));
  const LoadedScenario s = load_scenario(file);
  REQUIRE(s.ranges.count("staff.intake_patience_mean_days") == 1);
  CHECK(s.ranges.at("staff.intake_patience_mean_days").lo == 15.0);
  CHECK(s.ranges.at("staff.intake_patience_mean_days").hi == 60.0);
  // The value keeps its table's label; only this key has a range.
  CHECK(s.sources.at("staff.intake_patience_mean_days") == "assumption: test staffing");
  CHECK(s.ranges.size() == 1);
  CHECK_THAT(
      describe_scenario(s),
      Catch::Contains("staff.intake_patience_mean_days = 30  [days, 0 to 730]  (assumption: test "
                      "staffing; range [15, 60])\n"));
}

TEST_CASE("a variant or an override that sets the value again drops its range", "[scenario]") {
  const TempDir dir;
  dir.write("base.toml",
            base_with(kPatience,
                      "intake_patience_mean_days = { value = 30.0, range = [15, 60], source = "
                      "\"assumption: a month\" }"));
  const auto variant = dir.write("variant.toml",
                                 "extends = \"base.toml\"\n[staff]\nintake_patience_mean_days = "
                                 "{ value = 20.0, source = \"assumption: less patient\" }\n");
  CHECK(load_scenario(variant).ranges.empty());
  LoadedScenario s = load_scenario(dir.path() / "base.toml");
  REQUIRE(s.ranges.size() == 1);
  apply_override(s, "staff.intake_patience_mean_days", "40");
  CHECK(s.ranges.empty());
}

TEST_CASE("bad plausible ranges are errors with file, line, key, expected and found",
          "[scenario]") {
  const std::string key = "staff.intake_patience_mean_days";
  SECTION("lo above hi") {
    const std::string line = "intake_patience_mean_days = { value = 30.0, range = [60, 15] }";
    expect_load_error(base_with(kPatience, line), line, key + ".range",
                      {"lo <= hi", "found [60, 15]"});
  }
  SECTION("the value outside its range") {
    const std::string line = "intake_patience_mean_days = { value = 30.0, range = [40, 60] }";
    expect_load_error(base_with(kPatience, line), line, key + ".range",
                      {"contains the value 30", "found [40, 60]"});
  }
  SECTION("an end outside the key's valid range") {
    const std::string line =
        "regular_client_ww_share = { value = 0.5, range = [0.3, 1.5], source = \"assumption: x\" }";
    const std::string text = base_with(
        "regular_client_ww_share = { value = 0.5, source = \"assumption: the regular "
        "clients placed on acquired vacancies are half UWV (WW), half municipal (PW) "
        "clients; plausible range 0.3-0.7\" }",
        line);
    expect_load_error(text, line, "outreach.regular_client_ww_share.range[1]",
                      {"a number in [0, 1]", "found 1.5"});
  }
  SECTION("not two numbers") {
    const std::string line = "intake_patience_mean_days = { value = 30.0, range = [15] }";
    expect_load_error(base_with(kPatience, line), line, key + ".range",
                      {"a plausible range [lo, hi] of two numbers", "found an array"});
  }
  SECTION("on a key that is not a number") {
    const std::string line = "follow_up_months = { value = 12, range = [6, 18] }";
    expect_load_error(base_with("follow_up_months = 12", line), line,
                      "horizon.follow_up_months.range",
                      {"only a number key takes a plausible range"});
  }
  SECTION("beside a table's source line") {
    const std::string line = "range = [1, 2]";
    expect_load_error(base_with("source = \"assumption: test staffing\"",
                                "source = \"assumption: test staffing\"\n" + line),
                      line, "staff.range", {"a range beside one value", "a table-level range"});
  }
}

// Relative ranges (relative_range = [lo, hi] beside a table-level assumption label,
// scenario/loader.hpp RelativeRange).

namespace {
const std::string kTimeNormsSource = "source = \"assumption: test time norms\"";
const std::string kRelative = kTimeNormsSource + "\nrelative_range = [0.5, 1.5]";
}  // namespace

TEST_CASE("a table's relative range gives every number key it labels a range", "[scenario]") {
  const TempDir dir;
  std::string text = base_with(kTimeNormsSource, kRelative);
  // A key with a range of its own keeps it; a key with a label of its own takes none.
  text = replace_once(text, "visit_hours = 2.0", "visit_hours = { value = 2.0, range = [1, 4] }");
  // The hazards' sub-tables take their table's relative range; a share is clipped to 1.
  text = replace_once(text, "source = \"assumption: test hazards\"",
                      "source = \"assumption: test hazards\"\nrelative_range = [0.5, 2]");
  text = replace_once(text, "source = \"assumption: test outreach\"",
                      "source = \"assumption: test outreach\"\nrelative_range = [0.5, 2]");
  const LoadedScenario s = load_scenario(dir.write("relative.toml", text));
  const RelativeRange& conversation = s.relative_ranges.at("time_norms.conversation_hours");
  CHECK(conversation.factor_lo == 0.5);
  CHECK(conversation.factor_hi == 1.5);
  CHECK(conversation.group == "time_norms");
  CHECK(conversation.range.lo == 0.25);
  CHECK(conversation.range.hi == 0.75);
  CHECK(s.relative_ranges.at("time_norms.admin_share").range.hi == Approx(0.3));
  CHECK(s.relative_ranges.count("time_norms.visit_hours") == 0);
  CHECK(s.ranges.at("time_norms.visit_hours").hi == 4.0);
  CHECK(s.relative_ranges.count("time_norms.follow_up_interval_days") == 0);  // own label
  CHECK(s.relative_ranges.count("time_norms.exponential_durations") == 0);    // a flag
  CHECK(s.relative_ranges.at("hazards.threatened_job_loss.rate_per_month").group == "hazards");
  const RelativeRange& spoken = s.relative_ranges.at("outreach.spoken_share");
  CHECK(spoken.range.lo == Approx(0.3));
  CHECK(spoken.range.hi == 1.0);  // 0.6 x 2, clipped to a share's valid range
  CHECK(s.relative_ranges.count("outreach.regular_client_ww_share") == 0);  // own label
  // Tables without one give none.
  for (const auto& [key, range] : s.relative_ranges) {
    CHECK((range.group == "time_norms" || range.group == "hazards" || range.group == "outreach"));
  }
  CHECK_THAT(describe_scenario(s),
             Catch::Contains(
                 "time_norms.conversation_hours = 0.5  [hours, 0 to 40]  (assumption: test time "
                 "norms; range [0.25, 0.75] = x[0.5, 1.5] of time_norms)\n"));
}

TEST_CASE("a new label, a variant or an override drops a relative range", "[scenario]") {
  const TempDir dir;
  dir.write("base.toml", base_with(kTimeNormsSource, kRelative));
  const auto variant =
      dir.write("variant.toml",
                "extends = \"base.toml\"\n[time_norms]\nsource = \"assumption: other norms\"\n"
                "conversation_hours = 0.6\nintake_hours = { value = 1.0 }\n");
  const LoadedScenario v = load_scenario(variant);
  CHECK(v.relative_ranges.count("time_norms.conversation_hours") == 0);
  CHECK(v.relative_ranges.count("time_norms.intake_hours") == 0);
  CHECK(v.relative_ranges.count("time_norms.visit_hours") == 1);  // not set again: kept
  LoadedScenario s = load_scenario(dir.path() / "base.toml");
  REQUIRE(s.relative_ranges.count("time_norms.visit_hours") == 1);
  apply_override(s, "time_norms.visit_hours", "3");
  CHECK(s.relative_ranges.count("time_norms.visit_hours") == 0);
}

TEST_CASE("bad relative ranges are errors with file, line, key, expected and found", "[scenario]") {
  const std::string key = "time_norms.relative_range";
  SECTION("not an array of two numbers") {
    const std::string line = "relative_range = \"wide\"";
    expect_load_error(
        base_with(kTimeNormsSource, kTimeNormsSource + "\n" + line), line, key,
        {"a relative range [lo, hi] of two factors with 0 <= lo <= 1 <= hi", "found a string"});
  }
  SECTION("a factor that is not a number") {
    const std::string line = "relative_range = [0.5, \"x\"]";
    expect_load_error(base_with(kTimeNormsSource, kTimeNormsSource + "\n" + line), line,
                      key + "[1]", {"a number", "found a string"});
  }
  SECTION("lo above hi") {
    const std::string line = "relative_range = [1.5, 0.5]";
    expect_load_error(base_with(kTimeNormsSource, kTimeNormsSource + "\n" + line), line, key,
                      {"lo <= hi", "found [1.5, 0.5]"});
  }
  SECTION("a range that does not contain 1") {
    const std::string line = "relative_range = [1.1, 1.5]";
    expect_load_error(base_with(kTimeNormsSource, kTimeNormsSource + "\n" + line), line, key,
                      {"a relative range that contains 1", "found [1.1, 1.5]"});
  }
  SECTION("a negative factor") {
    const std::string line = "relative_range = [-0.5, 1.5]";
    expect_load_error(base_with(kTimeNormsSource, kTimeNormsSource + "\n" + line), line,
                      key + "[0]", {"found -0.5"});
  }
  SECTION("in a table without a source line of its own") {
    const std::string line = "relative_range = [0.5, 1.5]";
    expect_load_error(
        base_with("[hazards.threatened_job_loss]", "[hazards.threatened_job_loss]\n" + line), line,
        "hazards.threatened_job_loss.relative_range",
        {"beside a table-level source = \"assumption: ...\"",
         "a relative range in a table without a source line"});
  }
  SECTION("beside a source that is no assumption") {
    const std::string line = "relative_range = [0.5, 1.5]";
    expect_load_error(
        base_with(kTimeNormsSource, "source = \"seed: test norms\"\n" + line), line, key,
        {"only assumptions take a plausible range", "beside source = \"seed: test norms\""});
  }
  SECTION("beside one value") {
    const std::string line = "conversation_hours = { value = 0.5, relative_range = [0.5, 1.5] }";
    expect_load_error(base_with("conversation_hours = 0.5", line), line,
                      "time_norms.conversation_hours.relative_range", {"found 'relative_range'"});
  }
}
