// Readable parameter names (scenario/parameter_names.hpp): every value a report can show by
// name — each assumption the robustness screening of a library comparison moves, each value the
// library's [uncertainty] draws — has a Dutch and an English name, and elements are named by
// their own `name`.

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "experiment/robustness.hpp"
#include "scenario/loader.hpp"
#include "scenario/parameter_names.hpp"
#include "scenario/replication_draws.hpp"

namespace werkstroom {
namespace {

const std::filesystem::path kScenarios = WERKSTROOM_SCENARIOS_DIR;

}  // namespace

TEST_CASE("every screened or drawn value of the library has a readable name in both languages",
          "[experiment][names]") {
  const scenario::LoadedScenario base =
      scenario::load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".toml") continue;
    const scenario::LoadedScenario other = scenario::load_scenario(entry.path());
    for (const experiment::Assumption& a :
         experiment::select_assumptions(base, other).assumptions) {
      keys.insert(a.key);
    }
    for (const model::UncertainParameter& d : other.parameters.uncertainty.parameters) {
      keys.insert(d.key);
    }
  }
  REQUIRE(keys.size() > 40);  // the library's comparisons screen and draw many values
  for (const std::string& key : keys) {
    INFO(key);
    CHECK(scenario::has_readable_name(key));
    const std::string nl = scenario::readable_name(key, base.parameters, true);
    const std::string en = scenario::readable_name(key, base.parameters, false);
    CHECK(nl != key);
    CHECK(en != key);
    CHECK(nl != en);
    CHECK(nl.find("{}") == std::string::npos);
    CHECK(en.find("{}") == std::string::npos);
  }
}

TEST_CASE("elements of arrays of tables are named by their own name", "[experiment][names]") {
  const scenario::LoadedScenario base =
      scenario::load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  const model::ModelParameters& p = base.parameters;
  REQUIRE(p.instruments.size() > 3);
  CHECK(scenario::readable_name("instruments[3].effect_during", p, true) ==
        "instrument '" + p.instruments[3].name + "': effect op werk vinden tijdens het traject");
  CHECK(scenario::readable_name("sectors[0]", p, false) ==
        "sector '" + p.sectors[0].name + "': its surplus and shortage shares together");
  CHECK(scenario::readable_name("cohorts.tozo", p, true) ==
        "de groep zelfstandigen met Tozo: al haar getallen samen");
  CHECK(scenario::readable_name("cohorts.ww_inflow.inflow_per_month", p, true) ==
        "nieuwe WW-instroom: instroom per maand");
  // An element that does not exist keeps its index; a key without a name stays a key path.
  CHECK(scenario::readable_name("instruments[99].effect_after", p, false) ==
        "instrument 'instruments[99]': its effect on finding work after it");
  CHECK(scenario::readable_name("staff.advisors", p, true) == "staff.advisors");
  CHECK_FALSE(scenario::has_readable_name("staff.advisors"));
  CHECK(scenario::readable_name_with_key("staff.day_start_hour", p, true) ==
        "uur waarop het kantoor opengaat (staff.day_start_hour)");
  CHECK(scenario::readable_name_with_key("staff.advisors", p, true) == "staff.advisors");
}

TEST_CASE("the sources of the bands name the drawn values readably, with their key",
          "[experiment][names]") {
  const scenario::LoadedScenario base =
      scenario::load_scenario(kScenarios / "gooi-en-vechtstreek.toml");
  const std::vector<std::string> nl = scenario::uncertainty_sources(base.parameters, true);
  bool found = false;
  for (const std::string& line : nl) {
    found = found || line.rfind(
                         "maandkans dat iemand in de WW werk vindt "
                         "(hazards.ww_find_work.rate_per_month): een factor op de waarde",
                         0) == 0;
  }
  CHECK(found);
}

}  // namespace werkstroom
