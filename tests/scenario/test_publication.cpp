// The information cut-off (publication.hpp): a value says when its figure was published,
// `describe` shows it, and a value published on or after the scenario's start date is an error
// naming file, line, key, expected and found.

#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <string>

#include "scenario/loader.hpp"
#include "scenario_test_support.hpp"

namespace {

using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;

// The minimal base starts on 2020-11-01; staff.advisors carries its own label.
const std::string kAdvisors = R"x(advisors = { value = 2, source = "seed: oplegger (2 fte)" })x";

std::string advisors_published(const std::string& date) {
  return base_with(
      kAdvisors,
      R"x(advisors = { value = 2, source = "seed: oplegger (2 fte)", published = )x" + date + " }");
}

LoadedScenario load_text(const std::string& text) {
  const TempDir dir;
  return load_scenario(dir.write("base.toml", text));
}

}  // namespace

TEST_CASE("publication: a value's publication date is kept and described", "[scenario]") {
  const LoadedScenario s = load_text(advisors_published("2020-10-15"));
  REQUIRE(s.published.contains("staff.advisors"));
  CHECK(s.published.at("staff.advisors").text == "2020-10-15");
  CHECK(s.published.at("staff.advisors").latest == werkstroom::kernel::Date{2020, 10, 15});
  // Only values that say so have a date.
  CHECK_FALSE(s.published.contains("staff.hours_per_week"));
  const std::string text = describe_scenario(s);
  CHECK_THAT(text,
             Catch::Contains("staff.advisors = 2  [advisors, 0 to 500]  (seed: oplegger (2 fte); "
                             "published 2020-10-15)\n"));
  const std::size_t hours = text.find("\nstaff.hours_per_week = ");
  REQUIRE(hours != std::string::npos);
  const std::string hours_line = text.substr(hours + 1, text.find('\n', hours + 1) - hours - 1);
  CHECK_THAT(hours_line, !Catch::Contains("published"));
}

TEST_CASE("publication: a month counts as its last day", "[scenario]") {
  const LoadedScenario s = load_text(advisors_published("\"2020-10\""));
  CHECK(s.published.at("staff.advisors").text == "2020-10");
  CHECK(s.published.at("staff.advisors").latest == werkstroom::kernel::Date{2020, 10, 31});
  CHECK_THAT(describe_scenario(s), Catch::Contains("(seed: oplegger (2 fte); published 2020-10)"));
  // The start month itself may end after the start: refused.
  const std::string text = advisors_published("\"2020-11\"");
  expect_load_error(
      text, "published = \"2020-11\"", "staff.advisors.published",
      {"expected a publication date before the scenario's start date 2020-11-01", "found 2020-11"});
}

TEST_CASE("publication: a figure published on or after the start date is an error", "[scenario]") {
  for (const std::string date : {"2020-11-01", "2021-03-15"}) {
    const std::string text = advisors_published(date);
    expect_load_error(text, "published = " + date, "staff.advisors.published",
                      {"expected a publication date before the scenario's start date 2020-11-01",
                       "validation data", "found " + date});
  }
  // The day before the start is fine.
  CHECK_NOTHROW(load_text(advisors_published("2020-10-31")));
}

TEST_CASE("publication: a table's date labels the values its source labels", "[scenario]") {
  const std::string text =
      base_with("source = \"assumption: test staffing\"\n",
                "source = \"assumption: test staffing\"\npublished = \"2020-09\"\n");
  const LoadedScenario s = load_text(text);
  CHECK(s.published.at("staff.hours_per_week").text == "2020-09");
  // A value with a label of its own speaks for itself.
  CHECK_FALSE(s.published.contains("staff.advisors"));
  // And the table's date is checked against the start too.
  const std::string late =
      base_with("source = \"assumption: test staffing\"\n",
                "source = \"assumption: test staffing\"\npublished = 2020-12-01\n");
  const TempDir dir;
  const ScenarioError e = load_error(dir.write("late.toml", late));
  // Every unlabelled value of [staff] has the table's date; the first in key order is named.
  CHECK(e.line() == line_of(late, "published = 2020-12-01"));
  CHECK_THAT(e.key_path(), Catch::StartsWith("staff.") && Catch::EndsWith(".published"));
  CHECK_THAT(std::string(e.what()),
             Catch::Contains("before the scenario's start date 2020-11-01") &&
                 Catch::Contains("found 2020-12-01"));
}

TEST_CASE("publication: a bad date says what is expected", "[scenario]") {
  expect_load_error(advisors_published("\"autumn 2020\""), "published = \"autumn",
                    "staff.advisors.published",
                    {"expected a publication date (2020-10-15, \"2020-10-15\" or \"2020-10\"",
                     "found a string \"autumn 2020\""});
  expect_load_error(advisors_published("3"), "published = 3", "staff.advisors.published",
                    {"found an integer 3"});
}

TEST_CASE("publication: a variant's start moves the cut-off, a value it restates drops the date",
          "[scenario]") {
  const TempDir dir;
  dir.write("base.toml", advisors_published("2020-10-15"));
  const std::string early = "extends = \"base.toml\"\n[horizon]\nstart_date = 2020-10-01\n";
  const ScenarioError e = load_error(dir.write("early.toml", early));
  CHECK(e.file() == (dir.path() / "base.toml").string());
  CHECK(e.key_path() == "staff.advisors.published");
  CHECK_THAT(std::string(e.what()), Catch::Contains("start date 2020-10-01"));

  const std::string restated = "extends = \"base.toml\"\n[staff]\nadvisors = 3\n";
  const LoadedScenario s = load_scenario(dir.write("restated.toml", restated));
  CHECK_FALSE(s.published.contains("staff.advisors"));
}

TEST_CASE("publication: --set drops the key's date and checks a new start date", "[scenario]") {
  LoadedScenario s = load_text(advisors_published("2020-10-15"));
  LoadedScenario moved = s;
  const ScenarioError e = override_error(moved, "horizon.start_date", "2020-10-01");
  CHECK(e.key_path() == "staff.advisors.published");
  CHECK(moved.parameters.horizon.start_date == s.parameters.horizon.start_date);  // unchanged
  apply_override(s, "staff.advisors", "3");
  CHECK_FALSE(s.published.contains("staff.advisors"));
  CHECK_NOTHROW(apply_override(s, "horizon.start_date", "2020-10-01"));
}
