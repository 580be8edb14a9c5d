// Levers change the parameter they name (checked like a file), reject bad values, and save as
// a variant file that loads back to the same parameters.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/levers.hpp"
#include "core/scenario_set.hpp"
#include "model/region_model.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/variant_file.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kScenarios = WERKSTROOM_SCENARIOS_DIR;

scenario::LoadedScenario baseline() {
  return scenario::load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
}

std::filesystem::path scratch(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "werkstroom-viz-tests";
  std::filesystem::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("levers start at the scenario's values and change nothing then", "[viz]") {
  const scenario::LoadedScenario base = baseline();
  const viz::Levers l = viz::levers_of(base);
  CHECK(l.advisors == 2);
  CHECK(l.centre_budget_eur == 200000.0);
  CHECK(l.bankruptcy.staff == 0);
  CHECK(l.bankruptcy.sector == "horeca");
  CHECK_FALSE(viz::levers_changed(base, l));
  CHECK(viz::changed_parameters(base, viz::apply_levers(base, l)).empty());
  CHECK(viz::service_months(base.parameters) == 12);
}

TEST_CASE("each lever changes its own parameter", "[viz]") {
  const scenario::LoadedScenario base = baseline();
  viz::Levers l = viz::levers_of(base);
  l.advisors = 4;
  scenario::LoadedScenario s = viz::apply_levers(base, l);
  CHECK(s.parameters.staff.advisors == 4);
  CHECK(s.parameters.budget.centre_budget_eur > 390000.0);  // raised to pay 4 advisors
  CHECK(s.sources.at("staff.advisors") == scenario::kOverrideLabel);
  CHECK(base.parameters.staff.advisors == 2);  // the base is never changed

  l = viz::levers_of(base);
  l.instrument_budget_eur = 100000.0;
  l.selection_threshold = 3.0;
  l.inflow_multiplier[2] = 2.0;  // ww_inflow
  l.assign_probability[0] = 0.25;
  s = viz::apply_levers(base, l);
  CHECK(s.parameters.budget.instrument_budget_eur == 100000.0);
  CHECK(s.parameters.selection.threshold == 3.0);
  CHECK(s.parameters.cohorts[2].inflow_per_month.front() ==
        2.0 * base.parameters.cohorts[2].inflow_per_month.front());
  CHECK(s.parameters.cohorts[2].inflow_per_month.size() ==
        base.parameters.cohorts[2].inflow_per_month.size());
  CHECK(s.parameters.cohorts[0].inflow_per_month == base.parameters.cohorts[0].inflow_per_month);
  CHECK(s.parameters.instruments[0].assign_probability == 0.25);
  CHECK(viz::changed_parameters(base, s).size() == 4);

  l = viz::levers_of(base);
  l.bankruptcy.staff = 150;
  l.bankruptcy.date = kernel::Date{2021, 4, 15};
  l.bankruptcy.sector = "retail";
  s = viz::apply_levers(base, l);
  REQUIRE(s.parameters.shocks.bankruptcies.size() == 1);
  CHECK(s.parameters.shocks.bankruptcies[0].staff == 150);
  CHECK(s.parameters.shocks.bankruptcies[0].sector == "retail");
  CHECK(s.parameters.shocks.bankruptcies[0].date == kernel::Date{2021, 4, 15});
  CHECK(s.parameters.shocks.bankruptcies[0].calls_the_centre);
}

TEST_CASE("a bad lever value is rejected with the scenario rules' message", "[viz]") {
  const scenario::LoadedScenario base = baseline();
  viz::Levers l = viz::levers_of(base);
  l.assign_probability[1] = 1.5;
  CHECK_THROWS_AS(viz::apply_levers(base, l), scenario::ScenarioError);
  try {
    (void)viz::apply_levers(base, l);
  } catch (const scenario::ScenarioError& e) {
    CHECK(e.key_path() == "instruments[1].assign_probability");
  }
  l = viz::levers_of(base);
  l.bankruptcy.staff = 10;
  l.bankruptcy.sector = "no_such_sector";
  CHECK_THROWS_AS(viz::apply_levers(base, l), scenario::ScenarioError);

  // The scenario slot keeps its last valid scenario and says why.
  std::vector<viz::ScenarioSlot> slots =
      viz::load_scenario_set({kScenarios / "gooi-en-vechtstreek.toml"});
  l = viz::levers_of(slots[0].base);
  l.advisors = 3;
  REQUIRE(viz::update_levers(slots[0], l));
  l.instrument_budget_eur = -5.0;
  CHECK_FALSE(viz::update_levers(slots[0], l));
  CHECK_FALSE(slots[0].lever_error.empty());
  CHECK(slots[0].applied.parameters.staff.advisors == 3);
}

TEST_CASE("the levers saved as a variant file load back to the same parameters", "[viz]") {
  const scenario::LoadedScenario base = baseline();
  viz::Levers l = viz::levers_of(base);
  l.advisors = 3;
  l.inflow_multiplier[0] = 1.5;
  l.assign_probability[2] = 0.4;
  l.bankruptcy.staff = 80;
  const scenario::LoadedScenario variant = viz::apply_levers(base, l);
  const std::filesystem::path file = scratch("variant.toml");
  std::filesystem::remove(file);
  scenario::save_variant(
      base, variant, file,
      {viz::kVizSourceLabel, "werkstroom-viz", "three advisors, more threatened, a bankruptcy"});
  REQUIRE(std::filesystem::exists(file));
  for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) {
    CHECK(entry.path().filename().string().find("variant.toml.tmp") == std::string::npos);
  }
  const scenario::LoadedScenario loaded = scenario::load_scenario(file);
  CHECK(viz::changed_parameters(variant, loaded).empty());
  CHECK(loaded.sources.at("staff.advisors") == viz::kVizSourceLabel);
  CHECK(loaded.sources.at("instruments[2].assign_probability") == viz::kVizSourceLabel);
  // Unchanged elements of a rewritten array keep their source.
  CHECK(loaded.sources.at("instruments[0].cost_eur") == base.sources.at("instruments[0].cost_eur"));
  std::ifstream in(file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("extends = ") != std::string::npos);
  CHECK(text.find("[staff]") != std::string::npos);
  CHECK(text.find("[[shocks.bankruptcies]]") != std::string::npos);
  CHECK(text.find("employers") == std::string::npos);  // unchanged tables are left out
}

TEST_CASE("the scaling rule lever changes the scaling keys and the model hires", "[viz]") {
  const scenario::LoadedScenario base = baseline();
  viz::Levers l = viz::levers_of(base);
  CHECK_FALSE(l.scaling.enabled);  // off in the baseline
  CHECK(l.scaling.trigger_waiting_list == base.parameters.scaling.trigger_waiting_list);
  l.scaling.enabled = true;
  l.scaling.trigger_waiting_list = 1.0;
  l.scaling.trigger_weeks = 1;
  l.scaling.lead_time_weeks = 2.0;
  l.scaling.max_external_advisors = 3;
  l.scaling.scale_down_utilisation = 0.3;
  const scenario::LoadedScenario s = viz::apply_levers(base, l);
  const model::ScalingParameters& sc = s.parameters.scaling;
  CHECK(sc.enabled);
  CHECK(sc.trigger_waiting_list == 1.0);
  CHECK(sc.trigger_weeks == 1);
  CHECK(sc.lead_time_weeks == 2.0);
  CHECK(sc.max_external_advisors == 3);
  CHECK(sc.scale_down_utilisation == 0.3);
  CHECK(s.sources.at("scaling.enabled") == scenario::kOverrideLabel);
  CHECK(viz::changed_parameters(base, s).size() == 6);
  CHECK(viz::levers_of(s).scaling == l.scaling);
  // With a trigger of 1 waiting, and a centre budget that can pay an external advisor, the
  // model hires (it hires only what the budget pays until the service ends).
  l.centre_budget_eur = 400000.0;
  const auto with_rule = model::run_replication(viz::apply_levers(base, l).parameters, {1, 0});
  const auto& externals = with_rule.service.row(model::Indicator::external_advisors_end);
  INFO("waiting list at month ends: "
       << Catch::Detail::stringify(with_rule.service.row(model::Indicator::waiting_list_end)));
  CHECK(*std::max_element(externals.begin(), externals.end()) > 0.0);
  const auto without_rule = model::run_replication(base.parameters, {1, 0});
  const auto& none = without_rule.service.row(model::Indicator::external_advisors_end);
  CHECK(*std::max_element(none.begin(), none.end()) == 0.0);

  // A value the scenario rules reject names the key.
  l.scaling.scale_down_utilisation = 1.5;
  try {
    (void)viz::apply_levers(base, l);
    FAIL("a utilisation above 1 was accepted");
  } catch (const scenario::ScenarioError& e) {
    CHECK(std::string(e.what()).find("scaling.scale_down_utilisation") != std::string::npos);
  }
}
