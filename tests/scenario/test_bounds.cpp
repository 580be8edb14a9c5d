// Plausibility bounds on every parameter (issue 16, item 3): every number of the schema has
// finite bounds that describe states; values beyond them (the reproducers: intake hours of 1e300
// that looped forever, stocks of 1e300 that became 0 people, 1e12 that ran out of memory, 200
// bankruptcies of 100,000 staff that ran for minutes) are refused with file, line and key; the
// rule the model checks at run time (the centre budget pays the advisors) is checked when
// loading; and no accepted value hangs: every number of the default scenario set to each of its
// bounds runs or is refused as a scenario error. The time is bounded by the bounds themselves
// (chosen so the worst accepted value is quick), not by a timed assertion.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"
#include "scenario/toml_values.hpp"
#include "scenario_test_support.hpp"

using namespace werkstroom;
using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;

namespace {

const std::filesystem::path kScenarios = WERKSTROOM_SCENARIOS_DIR;

/// A number list of `count` copies of `value` as TOML.
std::string list_of(std::size_t count, const std::string& value) {
  std::string text = "[";
  for (std::size_t i = 0; i < count; ++i) text += (i > 0 ? ", " : "") + value;
  return text + "]";
}

/// The number of elements of a list value as list_parameters writes it ("[1, 2, 3]").
std::size_t list_length(const std::string& value) {
  if (value == "[]") return 0;
  std::size_t commas = 0;
  for (const char c : value) commas += c == ',' ? 1 : 0;
  return commas + 1;
}

/// One replication of `s` on this thread.
void run_once(const LoadedScenario& s) {
  experiment::ExperimentSettings settings;
  settings.replications = 1;
  settings.threads = 1;
  const auto results = experiment::run_experiment({{s.name, s.parameters}}, settings);
  REQUIRE(results.size() == 1);
  REQUIRE(results.front().replications.size() == 1);
}

}  // namespace

TEST_CASE("every number of the schema has finite bounds and describe states them",
          "[scenario][bounds]") {
  const LoadedScenario s = load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  std::size_t numbers = 0;
  for (const ParameterEntry& e : list_parameters(s.parameters)) {
    if (e.kind != ParameterKind::number && e.kind != ParameterKind::integer &&
        e.kind != ParameterKind::number_list) {
      continue;
    }
    ++numbers;
    CAPTURE(e.key_path);
    CHECK(e.min < e.max);
    CHECK(std::abs(e.min) <= 1e12);
    CHECK(std::abs(e.max) <= 1e12);
  }
  CHECK(numbers > 100);
  const std::string text = describe_scenario(s);
  CHECK_THAT(text, Catch::Contains("time_norms.intake_hours = 1.5  [hours, 0 to 40]  ("));
  CHECK_THAT(text, Catch::Contains("staff.advisors = 2  [advisors, 0 to 500]  ("));
  CHECK_THAT(text, Catch::Contains("cohorts.ww_inflow.inflow_per_month = ["));
  CHECK_THAT(text, Catch::Contains("[people/month, each 0 to 20000]  ("));
}

TEST_CASE("describe states a drawn range's bounds as the drawn parameter's own",
          "[scenario][bounds]") {
  const LoadedScenario s = load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  const std::string text = describe_scenario(s);
  // The schema's finite stand-in for the ends of a drawn range (+-1e9) is not what holds.
  CHECK_THAT(text, !Catch::Contains("1000000000 to"));
  const auto& drawn = s.parameters.uncertainty.parameters;
  REQUIRE_FALSE(drawn.empty());
  std::size_t checked_value = 0;
  std::size_t checked_scale = 0;
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    CAPTURE(drawn[i].key);
    const auto entries = list_parameters(s.parameters);
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const ParameterEntry& e) {
      return e.key_path == drawn[i].key;
    });
    REQUIRE(it != entries.end());
    const std::string bounds = drawn[i].key + ": " + detail::format_number(it->min) + " to " +
                               detail::format_number(it->max) +
                               (it->unit.empty() ? "" : " " + it->unit) + "]";
    const std::string prefix = "uncertainty.parameters[" + std::to_string(i) + "].";
    for (const char* end : {"lower", "upper"}) {
      const double value = std::string(end) == "lower" ? drawn[i].lower : drawn[i].upper;
      std::string line = prefix + end + " = " + detail::format_number(value) + "  [";
      if (drawn[i].mode == 1) {
        line += "a factor >= 0: factor x value within the bounds of ";
        ++checked_scale;
      } else {
        line += "within the bounds of ";
        ++checked_value;
      }
      line += bounds;
      CHECK_THAT(text, Catch::Contains(line));
    }
  }
  CHECK(checked_value > 0);
  CHECK(checked_scale > 0);
}

TEST_CASE("describe shows a relative range without the product's rounding noise",
          "[scenario][bounds]") {
  // 0.35 x 0.8 is 0.27999999999999997 in binary floating point; 0.6 x 3 is 1.7999999999999998.
  CHECK(0.35 * 0.8 != 0.28);
  CHECK(detail::format_derived(0.35 * 0.8) == "0.28");
  CHECK(detail::format_derived(0.6 * 3.0) == "1.8");
  CHECK(detail::format_derived(0.1 * 3.0) == "0.3");
  // Numbers with 12 significant digits or fewer show as format_number shows them.
  for (const double x : {0.0, 0.1, 1.5, 200000.0, 480.0, 1e-12, 123456.789012, -2.25, 1e300}) {
    CAPTURE(x);
    CHECK(detail::format_derived(x) == detail::format_number(x));
  }
  CHECK(detail::format_derived(std::numeric_limits<double>::infinity()) ==
        detail::format_number(std::numeric_limits<double>::infinity()));

  const LoadedScenario s = load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  const std::string text = describe_scenario(s);
  REQUIRE(s.parameters.cohorts.size() > 0);
  // The threatened cohort's low-education share 0.35, x[0.8, 1.2] of the cohort.
  CHECK_THAT(text, Catch::Contains("cohorts.threatened.attributes.low_education_share = 0.35  "));
  CHECK_THAT(text, Catch::Contains("range [0.28, 0.42] = x[0.8, 1.2] of cohorts.threatened"));
  // Every relative range shown reads back within a part in 1e11 of the product.
  for (const auto& [key, r] : s.relative_ranges) {
    CAPTURE(key);
    const std::string shown = "range [" + detail::format_derived(r.range.lo) + ", " +
                              detail::format_derived(r.range.hi) + "] = x[";
    CHECK_THAT(text, Catch::Contains(shown));
    for (const double x : {r.range.lo, r.range.hi}) {
      const double back = std::stod(detail::format_derived(x));
      CHECK(std::abs(back - x) <= 1e-11 * std::abs(x));
    }
  }
}

TEST_CASE("values beyond the bounds are refused with file, line and key", "[scenario][bounds]") {
  LoadedScenario s = load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  // Each of these once hung, vanished or crashed a run that validate had accepted.
  const ScenarioError hours = override_error(s, "time_norms.intake_hours", "1e300");
  CHECK(hours.file() == "--set");
  CHECK(hours.key_path() == "time_norms.intake_hours");
  CHECK(hours.expected() == "a number in [0, 40]");
  CHECK(override_error(s, "cohorts.ww_inflow.initial_stock", "1e300").expected() ==
        "a number in [0, 200000]");
  CHECK(override_error(s, "cohorts.ww_inflow.initial_stock", "1e12").key_path() ==
        "cohorts.ww_inflow.initial_stock");
  const std::size_t months = s.parameters.cohorts[0].inflow_per_month.size();
  CHECK_FALSE(override_error(s, "cohorts.ww_inflow.inflow_per_month", list_of(months, "1e300"))
                  .key_path()
                  .empty());
  CHECK_FALSE(override_error(s, "cohorts.ww_inflow.inflow_per_month", list_of(months, "1e12"))
                  .key_path()
                  .empty());

  // In a file: the file, line and key of the value.
  const TempDir dir;
  const std::string text = "extends = \"" +
                           (kScenarios / "gooi-en-vechtstreek.toml").generic_string() +
                           "\"\n[time_norms]\nintake_hours = { value = 1e300, source = "
                           "\"assumption: test\" }\n";
  const ScenarioError in_file = load_error(dir.write("hang.toml", text));
  CHECK(in_file.file() == (dir.path() / "hang.toml").string());
  CHECK(in_file.line() == 3);
  CHECK(in_file.key_path() == "time_norms.intake_hours");
}

TEST_CASE("bankruptcies are bounded one by one and together", "[scenario][bounds]") {
  const TempDir dir;
  const std::string head =
      "extends = \"" + (kScenarios / "gooi-en-vechtstreek.toml").generic_string() + "\"\n";
  // Appended piece by piece: GCC 12's LTO warns (stringop-overflow) on "literal" + std::string
  // inside a lambda.
  const auto bankruptcy = [](int staff) {
    std::string text =
        "[[shocks.bankruptcies]]\ndate = { value = 2021-03-01, source = \"assumption: test\" "
        "}\nstaff = { value = ";
    text += std::to_string(staff);
    text +=
        ", source = \"assumption: test\" }\nsector = { value = \"horeca\", source = "
        "\"assumption: test\" }\nnotice_days = { value = 30.0, source = \"assumption: test\" "
        "}\ncalls_the_centre = { value = true, source = \"assumption: test\" }\n";
    return text;
  };
  const ScenarioError one = load_error(dir.write("one.toml", head + bankruptcy(100000)));
  CHECK(one.key_path() == "shocks.bankruptcies[0].staff");
  CHECK(one.expected() == "an integer in [1, 20000]");
  // 200 bankruptcies of the largest accepted size: refused at the one that passes the total.
  std::string many = head;
  for (int i = 0; i < 200; ++i) many += bankruptcy(20000);
  const ScenarioError total = load_error(dir.write("many.toml", many));
  CHECK(total.key_path() == "shocks.bankruptcies[10].staff");
  CHECK(total.file() == (dir.path() / "many.toml").string());
  CHECK(total.line() > 0);
  CHECK_THAT(total.expected(), Catch::Contains("at most 200000 jobs together"));
}

TEST_CASE("validate checks that the centre budget pays the advisors", "[scenario][bounds]") {
  LoadedScenario s = load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  // The reproducer: validate passed, the run failed with exit 1 when the first advisor was
  // hired. Now --set is refused as a scenario error, naming where the value came from.
  const ScenarioError advisors = override_error(s, "staff.advisors", "3");
  CHECK(advisors.file() == "--set");
  CHECK(advisors.key_path() == "staff.advisors");
  CHECK_THAT(advisors.expected(),
             Catch::Contains("a budget.centre_budget_eur that pays the advisors until the "
                             "service ends: advisor 3 from 2020-11-01 costs EUR"));
  // A zero budget pays nobody; without advisors it is valid.
  LoadedScenario poor = s;
  CHECK(override_error(poor, "budget.centre_budget_eur", "0").key_path() ==
        "budget.centre_budget_eur");
  apply_override(poor, "staff.advisors", "0");
  apply_override(poor, "budget.centre_budget_eur", "0");
  CHECK(override_error(poor, "staff.advisors", "1").key_path() == "staff.advisors");
  // A later change of staff.schedule is checked at its date, with what is left then.
  REQUIRE(s.parameters.staff.schedule.empty());
  const TempDir dir;
  const std::string text =
      "extends = \"" + (kScenarios / "gooi-en-vechtstreek.toml").generic_string() +
      "\"\n[[staff.schedule]]\ndate = { value = 2021-05-03, source = \"assumption: test\" "
      "}\nadvisors = { value = 4, source = \"assumption: test\" }\n";
  const ScenarioError scheduled = load_error(dir.write("later.toml", text));
  CHECK(scheduled.key_path() == "staff.schedule[0].advisors");
  CHECK(scheduled.line() == 4);
  CHECK_THAT(scheduled.expected(), Catch::Contains("advisor 3 from 2021-05-03 costs EUR"));
  // A replication may draw a dearer advisor ([uncertainty]): checked at the worst draw.
  LoadedScenario drawn = s;
  apply_override(drawn, "uncertainty.parameters[13].upper", "100");
  const ScenarioError dear = override_error(drawn, "uncertainty.parameters[13].key",
                                            "\"staff.internal_cost_per_hour_eur\"");
  CHECK_THAT(dear.expected(), Catch::Contains("advisor 2 from 2020-11-01 costs EUR 187714"));
  CHECK_THAT(dear.found(), Catch::Contains("at the worst values [uncertainty] can draw"));
  // What the budget pays in a file: reported at the budget's line when the budget was set last.
  const std::string poor_text =
      "extends = \"" + (kScenarios / "gooi-en-vechtstreek.toml").generic_string() +
      "\"\n[budget]\ncentre_budget_eur = { value = 1000.0, source = \"assumption: test\" }\n";
  const ScenarioError in_file = load_error(dir.write("poor.toml", poor_text));
  CHECK(in_file.file() == (dir.path() / "poor.toml").string());
  CHECK(in_file.line() == 3);
  CHECK(in_file.key_path() == "budget.centre_budget_eur");
  CHECK_THAT(in_file.found(), Catch::Contains("EUR 1000 with EUR"));
}

TEST_CASE("no accepted value hangs: every number at each of its bounds runs or is refused",
          "[scenario][bounds]") {
  // Without the follow-up year (and its holidays): the service's year is where the values act,
  // and the test stays within its time (some 300 runs of one replication).
  LoadedScenario base = load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  std::string holidays = "[";
  for (const kernel::Date& d : base.parameters.horizon.holidays) {
    if (d > base.parameters.horizon.service_end_date) continue;
    if (holidays.size() > 1) holidays += ", ";
    holidays += d.to_string();
  }
  apply_override(base, "horizon.holidays", holidays + "]");
  apply_override(base, "horizon.follow_up_months", "0");
  run_once(base);
  std::size_t ran = 1;
  std::size_t refused = 0;
  for (const ParameterEntry& e : list_parameters(base.parameters)) {
    if (e.kind != ParameterKind::number && e.kind != ParameterKind::integer &&
        e.kind != ParameterKind::number_list) {
      continue;
    }
    for (const double bound : {e.min, e.max}) {
      std::string value = detail::format_number(bound);
      if (e.kind == ParameterKind::number_list) {
        const std::size_t n = list_length(e.value);
        if (n == 0) continue;  // an empty list has no element to set
        value = list_of(n, value);
      }
      if (value == e.value) continue;  // the base itself, run above
      CAPTURE(e.key_path, value);
      LoadedScenario s = base;
      try {
        apply_override(s, e.key_path, value);
      } catch (const ScenarioError&) {
        ++refused;  // a cross-field rule: refused cleanly, as validate would
        continue;
      }
      run_once(s);  // any other exception fails the test
      ++ran;
    }
  }
  CHECK(ran > 150);
  CHECK(refused < ran);
}

TEST_CASE("no accepted combination of extremes hangs: the slowest staff and the largest flows",
          "[scenario][bounds]") {
  // One bound at a time (above) does not meet the combinations that multiply: every activity as
  // long as allowed, done in the smallest working window (1 hour a week, 90% of it
  // administration, one day a week from 23:00) by the most advisors; and every flow of people at
  // its largest, met round the clock with no intake time. Each must run (or be refused cleanly).
  const LoadedScenario base = load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  LoadedScenario slow = base;
  apply_override(slow, "budget.centre_budget_eur", "1e9");
  for (const ParameterEntry& e : list_parameters(base.parameters)) {
    if (e.key_path.starts_with("time_norms.") && e.key_path.ends_with("_hours")) {
      apply_override(slow, e.key_path, detail::format_number(e.max));
    }
  }
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"staff.hours_per_week", "1"},
                                                        {"time_norms.admin_share", "0.9"},
                                                        {"staff.working_days_per_week", "1"},
                                                        {"staff.day_start_hour", "23"},
                                                        {"staff.advisors", "500"}}) {
    apply_override(slow, key, value);
  }
  run_once(slow);

  LoadedScenario large = base;
  large.parameters.uncertainty = {};  // its scale draws would carry the flows beyond the bounds
  apply_override(large, "budget.centre_budget_eur", "1e9");
  for (const ParameterEntry& e : list_parameters(base.parameters)) {
    if (!e.key_path.starts_with("cohorts.")) continue;
    if (e.key_path.ends_with(".initial_stock")) {
      apply_override(large, e.key_path, detail::format_number(e.max));
    } else if (e.key_path.ends_with(".inflow_per_month") && list_length(e.value) > 0) {
      apply_override(large, e.key_path,
                     list_of(list_length(e.value), detail::format_number(e.max)));
    }
  }
  apply_override(large, "staff.advisors", "500");
  apply_override(large, "staff.round_the_clock", "true");
  apply_override(large, "time_norms.intake_hours", "0");
  run_once(large);
}
