// The view logic with ImGui running headless (no window, no GL): every panel renders given
// results without crashing and produces draw commands, in Dutch and English, with every text
// translated.

#include <imgui.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../support/temp_dir.hpp"
#include "app/viewer.hpp"
#include "core/scenario_set.hpp"
#include "core/translations.hpp"
#include "headless_imgui.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

using namespace werkstroom;
using werkstroom::experiment::Language;

namespace {

const std::filesystem::path kScenarios = WERKSTROOM_SCENARIOS_DIR;

struct Fixture {
  std::vector<viz::ScenarioSlot> slots;
  std::shared_ptr<viz::FinishedRun> run;
  viz::ViewState view;
};

Fixture fixture() {
  Fixture f;
  f.slots = viz::load_scenario_set(
      {kScenarios / "gooi-en-vechtstreek.toml", kScenarios / "scale-up-3fte.toml"});
  for (const auto& s : f.slots) f.view.levers.push_back(viz::levers_of(s.base));
  f.view.replications = 3;
  const viz::JobRequest request = viz::job_request(f.slots, f.view);
  experiment::ExperimentSettings settings;
  settings.replications = request.replications;
  settings.threads = 2;
  f.run = std::make_shared<viz::FinishedRun>();
  f.run->generation = 1;
  f.run->results = experiment::run_experiment(request.runs, settings);
  f.run->runs = request.runs;
  f.run->replications = request.replications;
  return f;
}

/// A viewer for tests: few replications, two threads, no settings file written.
viz::ViewerOptions test_viewer_options(int replications) {
  viz::ViewerOptions options;
  options.replications = replications;
  options.threads = 2;
  options.remember_settings = false;
  return options;
}

}  // namespace

TEST_CASE("every panel renders results headless and draws something", "[viz]") {
  test::HeadlessImGui imgui;
  Fixture f = fixture();
  viz::clear_untranslated_keys();
  for (const Language lang : {Language::nl, Language::en}) {
    f.view.language = lang;
    CHECK(imgui.frame([&] { viz::panels::scenario_panel(f.slots, f.view); }) > 0);
    CHECK(imgui.frame(
              [&] { (void)viz::panels::levers_panel(f.slots[1], f.view.levers[1], f.view); }) > 0);
    for (const viz::MainTab tab :
         {viz::MainTab::charts, viz::MainTab::monitor, viz::MainTab::explorer}) {
      f.view.tab = tab;
      viz::panels::ScreenRect rect;
      // With the mouse over the first chart: the hover tooltip is drawn too.
      const int vertices =
          imgui.frame([&] { rect = viz::panels::charts_panel(f.run.get(), f.slots, f.view); },
                      {300.0F, 200.0F});
      CHECK(vertices > 1000);
      CHECK(rect.max.x > rect.min.x);
    }
    CHECK(imgui.frame([&] { viz::panels::kpi_panel(f.run.get(), f.view); }) > 500);
    // The board's page: two options side by side and the second's marginal figures.
    CHECK(imgui.frame([&] { viz::panels::decision_panel(f.run.get(), f.view); }) > 500);
    CHECK(imgui.frame([&] {
      viz::panels::status_bar(viz::JobStatus{}, f.run.get(), f.view, "message");
    }) > 0);
    CHECK(imgui.frame([&] { (void)viz::panels::menu_bar(f.view); }) > 0);
    viz::panels::ScaleUpState scaleup;
    scaleup.run = f.run;  // two "levels" stand in for a sweep
    scaleup.levels = {{2, 100000.0}, {3, 100000.0}};
    CHECK(imgui.frame(
              [&] { (void)viz::panels::scaleup_panel(scaleup, viz::JobStatus{}, f.view); }) > 500);
  }
  // No results yet: panels say so instead of failing.
  CHECK(imgui.frame([&] {
    (void)viz::panels::charts_panel(nullptr, f.slots, f.view);
    viz::panels::kpi_panel(nullptr, f.view);
    viz::panels::decision_panel(nullptr, f.view);
  }) > 0);
  const std::vector<std::string> missing = viz::untranslated_keys();
  CHECK(missing.empty());
  for (const std::string& key : missing) WARN("untranslated: " << key);
}

TEST_CASE("the scale-up advice follows the advisor's rule", "[viz]") {
  Fixture f = fixture();
  viz::panels::ScaleUpState s;
  s.run = f.run;
  s.levels = {{2, 100000.0}, {3, 100000.0}};
  s.criteria.max_wait_p90_working_days = 1000.0;
  s.criteria.required_probability = 0.5;
  experiment::StaffingAdvice advice = viz::panels::advice_from(s);
  REQUIRE(advice.options.size() == 2);
  CHECK(advice.options[0].probability == 1.0);
  REQUIRE(advice.recommended);
  CHECK(advice.options[*advice.recommended].level.advisors == 2);  // the cheaper by default
  s.criteria.max_wait_p90_working_days = -1.0;
  advice = viz::panels::advice_from(s);
  CHECK_FALSE(advice.recommended);
}

TEST_CASE("the whole viewer runs frames headless and re-simulates when a lever moves", "[viz]") {
  test::HeadlessImGui imgui;
  viz::Viewer viewer(test_viewer_options(3));
  REQUIRE(
      viewer.open({kScenarios / "gooi-en-vechtstreek.toml", kScenarios / "scale-up-3fte.toml"}));
  REQUIRE(viewer.job().wait_until_idle(120.0));
  CHECK(viewer.results_current());
  ImGui::NewFrame();
  viewer.frame();
  ImGui::Render();
  CHECK(ImGui::GetDrawData()->TotalVtxCount > 5000);

  viewer.view().levers[1].advisors = 5;
  REQUIRE(viewer.apply_levers_and_rerun());
  REQUIRE(viewer.job().wait_until_idle(120.0));
  CHECK(viewer.job().results()->runs[1].parameters.staff.advisors == 5);

  viewer.view().levers[1].assign_probability[0] = 7.0;
  CHECK_FALSE(viewer.apply_levers_and_rerun());
  CHECK_FALSE(viewer.scenarios()[1].lever_error.empty());

  // A folder of its own: a fixed one under /tmp is shared with every other test run on the
  // machine (other build trees), which may write the same files at the same moment.
  const test::TempDir scratch("werkstroom-viz-export");
  const std::filesystem::path dir = scratch.path() / "export";
  CHECK(viewer.export_run(dir, true, true).empty());
  CHECK(std::filesystem::exists(dir / "run.h5"));
  CHECK(std::filesystem::exists(dir / "csv" / "summary.csv"));
  CHECK_FALSE(viewer.open({kScenarios / "no-such-file.toml"}));
  CHECK_FALSE(viewer.message().empty());
  CHECK(viewer.scenarios().size() == 2);  // the open set stays
  // A file named .h5 that is not HDF5 is refused by name (it was parsed as TOML) ...
  { std::ofstream(dir / "notes.h5") << "not HDF5\n"; }
  CHECK_FALSE(viewer.open({dir / "notes.h5"}));
  CHECK_THAT(viewer.message(),
             Catch::Contains((dir / "notes.h5").string()) && Catch::Contains("not an HDF5 file"));
  // ... and the exported results file opens the scenarios it was made from.
  REQUIRE(viewer.open({dir / "run.h5"}));
  CHECK(viewer.scenarios().size() == 2);
  REQUIRE(viewer.job().wait_until_idle(120.0));
}

TEST_CASE("the levers say when the simulated centre budget was raised to pay the advisors",
          "[viz]") {
  test::HeadlessImGui imgui;
  auto slots = viz::load_scenario_set({kScenarios / "gooi-en-vechtstreek.toml"});
  viz::ScenarioSlot& slot = slots[0];
  viz::ViewState view;
  viz::Levers levers = viz::levers_of(slot.base);
  const auto vertices = [&] {
    return imgui.frame([&] { (void)viz::panels::levers_panel(slot, levers, view); });
  };
  CHECK_FALSE(viz::raised_centre_budget(slot, levers).has_value());
  const int plain = vertices();
  // Eight advisors cost more than the scenario's budget: the applied scenario pays them.
  levers.advisors = 8;
  CHECK_FALSE(viz::raised_centre_budget(slot, levers).has_value());  // not applied yet
  REQUIRE(viz::update_levers(slot, levers));
  const double simulated = slot.applied.parameters.budget.centre_budget_eur;
  REQUIRE(simulated > levers.centre_budget_eur);
  CHECK(viz::raised_centre_budget(slot, levers) == simulated);
  CHECK(vertices() > plain);  // the note is drawn
  // While the budget slider moves (not released, not applied) the note says nothing.
  levers.centre_budget_eur -= 50000.0;
  CHECK_FALSE(viz::raised_centre_budget(slot, levers).has_value());
  // A budget set high enough by hand is what is simulated: no note.
  levers.centre_budget_eur = simulated + 1000.0;
  REQUIRE(viz::update_levers(slot, levers));
  CHECK_FALSE(viz::raised_centre_budget(slot, levers).has_value());
}

TEST_CASE("the scale-up tab runs its sweep on the first visit and shows the advice", "[viz]") {
  test::HeadlessImGui imgui;
  viz::Viewer viewer(test_viewer_options(2));
  REQUIRE(viewer.open({kScenarios / "gooi-en-vechtstreek.toml"}));
  REQUIRE(viewer.job().wait_until_idle(120.0));
  const auto frame = [&] {
    ImGui::NewFrame();
    viewer.frame();
    ImGui::Render();
  };
  frame();
  CHECK(viewer.sweep_job().status().requested == 0);  // not before the tab is shown
  viewer.view().requested_tab = viz::MainTab::scale_up;
  frame();
  frame();
  CHECK(viewer.sweep_job().status().requested == 1);
  REQUIRE(viewer.sweep_job().wait_until_idle(120.0));
  frame();
  CHECK(viewer.results_current());
  REQUIRE(viewer.scaleup().run != nullptr);
  CHECK(viewer.scaleup().run->results.size() == viewer.scaleup().levels.size());
  // Only the first visit starts one: the panel's button starts the next.
  viewer.view().requested_tab = viz::MainTab::charts;
  frame();
  viewer.view().requested_tab = viz::MainTab::scale_up;
  frame();
  CHECK(viewer.sweep_job().status().requested == 1);
}

TEST_CASE("the robustness tab draws a bar pair per assumption, every text translated", "[viz]") {
  test::HeadlessImGui imgui;
  viz::ViewState view;
  results::RobustnessTornado tornado;
  tornado.name_a = "a";
  tornado.name_b = "b";
  tornado.baseline = 1000.0;
  viz::clear_untranslated_keys();
  for (const Language lang : {Language::nl, Language::en}) {
    view.language = lang;
    // No assumption taken to its extremes: the panel says so.
    const int empty = imgui.frame([&] { viz::panels::robustness_panel(tornado, view); });
    CHECK(empty > 0);
    tornado.keys = {"economy.surplus_elasticity", "staff.intake_patience_mean_days"};
    tornado.at_lo = {-3000.0, 800.0};
    tornado.at_hi = {4000.0, 1200.0};
    tornado.can_flip = {true, false};
    const int one = imgui.frame([&] { viz::panels::robustness_panel(tornado, view); });
    tornado.keys.push_back("x");
    tornado.at_lo.push_back(0.0);
    tornado.at_hi.push_back(2000.0);
    tornado.can_flip.push_back(false);
    // One more assumption: at least two more bars (4 vertices each) and its label.
    CHECK(imgui.frame([&] { viz::panels::robustness_panel(tornado, view); }) >= one + 8);
    CHECK(one > empty);
    tornado.keys.clear();
    tornado.at_lo.clear();
    tornado.at_hi.clear();
    tornado.can_flip.clear();
  }
  const std::vector<std::string> missing = viz::untranslated_keys();
  CHECK(missing.empty());
  for (const std::string& key : missing) WARN("untranslated: " << key);
}

TEST_CASE("a chart of a key figure gets the scenario's reference targets for that figure",
          "[viz]") {
  model::TargetParameters t;
  t.references = {{"placements", 520.0, "programme 2021-2023 (whole programme)"},
                  {"cost_eur", 200000.0, "year budget"},
                  {"placements", 300.0, "service plan"}};
  const auto lines = viz::panels::target_lines(t, "placements");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].label == "programme 2021-2023 (whole programme)");
  CHECK(lines[0].value == 520.0);
  CHECK(lines[1].value == 300.0);
  CHECK(lines[0].colour == viz::style::kReference);
  CHECK(viz::panels::target_lines(t, "wait_p90_worst_month").empty());
  CHECK(viz::panels::target_lines(model::TargetParameters{}, "placements").empty());
}
