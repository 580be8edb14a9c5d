// --set overrides: the value and its source change, or nothing changes and the error says why.

#include <catch2/catch.hpp>

#include "scenario/loader.hpp"
#include "scenario_test_support.hpp"

using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;
using werkstroom::kernel::Date;

namespace {

void check_override_message(const ScenarioError& e, const std::string& key_path,
                            std::initializer_list<std::string> fragments) {
  const std::string message = e.what();
  INFO("message: " << message);
  CHECK(e.file() == "--set");
  CHECK_THAT(message, Catch::StartsWith("--set"));
  CHECK(e.key_path() == key_path);
  CHECK_THAT(message, Catch::Contains(key_path + ": expected "));
  for (const std::string& fragment : fragments) CHECK_THAT(message, Catch::Contains(fragment));
}

}  // namespace

TEST_CASE("apply_override sets the value and its source", "[scenario]") {
  LoadedScenario s = load_scenario(minimal_base_path());
  apply_override(s, "staff.advisors", "5");
  CHECK(s.parameters.staff.advisors == 5);
  CHECK(s.sources.at("staff.advisors") == "override: --set");
  CHECK(s.positions.at("staff.advisors").file == "--set");

  apply_override(s, "instruments[1].cost_eur", "1234.5");
  CHECK(s.parameters.instruments[1].cost_eur == 1234.5);
  CHECK(s.sources.at("instruments[1].cost_eur") == "override: --set");
  CHECK(s.sources.at("instruments[0].cost_eur") == "assumption: test instruments");

  apply_override(s, "cohorts.ww_inflow.referral_share", "1");
  CHECK(s.parameters.cohorts[2].referral_share == 1.0);
  apply_override(s, "cohorts.ww_inflow.start_state", "\"pw\"");
  CHECK(s.parameters.cohorts[2].start_state == werkstroom::model::StartState::pw);
  apply_override(s, "horizon.holidays", "[2021-01-01, \"2021-12-25\"]");
  CHECK(s.parameters.horizon.holidays == std::vector<Date>{Date{2021, 1, 1}, Date{2021, 12, 25}});
  apply_override(s, "hazards.find_work_factor_by_month", "[]");
  CHECK(s.parameters.hazards.find_work_factor_by_month.empty());
  apply_override(s, "shocks.campaign_date", "2021-03-01");
  CHECK(s.parameters.shocks.campaign_date == Date{2021, 3, 1});
  apply_override(s, "region", "\"Elders\"");
  CHECK(s.parameters.region == "Elders");
  apply_override(s, "scaling.enabled", "false");
  CHECK_FALSE(s.parameters.scaling.enabled);
  apply_override(s, "staff.schedule[0].advisors", "4.0");
  CHECK(s.parameters.staff.schedule[0].advisors == 4);
  CHECK(describe_scenario(s).find(
            "staff.advisors = 5  [advisors, 0 to 500]  (override: --set)\n") != std::string::npos);
}

TEST_CASE("apply_override rejects a wrong type or range and changes nothing", "[scenario]") {
  LoadedScenario s = load_scenario(minimal_base_path());
  const std::string before = describe_scenario(s);

  check_override_message(override_error(s, "staff.advisors", "\"two\""), "staff.advisors",
                         {"expected an integer in [0, 500]", "found a string \"two\""});
  check_override_message(override_error(s, "staff.advisors", "2.5"), "staff.advisors",
                         {"found a floating-point number 2.5"});
  check_override_message(override_error(s, "employers.state_persistence_per_month", "-0.1"),
                         "employers.state_persistence_per_month",
                         {"expected a number in [0, 1], found -0.1"});
  check_override_message(
      override_error(s, "cohorts.youth.first_party", "\"school\""), "cohorts.youth.first_party",
      {"one of \"social_partners\", \"uwv\", \"municipality\"", "found \"school\""});
  check_override_message(override_error(s, "horizon.holidays", "[2021-01-01, 3]"),
                         "horizon.holidays[1]", {"expected a date", "found an integer 3"});
  const ScenarioError syntax = override_error(s, "staff.advisors", "two");
  check_override_message(syntax, "staff.advisors", {"expected a TOML value"});
  CHECK(syntax.line() == 1);
  CHECK(syntax.column() >= 1);
  check_override_message(override_error(s, "staff.advisors", "2\nzzp = 3"), "staff.advisors",
                         {"expected a single TOML value"});
  CHECK(describe_scenario(s) == before);
}

TEST_CASE("apply_override rejects an unknown key with a suggestion", "[scenario]") {
  LoadedScenario s = load_scenario(minimal_base_path());
  const std::string before = describe_scenario(s);
  check_override_message(override_error(s, "staff.advisers", "3"), "staff.advisers",
                         {"did you mean 'advisors'?", "found 'advisers'"});
  check_override_message(override_error(s, "staf.advisors", "3"), "staf.advisors",
                         {"did you mean 'staff'?", "found 'staf'"});
  check_override_message(override_error(s, "instruments[1].cost_eu", "3"), "instruments[1].cost_eu",
                         {"did you mean 'cost_eur'?"});
  check_override_message(override_error(s, "cohorts.ww_inflow.attributes.age_mean_yrs", "30"),
                         "cohorts.ww_inflow.attributes.age_mean_yrs",
                         {"did you mean 'age_mean_years'?"});
  check_override_message(override_error(s, "instruments[7].cost_eur", "3"),
                         "instruments[7].cost_eur",
                         {"expected an index below 2 (instruments has 2 elements)", "found 7"});
  check_override_message(override_error(s, "instruments", "3"), "instruments",
                         {"found an array of tables"});
  check_override_message(override_error(s, "staff", "3"), "staff", {"found a table (staff)"});
  check_override_message(override_error(s, "staff.advisors.value", "3"), "staff.advisors.value",
                         {"staff.advisors takes no index or sub-key"});
  CHECK(describe_scenario(s) == before);
}

TEST_CASE("apply_override checks the cross-field rules and keeps the scenario on failure",
          "[scenario]") {
  LoadedScenario s = load_scenario(minimal_base_path());
  const std::string before = describe_scenario(s);
  // A rule on several keys is reported at the one set last: here by --set.
  const ScenarioError sum = override_error(s, "sectors[0].employment_share", "0.5");
  check_override_message(sum, "sectors[*].employment_share",
                         {"expected employment shares summing to 1", "found a sum of 1.1"});
  CHECK(sum.line() == 1);
  const ScenarioError pair = override_error(s, "sectors[1].surplus_share", "0.7");
  check_override_message(pair, "sectors[1].surplus_share", {"found 0.7 + 0.4 = 1.1"});
  const ScenarioError horizon = override_error(s, "horizon.start_date", "2021-11-01");
  check_override_message(
      horizon, "horizon.start_date",
      {"expected a date before horizon.service_end_date (2021-10-31)", "found 2021-11-01"});

  // A date outside the horizon is reported at the date, in the file that set it.
  const ScenarioError date = override_error(s, "horizon.start_date", "2021-03-10");
  check_message(date, minimal_base_path().filename().string(),
                line_of(minimal_base_text(), "date = 2021-03-01"), "staff.schedule[0].date",
                {"within [2021-03-10, 2022-10-31]", "found 2021-03-01"});

  const ScenarioError weights =
      override_error(s, "cohorts.youth.attributes.sector_weights", "[1, 2, 3]");
  check_override_message(weights, "cohorts.youth.attributes.sector_weights", {"found 3 weights"});
  CHECK(weights.line() == 1);
  CHECK(weights.column() == 1);

  CHECK(describe_scenario(s) == before);
  CHECK(s.sources.at("sectors[0].employment_share") == "assumption: test sectors");
}

TEST_CASE("with_overrides applies values in order and checks the rules once, on the result",
          "[scenario]") {
  const LoadedScenario base = load_scenario(minimal_base_path());

  // What apply_override gives one by one, with_overrides gives at once.
  LoadedScenario one_by_one = base;
  apply_override(one_by_one, "staff.advisors", "5");
  apply_override(one_by_one, "instruments[1].cost_eur", "1234.5");
  const LoadedScenario at_once =
      with_overrides(base, {{"staff.advisors", "5"}, {"instruments[1].cost_eur", "1234.5"}});
  CHECK(describe_scenario(at_once) == describe_scenario(one_by_one));
  CHECK(at_once.sources.at("instruments[1].cost_eur") == "override: --set");
  CHECK(at_once.positions.at("staff.advisors").file == "--set");
  // The later of two values of one key wins.
  CHECK(with_overrides(base, {{"staff.advisors", "5"}, {"staff.advisors", "7"}})
            .parameters.staff.advisors == 7);

  // Employment shares 0.4 + 0.6: each new share alone breaks the sum, both together keep it.
  LoadedScenario alone = base;
  CHECK_THROWS_AS(apply_override(alone, "sectors[0].employment_share", "0.5"), ScenarioError);
  const LoadedScenario both = with_overrides(
      base, {{"sectors[0].employment_share", "0.5"}, {"sectors[1].employment_share", "0.5"}});
  CHECK(both.parameters.sectors[0].employment_share == 0.5);
  CHECK(both.parameters.sectors[1].employment_share == 0.5);

  // A rule broken by the result, or a bad value anywhere in the list, throws naming the key.
  try {
    (void)with_overrides(base, {{"staff.advisors", "5"}, {"sectors[0].employment_share", "0.5"}});
    FAIL("a sum of 1.1 was accepted");
  } catch (const ScenarioError& e) {
    check_override_message(e, "sectors[*].employment_share", {"found a sum of 1.1"});
  }
  try {
    (void)with_overrides(base, {{"staff.advisors", "5"}, {"instruments[1].cost_eur", "-1"}});
    FAIL("a negative cost was accepted");
  } catch (const ScenarioError& e) {
    check_override_message(e, "instruments[1].cost_eur", {"found -1"});
  }
}

TEST_CASE("with_overrides gives the same parameters and errors from for_overrides_only",
          "[scenario]") {
  const LoadedScenario base = load_scenario(minimal_base_path());
  const LoadedScenario lean = for_overrides_only(base);
  CHECK(lean.sources.empty());
  CHECK(lean.text.empty());
  CHECK(lean.positions.size() == base.positions.size());
  const std::vector<std::pair<std::string, std::string>> values{
      {"staff.advisors", "5"},
      {"instruments[1].cost_eur", "1234.5"},
      {"sectors[0].employment_share", "0.5"},
      {"sectors[1].employment_share", "0.5"}};
  const auto listed = [](const LoadedScenario& s) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const ParameterEntry& e : list_parameters(s.parameters)) {
      out.emplace_back(e.key_path, e.value);
    }
    return out;
  };
  const auto from_whole = listed(with_overrides(base, values));
  CHECK(from_whole != listed(base));  // the values changed something
  CHECK(listed(with_overrides(lean, values)) == from_whole);
  // A broken rule is reported the same way, at the same positions.
  const std::vector<std::pair<std::string, std::string>> broken{
      {"sectors[0].employment_share", "0.5"}};
  const auto message = [&](const LoadedScenario& s) -> std::string {
    try {
      (void)with_overrides(s, broken);
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "accepted";
  };
  CHECK(message(base) != "accepted");
  CHECK(message(lean) == message(base));
}
