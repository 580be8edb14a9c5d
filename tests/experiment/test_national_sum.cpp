// The national sum of a comparison of regions (experiment/national_sum.hpp): per replication the
// sum of the regions' additive key figures, none of the others; printed and stored.

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "experiment/console_report.hpp"
#include "experiment/experiment.hpp"
#include "experiment/national_sum.hpp"
#include "model/metric_registry.hpp"
#include "scenario/loader.hpp"

using namespace werkstroom;

namespace {

experiment::ScenarioResults hand_made(const std::string& name,
                                      const std::vector<std::map<std::string, double>>& kpis) {
  experiment::ScenarioResults r;
  r.name = name;
  for (const auto& k : kpis) {
    model::ReplicationResult rep;
    rep.kpis = k;
    r.replications.push_back(rep);
  }
  return r;
}

}  // namespace

TEST_CASE("national sum: only distinct regions form a set", "[experiment]") {
  CHECK(experiment::is_region_set({"Twente", "Drenthe"}));
  CHECK_FALSE(experiment::is_region_set({"Twente"}));
  CHECK_FALSE(experiment::is_region_set({}));
  // The base and its scale-up are variants of one region.
  CHECK_FALSE(experiment::is_region_set({"Gooi en Vechtstreek", "Gooi en Vechtstreek"}));
}

TEST_CASE("national sum: additive figures add up per replication, the others are left out",
          "[experiment]") {
  const auto a = hand_made("a", {{{"placements", 3.0},
                                  {"cost_eur", 100.0},
                                  {"wait_p90_working_days", 5.0},
                                  {"max_waiting_list", 7.0}},
                                 {{"placements", 4.0},
                                  {"cost_eur", 110.0},
                                  {"wait_p90_working_days", 6.0},
                                  {"max_waiting_list", 8.0}}});
  const auto b = hand_made("b", {{{"placements", 10.0},
                                  {"cost_eur", 1000.0},
                                  {"wait_p90_working_days", 9.0},
                                  {"max_waiting_list", 1.0}},
                                 {{"placements", 20.0},
                                  {"cost_eur", 2000.0},
                                  {"wait_p90_working_days", 2.0},
                                  {"max_waiting_list", 2.0}}});
  const experiment::ScenarioResults sum = experiment::national_sum({a, b});
  CHECK(sum.name == experiment::kNationalSumName);
  REQUIRE(sum.replications.size() == 2);
  CHECK(sum.replications[0].kpis.at("placements") == 13.0);
  CHECK(sum.replications[1].kpis.at("placements") == 24.0);
  CHECK(sum.replications[0].kpis.at("cost_eur") == 1100.0);
  CHECK(sum.replications[1].kpis.at("cost_eur") == 2110.0);
  // A quantile and a maximum are no sums.
  CHECK_FALSE(sum.replications[0].kpis.contains("wait_p90_working_days"));
  CHECK_FALSE(sum.replications[0].kpis.contains("max_waiting_list"));
  // Unequal replication counts cannot be paired.
  const auto short_b = hand_made("b", {{{"placements", 1.0}}});
  CHECK_THROWS_AS(experiment::national_sum({a, short_b}), std::invalid_argument);
}

TEST_CASE("national sum: the registry marks counts and euros additive, not rates", "[experiment]") {
  CHECK(model::find_metric("placements")->additive);
  CHECK(model::find_metric("net_savings_eur")->additive);
  CHECK(model::find_metric("route.regular.benefit_eur_saved")->additive);
  CHECK(model::find_metric("party.uwv.balance_eur")->additive);
  CHECK_FALSE(model::find_metric("cost_per_placement_eur")->additive);
  CHECK_FALSE(model::find_metric("wait_p90_working_days")->additive);
  CHECK_FALSE(model::find_metric("instrument_budget_exhausted")->additive);
  CHECK_FALSE(model::find_metric("instrument_budget_exhausted_month")->additive);
  CHECK_FALSE(model::find_metric("intake_wait_probability")->additive);
  for (const model::MetricInfo* info : model::additive_key_figures()) {
    INFO(info->name);
    CHECK(info->unit != "share");
    CHECK(info->kind == model::MetricKind::key_figure);
  }
}

TEST_CASE("national sum of two regions run with common random numbers", "[experiment]") {
  const std::string dir = std::string(WERKSTROOM_SCENARIOS_DIR) + "/national/";
  const auto a = scenario::load_scenario(dir + "gorinchem.toml");
  const auto b = scenario::load_scenario(dir + "helmond-de-peel.toml");
  REQUIRE(experiment::is_region_set({a.parameters.region, b.parameters.region}));
  experiment::ExperimentSettings settings;
  settings.replications = 3;
  settings.threads = 2;
  const auto results =
      experiment::run_experiment({{a.name, a.parameters}, {b.name, b.parameters}}, settings);
  const experiment::ScenarioResults sum = experiment::national_sum(results);
  REQUIRE(sum.replications.size() == 3);
  std::size_t summed = 0;
  for (std::size_t r = 0; r < 3; ++r) {
    for (const auto& [key, value] : results[0].replications[r].kpis) {
      const model::MetricInfo* info = model::find_metric(key);
      REQUIRE(info != nullptr);
      INFO("replication " << r << ", " << key);
      if (info->additive) {
        CHECK(sum.replications[r].kpis.at(key) ==
              Approx(value + results[1].replications[r].kpis.at(key)).epsilon(1e-12));
        ++summed;
      } else {
        CHECK_FALSE(sum.replications[r].kpis.contains(key));
      }
    }
    CHECK(sum.replications[r].people ==
          results[0].replications[r].people + results[1].replications[r].people);
  }
  CHECK(summed > 0);
  // The console table lists the additive key figures with their intervals.
  const std::string table = experiment::national_sum_table(sum, 2, experiment::Language::en);
  CHECK_THAT(table, Catch::Contains("National sum over 2 regions"));
  CHECK_THAT(table, Catch::Contains("placements"));
  CHECK_THAT(table, Catch::Contains("net_savings_eur"));
  CHECK_THAT(table, !Catch::Contains("wait_p90_working_days"));
  CHECK_THAT(experiment::national_sum_table(sum, 2, experiment::Language::nl),
             Catch::Contains("Landelijke som over 2 regio's"));
}
