// The advisor as a decision aid (experiment/staffing_advisor.hpp) on hand-built replications,
// so that each criterion can be made to bind and every pass rate is known by hand; and the
// key-figure report of budgets that run out in some replications only.

#include <fmt/core.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "experiment/advice_report.hpp"
#include "experiment/console_report.hpp"
#include "experiment/staffing_advisor.hpp"
#include "kernel/statistics.hpp"
#include "model/metric_registry.hpp"

using namespace werkstroom;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Rep {
  double wait = 1.0;       // wait_p90_worst_month
  double exhausted = 0.0;  // instrument_budget_exhausted
  double placements = 100.0;
  double cost = 200000.0;
  double net = -100000.0;
};

experiment::ScenarioResults option(const std::vector<Rep>& reps) {
  experiment::ScenarioResults r;
  r.name = "option";
  for (const Rep& x : reps) {
    model::ReplicationResult rep;
    rep.kpis = {{"wait_p90_worst_month", x.wait},
                {"instrument_budget_exhausted", x.exhausted},
                {"placements", x.placements},
                {"cost_eur", x.cost},
                {"net_savings_eur", x.net}};
    r.replications.push_back(rep);
  }
  return r;
}

/// Four replications, `failing` of them with the given bad value.
std::vector<Rep> four(Rep good, Rep bad, int failing) {
  std::vector<Rep> out;
  out.reserve(4);
  for (int i = 0; i < 4; ++i) out.push_back(i < failing ? bad : good);
  return out;
}

const std::vector<experiment::OptionLevel> kThreeLevels = {
    {1, 100000.0}, {2, 100000.0}, {3, 100000.0}};

}  // namespace

TEST_CASE("advice: the wait target binds when the cheapest level waits too long",
          "[experiment][advice]") {
  // 1 advisor: the worst month waits 15 working days in 2 of 4 replications.
  const std::vector<experiment::ScenarioResults> results = {
      option(four({1.0, 0, 100, 200000, 0}, {15.0, 0, 100, 200000, 0}, 2)),
      option(four({5.0, 0, 150, 300000, 0}, {}, 0)), option(four({3.0, 0, 180, 400000, 0}, {}, 0))};
  experiment::AdviceCriteria c;
  c.max_wait_p90_working_days = 10.0;
  c.required_probability = 0.8;
  const auto advice =
      experiment::evaluate_advice(kThreeLevels, results, c, experiment::Objective::cost);
  REQUIRE(advice.criteria == std::vector<std::string>{"wait_per_month"});
  CHECK(advice.options[0].pass_rate[0] == 0.5);  // 2 of 4
  CHECK(advice.options[0].probability == 0.5);
  CHECK_FALSE(advice.options[0].feasible);
  REQUIRE(advice.recommended);
  CHECK(*advice.recommended == 1);  // 2 advisors: the cheapest that qualifies
  REQUIRE(advice.binding);
  CHECK(advice.criteria[*advice.binding] == "wait_per_month");
  CHECK(advice.excluded == std::size_t{0});
  const std::string verdict = experiment::advice_verdict(advice, c, experiment::Language::en);
  CHECK(verdict.find("Binding criterion: 'p90 wait <= 10 working days in every service month'") !=
        std::string::npos);
  CHECK(verdict.find("meets it in 50%") != std::string::npos);
}

TEST_CASE("advice: the budget binds only when asked, and never by default",
          "[experiment][advice]") {
  // More advisors, more clients, the budget runs out more often: 0, 3 and 4 of 4 replications.
  const std::vector<experiment::ScenarioResults> results = {
      option(four({1.0, 0.0, 100, 200000, -50000}, {}, 0)),
      option(four({1.0, 0.0, 150, 300000, -60000}, {1.0, 1.0, 150, 300000, -60000}, 3)),
      option(four({1.0, 1.0, 180, 400000, -70000}, {}, 0))};
  experiment::AdviceCriteria c;
  c.required_probability = 0.8;
  // By default no budget criterion: the objective (placements) chooses 3 advisors, nothing binds.
  auto advice =
      experiment::evaluate_advice(kThreeLevels, results, c, experiment::Objective::placements);
  REQUIRE(advice.recommended);
  CHECK(*advice.recommended == 2);
  CHECK_FALSE(advice.binding);
  CHECK(
      experiment::advice_verdict(advice, c, experiment::Language::en).find("No criterion binds") !=
      std::string::npos);
  // Asked for: the budget binds and names the option it excludes (3 advisors, the best by
  // placements among those it fails), met in 0% of its replications.
  c.budget_lasts_service = true;
  advice = experiment::evaluate_advice(kThreeLevels, results, c, experiment::Objective::placements);
  REQUIRE(advice.recommended);
  CHECK(*advice.recommended == 0);
  REQUIRE(advice.binding);
  CHECK(advice.criteria[*advice.binding] == "budget_lasts");
  CHECK(advice.excluded == std::size_t{2});
  CHECK(advice.options[1].pass_rate[1] == 0.25);
  CHECK(advice.options[2].pass_rate[1] == 0.0);
}

TEST_CASE("advice: a larger instrument budget lets more advisors qualify", "[experiment][advice]") {
  // The same two staffing levels with two budgets: with EUR 200,000 the budget lasts.
  const std::vector<experiment::OptionLevel> levels = {
      {1, 100000.0}, {2, 100000.0}, {1, 200000.0}, {2, 200000.0}};
  const std::vector<experiment::ScenarioResults> results = {
      option(four({1.0, 0.0, 100, 200000, 0}, {}, 0)),
      option(four({1.0, 1.0, 150, 300000, 0}, {}, 0)),
      option(four({1.0, 0.0, 100, 250000, 0}, {}, 0)),
      option(four({1.0, 0.0, 150, 380000, 0}, {}, 0))};
  experiment::AdviceCriteria c;
  c.budget_lasts_service = true;
  const auto advice =
      experiment::evaluate_advice(levels, results, c, experiment::Objective::placements);
  REQUIRE(advice.recommended);
  CHECK(advice.options[*advice.recommended].level.advisors == 2);
  CHECK(advice.options[*advice.recommended].level.instrument_budget_eur == 200000.0);
  // Placements tie between (2, 100k) and (2, 200k): the option the budget criterion excludes
  // does no better, so nothing binds.
  CHECK_FALSE(advice.binding);
  const std::string csv = experiment::advice_csv(advice, c);
  CHECK(csv.rfind("advisors,instrument_budget_eur,pass_rate_wait_per_month,pass_rate_budget_lasts,",
                  0) == 0);
  // The excluded option: no comparison with the best (empty cells).
  CHECK(csv.find("\n2,100000.00,1,0,0,0,300000,150,0,1,,,,0,0,\n") != std::string::npos);
  // The advice: the best itself, difference 0 [0, 0], not bound.
  CHECK(csv.find("\n2,200000.00,1,1,1,1,380000,150,0,1,0,0,0,1,1,\n") != std::string::npos);
}

TEST_CASE("advice: of the options that cannot be told from the best, the cheapest",
          "[experiment][advice]") {
  // Placements of 2 and 3 advisors in four paired replications. 3 - 2 advisors: +1, -1, +3, +1;
  // mean 1, sd sqrt(8/3) = 1.633, t(0.975, 3) = 3.182, half width 3.182 * 1.633 / 2 = 2.598:
  // [-1.598, 3.598] contains 0, so the cheaper 2 advisors are advised although 3 have the
  // higher mean.
  const std::vector<experiment::OptionLevel> levels = {{2, 100000.0}, {3, 100000.0}};
  const auto reps = [](const std::vector<double>& placements, double cost) {
    std::vector<Rep> out;
    out.reserve(placements.size());
    for (const double x : placements) out.push_back({1.0, 0.0, x, cost, -cost});
    return out;
  };
  std::vector<experiment::ScenarioResults> results = {option(reps({150, 151, 149, 150}, 300000)),
                                                      option(reps({151, 150, 152, 151}, 400000))};
  experiment::AdviceCriteria c;
  auto advice = experiment::evaluate_advice(levels, results, c, experiment::Objective::placements);
  REQUIRE(advice.best == std::size_t{1});
  REQUIRE(advice.recommended == std::size_t{0});
  const kernel::ReplicationSummary& d = advice.options[0].versus_best;
  CHECK(d.mean == Approx(-1.0));
  CHECK(d.half_width == Approx(3.182446 * std::sqrt(8.0 / 3.0) / 2.0).epsilon(1e-5));
  CHECK(advice.options[0].as_good_as_best);
  CHECK_FALSE(advice.binding);
  const std::string verdict = experiment::advice_verdict(advice, c, experiment::Language::en);
  CHECK(verdict.find("Advice: 2 advisor(s)") != std::string::npos);
  CHECK(verdict.find("3 advisor(s), instrument budget €100,000 has the best mean (151.0), but "
                     "this option's difference from it, -1.0 [-3.6, +1.6], cannot be told from "
                     "chance") != std::string::npos);
  CHECK(verdict.find("costs €100,000 less") != std::string::npos);
  const std::string nl = experiment::advice_verdict(advice, c, experiment::Language::nl);
  CHECK(nl.find("-1,0 [-3,6; +1,6]") != std::string::npos);
  CHECK(nl.find("kost gemiddeld € 100.000 minder") != std::string::npos);
  // 3 advisors place 10-12 more in every replication: beyond chance, they are advised.
  results[1] = option(reps({160, 163, 160, 161}, 400000));
  advice = experiment::evaluate_advice(levels, results, c, experiment::Objective::placements);
  REQUIRE(advice.recommended == std::size_t{1});
  CHECK_FALSE(advice.options[0].as_good_as_best);
  // An option that the wait target excludes and that does better only by chance does not make
  // the wait target binding; one that does better beyond chance does.
  results[1] = option(reps({151, 150, 152, 151}, 400000));
  for (auto& r : results[1].replications) r.kpis["wait_p90_worst_month"] = 20.0;
  advice = experiment::evaluate_advice(levels, results, c, experiment::Objective::placements);
  REQUIRE(advice.recommended == std::size_t{0});
  CHECK_FALSE(advice.binding);
  results[1] = option(reps({160, 163, 160, 161}, 400000));
  for (auto& r : results[1].replications) r.kpis["wait_p90_worst_month"] = 20.0;
  advice = experiment::evaluate_advice(levels, results, c, experiment::Objective::placements);
  REQUIRE(advice.recommended == std::size_t{0});
  REQUIRE(advice.binding);
  CHECK(advice.criteria[*advice.binding] == "wait_per_month");
  CHECK(advice.excluded == std::size_t{1});
}

TEST_CASE(
    "advice: a minimum of placements binds and with no option qualifying the closest is named",
    "[experiment][advice]") {
  const std::vector<experiment::ScenarioResults> results = {
      option(four({1.0, 0, 100, 200000, 0}, {}, 0)), option(four({1.0, 0, 160, 300000, 0}, {}, 0)),
      option(four({12.0, 0, 190, 400000, 0}, {1.0, 0, 190, 400000, 0}, 1))};
  experiment::AdviceCriteria c;
  c.min_placements = 150.0;
  auto advice = experiment::evaluate_advice(kThreeLevels, results, c, experiment::Objective::cost);
  REQUIRE(advice.recommended);
  CHECK(*advice.recommended == 1);
  REQUIRE(advice.binding);
  CHECK(advice.criteria[*advice.binding] == "min_placements");
  // Nobody reaches 200 placements: no advice; the closest option (highest joint probability,
  // the first on a tie) fails on placements.
  c.min_placements = 200.0;
  advice = experiment::evaluate_advice(kThreeLevels, results, c, experiment::Objective::cost);
  CHECK_FALSE(advice.recommended);
  REQUIRE(advice.binding);
  CHECK(advice.criteria[*advice.binding] == "min_placements");
  const std::string nl = experiment::advice_verdict(advice, c, experiment::Language::nl);
  CHECK(nl.find("Geen advies") != std::string::npos);
  CHECK(nl.find("Bindend criterium: 'minstens 200 plaatsingen'") != std::string::npos);
}

TEST_CASE("a budget that runs out in 2 of 4 replications: 50% and the median of those months",
          "[experiment][kpi]") {
  // Every key figure present (the table lists them all); the budget's two figures by hand.
  const std::vector<double> flag = {1.0, 0.0, 1.0, 0.0};
  const std::vector<double> month = {7.0, kNaN, 10.0, kNaN};
  experiment::ScenarioResults r;
  r.name = "hand";
  for (std::size_t i = 0; i < 4; ++i) {
    model::ReplicationResult rep;
    for (const model::MetricInfo& info : model::key_figures()) rep.kpis[std::string(info.name)] = 0;
    rep.kpis["instrument_budget_exhausted"] = flag[i];
    rep.kpis["instrument_budget_exhausted_month"] = month[i];
    rep.kpis["centre_budget_exhausted_month"] = kNaN;
    rep.kpis["wait_months_above_target"] = 0.25 * static_cast<double>(i);
    for (int m = 0; m < 24; ++m) {
      rep.month_labels.push_back(fmt::format("{}-{:02}", 2020 + (m + 10) / 12, (m + 10) % 12 + 1));
    }
    r.replications.push_back(rep);
  }
  const kernel::ReplicationBand b = kernel::replication_band(month);
  CHECK(b.replications == 4);
  CHECK(b.present == 2);
  CHECK(b.median == 8.5);  // the type-7 median of 7 and 10
  CHECK(kernel::replication_band(flag).mean == 0.5);
  const std::string table = experiment::kpi_table({r}, experiment::Language::en);
  CHECK(table.find("P = 50%") != std::string::npos);
  // Month index 8.5 rounds to 9 (2021-08: month 0 is 2020-11); in 2 of the 4 replications.
  CHECK(table.find("2021-08 in 2 of 4") != std::string::npos);
  CHECK(table.find("never") != std::string::npos);  // the centre budget never ran out
  // The share of months above the wait target: mean 37.5% (0, 25, 50, 75).
  CHECK(table.find("38% [") != std::string::npos);
  const std::string nl = experiment::kpi_table({r}, experiment::Language::nl);
  CHECK(nl.find("2021-08 in 2 van 4") != std::string::npos);
  CHECK(nl.find("nooit") != std::string::npos);
}
