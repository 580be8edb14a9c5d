// Benefit months and euros of constructed people with fixed paths, computed by hand (issue 12):
// WW at 75% of the capped wage in the first two months of a spell and 70% after, PW at the
// monthly norm, spells before day 0 counted from day 0, inflow counted where a spell begins,
// people counted at a month end when they hold the state at its last instant.
//
// Months are D = 30.4375 days (the model's month of benefit accounting) so that every
// boundary below is a whole number of months and the arithmetic is the one written out here.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include <string>

#include "model/indicators.hpp"
#include "model/parameters.hpp"
#include "model/person.hpp"
#include "model/region_model.hpp"
#include "model/world_totals.hpp"
#include "scenario/loader.hpp"

using namespace werkstroom;
using model::Spell;
using model::State;

namespace {

constexpr double D = model::kDaysPerMonth;  // 30.4375 days

model::ModelParameters benefit_rules() {
  model::ModelParameters p;
  p.benefits.ww_replacement_first_months = 0.75;
  p.benefits.ww_first_months = 2;
  p.benefits.ww_replacement_after = 0.70;
  p.benefits.ww_max_monthly_wage_eur = 4000.0;  // the cap in this test (not the real one)
  p.benefits.pw_monthly_cost_eur = 1200.0;
  return p;
}

model::Person person_with_wage(double wage) {
  model::Person person;
  person.attributes.last_wage_eur = static_cast<float>(wage);
  return person;
}

std::vector<double> eight_months() {
  std::vector<double> starts;
  for (int m = 0; m <= 8; ++m) starts.push_back(m * D);
  return starts;
}

void check_series(const std::vector<double>& actual, const std::vector<double>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t m = 0; m < expected.size(); ++m) {
    INFO("month " << m);
    CHECK(actual[m] == Approx(expected[m]).epsilon(1e-12).margin(1e-9));
  }
}

}  // namespace

TEST_CASE("benefit euros and months of three people, by hand", "[model][money]") {
  const model::ModelParameters p = benefit_rules();
  model::WorldTotals totals(p, eight_months());
  // A: wage 3000 (below the cap), WW from day 0 for exactly 6 months, then work.
  //    Months 0-1 at 75%: 2250 each; months 2-5 at 70%: 2100 each. Total 12,900.
  totals.add_path(person_with_wage(3000),
                  std::vector<Spell>{{0.0, State::ww}, {6 * D, State::employed}});
  // B: wage 8000, capped at 4000: WW from mid month 0 for one month (all in its first two
  //    months: 75% of 4000 = 3000 a month): 1500 in month 0, 1500 in month 1. Then PW from
  //    mid month 1 to the horizon: 600 in month 1, 1200 in each of months 2-7.
  totals.add_path(person_with_wage(8000),
                  std::vector<Spell>{{0.5 * D, State::ww}, {1.5 * D, State::pw}});
  // C: the initial stock: WW since day -1.5 D (wage 3000), so its first two months end at
  //    day 0.5 D: month 0 is half at 75% (1125) and half at 70% (1050); month 1 at 70% (2100).
  //    The entitlement ends at 2 D; then job seeker without benefit. No inflow: the spell
  //    began before the horizon.
  totals.add_path(person_with_wage(3000),
                  std::vector<Spell>{{-1.5 * D, State::ww}, {2 * D, State::nug}});
  const model::WorldSeries s = totals.finish();

  check_series(s.ww_benefit_eur,
               {2250 + 1500 + 2175, 2250 + 1500 + 2100, 2100, 2100, 2100, 2100, 0, 0});
  check_series(s.pw_benefit_eur, {0, 600, 1200, 1200, 1200, 1200, 1200, 1200});
  check_series(s.ww_benefit_months, {1 + 0.5 + 1, 1 + 0.5 + 1, 1, 1, 1, 1, 0, 0});
  check_series(s.pw_benefit_months, {0, 0.5, 1, 1, 1, 1, 1, 1});
  double ww_total = 0.0;
  for (const double v : s.ww_benefit_eur) ww_total += v;
  CHECK(ww_total == Approx(12900.0 + 3000.0 + 4275.0).epsilon(1e-12));

  // Inflow where a spell begins inside the horizon; C's WW began before it.
  check_series(s.ww_inflow, {2, 0, 0, 0, 0, 0, 0, 0});
  check_series(s.ww_returns, {0, 0, 0, 0, 0, 0, 0, 0});  // A's and B's rights are new
  check_series(s.pw_inflow, {0, 1, 0, 0, 0, 0, 0, 0});
  check_series(s.work_after_ww, {0, 0, 0, 0, 0, 0, 1, 0});
  // Month ends: the boundary k*D belongs to the month that ends there; a spell holding
  // [start, end) counts at a boundary b when start <= b < end.
  const auto at = [&s](State state) { return s.running[static_cast<std::size_t>(state)]; };
  check_series(at(State::ww), {3, 1, 1, 1, 1, 0, 0, 0});  // A until 6D (not at it), B, C
  check_series(at(State::pw), {0, 1, 1, 1, 1, 1, 1, 1});
  check_series(at(State::nug), {0, 1, 1, 1, 1, 1, 1, 1});
  check_series(at(State::employed), {0, 0, 0, 0, 0, 1, 1, 1});
}

TEST_CASE("a revived WW benefit goes on at the rate where it stopped, by hand", "[model][money]") {
  // Wage 3000: WW for one month (75%: 2250), work for one month, the job ends, WW again for
  // two months (herleving: the right's second month at 75%, 2250, then its third at 70%,
  // 2100), then PW. A new right would have paid 2250 twice.
  const model::ModelParameters p = benefit_rules();
  model::WorldTotals totals(p, eight_months());
  totals.add_path(
      person_with_wage(3000),
      std::vector<Spell>{
          {0.0, State::ww}, {1 * D, State::employed}, {2 * D, State::ww}, {4 * D, State::pw}});
  const model::WorldSeries s = totals.finish();
  check_series(s.ww_benefit_eur, {2250, 0, 2250, 2100, 0, 0, 0, 0});
  check_series(s.ww_inflow, {1, 0, 1, 0, 0, 0, 0, 0});   // a return is WW inflow again
  check_series(s.ww_returns, {0, 0, 1, 0, 0, 0, 0, 0});  // and of it, a return
  check_series(s.pw_benefit_eur, {0, 0, 0, 0, 1200, 1200, 1200, 1200});
}

TEST_CASE("a spell split in two at the same instant gives the same euros as the whole spell",
          "[model][money]") {
  // Subtracting an account fed the same paths in the same order leaves exactly 0: the basis
  // of the exact difference between the two worlds.
  const model::ModelParameters p = benefit_rules();
  model::WorldTotals a(p, eight_months());
  model::WorldTotals b(p, eight_months());
  const std::vector<Spell> path = {{0.37 * D, State::ww}, {4.91 * D, State::pw}};
  a.add_path(person_with_wage(3456.78), path);
  b.add_path(person_with_wage(3456.78), path);
  a.subtract(b);
  const model::WorldSeries zero = a.finish();
  for (const double v : zero.ww_benefit_eur) CHECK(v == 0.0);
  for (const double v : zero.pw_benefit_eur) CHECK(v == 0.0);
  for (const double v : zero.ww_inflow) CHECK(v == 0.0);
  for (const double v : zero.ww_returns) CHECK(v == 0.0);
}

TEST_CASE("prevented WW inflow is the prevented new inflow plus the prevented returns, by hand",
          "[model][money]") {
  // Three people in both worlds, 8 months:
  //  P, threatened from day 0. Without the service the job goes at 2 D: new to WW (inflow 1,
  //     not a return). With it, P moves straight to another job: no WW.
  //  Q, in WW since day -3 D (the stock: no inflow in either world). Without the service Q
  //     stays in WW to the horizon. With it, Q is placed at 1 D, the job ends at 3 D and Q
  //     comes back: WW inflow 1, of it a return 1.
  //  R, threatened, then a job at 1 D that ends at 4 D into WW, the same in both worlds: new to
  //     WW (no earlier WW spell), not a return although the spell before is a job.
  // Prevented WW inflow: without (2) minus with (2) = 0; returns: without (0) minus with (1)
  // = -1; new to WW: without (2) minus with (1) = +1 (P's), and 0 = 1 + (-1).
  const model::ModelParameters p = benefit_rules();
  model::WorldTotals without(p, eight_months());
  model::WorldTotals with(p, eight_months());
  const model::Person person = person_with_wage(3000);
  without.add_path(person, std::vector<Spell>{{0.0, State::threatened}, {2 * D, State::ww}});
  with.add_path(person, std::vector<Spell>{{0.0, State::threatened}, {2 * D, State::employed}});
  without.add_path(person, std::vector<Spell>{{-3 * D, State::ww}});
  with.add_path(person, std::vector<Spell>{
                            {-3 * D, State::ww}, {1 * D, State::employed}, {3 * D, State::ww}});
  const std::vector<Spell> r_path = {
      {0.0, State::threatened}, {1 * D, State::employed}, {4 * D, State::ww}};
  without.add_path(person, r_path);
  with.add_path(person, r_path);
  const model::WorldSeries a = without.finish();
  const model::WorldSeries b = with.finish();
  check_series(a.ww_inflow, {0, 0, 1, 0, 1, 0, 0, 0});
  check_series(a.ww_returns, {0, 0, 0, 0, 0, 0, 0, 0});
  check_series(b.ww_inflow, {0, 0, 0, 1, 1, 0, 0, 0});
  check_series(b.ww_returns, {0, 0, 0, 1, 0, 0, 0, 0});
  const model::WorldDifference d = model::world_difference(a, b);
  CHECK(d.prevented_ww_inflow == 0.0);
  CHECK(d.prevented_ww_returns == -1.0);
  CHECK(d.prevented_ww_new_inflow == 1.0);
}

TEST_CASE("the centre's staff cost of the default year, by hand", "[model][money]") {
  // 2 advisors x 36 hours a week x EUR 53.27 an hour, paid for the service year 1 Nov 2020 to
  // 31 Oct 2021: 365 days = 52 1/7 weeks. 2 x 36 x 53.27 x 365 / 7 = EUR 199,990.80 (the
  // S-opl's EUR 200,000 for 2 fte). No instrument costs anything here and no advisor is hired,
  // so that is all the money spent.
  model::ModelParameters p =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml")
          .parameters;
  REQUIRE(p.horizon.start_date.to_string() == "2020-11-01");
  REQUIRE(p.horizon.service_end_date.to_string() == "2021-10-31");
  REQUIRE(p.staff.advisors == 2);
  REQUIRE(p.staff.hours_per_week == 36.0);
  REQUIRE(p.staff.internal_cost_per_hour_eur == 53.27);
  REQUIRE(p.staff.schedule.empty());
  p.scaling.enabled = false;
  for (model::InstrumentParameters& i : p.instruments) i.cost_eur = 0.0;
  const double by_hand = 2 * 36 * 53.27 * 365.0 / 7.0;
  CHECK(by_hand == Approx(199990.80).margin(0.01));
  const model::ReplicationResult r = model::run_replication(p, model::ReplicationSettings{1, 0});
  CHECK(r.kpis.at("cost_eur") == Approx(by_hand).epsilon(1e-12));
  CHECK(r.kpis.at("net_savings_eur") ==
        Approx(r.kpis.at("benefit_eur_saved") - r.kpis.at("benefit_eur_displaced") - by_hand)
            .epsilon(1e-12));
}

TEST_CASE("maatwerk is capped per person and every euro spent is accounted", "[model][money]") {
  // The maatwerk instrument made to cost EUR 1,234.50 and offered to everyone selected: each
  // person's maatwerk commits min(1,234.50, cap 1,000 - used) = EUR 1,000, so the money spent
  // on maatwerk is a whole multiple of 1,000 (uncapped, n people would cost 1,234.50 n, a
  // multiple of 1,000 only for n a multiple of 2,000). All money spent is the staff cost worked out
  // above plus what the instrument and maatwerk streams report spent.
  model::ModelParameters p =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml")
          .parameters;
  p.scaling.enabled = false;
  REQUIRE(p.budget.maatwerk_cap_per_person_eur == 1000.0);
  bool found = false;
  for (model::InstrumentParameters& i : p.instruments) {
    if (i.budget_stream != "maatwerk") continue;
    i.cost_eur = 1234.5;
    i.assign_probability = 1.0;
    found = true;
  }
  REQUIRE(found);
  const double staff = 2 * 36 * 53.27 * 365.0 / 7.0;
  const model::ReplicationResult r = model::run_replication(p, model::ReplicationSettings{2, 0});
  const auto last = [&r](model::Indicator i) { return r.service.row(i).back(); };
  const double maatwerk = last(model::Indicator::budget_maatwerk_spent_eur);
  const double instruments = last(model::Indicator::budget_instruments_spent_eur);
  REQUIRE(maatwerk > 0.0);
  CHECK(std::fmod(maatwerk, 1000.0) == 0.0);
  CHECK(r.kpis.at("cost_eur") == Approx(staff + instruments + maatwerk).epsilon(1e-12));
}
