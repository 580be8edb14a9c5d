// Experiments: results independent of the thread count; common random numbers really pair the
// scenarios; sweeps and the staffing advisor.

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/staffing_advisor.hpp"
#include "experiment/sweep.hpp"
#include "kernel/statistics.hpp"
#include "model/region_model.hpp"
#include "scenario/loader.hpp"
#include "scenario/replication_draws.hpp"

using namespace werkstroom;

namespace {
scenario::LoadedScenario load(const std::string& name) {
  return scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/" + name);
}
std::vector<experiment::ScenarioRun> two_scenarios() {
  auto a = load("gooi-en-vechtstreek.toml");
  auto b = load("scale-up-3fte.toml");
  return {{a.name, a.parameters}, {b.name, b.parameters}};
}
}  // namespace

TEST_CASE("results are bit-identical for any thread count", "[experiment]") {
  experiment::ExperimentSettings one;
  one.replications = 4;
  one.threads = 1;
  experiment::ExperimentSettings three = one;
  three.threads = 3;
  const auto runs = two_scenarios();
  const auto r1 = experiment::run_experiment(runs, one);
  const auto r3 = experiment::run_experiment(runs, three);
  REQUIRE(r1.size() == r3.size());
  for (std::size_t s = 0; s < r1.size(); ++s) {
    for (std::size_t r = 0; r < r1[s].replications.size(); ++r) {
      const auto& a = r1[s].replications[r];
      const auto& b = r3[s].replications[r];
      REQUIRE(model::same_figures(a.kpis, b.kpis));
      REQUIRE(a.events == b.events);
      REQUIRE(a.with_service.ww_benefit_eur == b.with_service.ww_benefit_eur);
    }
  }
}

TEST_CASE("common random numbers pair the scenarios", "[experiment]") {
  // Paired: both scenarios with the same seed. Independent: the second with another seed.
  experiment::ExperimentSettings settings;
  settings.replications = 24;
  settings.threads = 2;
  const auto runs = two_scenarios();
  const auto paired = experiment::run_experiment(runs, settings);
  experiment::ExperimentSettings other = settings;
  other.master_seed = settings.master_seed + 1;
  const auto independent = experiment::run_experiment({runs[1]}, other);
  // (Effect figures such as prevented inflow and euros saved pair weakly: they are themselves
  // within-replication differences of the two worlds. Intakes pair weakly too: the outreach
  // that yields a third of them runs on the staff's time, which differs by design; measured
  // over 60 replications the paired variance is ~0.77 of the independent one. Levels of the
  // region and placements pair strongly: 0.002 and ~0.6.)
  for (const char* kpi : {"placements", "ww_running_end_of_service"}) {
    const auto a = experiment::kpi_values(paired[0], kpi);
    const auto b = experiment::kpi_values(paired[1], kpi);
    const auto b_independent = experiment::kpi_values(independent[0], kpi);
    const double var_paired = std::pow(kernel::summarise_paired_difference(a, b).sd, 2);
    const double var_independent =
        std::pow(kernel::summarise_paired_difference(a, b_independent).sd, 2);
    INFO(kpi << ": variance of the difference, paired " << var_paired << ", independent "
             << var_independent);
    CHECK(var_paired < 0.8 * var_independent);
  }
}

TEST_CASE("sweeps parse their range and pay the advisors they add", "[experiment]") {
  const auto spec = experiment::parse_sweep("staff.fte=1:4");
  CHECK(spec.key == "staff.fte");
  CHECK(experiment::sweep_values(spec) == std::vector<double>{1, 2, 3, 4});
  CHECK(experiment::sweep_values(experiment::parse_sweep("outreach.calls_per_week=10:20:5")) ==
        std::vector<double>{10, 15, 20});
  CHECK_THROWS_AS(experiment::parse_sweep("staff.fte"), std::invalid_argument);
  CHECK_THROWS_AS(experiment::parse_sweep("staff.fte=4:1"), std::invalid_argument);
  CHECK_THROWS_AS(experiment::parse_sweep("staff.fte=1:4:0"), std::invalid_argument);
  CHECK_THROWS_AS(experiment::parse_sweep("staff.fte=1:4x"), std::invalid_argument);
  const auto base = load("gooi-en-vechtstreek.toml");
  const auto runs = experiment::sweep_runs(base, spec);
  REQUIRE(runs.size() == 4);
  CHECK(runs[3].name == "staff.fte=4");
  CHECK(runs[3].parameters.staff.advisors == 4);
  // Four advisors for the service year at the scenario's hourly cost.
  CHECK(runs[3].parameters.budget.centre_budget_eur >=
        4 * 36.0 * (365.0 / 7.0) * base.parameters.staff.internal_cost_per_hour_eur);
  CHECK(runs[0].parameters.budget.centre_budget_eur == base.parameters.budget.centre_budget_eur);
  CHECK_THROWS_AS(experiment::sweep_runs(base, experiment::parse_sweep("staff.advisorz=1:2")),
                  scenario::ScenarioError);
}

TEST_CASE("the staffing advisor runs a grid of levels and budgets and agrees with its own rule",
          "[experiment]") {
  const auto base = load("gooi-en-vechtstreek.toml");
  experiment::ExperimentSettings settings;
  settings.replications = 6;
  settings.threads = 2;
  experiment::AdviceCriteria criteria;
  criteria.max_wait_p90_working_days = 10.0;
  criteria.required_probability = 0.8;
  const auto advice = experiment::advise_staffing(base, criteria, experiment::Objective::cost, 3,
                                                  {100000.0, 150000.0}, settings);
  REQUIRE(advice.options.size() == 6);  // 3 advisors x 2 budgets, advisors fastest
  CHECK(advice.options[3].level.advisors == 1);
  CHECK(advice.options[3].level.instrument_budget_eur == 150000.0);
  REQUIRE(advice.recommended);
  const auto& chosen = advice.options[*advice.recommended];
  CHECK(chosen.probability >= 0.8);
  // The cheapest qualifying option: no qualifying option costs less.
  for (const auto& o : advice.options) {
    if (o.feasible) CHECK(o.mean_cost_eur >= chosen.mean_cost_eur);
  }
  // An impossible target is met by nobody, and the wait criterion is named as binding.
  criteria.max_wait_p90_working_days = -1.0;
  const auto none =
      experiment::advise_staffing(base, criteria, experiment::Objective::cost, 2, {}, settings);
  CHECK_FALSE(none.recommended);
  REQUIRE(none.binding);
  CHECK(none.criteria[*none.binding] == "wait_per_month");
}

TEST_CASE("a shared population gives the same results as a population of its own", "[experiment]") {
  // The two library scenarios differ only in the centre's settings, so the experiment builds
  // one population per replication for both.
  const auto runs = two_scenarios();
  REQUIRE(model::same_population(runs[0].parameters, runs[1].parameters));
  experiment::ExperimentSettings settings;
  settings.replications = 2;
  settings.threads = 2;
  const auto shared = experiment::run_experiment(runs, settings);
  for (std::size_t s = 0; s < runs.size(); ++s) {
    for (std::uint64_t rep = 0; rep < 2; ++rep) {
      // The replication's own draws ([uncertainty]), applied as the experiment applies them.
      const model::ReplicationSettings rs{settings.master_seed, rep};
      const auto alone =
          model::run_replication(scenario::draw_replication_parameters(runs[s].parameters, rs), rs);
      const auto& with_sharing = shared[s].replications[rep];
      REQUIRE(model::same_figures(alone.kpis, with_sharing.kpis));
      REQUIRE(alone.with_service.ww_benefit_eur == with_sharing.with_service.ww_benefit_eur);
      REQUIRE(alone.without_service.running == with_sharing.without_service.running);
      REQUIRE(alone.events == with_sharing.events);
    }
  }
}

TEST_CASE("a population is refused for other population parameters", "[experiment]") {
  auto runs = two_scenarios();
  const auto population = model::build_population(runs[0].parameters, {1, 0});
  auto other = runs[0].parameters;
  other.hazards.ww_find_work.rate_per_month *= 1.1;
  CHECK_FALSE(model::same_population(runs[0].parameters, other));
  CHECK_THROWS_AS(model::run_replication(other, {1, 0}, population.get()), std::invalid_argument);
  CHECK_THROWS_AS(model::run_replication(runs[0].parameters, {2, 0}, population.get()),
                  std::invalid_argument);
  CHECK_NOTHROW(model::run_replication(runs[1].parameters, {1, 0}, population.get()));
}

namespace {
void require_same_replications(const std::vector<experiment::ScenarioResults>& a,
                               const std::vector<experiment::ScenarioResults>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t s = 0; s < a.size(); ++s) {
    REQUIRE(a[s].replications.size() == b[s].replications.size());
    for (std::size_t r = 0; r < a[s].replications.size(); ++r) {
      const auto& x = a[s].replications[r];
      const auto& y = b[s].replications[r];
      REQUIRE(model::same_figures(x.kpis, y.kpis));
      REQUIRE(x.events == y.events);
      REQUIRE(x.with_service == y.with_service);
      REQUIRE(x.without_service == y.without_service);
      REQUIRE(x.service == y.service);
      REQUIRE(x.arrived_by_month_end == y.arrived_by_month_end);
    }
  }
}
}  // namespace

TEST_CASE("a population cache reuses population parts across experiments without changing results",
          "[experiment]") {
  auto runs = two_scenarios();
  experiment::ExperimentSettings plain;
  plain.replications = 3;
  plain.threads = 2;
  experiment::PopulationCache cache(std::size_t{1} << 30U);
  experiment::ExperimentSettings cached = plain;
  cached.population_cache = &cache;
  const std::uint64_t parts = model::population_parts(runs[0].parameters).size();
  REQUIRE(parts >= 8);  // eight cohorts, and the scenario's shocks

  // First experiment: one population per replication, shared by the two scenarios.
  require_same_replications(experiment::run_experiment(runs, plain),
                            experiment::run_experiment(runs, cached));
  CHECK(cache.counts().built == 3 * parts);
  CHECK(cache.counts().reused == 0);
  CHECK(cache.counts().entries == 3 * parts);
  CHECK(cache.counts().bytes > 0);

  // A change to the centre only (one advisor more): every part comes from the cache.
  runs[1].parameters.staff.advisors += 1;
  runs[1].parameters.budget.centre_budget_eur += 100000.0;
  require_same_replications(experiment::run_experiment(runs, plain),
                            experiment::run_experiment(runs, cached));
  CHECK(cache.counts().built == 3 * parts);
  CHECK(cache.counts().reused == 3 * parts);

  // A change to one cohort's inflow in the second scenario: a new population for it, of
  // which only that cohort's part is built; the first scenario's population is all reused.
  runs[1].parameters.cohorts[0].inflow_per_month.front() *= 1.2;
  REQUIRE_FALSE(model::same_population(runs[0].parameters, runs[1].parameters));
  require_same_replications(experiment::run_experiment(runs, plain),
                            experiment::run_experiment(runs, cached));
  CHECK(cache.counts().built == 3 * parts + 3);
  CHECK(cache.counts().reused == 3 * parts + 3 * parts + 3 * (parts - 1));
  CHECK(cache.counts().entries == 3 * parts + 3);

  // A bankruptcy more: only its part is new.
  model::BankruptcyShock extra;
  extra.sector = runs[1].parameters.sectors.front().name;
  extra.staff = 40;
  extra.date = kernel::Date{2021, 6, 1};
  runs[1].parameters.shocks.bankruptcies.push_back(extra);
  const auto before = cache.counts();
  require_same_replications(experiment::run_experiment(runs, plain),
                            experiment::run_experiment(runs, cached));
  CHECK(cache.counts().built == before.built + 3);
  CHECK(cache.counts().reused == before.reused + 3 * parts + 3 * parts);
}

TEST_CASE("a population cache stays within its memory budget", "[experiment]") {
  // Without draws, so that the cache is asked for the parameters as given.
  auto runs = two_scenarios();
  for (auto& run : runs) run.parameters.uncertainty = {};
  const std::uint64_t parts = model::population_parts(runs[0].parameters).size();
  experiment::ExperimentSettings plain;
  plain.replications = 3;
  plain.threads = 1;
  // A budget of about one and a half populations' parts.
  experiment::PopulationCache probe(std::size_t{1} << 30U);
  (void)probe.get_or_build(runs[0].parameters, {plain.master_seed, 0});
  REQUIRE(probe.counts().entries == parts);
  const std::size_t one_population = probe.counts().bytes;
  const std::size_t budget = one_population + one_population / 2;
  experiment::PopulationCache small(budget);
  experiment::ExperimentSettings cached = plain;
  cached.population_cache = &small;
  require_same_replications(experiment::run_experiment(runs, plain),
                            experiment::run_experiment(runs, cached));
  CHECK(small.counts().built == 3 * parts);
  CHECK(small.counts().bytes <= budget);
  CHECK(small.counts().entries < 2 * parts);
  // The last replication's parts are still there, the first one's are gone.
  auto before = small.counts();
  (void)small.get_or_build(runs[0].parameters, {plain.master_seed, 2});
  CHECK(small.counts().reused == before.reused + parts);
  before = small.counts();
  (void)small.get_or_build(runs[0].parameters, {plain.master_seed, 0});
  CHECK(small.counts().built == before.built + parts);
  CHECK(small.counts().reused == before.reused);
  // A budget smaller than any part keeps only the newest one.
  experiment::PopulationCache tiny(1);
  (void)tiny.get_or_build(runs[0].parameters, {plain.master_seed, 0});
  CHECK(tiny.counts().entries == 1);
  tiny.clear();
  CHECK(tiny.counts().entries == 0);
  CHECK(tiny.counts().bytes == 0);
}

TEST_CASE("threads that need the same population part build it once", "[experiment]") {
  const auto runs = two_scenarios();
  const std::uint64_t parts = model::population_parts(runs[0].parameters).size();
  experiment::PopulationCache cache(std::size_t{1} << 30U);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  constexpr int kThreads = 4;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      (void)cache.get_or_build(runs[0].parameters, {1, 0});
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(cache.counts().built == parts);
  CHECK(cache.counts().reused == (kThreads - 1) * parts);
  CHECK(cache.counts().entries == parts);
}

TEST_CASE("a part that cannot be built is not cached and its error reaches the caller",
          "[experiment]") {
  auto p = two_scenarios()[0].parameters;
  model::BankruptcyShock shock;
  shock.date = kernel::Date{2021, 3, 1};
  shock.staff = 10;
  shock.sector = "no such sector";
  p.shocks.bankruptcies.push_back(shock);
  experiment::PopulationCache cache(std::size_t{1} << 30U);
  CHECK_THROWS_WITH(cache.get_or_build(p, {1, 0}), Catch::Contains("no such sector"));
  const auto after_first = cache.counts();
  CHECK_THROWS_WITH(cache.get_or_build(p, {1, 0}), Catch::Contains("no such sector"));
  // The cohorts' parts were kept; the failing part was tried again, not taken from a cache.
  CHECK(cache.counts().built == after_first.built + 1);
  CHECK(cache.counts().entries == after_first.entries);
}

TEST_CASE("scenarios that differ only in a party's referrals do not share a population",
          "[experiment][parties]") {
  // The first party's referrals at arrival are part of the population: a comparison with a
  // variant that only changes a referral factor must give that variant its own population,
  // so its figures are those of running it alone.
  auto base = load("gooi-en-vechtstreek.toml");
  auto more = base;
  more.parameters.parties[static_cast<std::size_t>(model::FirstParty::uwv)].referral_factor = 3.0;
  experiment::ExperimentSettings settings;
  settings.replications = 2;
  settings.threads = 2;
  const auto together =
      experiment::run_experiment({{"base", base.parameters}, {"more", more.parameters}}, settings);
  const auto alone = experiment::run_experiment({{"more", more.parameters}}, settings);
  for (std::size_t r = 0; r < 2; ++r) {
    CHECK(model::same_figures(together[1].replications[r].kpis, alone[0].replications[r].kpis));
    CHECK(together[1].replications[r].kpis.at("party.uwv.referrals") >
          together[0].replications[r].kpis.at("party.uwv.referrals"));
  }
}

TEST_CASE("with draws, a scenario against itself differs by exactly nothing in every replication",
          "[experiment][uncertainty]") {
  // The property behind paired differences under uncertainty: the draws of replication r are
  // the same in every scenario, so two equal scenarios give equal results replication by
  // replication, even when they are separate runs that share no population.
  auto runs = two_scenarios();
  runs[1] = {"copy", runs[0].parameters};
  REQUIRE(runs[0].parameters.uncertainty.active());
  experiment::ExperimentSettings settings;
  settings.replications = 6;
  settings.threads = 2;
  const auto results = experiment::run_experiment(runs, settings);
  for (std::size_t r = 0; r < 6; ++r) {
    CHECK(model::same_figures(results[0].replications[r].kpis, results[1].replications[r].kpis));
  }
  // The draws matter: without them the levels vary less across replications.
  auto fixed = runs;
  for (auto& run : fixed) run.parameters.uncertainty = {};
  const auto without = experiment::run_experiment(fixed, settings);
  const auto spread = [](const std::vector<double>& v) {
    return *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end());
  };
  CHECK(spread(experiment::kpi_values(results[0], "ww_running_end_of_service")) >
        2.0 * spread(experiment::kpi_values(without[0], "ww_running_end_of_service")));
}
