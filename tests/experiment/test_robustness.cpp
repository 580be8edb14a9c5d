// Decision robustness (experiment/robustness.hpp) on a synthetic comparison built from the
// minimal test scenario, where the truth is known by construction:
//  - option B assigns the training "vakopleiding" to most clients and A to nobody, so the
//    training's effect_after (ranged [1, 4]) acts on B only and dominates the difference;
//  - nobody is assigned coaching in either option, so coaching's effect_after (ranged) changes
//    nobody's path: its elementary effects must be exactly 0;
//  - the intake patience (narrow range) acts on both options alike and matters little.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>

#include "../support/file_text.hpp"
#include "../support/temp_dir.hpp"
#include "experiment/robustness.hpp"
#include "experiment/robustness_report.hpp"
#include "results/robustness_files.hpp"
#include "scenario/loader.hpp"
#include "scenario/replication_draws.hpp"

using namespace werkstroom;

namespace {

const char* const kTraining = "instruments[1].effect_after";
const char* const kCoaching = "instruments[0].effect_after";
const char* const kPatience = "staff.intake_patience_mean_days";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// The synthetic option with the training assigned with probability `training`.
std::string option_text(const std::string& training) {
  std::string t =
      test::file_text(std::filesystem::path(WERKSTROOM_SCENARIO_TEST_DATA) / "minimal-base.toml");
  t = replaced(t, "intake_patience_mean_days = 30.0",
               "intake_patience_mean_days = { value = 30.0, range = [27.0, 33.0] }");
  // Coaching: ranged, assigned to nobody.
  t = replaced(t, "effect_after = 1.2", "effect_after = { value = 1.2, range = [1.0, 3.0] }");
  t = replaced(t, "assign_probability = 0.5", "assign_probability = 0.0");
  // The training: open to every client, its effect ranged widely.
  t = replaced(t, "seats = 10", "seats = 0");
  t = replaced(t, "effect_after = 1.5", "effect_after = { value = 1.5, range = [1.0, 4.0] }");
  t = replaced(t, "min_score = 3.0", "min_score = -100.0");
  t = replaced(t, "hard_hit_sector_only = true", "hard_hit_sector_only = false");
  t = replaced(t, "instrument_budget_eur = 50000.0", "instrument_budget_eur = 500000.0");
  t = replaced(t, "centre_budget_eur = 1000000.0", "centre_budget_eur = 2000000.0");
  return replaced(t, "assign_probability = 0.3", "assign_probability = " + training);
}

struct Options {
  test::TempDir dir;
  scenario::LoadedScenario a;
  scenario::LoadedScenario b;
  Options()
      : a(scenario::load_scenario(dir.write("a.toml", option_text("0.0")))),
        b(scenario::load_scenario(dir.write("b.toml", option_text("0.9")))) {}
};

experiment::RobustnessSettings small_settings(int threads) {
  experiment::RobustnessSettings s;
  s.trajectories = 4;
  s.levels = 4;
  s.replications = 2;
  s.extreme_replications = 4;
  s.top = 2;
  s.threads = threads;
  return s;
}

const experiment::AssumptionResult& find(const experiment::RobustnessResult& r,
                                         const std::string& key) {
  for (const experiment::AssumptionResult& a : r.assumptions) {
    if (a.assumption.key == key) return a;
  }
  FAIL("no assumption " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the assumptions of a comparison: ranged, labelled assumption, equal in both",
          "[experiment][robustness]") {
  const Options o;
  const experiment::AssumptionSelection s = experiment::select_assumptions(o.a, o.b);
  std::set<std::string> keys;
  for (const experiment::Assumption& a : s.assumptions) keys.insert(a.key);
  // The minimal base's own labelled values carry no range: only the three ranged here.
  CHECK(keys == std::set<std::string>{kTraining, kCoaching, kPatience});
  // The options differ in the training's assignment: a decision, not an assumption.
  const std::string assignment = "instruments[1].assign_probability";
  CHECK(s.decisions == std::vector<std::string>{assignment});

  // A ranged value the options set differently is a decision, not an assumption.
  scenario::LoadedScenario b = o.b;
  b.parameters.staff.intake_patience_mean_days = 31.0;
  const experiment::AssumptionSelection d = experiment::select_assumptions(o.a, b);
  CHECK(d.decisions == std::vector<std::string>{kPatience, assignment});
  CHECK(d.assumptions.size() == 2);
}

TEST_CASE("Morris trajectories walk the grid one coordinate at a time",
          "[experiment][robustness]") {
  const std::size_t k = 7;
  for (const int levels : {2, 4, 6}) {
    const double step = 1.0 / (levels - 1);
    const double delta = levels / (2.0 * (levels - 1));
    for (std::size_t t = 0; t < 5; ++t) {
      const auto tr = experiment::morris_trajectory(99, t, k, levels);
      REQUIRE(tr.points.size() == k + 1);
      REQUIRE(tr.moved.size() == k);
      CHECK(std::set<std::size_t>(tr.moved.begin(), tr.moved.end()).size() == k);
      for (std::size_t j = 0; j <= k; ++j) {
        for (std::size_t i = 0; i < k; ++i) {
          const double x = tr.points[j][i];
          CHECK(x >= -1e-12);
          CHECK(x <= 1.0 + 1e-12);
          CHECK(std::abs(x / step - std::round(x / step)) < 1e-9);  // on the grid
          if (j > 0) {
            const double dx = x - tr.points[j - 1][i];
            CHECK(std::abs(dx) == Approx(i == tr.moved[j - 1] ? delta : 0.0).margin(1e-12));
          }
        }
      }
    }
  }
}

TEST_CASE(
    "robustness ranks the dominant assumption first, and an inert one has effects of exactly 0",
    "[experiment][robustness]") {
  const Options o;
  const experiment::RobustnessResult r = experiment::screen_robustness(o.a, o.b, small_settings(2));
  REQUIRE(r.assumptions.size() == 3);
  CHECK(r.assumptions.front().assumption.key == kTraining);
  CHECK(r.assumptions.front().effects[0].mu_star > 0.0);
  // Placements too: the training only B uses moves B's placements most.
  CHECK(find(r, kTraining).effects[1].mu_star >= find(r, kPatience).effects[1].mu_star);

  // Nobody is coached in either option: common random numbers give identical runs at every
  // point, so every elementary effect is exactly 0.
  const experiment::AssumptionResult& inert = find(r, kCoaching);
  for (const experiment::ScreeningEffect& e : inert.effects) {
    CHECK(e.mu_star == 0.0);
    CHECK(e.mu == 0.0);
    CHECK(e.sigma == 0.0);
  }
  // The top two went to their extremes; the inert one is last and did not.
  CHECK(r.assumptions[0].has_extremes);
  CHECK(r.assumptions[1].has_extremes);
  CHECK(r.assumptions[2].assumption.key == kCoaching);
  CHECK_FALSE(r.assumptions[2].has_extremes);
  // The screened points: trajectories x (k + 1); simulations both phases, both options.
  CHECK(r.screening_points == 4 * 4);
  CHECK(r.simulations == 16 * 2 * 2 + (1 + 2 * 2) * 4 * 2);
}

TEST_CASE("robustness gives the same result for 1 and 2 threads", "[experiment][robustness]") {
  const Options o;
  const auto one = experiment::screen_robustness(o.a, o.b, small_settings(1));
  const auto two = experiment::screen_robustness(o.a, o.b, small_settings(2));
  REQUIRE(one.assumptions.size() == two.assumptions.size());
  for (std::size_t i = 0; i < one.assumptions.size(); ++i) {
    const auto& x = one.assumptions[i];
    const auto& y = two.assumptions[i];
    CHECK(x.assumption.key == y.assumption.key);
    for (std::size_t f = 0; f < experiment::kFigureCount; ++f) {
      CHECK(x.effects[f].mu_star == y.effects[f].mu_star);
      CHECK(x.effects[f].sigma == y.effects[f].sigma);
      CHECK(x.at_lo[f].mean == y.at_lo[f].mean);
      CHECK(x.at_hi[f].high == y.at_hi[f].high);
      CHECK(x.can_flip[f] == y.can_flip[f]);
    }
  }
  CHECK(one.baseline[0].mean == two.baseline[0].mean);
}

TEST_CASE("the robustness file keeps the tornado", "[experiment][robustness]") {
  const Options o;
  const auto r = experiment::screen_robustness(o.a, o.b, small_settings(2));
  const test::TempDir dir;
  const auto file = dir.path() / "robustness.h5";
  results::write_robustness_hdf5(file, r, {{"a.toml", "b.toml"}, "v", "rev", "cmd"});
  const results::RobustnessTornado t = results::read_robustness_tornado(file);
  CHECK(t.name_a == "a");
  CHECK(t.name_b == "b");
  CHECK(t.baseline == r.baseline[0].mean);
  REQUIRE(t.keys.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(t.keys[i] == r.assumptions[i].assumption.key);
    CHECK(t.at_lo[i] == r.assumptions[i].at_lo[0].mean);
    CHECK(t.at_hi[i] == r.assumptions[i].at_hi[0].mean);
  }
  results::write_robustness_csv(dir.path() / "robustness.csv", r);
  const std::string csv = test::file_text(dir.path() / "robustness.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);  // the header and three assumptions
  CHECK_THROWS_WITH(results::read_robustness_tornado(dir.path() / "robustness.csv"),
                    Catch::Contains("cannot read robustness file"));
}

namespace {

const char* const kCoachingGroup = "instruments[0]";
const char* const kTrainingGroup = "instruments[1]";

/// The synthetic option with both instruments' values in a group of their own (a relative range
/// beside each element's source line) and the training assigned with probability `training`.
std::string grouped_option_text(const std::string& training) {
  std::string t =
      test::file_text(std::filesystem::path(WERKSTROOM_SCENARIO_TEST_DATA) / "minimal-base.toml");
  t = replaced(t, "intake_patience_mean_days = 30.0",
               "intake_patience_mean_days = { value = 30.0, range = [27.0, 33.0] }");
  // Coaching: every value in a group, assigned to nobody.
  t = replaced(t, "source = \"assumption: test instruments\"\nname = \"coaching\"",
               "source = \"assumption: test instruments; range: x\"\nrelative_range = [0.5, 1.5]\n"
               "name = \"coaching\"");
  t = replaced(t, "assign_probability = 0.5", "assign_probability = 0.0");
  // The training: open to every client; its values (effect_after 1.5 -> [0.75, 3]) a group.
  t = replaced(t, "source = \"assumption: test instruments\"\nname = \"vakopleiding\"",
               "source = \"assumption: test instruments; range: x\"\nrelative_range = [0.5, 2.0]\n"
               "name = \"vakopleiding\"");
  t = replaced(t, "seats = 10", "seats = 0");
  t = replaced(t, "min_score = 3.0", "min_score = -100.0");
  t = replaced(t, "hard_hit_sector_only = true", "hard_hit_sector_only = false");
  t = replaced(t, "instrument_budget_eur = 50000.0", "instrument_budget_eur = 500000.0");
  t = replaced(t, "centre_budget_eur = 1000000.0", "centre_budget_eur = 2000000.0");
  return replaced(t, "assign_probability = 0.3", "assign_probability = " + training);
}

std::size_t count_of(const std::vector<experiment::NotScreened>& n, const std::string& reason) {
  for (const experiment::NotScreened& x : n) {
    if (x.reason == reason) return x.keys.size();
  }
  return 0;
}

}  // namespace

TEST_CASE("a table's relative range is screened as one group, the rest is counted by reason",
          "[experiment][robustness]") {
  const test::TempDir dir;
  const auto a = scenario::load_scenario(dir.write("a.toml", grouped_option_text("0.0")));
  const auto b = scenario::load_scenario(dir.write("b.toml", grouped_option_text("0.9")));
  const experiment::AssumptionSelection s = experiment::select_assumptions(a, b);
  REQUIRE(s.assumptions.size() == 3);
  CHECK(s.assumptions[0].key == kPatience);
  CHECK_FALSE(s.assumptions[0].group);
  const experiment::Assumption& coaching = s.assumptions[1];
  CHECK(coaching.key == kCoachingGroup);
  CHECK(coaching.group);
  CHECK(coaching.lo == 0.5);
  CHECK(coaching.hi == 1.5);
  CHECK(coaching.unit == "factor");
  // staff_hours, duration_weeks, completion_probability, effect_during, effect_after,
  // effect_after_months; cost_eur = 0, min_score = 0 and assign_probability = 0 have width 0.
  CHECK(coaching.values.size() == 6);
  CHECK(coaching.name == "instruments[0] coaching (6 values)");
  const experiment::Assumption& training = s.assumptions[2];
  CHECK(training.key == kTrainingGroup);
  // The options set assign_probability differently: a decision, not in the group.
  CHECK(s.decisions == std::vector<std::string>{"instruments[1].assign_probability"});
  for (const experiment::AssumptionValue& v : training.values) {
    CHECK(v.key.rfind("instruments[1].", 0) == 0);
    CHECK(v.key != "instruments[1].cost_eur");  // its own label: public
    if (v.value > 0.0) CHECK(v.lo == Approx(0.5 * v.value));
  }
  // Nothing silently left out: the minimal base's other labelled values by reason.
  CHECK(count_of(s.not_screened,
                 "a relative range of width 0 (its value is 0, or the factors are 1)") == 3);
  CHECK(count_of(s.not_screened, "no plausible range in the scenario") > 100);
  CHECK(count_of(s.not_screened, "an integer (only a number takes a plausible range)") > 0);
  CHECK(count_of(s.not_screened, "a flag (true or false)") > 0);
  CHECK(count_of(s.not_screened, "a list") > 0);
}

TEST_CASE("grouped screening ranks the dominant group first, an inert group has effects of 0",
          "[experiment][robustness]") {
  const test::TempDir dir;
  const auto a = scenario::load_scenario(dir.write("a.toml", grouped_option_text("0.0")));
  const auto b = scenario::load_scenario(dir.write("b.toml", grouped_option_text("0.9")));
  const experiment::RobustnessResult r = experiment::screen_robustness(a, b, small_settings(2));
  REQUIRE(r.assumptions.size() == 3);
  CHECK(r.assumptions.front().assumption.key == kTrainingGroup);
  CHECK(r.assumptions.front().effects[0].mu_star > 0.0);
  CHECK(r.assumptions.front().has_extremes);
  const experiment::AssumptionResult& inert = find(r, kCoachingGroup);
  for (const experiment::ScreeningEffect& e : inert.effects) {
    CHECK(e.mu_star == 0.0);
    CHECK(e.mu == 0.0);
    CHECK(e.sigma == 0.0);
  }
  CHECK(r.assumptions.back().assumption.key == kCoachingGroup);
  const std::string report = experiment::robustness_report(r, experiment::Language::en);
  CHECK_THAT(report, Catch::Contains("instruments[1] vakopleiding ("));
  CHECK_THAT(report, Catch::Contains("\u00d7[0.5, 2]"));
  // In Dutch the decimal comma, and a semicolon between the ends.
  CHECK_THAT(experiment::robustness_report(r, experiment::Language::nl),
             Catch::Contains("\u00d7[0,5; 2]"));
  CHECK_THAT(report, Catch::Contains("a relative range of width 0"));
  // The file names the group as reported; the tornado reads those names.
  const auto file = dir.path() / "grouped.h5";
  results::write_robustness_hdf5(file, r, {{"a.toml", "b.toml"}, "v", "rev", "cmd"});
  const results::RobustnessTornado t = results::read_robustness_tornado(file);
  REQUIRE_FALSE(t.keys.empty());
  CHECK(t.keys.front() == r.assumptions.front().assumption.name);
}

TEST_CASE("the default scenario gives every number labelled assumption a range, or a reason",
          "[experiment][robustness]") {
  const auto base = scenario::load_scenario(std::filesystem::path(WERKSTROOM_SCENARIOS_DIR) /
                                            "gooi-en-vechtstreek.toml");
  const experiment::AssumptionSelection s = experiment::select_assumptions(base, base);
  CHECK(count_of(s.not_screened, "no plausible range in the scenario") == 0);
  // The reasoned exclusions the scenario states ("not screened: ..."): decisions and the
  // employment shares that must sum to 1; nothing else.
  const std::vector<std::string> excluded_prefixes = {
      "sectors[", "selection.weight_", "selection.threshold", "outreach.calls_per_week", "targets.",
      "scaling.", "shocks.",           "instruments["};
  std::size_t stated = 0;
  for (const experiment::NotScreened& n : s.not_screened) {
    if (n.reason.rfind("the scenario says: ", 0) != 0) continue;
    CHECK(n.reason.size() > std::string("the scenario says: ").size() + 10);
    for (const std::string& key : n.keys) {
      INFO(key << ": " << n.reason);
      ++stated;
      CHECK(std::any_of(excluded_prefixes.begin(), excluded_prefixes.end(),
                        [&](const std::string& p) { return key.rfind(p, 0) == 0; }));
      if (key.rfind("sectors[", 0) == 0) CHECK(key.find(".employment_share") != std::string::npos);
      if (key.rfind("instruments[", 0) == 0) {
        CHECK((key.find(".budget_cap_eur") != std::string::npos ||
               key.find(".min_score") != std::string::npos));
      }
    }
  }
  CHECK(stated > 0);
  // A relative range of width 0 is a value of 0.
  for (const experiment::NotScreened& n : s.not_screened) {
    if (n.reason.rfind("a relative range of width 0", 0) != 0) continue;
    for (const std::string& key : n.keys) {
      INFO(key);
      CHECK(scenario::find_numeric_parameter(base.parameters, key).values.front() == 0.0);
    }
  }
  // Many values are screened, most of them in groups.
  std::size_t grouped = 0;
  for (const experiment::Assumption& x : s.assumptions) grouped += x.group ? x.values.size() : 0;
  CHECK(grouped > 200);
}

TEST_CASE("a tornado bar by hand", "[experiment][robustness]") {
  // Axis -10..10 on 21 cells: one cell per unit, zero at cell 10.
  CHECK(experiment::tornado_bar(0.0, -10.0, 10.0, -10.0, 10.0, 21) == "==========|##########");
  CHECK(experiment::tornado_bar(5.0, 0.0, 5.0, -10.0, 10.0, 21) == "          :====|     ");
  CHECK(experiment::tornado_bar(-4.0, -2.0, -8.0, -10.0, 10.0, 21) == "  ####|== :          ");
}
