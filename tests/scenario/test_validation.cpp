// Every validation error of the scenario loader names file, line, key path, expected and found.

#include <catch2/catch.hpp>

#include "scenario/loader.hpp"
#include "scenario_test_support.hpp"

using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;

TEST_CASE("a TOML syntax error reports toml++'s position", "[scenario]") {
  const std::string text = base_with("zzp = 50", "zzp = = 50");
  const TempDir dir;
  const ScenarioError e = load_error(dir.write("bad.toml", text));
  const std::string message = e.what();
  INFO(message);
  CHECK(e.line() == line_of(text, "zzp = = 50"));
  CHECK(e.column() > 0);
  CHECK_THAT(message, Catch::Contains("bad.toml:" + std::to_string(e.line()) + ":"));
  CHECK_THAT(message, Catch::Contains("expected valid TOML"));
}

TEST_CASE("an unknown key suggests the nearest valid key", "[scenario]") {
  expect_load_error(base_with("hours_per_week = 36.0", "hours_per_wek = 36.0"), "hours_per_wek",
                    "staff.hours_per_wek",
                    {"did you mean 'hours_per_week'?", "found 'hours_per_wek'"});
}

TEST_CASE("an unknown table name suggests the nearest valid table", "[scenario]") {
  expect_load_error(base_with("[budget]\n", "[budgets]\n"), "[budgets]", "budgets",
                    {"did you mean 'budget'?"});
}

TEST_CASE("an unknown key in an array element suggests a key of the element", "[scenario]") {
  expect_load_error(base_with("seats = 10", "seat = 10"), "seat = 10", "instruments[1].seat",
                    {"did you mean 'seats'?"});
}

TEST_CASE("an unknown key in a labelled value suggests value or source", "[scenario]") {
  expect_load_error(base_with("source = \"seed: oplegger (2 fte)\"", "sorce = \"seed: x\""),
                    "sorce", "staff.advisors.sorce", {"did you mean 'source'?"});
}

TEST_CASE("an unknown key far from every valid key lists the valid keys", "[scenario]") {
  expect_load_error(
      base_with("takeover_after_secondment_share = 0.4",
                "takeover_after_secondment_share = 0.4\ncolour = \"blue\""),
      "colour", "secondment.colour",
      {"expected one of the keys takeover_after_secondment_share, source", "found 'colour'"});
}

TEST_CASE("a value of the wrong type is rejected", "[scenario]") {
  expect_load_error(base_with("zzp = 50", "zzp = \"fifty\""), "zzp", "employers.zzp",
                    {"expected an integer in [0, 500000]", "found a string \"fifty\""});
  expect_load_error(base_with("round_the_clock = false", "round_the_clock = 0"), "round_the_clock",
                    "staff.round_the_clock", {"expected a boolean", "found an integer 0"});
  expect_load_error(base_with("name = \"care\"", "name = 3"), "name = 3", "sectors[1].name",
                    {"expected a string", "found an integer 3"});
  std::string text = base_with(
      "[secondment]\nsource = \"assumption: test secondment\"\n"
      "takeover_after_secondment_share = 0.4\n",
      "");
  text = replace_once(text, "description = ", "secondment = 3\ndescription = ");
  expect_load_error(text, "secondment = 3", "secondment",
                    {"expected a table", "found an integer 3"});
}

TEST_CASE("a float is accepted as an integer only when it is integral", "[scenario]") {
  expect_load_error(base_with("zzp = 50", "zzp = 50.5"), "zzp", "employers.zzp",
                    {"expected an integer in [0, 500000]", "found a floating-point number 50.5"});
  const TempDir dir;
  const LoadedScenario s = load_scenario(dir.write("ok.toml", base_with("zzp = 50", "zzp = 50.0")));
  CHECK(s.parameters.employers.zzp == 50);
}

TEST_CASE("an integer is accepted as a number", "[scenario]") {
  const TempDir dir;
  const LoadedScenario s = load_scenario(dir.write(
      "ok.toml", base_with("mean_staff_per_employer = 8.5", "mean_staff_per_employer = 8")));
  CHECK(s.parameters.employers.mean_staff_per_employer == 8.0);
}

TEST_CASE("a value out of range shows the range and the value", "[scenario]") {
  expect_load_error(
      base_with("state_persistence_per_month = 0.9", "state_persistence_per_month = 1.5"),
      "state_persistence_per_month", "employers.state_persistence_per_month",
      {"expected a number in [0, 1], found 1.5"});
  expect_load_error(base_with("working_days_per_week = 5", "working_days_per_week = 8"),
                    "working_days_per_week", "staff.working_days_per_week",
                    {"expected an integer in [1, 7], found 8"});
  expect_load_error(base_with("distance_effect = 0.4", "distance_effect = -0.4"), "distance_effect",
                    "hazards.distance_effect", {"expected a number in [0, 100], found -0.4"});
  expect_load_error(
      base_with("job_loss_factor_by_month = [1.2, 1.0]", "job_loss_factor_by_month = [1.2, -1.0]"),
      "job_loss_factor_by_month", "hazards.job_loss_factor_by_month[1]",
      {"expected a number in [0, 100], found -1"});
}

TEST_CASE("an enumeration value must be one of the names", "[scenario]") {
  expect_load_error(
      base_with("type = \"training\"", "type = \"trainng\""), "trainng", "instruments[1].type",
      {"expected one of \"coaching\", \"training\", \"secondment\"", "found \"trainng\""});
  expect_load_error(base_with("start_state = \"ww\"", "start_state = 2"), "start_state = 2",
                    "cohorts.ww_inflow.start_state",
                    {"\"threatened\", \"ww\", \"pw\"", "found an integer 2"});
}

TEST_CASE("dates are TOML dates or YYYY-MM-DD strings", "[scenario]") {
  expect_load_error(base_with("start_date = 2020-11-01", "start_date = \"2020-13-01\""),
                    "start_date", "horizon.start_date",
                    {"expected a date", "found a string \"2020-13-01\""});
  expect_load_error(base_with("start_date = 2020-11-01", "start_date = 20201101"), "start_date",
                    "horizon.start_date", {"expected a date", "found an integer 20201101"});
  const TempDir dir;
  const LoadedScenario s = load_scenario(
      dir.write("ok.toml", base_with("start_date = 2020-11-01", "start_date = \"2020-11-02\"")));
  CHECK(s.parameters.horizon.start_date == werkstroom::kernel::Date{2020, 11, 2});
}

TEST_CASE("a base scenario must set every parameter", "[scenario]") {
  expect_load_error(base_with("zzp = 50\n", ""), "[employers]", "employers.zzp",
                    {"a base scenario sets every parameter", "no key 'zzp' in table [employers]"});
  expect_load_error(base_with("region = { value = \"Testregio\", source = \"assumption: test "
                              "region\" }\n",
                              ""),
                    "# A complete", "region", {"no key 'region' in the top-level table"});
}

TEST_CASE("a base scenario may leave lists and arrays of tables out", "[scenario]") {
  std::string text = base_with("holidays = [2020-12-25, 2021-04-05]\n", "");
  text = replace_once(text,
                      "[[shocks.bankruptcies]]\nsource = \"assumption: test bankruptcy\"\ndate = "
                      "2021-02-01\nstaff = 40\nsector = \"retail\"\nnotice_days = 30.0\n"
                      "calls_the_centre = true\n",
                      "");
  const TempDir dir;
  const LoadedScenario s = load_scenario(dir.write("ok.toml", text));
  CHECK(s.parameters.horizon.holidays.empty());
  CHECK(s.parameters.shocks.bankruptcies.empty());
  CHECK(s.sources.at("horizon.holidays") == kNotSetLabel);
  CHECK(s.sources.count("shocks.bankruptcies[0].date") == 0);
}

TEST_CASE("a base scenario value without a label fails", "[scenario]") {
  // The staff table loses its source: advisors has its own label, hours_per_week has none.
  expect_load_error(base_with("source = \"assumption: test staffing\"\n", ""), "hours_per_week",
                    "staff.hours_per_week",
                    {"expected a source label", "found an unlabelled value in a base scenario"});
}

TEST_CASE("a list in a base scenario needs a label too", "[scenario]") {
  const std::string text = base_with(
      "[horizon]\nsource = \"assumption: test horizon\"\nstart_date = 2020-11-01\n"
      "service_end_date = 2021-10-31\nfollow_up_months = 12\n",
      "[horizon]\nstart_date = { value = 2020-11-01, source = \"seed: a\" }\n"
      "service_end_date = { value = 2021-10-31, source = \"seed: b\" }\n"
      "follow_up_months = { value = 12, source = \"seed: c\" }\n");
  expect_load_error(text, "holidays", "horizon.holidays", {"an unlabelled value"});
}

TEST_CASE("a source label needs a known prefix", "[scenario]") {
  expect_load_error(
      base_with("source = \"assumption: test staffing\"", "source = \"guess: test staffing\""),
      "guess", "staff.source",
      {"expected a source label starting with \"seed:\", \"public:\", \"derived:\", "
       "\"assumption:\" or \"calibrated:\"",
       "found \"guess: test staffing\""});
  expect_load_error(base_with("source = \"seed: oplegger (2 fte)\"", "source = \"oplegger\""),
                    "oplegger", "staff.advisors.source", {"found \"oplegger\""});
  expect_load_error(base_with("source = \"public: menukaart\"", "source = \"public:\""),
                    "public:", "instruments[1].cost_eur.source", {"found \"public:\""});
}

TEST_CASE("employment shares must sum to one", "[scenario]") {
  expect_load_error(base_with("employment_share = 0.6", "employment_share = 0.5"),
                    "employment_share = 0.5", "sectors[*].employment_share",
                    {"expected employment shares summing to 1", "found a sum of 0.9"});
}

TEST_CASE("surplus and shortage shares of a sector sum to at most one", "[scenario]") {
  expect_load_error(base_with("shortage_share = 0.4", "shortage_share = 0.99"),
                    "shortage_share = 0.99", "sectors[1].shortage_share",
                    {"expected surplus_share + shortage_share <= 1", "found 0.05 + 0.99 = 1.04"});
  expect_load_error(base_with("surplus_share_end = 0.2", "surplus_share_end = 0.9"),
                    "shortage_share_end = 0.2", "sectors[0].shortage_share_end",
                    {"expected surplus_share_end + shortage_share_end <= 1", "0.9 + 0.2"});
}

TEST_CASE("sector weights have one weight per sector", "[scenario]") {
  expect_load_error(base_with("sector_weights = [1.0, 2.0]", "sector_weights = [1.0, 2.0, 3.0]"),
                    "sector_weights = [1.0, 2.0, 3.0]",
                    "cohorts.threatened.attributes.sector_weights",
                    {"expected one weight per sector (2 sectors)", "found 3 weights"});
}

TEST_CASE("the service ends after the start", "[scenario]") {
  expect_load_error(base_with("service_end_date = 2021-10-31", "service_end_date = 2020-10-31"),
                    "service_end_date", "horizon.service_end_date",
                    {"expected a date after horizon.start_date (2020-11-01)", "found 2020-10-31"});
}

TEST_CASE("event dates lie within the horizon and follow-up", "[scenario]") {
  const std::string window = "within [2020-11-01, 2022-10-31]";
  expect_load_error(base_with("date = 2021-03-01", "date = 2022-11-01"), "date = 2022-11-01",
                    "staff.schedule[0].date", {window, "found 2022-11-01"});
  expect_load_error(base_with("date = 2021-02-01", "date = 2020-10-31"), "date = 2020-10-31",
                    "shocks.bankruptcies[0].date", {window, "found 2020-10-31"});
  expect_load_error(base_with("now_end_date = 2021-10-01", "now_end_date = 2023-01-01"),
                    "now_end_date", "shocks.now_end_date", {window, "found 2023-01-01"});
  expect_load_error(base_with("campaign_date = 2021-03-15", "campaign_date = 2019-03-15"),
                    "campaign_date", "shocks.campaign_date", {window, "found 2019-03-15"});
  expect_load_error(
      base_with("holidays = [2020-12-25, 2021-04-05]", "holidays = [2020-12-25,\n  2019-04-05]"),
      "2019-04-05", "horizon.holidays[1]", {window, "found 2019-04-05"});

  // The last day of the follow-up is inside; a disabled shock's date is not checked.
  const TempDir dir;
  std::string text = base_with("date = 2021-03-01", "date = 2022-10-31");
  text = replace_once(text, "campaign_enabled = true", "campaign_enabled = false");
  text = replace_once(text, "campaign_date = 2021-03-15", "campaign_date = 2030-01-01");
  const LoadedScenario s = load_scenario(dir.write("ok.toml", text));
  CHECK(s.parameters.staff.schedule.at(0).date == werkstroom::kernel::Date{2022, 10, 31});
}

TEST_CASE("a bankruptcy names an existing sector", "[scenario]") {
  expect_load_error(
      base_with("sector = \"retail\"", "sector = \"mining\""), "mining",
      "shocks.bankruptcies[0].sector",
      {"expected the name of a sector: one of \"retail\", \"care\"", "found \"mining\""});
}

TEST_CASE("an instrument's budget stream is instruments or maatwerk", "[scenario]") {
  expect_load_error(base_with("budget_stream = \"instruments\"", "budget_stream = \"bonus\""),
                    "bonus", "instruments[0].budget_stream",
                    {"expected one of \"instruments\", \"maatwerk\"", "found \"bonus\""});
}

TEST_CASE("instrument names are unique and non-empty", "[scenario]") {
  expect_load_error(base_with("name = \"vakopleiding\"", "name = \"coaching\""),
                    "name = \"coaching\"\ntype = \"training\"", "instruments[1].name",
                    {"expected an instrument name not used before", "found \"coaching\""});
  expect_load_error(base_with("name = \"coaching\"", "name = \"\""), "name = \"\"",
                    "instruments[0].name", {"expected a non-empty instrument name"});
}

TEST_CASE("sector names are unique and non-empty", "[scenario]") {
  // The bankruptcy's sector "retail" still exists after these changes.
  expect_load_error(base_with("name = \"care\"", "name = \"retail\""),
                    "name = \"retail\"\nemployment_share = 0.6", "sectors[1].name",
                    {"expected a sector name not used before", "found \"retail\""});
  expect_load_error(base_with("name = \"care\"", "name = \"\""), "name = \"\"", "sectors[1].name",
                    {"expected a non-empty sector name"});
}

TEST_CASE("a missing scenario file is an error naming it", "[scenario]") {
  const TempDir dir;
  const ScenarioError e = load_error(dir.path() / "absent.toml");
  CHECK_THAT(std::string(e.what()), Catch::Contains("absent.toml"));
  CHECK_THAT(std::string(e.what()), Catch::Contains("found no such file"));
}
