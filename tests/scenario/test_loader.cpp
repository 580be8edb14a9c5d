// Loading the minimal base, describe round trips, variants (extends) and their cycles.

#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

#include "scenario/loader.hpp"
#include "scenario_test_support.hpp"

using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;
using werkstroom::kernel::Date;
using werkstroom::model::Cohort;

namespace {

const werkstroom::model::CohortParameters& cohort(const LoadedScenario& s, Cohort c) {
  return s.parameters.cohorts.at(static_cast<std::size_t>(c));
}

/// Parameter lines of a scenario file: "key = value" lines other than source and description.
std::size_t count_parameter_lines(const std::string& text) {
  std::istringstream in(text);
  std::size_t count = 0;
  for (std::string line; std::getline(in, line);) {
    const std::size_t key_end = line.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_");
    const bool parameter =
        key_end != std::string::npos && key_end > 0 && line.compare(key_end, 3, " = ") == 0;
    if (parameter && line.rfind("source = ", 0) != 0 && line.rfind("description = ", 0) != 0) {
      ++count;
    }
  }
  return count;
}

struct DescribedLine {
  std::string key;
  std::string value;
  std::string unit;
  std::string bounds;  // "0 to 40", "each 0 to 20000" for a list; "" for no number
  std::string source;
};

/// Splits "key = value  [unit, bounds]  (source)" (the unit, the bounds or both).
DescribedLine parse_described(const std::string& line) {
  DescribedLine d;
  const std::size_t equals = line.find(" = ");
  REQUIRE(equals != std::string::npos);
  d.key = line.substr(0, equals);
  std::string rest = line.substr(equals + 3);
  const std::size_t open = rest.rfind("  (");
  REQUIRE(open != std::string::npos);
  REQUIRE(rest.back() == ')');
  d.source = rest.substr(open + 3, rest.size() - open - 4);
  rest = rest.substr(0, open);
  const std::size_t unit = rest.rfind("  [");
  if (unit != std::string::npos && rest.back() == ']') {
    d.unit = rest.substr(unit + 3, rest.size() - unit - 4);
    rest = rest.substr(0, unit);
    if (d.unit.find(" to ") != std::string::npos) {
      const std::size_t comma = d.unit.rfind(", ");
      d.bounds = comma == std::string::npos ? d.unit : d.unit.substr(comma + 2);
      d.unit = comma == std::string::npos ? "" : d.unit.substr(0, comma);
    }
  }
  d.value = rest;
  return d;
}

std::vector<DescribedLine> described_lines(const LoadedScenario& s) {
  std::vector<DescribedLine> lines;
  std::istringstream in(describe_scenario(s));
  for (std::string line; std::getline(in, line);) lines.push_back(parse_described(line));
  return lines;
}

std::vector<std::string> values_of(const LoadedScenario& s) {
  std::vector<std::string> values;
  for (const ParameterEntry& e : list_parameters(s.parameters)) {
    values.push_back(e.key_path + " = " + e.value);
  }
  return values;
}

}  // namespace

TEST_CASE("the minimal base scenario loads with its labels and units", "[scenario]") {
  const LoadedScenario s = load_scenario(minimal_base_path());
  CHECK(s.name == "minimal-base");
  REQUIRE(s.files.size() == 1);
  CHECK(s.files[0] == minimal_base_path().string());
  CHECK(s.text == "# ---- " + minimal_base_path().string() + "\n" + minimal_base_text());

  const werkstroom::model::ModelParameters& p = s.parameters;
  CHECK(p.region == "Testregio");
  CHECK(p.horizon.start_date == Date{2020, 11, 1});
  CHECK(p.horizon.holidays == std::vector<Date>{Date{2020, 12, 25}, Date{2021, 4, 5}});
  REQUIRE(p.sectors.size() == 2);
  CHECK(p.sectors[1].name == "care");
  CHECK(p.sectors[1].shortage_share_end == 0.3);
  CHECK(p.staff.advisors == 2);
  REQUIRE(p.staff.schedule.size() == 1);
  CHECK(p.staff.schedule[0].advisors == 3);
  REQUIRE(p.instruments.size() == 2);
  CHECK(p.instruments[1].type == werkstroom::model::InterventionType::training);
  CHECK(p.instruments[1].cost_eur == 2500.0);
  CHECK(cohort(s, Cohort::ww_inflow).start_state == werkstroom::model::StartState::ww);
  CHECK(cohort(s, Cohort::pw_applicant).first_party == werkstroom::model::FirstParty::municipality);
  CHECK(cohort(s, Cohort::threatened).attributes.sector_weights == std::vector<double>{1.0, 2.0});
  CHECK(p.hazards.tozo_recover.rate_per_month == 0.05);
  CHECK(p.shocks.bankruptcies.at(0).sector == "retail");

  CHECK(s.sources.at("staff.advisors") == "seed: oplegger (2 fte)");
  CHECK(s.sources.at("staff.hours_per_week") == "assumption: test staffing");
  CHECK(s.sources.at("instruments[1].cost_eur") == "public: menukaart");
  CHECK(s.sources.at("instruments[1].seats") == "assumption: test instruments");
  CHECK(s.sources.at("hazards.tozo_recover.rate_per_month") == "assumption: test hazards");
  CHECK(s.sources.at("cohorts.youth.attributes.age_mean_years") == "assumption: test cohorts");
  CHECK(s.sources.at("region") == "assumption: test region");
  CHECK(s.units.at("staff.hours_per_week") == "hours/week");
  CHECK(s.units.at("instruments[1].cost_eur") == "EUR");
  CHECK(s.units.at("region").empty());
  CHECK(s.positions.at("staff.hours_per_week").line ==
        line_of(minimal_base_text(), "hours_per_week"));

  // Sources and units name exactly the same key paths.
  REQUIRE(s.sources.size() == s.units.size());
  for (const auto& [key, unit] : s.units) CHECK(s.sources.count(key) == 1);
}

TEST_CASE("describe lists every parameter once and its values parse back", "[scenario]") {
  const LoadedScenario original = load_scenario(minimal_base_path());
  const std::vector<DescribedLine> lines = described_lines(original);

  // Every parameter line of the file appears once, and nothing else.
  CHECK(lines.size() == count_parameter_lines(minimal_base_text()));
  CHECK(lines.size() == original.sources.size());
  for (const DescribedLine& line : lines) {
    INFO(line.key);
    CHECK(line.source == original.sources.at(line.key));
    CHECK(line.unit == original.units.at(line.key));
  }

  // A variant that differs in several values is brought back by the described values.
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const LoadedScenario variant = load_scenario(dir.write("variant.toml", R"(
extends = "base.toml"
region = "Elders"
[horizon]
follow_up_months = 24
holidays = [2021-01-01]
[staff]
advisors = 7
day_start_hour = 8.25
[cohorts.ww_inflow]
referral_share = 0.1
start_state = "pw"
[cohorts.ww_inflow.attributes]
sector_weights = [3.0, 1.0]
[time_norms]
exponential_durations = true
[shocks]
campaign_date = 2021-05-01
)"));
  REQUIRE(values_of(variant) != values_of(original));
  LoadedScenario restored = variant;
  for (const DescribedLine& line : lines) {
    INFO(line.key << " = " << line.value);
    apply_override(restored, line.key, line.value);
  }
  CHECK(values_of(restored) == values_of(original));
  CHECK(restored.parameters.region == "Testregio");
  CHECK(restored.parameters.staff.advisors == 2);
  CHECK(restored.parameters.staff.day_start_hour == 9.0);
  CHECK(restored.parameters.horizon.holidays == original.parameters.horizon.holidays);
  CHECK(cohort(restored, Cohort::ww_inflow).referral_share == 0.25);
  CHECK(cohort(restored, Cohort::ww_inflow).start_state == werkstroom::model::StartState::ww);
  CHECK(cohort(restored, Cohort::ww_inflow).attributes.sector_weights.empty());
  CHECK(restored.parameters.time_norms.exponential_durations == false);
  CHECK(restored.parameters.shocks.campaign_date == Date{2021, 3, 15});
}

TEST_CASE("a variant overrides only the keys it states", "[scenario]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const std::string variant_text = R"(extends = "base.toml"
description = "More advisors"

[staff]
advisors = 3

[cohorts.ww_inflow]
referral_share = { value = 0.5, source = "public: UWV" }

[budget]
source = "derived: twice the budget"
centre_budget_eur = 2000000
)";
  const LoadedScenario base = load_scenario(dir.path() / "base.toml");
  const LoadedScenario s = load_scenario(dir.write("more-advisors.toml", variant_text));

  CHECK(s.name == "more-advisors");
  REQUIRE(s.files.size() == 2);
  CHECK(s.files[0] == (dir.path() / "more-advisors.toml").string());
  CHECK(s.files[1] == (dir.path() / "base.toml").string());
  const std::string base_header = "# ---- " + (dir.path() / "base.toml").string() + "\n";
  const std::string variant_header = "# ---- " + (dir.path() / "more-advisors.toml").string();
  CHECK(s.text.rfind(base_header, 0) == 0);
  CHECK(s.text.find(variant_header) > s.text.find("ww_min_work_history_years"));

  CHECK(s.parameters.staff.advisors == 3);
  CHECK(s.sources.at("staff.advisors") == "variant: more-advisors.toml");
  CHECK(s.positions.at("staff.advisors").file == (dir.path() / "more-advisors.toml").string());
  CHECK(s.positions.at("staff.advisors").line == line_of(variant_text, "advisors = 3"));
  CHECK(cohort(s, Cohort::ww_inflow).referral_share == 0.5);
  CHECK(s.sources.at("cohorts.ww_inflow.referral_share") == "public: UWV");
  CHECK(s.parameters.budget.centre_budget_eur == 2000000.0);
  CHECK(s.sources.at("budget.centre_budget_eur") == "derived: twice the budget");

  // Everything else is the base's, with the base's labels.
  CHECK(s.parameters.staff.hours_per_week == 36.0);
  CHECK(s.sources.at("staff.hours_per_week") == "assumption: test staffing");
  CHECK(cohort(s, Cohort::short_ww).referral_share == 0.25);
  CHECK(s.parameters.budget.instrument_budget_eur == 50000.0);
  CHECK(s.sources.at("budget.instrument_budget_eur") == "assumption: test budget");
  CHECK(s.parameters.instruments.size() == 2);
  CHECK(s.sources.size() == base.sources.size());
  std::size_t changed = 0;
  for (const auto& [key, label] : s.sources) changed += label != base.sources.at(key) ? 1 : 0;
  CHECK(changed == 3);
}

TEST_CASE("a variant replaces an array of tables whole", "[scenario]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const LoadedScenario s = load_scenario(dir.write("one-instrument.toml", R"(extends = "base.toml"

[[instruments]]
name = "sollicitatietraining"
type = "job_search"
staff_hours = 4.0
sessions = 2
cost_eur = 300
budget_cap_eur = 0
budget_stream = "maatwerk"
duration_weeks = 3.0
seats = 12
completion_probability = 0.95
effect_during = 1.0
effect_after = 1.3
effect_after_months = 6.0
min_score = 1.0
hard_hit_sector_only = false
threatened_only = false
language_below_b2_only = true
assign_probability = 0.6
)"));
  REQUIRE(s.parameters.instruments.size() == 1);
  const werkstroom::model::InstrumentParameters& i = s.parameters.instruments[0];
  CHECK(i.name == "sollicitatietraining");
  CHECK(i.type == werkstroom::model::InterventionType::job_search);
  CHECK(i.cost_eur == 300.0);
  CHECK(i.language_below_b2_only);
  CHECK(s.sources.at("instruments[0].cost_eur") == "variant: one-instrument.toml");
  CHECK(s.sources.count("instruments[1].cost_eur") == 0);
  CHECK(s.units.count("instruments[1].cost_eur") == 0);
  CHECK(s.sources.size() == s.units.size());
  CHECK(describe_scenario(s).find("instruments[1]") == std::string::npos);
}

TEST_CASE("each element of a replaced array sets every key", "[scenario]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const std::string text = R"(extends = "base.toml"

[[sectors]]
name = "all"
employment_share = 1.0
)";
  const ScenarioError e = load_error(dir.write("partial.toml", text));
  check_message(e, "partial.toml", line_of(text, "[[sectors]]"), "sectors[0].hard_hit",
                {"each element sets every key", "no key 'hard_hit'"});
}

TEST_CASE("cross-field rules are checked after merging the variant", "[scenario]") {
  // One sector in the variant; the base's threatened cohort still has two sector weights.
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const ScenarioError e = load_error(dir.write("one-sector.toml", R"(extends = "base.toml"

[[sectors]]
name = "retail"
employment_share = 1.0
hard_hit = true
surplus_share = 0.2
shortage_share = 0.2
surplus_share_end = 0.2
shortage_share_end = 0.2
)"));
  // Reported where the weights were set: in the base file.
  check_message(e, "base.toml", line_of(minimal_base_text(), "sector_weights = [1.0, 2.0]"),
                "cohorts.threatened.attributes.sector_weights",
                {"one weight per sector (1 sectors)", "found 2 weights"});
}

TEST_CASE("a variant of a variant applies both in order", "[scenario]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  std::filesystem::create_directories(dir.path() / "sub");
  dir.write("middle.toml", "extends = \"base.toml\"\n[staff]\nadvisors = 4\nhours_per_week = 32\n");
  const LoadedScenario s = load_scenario(
      dir.write("sub/top.toml", "extends = \"../middle.toml\"\n[staff]\nadvisors = 5\n"));
  CHECK(s.parameters.staff.advisors == 5);
  CHECK(s.sources.at("staff.advisors") == "variant: top.toml");
  CHECK(s.parameters.staff.hours_per_week == 32.0);
  CHECK(s.sources.at("staff.hours_per_week") == "variant: middle.toml");
  CHECK(s.files.size() == 3);
}

TEST_CASE("an extends cycle fails naming the files of the chain", "[scenario]") {
  const TempDir dir;
  dir.write("alpha.toml", "extends = \"beta.toml\"\n");
  const std::string beta = "# the other half\nextends = \"alpha.toml\"\n";
  dir.write("beta.toml", beta);
  const ScenarioError e = load_error(dir.path() / "alpha.toml");
  check_message(e, "beta.toml", 2, "extends",
                {"alpha.toml -> ", "beta.toml -> ", "a chain of base scenarios without a cycle"});

  const ScenarioError self = load_error(dir.write("self.toml", "extends = \"self.toml\"\n"));
  check_message(self, "self.toml", 1, "extends", {"self.toml -> ", "cycle"});
}

TEST_CASE("extends must name an existing file", "[scenario]") {
  const TempDir dir;
  const ScenarioError e = load_error(dir.write("orphan.toml", "\nextends = \"nowhere.toml\"\n"));
  check_message(e, "orphan.toml", 2, "extends",
                {"expected an existing scenario file", "\"nowhere.toml\""});
}

TEST_CASE("an unlabelled variant value is fine but a bad label is not", "[scenario]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const std::string text =
      "extends = \"base.toml\"\n[staff]\nadvisors = { value = 3, source = \"x\" }\n";
  const ScenarioError e = load_error(dir.write("v.toml", text));
  check_message(e, "v.toml", 3, "staff.advisors.source", {"found \"x\""});
}
