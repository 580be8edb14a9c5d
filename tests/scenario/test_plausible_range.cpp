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
  CHECK_THAT(describe_scenario(s),
             Catch::Contains("staff.intake_patience_mean_days = 30  [days]  (assumption: test "
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
