// The economy as a scenario input (issue 13): the unemployment path moves the rates by
// (u / u_ref)^elasticity, by hand; a worse economy raises the inflow into WW and lowers the
// exits to work; a path at the reference changes nothing, bit for bit.

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <vector>

#include "model/economy.hpp"
#include "model/population_parts.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;

TEST_CASE("the economy multiplies a rate by (u / u_ref) to its elasticity, by hand",
          "[model][economy]") {
  model::EconomyParameters e;
  e.reference_unemployment_rate_pct = 4.0;
  CHECK(model::economy_factor(e, 0, 1.0) == 1.0);  // no path: no economy
  e.unemployment_rate_pct = {4.0, 5.0, 6.0};
  CHECK(model::economy_factor(e, 0, 1.0) == 1.0);
  CHECK(model::economy_factor(e, 1, 1.0) == Approx(1.25));
  CHECK(model::economy_factor(e, 2, 2.0) == Approx(2.25));
  CHECK(model::economy_factor(e, 2, -0.5) == Approx(1.0 / std::sqrt(1.5)));
  CHECK(model::economy_factor(e, 9, 1.0) == Approx(1.5));  // the last value after the end
  CHECK(model::economy_factor(e, 2, 0.0) == 1.0);
  const std::vector<double> factors = model::with_economy({2.0, 3.0}, e, 4, 1.0);
  REQUIRE(factors.size() == 4);
  CHECK(factors[0] == 2.0);
  CHECK(factors[1] == Approx(3.0 * 1.25));
  CHECK(factors[2] == Approx(3.0 * 1.5));
  CHECK(factors[3] == Approx(3.0 * 1.5));
}

TEST_CASE("the tightness multiplies a rate by (v / v_ref) to its own elasticity, by hand",
          "[model][economy]") {
  model::EconomyParameters e;
  e.reference_unemployment_rate_pct = 4.0;
  e.reference_vacancies_per_unemployed = 0.5;
  e.vacancies_per_unemployed = {0.5, 0.25, 1.0};
  CHECK(model::economy_factor(e, 1, 0.0, 0.5) == 1.0 * std::sqrt(0.5));  // no u path: only v
  e.unemployment_rate_pct = {4.0, 5.0};
  // Month 1: (5/4)^-1 (0.25/0.5)^0.5; month 2: u holds its last value 5, v = 1.0.
  CHECK(model::economy_factor(e, 1, -1.0, 0.5) == Approx(0.8 * std::sqrt(0.5)));
  CHECK(model::economy_factor(e, 2, -1.0, 0.5) == Approx(0.8 * std::sqrt(2.0)));
  CHECK(model::economy_factor(e, 7, 0.0, 1.0) == Approx(2.0));  // the last value after the end
  CHECK(model::economy_factor(e, 1, 0.0, 0.0) == 1.0);
  const std::vector<double> factors = model::with_economy({3.0}, e, 3, 0.0, 1.0);
  CHECK(factors == std::vector<double>{3.0, 1.5, 6.0});
}

namespace {
// The default scenario's economy held at `pct` for the whole horizon, its tightness moving as
// the default assumes (the vacancies unchanged: v = v_ref u_ref / u).
model::ModelParameters at_unemployment(double pct) {
  model::ModelParameters p = test::default_parameters();
  p.economy.unemployment_rate_pct = {pct};
  p.economy.vacancies_per_unemployed = {p.economy.reference_vacancies_per_unemployed *
                                        p.economy.reference_unemployment_rate_pct / pct};
  return p;
}
}  // namespace

TEST_CASE("a path at the reference changes no figure", "[model][economy]") {
  model::ModelParameters base = test::default_parameters();
  base.economy.unemployment_rate_pct.clear();  // no paths at all
  base.economy.vacancies_per_unemployed.clear();
  const auto a = test::run(base);
  const auto b = test::run(at_unemployment(base.economy.reference_unemployment_rate_pct));
  CHECK(model::same_figures(a.kpis, b.kpis));
  CHECK(a.without_service.ww_benefit_eur == b.without_service.ww_benefit_eur);
}

TEST_CASE("higher unemployment raises WW inflow and lowers exits from WW to work",
          "[model][economy]") {
  const double reference = test::default_parameters().economy.reference_unemployment_rate_pct;
  // Take-up of NOW and TOZO held fixed, so that the WW inflow moves through job loss only (the
  // bound below); its own test is further down.
  const auto at = [](double pct) {
    model::ModelParameters p = at_unemployment(pct);
    p.economy.take_up_elasticity = 0.0;
    return p;
  };
  const auto low = test::run(at(reference * 0.8));
  const auto mid = test::run(at(reference));
  const auto high = test::run(at(reference * 1.5));
  const auto inflow = [](const model::ReplicationResult& r) {
    return test::total(r.without_service.ww_inflow);
  };
  // Exits to work per WW benefit month: the hazard, not the number (which grows with the stock).
  const auto exit_rate = [](const model::ReplicationResult& r) {
    return test::total(r.without_service.work_after_ww) /
           test::total(r.without_service.ww_benefit_months);
  };
  CHECK(inflow(low) < inflow(mid));
  CHECK(inflow(mid) < inflow(high));
  CHECK(exit_rate(low) > exit_rate(mid));
  CHECK(exit_rate(mid) > exit_rate(high));
  // The new-WW cohort's inflow scales with (1.5)^inflow_elasticity; the others' do not, and
  // returns after a job add to it, so the total rises by less than that factor but clearly.
  const double e = test::default_parameters().economy.inflow_elasticity;
  CHECK(inflow(high) / inflow(mid) > 1.0 + 0.3 * (std::pow(1.5, e) - 1.0));
  CHECK(inflow(high) / inflow(mid) < std::pow(1.5, e));
}

TEST_CASE("the economy outlooks of autumn 2020 order the regional WW stock", "[model][economy]") {
  // Quick recovery < the CPB base projection < the CPB second-wave scenario, at the end of the
  // service year, in the world without the service.
  const auto stock = [](const char* file) {
    const auto r = test::run(test::load_parameters(file));
    const auto& ww = r.without_service.running[static_cast<std::size_t>(model::State::ww)];
    return ww[11];
  };
  const double quick = stock("economy/quick-recovery.toml");
  const double base = stock("economy/mev-2021-base.toml");
  const double wave = stock("economy/mev-2021-second-wave.toml");
  CHECK(quick < base);
  CHECK(base < wave);
}

TEST_CASE("higher unemployment means more employers with a surplus and fewer with vacancies",
          "[model][economy]") {
  // The monitor's inventory over the service year: % of employers visited with over- and
  // undercapacity, summed over the months.
  const double reference = test::default_parameters().economy.reference_unemployment_rate_pct;
  const auto inventory = [](const model::ReplicationResult& r, model::Indicator i) {
    return test::total(r.service.row(i));
  };
  double surplus_mid = 0.0;
  double surplus_high = 0.0;
  double shortage_mid = 0.0;
  double shortage_high = 0.0;
  for (std::uint64_t rep = 0; rep < 4; ++rep) {
    const auto mid = test::run(at_unemployment(reference), 7, rep);
    const auto high = test::run(at_unemployment(reference * 1.5), 7, rep);
    surplus_mid += inventory(mid, model::Indicator::inventory_surplus_pct);
    surplus_high += inventory(high, model::Indicator::inventory_surplus_pct);
    shortage_mid += inventory(mid, model::Indicator::inventory_shortage_pct);
    shortage_high += inventory(high, model::Indicator::inventory_shortage_pct);
  }
  CHECK(surplus_high > surplus_mid);
  CHECK(shortage_high < shortage_mid);
}

TEST_CASE("take-up of NOW and TOZO moves with the economy, school leavers do not",
          "[model][economy]") {
  // New arrivals of a cohort (its people less its initial stock) at 1.5 times the reference
  // unemployment rate against at the reference: (1.5)^take_up_elasticity for threatened workers
  // and TOZO, exactly 1 in expectation for a cohort that starts in NUG (school leavers).
  const double reference = test::default_parameters().economy.reference_unemployment_rate_pct;
  const auto arrivals = [](const model::ModelParameters& p, model::Cohort cohort) {
    const auto shared = std::make_shared<const model::ModelParameters>(p);
    const auto c = static_cast<std::size_t>(cohort);
    double sum = 0.0;
    for (std::uint64_t rep = 0; rep < 4; ++rep) {
      const auto part = model::build_population_part(
          shared, {7, rep}, {model::PartKind::cohort, static_cast<std::uint32_t>(c)});
      sum += static_cast<double>(part->people) - p.cohorts[c].initial_stock;
    }
    return sum;
  };
  model::ModelParameters mid = at_unemployment(reference);
  model::ModelParameters high = at_unemployment(reference * 1.5);
  const double e = mid.economy.take_up_elasticity;
  REQUIRE(e > 0.0);
  for (const model::Cohort c : {model::Cohort::threatened, model::Cohort::tozo}) {
    const double m = arrivals(mid, c);
    const double h = arrivals(high, c);
    INFO("cohort " << model::kCohortNames[static_cast<std::size_t>(c)] << ": " << m << " vs " << h);
    REQUIRE(m > 500.0);  // enough arrivals for a 3-sd Poisson tolerance below 15%
    CHECK(h / m == Approx(std::pow(1.5, e)).epsilon(3.0 * std::sqrt(1.0 / m + 1.0 / h)));
  }
  const double youth_mid = arrivals(mid, model::Cohort::youth);
  const double youth_high = arrivals(high, model::Cohort::youth);
  CHECK(youth_high / youth_mid == Approx(1.0).epsilon(3.0 * std::sqrt(2.0 / youth_mid)));
}
