// Exact counterfactual accounting (issue 12): when the centre changes nobody's path, the world
// with the service is the world without it, bit for bit, and every effect figure is exactly 0:
// for every library scenario, with every effect neutral (instruments and the regular service
// multiply nothing, no vacancies are acquired, so nobody is placed, seconded or taken over),
// while the centre still refers, takes in, selects and spends as usual.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "model_test_support.hpp"

using namespace werkstroom;

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> library_scenarios() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(WERKSTROOM_SCENARIOS_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The scenario with every way the centre changes a path switched off.
model::ModelParameters neutral(model::ModelParameters p) {
  for (model::InstrumentParameters& i : p.instruments) {
    i.effect_during = 1.0;
    i.effect_after = 1.0;
  }
  p.selection.regular_service_effect = 1.0;
  p.outreach.vacancies_per_shortage_visit = 0.0;
  return p;
}

// The figures that are differences between the two worlds (placements and work-to-work moves
// of clients are counts of what happened to them, effect or not; see deadweight).
const char* const kEffectFigures[] = {"prevented_ww_inflow",  "prevented_pw_inflow",
                                      "benefit_months_saved", "benefit_eur_saved",
                                      "extra_in_work_at_end", "placements_on_vacancies"};

}  // namespace

TEST_CASE("a centre that changes nobody's path changes no figure of the world, exactly",
          "[model][counterfactual]") {
  const std::vector<fs::path> files = library_scenarios();
  REQUIRE(files.size() > 10);
  for (const fs::path& file : files) {
    const model::ModelParameters p = neutral(scenario::load_scenario(file).parameters);
    for (const std::uint64_t replication : {0U, 1U}) {
      INFO(file.filename().string() << ", replication " << replication);
      const model::ReplicationResult r = test::run(p, 11, replication);
      if (p.service_enabled) {
        CHECK(r.clients > 0);  // the centre did work: the property is not vacuous
      }
      CHECK(r.with_service == r.without_service);
      for (const char* figure : kEffectFigures) {
        INFO(figure);
        if (r.kpis.count(figure) > 0) CHECK(r.kpis.at(figure) == 0.0);
      }
    }
  }
}

TEST_CASE("people referred at the instant they arrive keep their inflow in both worlds",
          "[model][counterfactual]") {
  // The reproducer of the counting error: WW, short-WW and PW clients are referred on the day
  // their benefit starts. With neutral effects they must count as WW/PW inflow in the world
  // with the service as in the world without it.
  const model::ModelParameters p = neutral(test::default_parameters());
  const model::ReplicationResult r = test::run(p, 20201101, 0);
  REQUIRE(test::total(r.without_service.ww_inflow) > 100.0);
  CHECK(r.with_service.ww_inflow == r.without_service.ww_inflow);
  CHECK(r.with_service.pw_inflow == r.without_service.pw_inflow);
  CHECK(r.kpis.at("prevented_ww_inflow") == 0.0);
  CHECK(r.kpis.at("prevented_pw_inflow") == 0.0);
}
