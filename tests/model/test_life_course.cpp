// The rules of a working life without the service, checked against what they must give in
// closed form: how long a job found out of work lasts (the UWV figure the default's job-end
// hazards are derived from), which share of PW exits is for work, and that WW entitlement used
// in an earlier spell is not given again (herleving, not renewal).

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "kernel/calendar.hpp"
#include "model/life_course.hpp"
#include "model/population.hpp"
#include "model_test_support.hpp"

namespace {

using werkstroom::model::Cohort;
using werkstroom::model::Hazard;
using werkstroom::model::kDaysPerMonth;
using werkstroom::model::LifeCourse;
using werkstroom::model::ModelParameters;
using werkstroom::model::Person;
using werkstroom::model::Spell;
using werkstroom::model::State;

constexpr double kMonths = 120.0;  // a long horizon: paths run long enough to see the rates

std::vector<double> month_starts() {
  std::vector<double> out;
  for (int m = 0; m <= static_cast<int>(kMonths); ++m) out.push_back(m * kDaysPerMonth);
  return out;
}

/// The default hazards with the calendar flattened: rates are then the scenario's own.
ModelParameters flat_calendar() {
  ModelParameters p = werkstroom::test::default_parameters();
  p.hazards.find_work_factor_by_month = {1.0};
  p.hazards.job_loss_factor_by_month = {1.0};
  p.economy.unemployment_rate_pct.clear();  // no economy paths: the hazards as written
  p.economy.vacancies_per_unemployed.clear();
  p.shocks.now_end_enabled = false;
  return p;
}

Person person_in(State start, std::uint64_t id, float entitlement_months) {
  Person person;
  person.id = id;
  person.cohort = start == State::pw ? Cohort::pw_applicant : Cohort::ww_inflow;
  person.start_state = start;
  person.arrival_day = 0.0;
  person.attributes.ww_entitlement_months = entitlement_months;
  person.attributes.distance = 0.0F;
  person.attributes.flex_contract = false;
  return person;
}

LifeCourse life_of(const ModelParameters& p, const std::vector<double>& months) {
  return LifeCourse(p, months, werkstroom::kernel::StreamKey{11, 0, 0, 0}, months.back());
}

}  // namespace

TEST_CASE("a job found out of work lasts a year as often as the UWV figure says", "[model][life]") {
  // UWV 'Kansrijk uit de WW' (2016): 60% of those leaving WW for work stay in work a year. The
  // default's flexible share and job-end rates are derived from it; here the simulated paths
  // must give it back: 0.84 exp(-12 f) + 0.16 exp(-12 p).
  const ModelParameters p = flat_calendar();
  const std::vector<double> months = month_starts();
  const LifeCourse life = life_of(p, months);
  const double f = p.hazards.job_end_flex.rate_per_month;
  const double q = p.hazards.job_end_permanent.rate_per_month;
  const double share = p.hazards.new_job_flex_share;
  const double expected = share * std::exp(-12.0 * f) + (1.0 - share) * std::exp(-12.0 * q);
  CHECK_THAT(expected, Catch::Matchers::WithinAbs(0.60, 0.005));  // the derivation's target

  int jobs = 0;
  int lasted = 0;
  for (std::uint64_t id = 1; id <= 40000; ++id) {
    const std::vector<Spell> path = life.baseline_path(person_in(State::ww, id, 200.0F));
    for (std::size_t i = 1; i < path.size(); ++i) {
      if (path[i].state != State::employed || path[i - 1].state != State::ww) continue;
      const double start = path[i].start_day;
      if (start + 12.0 * kDaysPerMonth > months.back()) continue;  // not observed for a year
      ++jobs;
      const bool ended =
          i + 1 < path.size() && path[i + 1].start_day < start + 12.0 * kDaysPerMonth;
      lasted += ended ? 0 : 1;
    }
  }
  REQUIRE(jobs > 10000);
  const double observed = static_cast<double>(lasted) / jobs;
  // Binomial standard error at n > 10,000 is below 0.005: four of them.
  CHECK_THAT(observed, Catch::Matchers::WithinAbs(expected, 0.02));
}

TEST_CASE("about half of the PW exits are for work, as CBS reports", "[model][life]") {
  // CBS (2018): about half of those leaving bijstand go to work. With the default hazards the
  // modelled PW stock of new applicants must leave for work about half of the time.
  const ModelParameters p = flat_calendar();
  const std::vector<double> months = month_starts();
  const LifeCourse life = life_of(p, months);
  int to_work = 0;
  int other = 0;
  for (std::uint64_t id = 1; id <= 20000; ++id) {
    const std::vector<Spell> path = life.baseline_path(person_in(State::pw, id, 0.0F));
    if (path.size() < 2) continue;  // still in PW at the horizon
    (path[1].state == State::employed ? to_work : other) += 1;
    CHECK((path[1].state == State::employed || path[1].state == State::inactive));
  }
  const double share_work = static_cast<double>(to_work) / (to_work + other);
  CHECK(share_work > 0.35);
  CHECK(share_work < 0.65);
}

TEST_CASE("with only constant hazards the PW exit shares are their ratio", "[model][life]") {
  // Two competing constant hazards a (work) and b (other): the exit is for work with
  // probability a / (a + b), whatever the clocks' draws.
  ModelParameters p = flat_calendar();
  p.hazards.pw_find_work = Hazard{0.03, 0.0};
  p.hazards.pw_other_exit = Hazard{0.01, 0.0};
  p.hazards.distance_effect = 0.0;
  const std::vector<double> months = month_starts();
  const LifeCourse life = life_of(p, months);
  int to_work = 0;
  int exits = 0;
  for (std::uint64_t id = 1; id <= 20000; ++id) {
    const std::vector<Spell> path = life.baseline_path(person_in(State::pw, id, 0.0F));
    if (path.size() < 2) continue;
    ++exits;
    to_work += path[1].state == State::employed ? 1 : 0;
  }
  REQUIRE(exits > 19000);  // P(no exit in 120 months) = exp(-4.8) < 1%
  CHECK_THAT(static_cast<double>(to_work) / exits, Catch::Matchers::WithinAbs(0.75, 0.015));
}

TEST_CASE("WW entitlement used before is not given again when a job ends", "[model][life]") {
  // Every WW spell that runs to its end (the next state is PW or NUG, not work or inactive)
  // lasts exactly the entitlement less the WW days of the person's earlier spells; a job that
  // ends after the entitlement is used up leads to PW or NUG, never to WW -- also when the days
  // used add up to the entitlement only to within rounding (no WW spell of zero length).
  const ModelParameters p = flat_calendar();
  const std::vector<double> months = month_starts();
  const LifeCourse life = life_of(p, months);
  const float entitlement = 9.0F;
  int exhausted_later_spells = 0;
  int empty_ww_spells = 0;
  for (std::uint64_t id = 1; id <= 20000; ++id) {
    const std::vector<Spell> path = life.baseline_path(person_in(State::ww, id, entitlement));
    double used = 0.0;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
      const double length = path[i + 1].start_day - path[i].start_day;
      if (path[i].state == State::ww) {
        empty_ww_spells += length <= LifeCourse::kUsedUpDays ? 1 : 0;
        const State next = path[i + 1].state;
        if (next == State::pw || next == State::nug) {
          CHECK_THAT(length, Catch::Matchers::WithinAbs(entitlement * kDaysPerMonth - used, 1e-6));
          exhausted_later_spells += used > 0.0 ? 1 : 0;
        }
        used += length;
      }
      if (path[i].state == State::employed && path[i + 1].state == State::ww) {
        CHECK(used < entitlement * kDaysPerMonth - LifeCourse::kUsedUpDays);
      }
    }
  }
  CHECK(empty_ww_spells == 0);
  CHECK(exhausted_later_spells > 100);  // revived spells that ran out were seen
}

TEST_CASE("a job kept when the threat passes does not end within the model", "[model][life]") {
  // Only re-employment out of work (WW, PW, NUG, TOZO) can end: a kept job returns the person
  // to the working population, whose job losses the cohorts' inflows already are. Even with
  // job-end hazards far above the default, a threatened worker whose threat passes stays in work.
  ModelParameters p = flat_calendar();
  p.hazards.threatened_job_loss = Hazard{0.0, 0.0};
  p.hazards.threatened_find_job = Hazard{0.0, 0.0};
  p.hazards.threatened_threat_passes = Hazard{1.0, 0.0};
  p.hazards.job_end_permanent = Hazard{0.5, 0.0};
  p.hazards.job_end_flex = Hazard{0.5, 0.0};
  const std::vector<double> months = month_starts();
  const LifeCourse life = life_of(p, months);
  for (std::uint64_t id = 1; id <= 2000; ++id) {
    Person person = person_in(State::threatened, id, 6.0F);
    person.cohort = Cohort::threatened;
    const std::vector<Spell> path = life.baseline_path(person);
    REQUIRE(path.size() == 2);
    CHECK(path[1].state == State::employed);
  }
}

TEST_CASE("a job found out of work ends at its contract's rate", "[model][life]") {
  // All new jobs permanent: the job lasts Exp(q); all flexible: Exp(f). Mean of the job length
  // capped at 24 months is (1 - exp(-24 r)) / r months for rate r.
  ModelParameters p = flat_calendar();
  p.hazards.ww_find_work = Hazard{2.0, 0.0};  // work is found within days
  p.hazards.ww_other_exit = Hazard{0.0, 0.0};
  p.hazards.distance_effect = 0.0;
  p.hazards.job_end_permanent = Hazard{0.02, 0.0};
  p.hazards.job_end_flex = Hazard{0.1, 0.0};
  const std::vector<double> months = month_starts();
  for (const double share : {0.0, 1.0}) {
    p.hazards.new_job_flex_share = share;
    const LifeCourse life = life_of(p, months);
    const double rate = share == 1.0 ? 0.1 : 0.02;
    double total_length = 0.0;
    int jobs = 0;
    for (std::uint64_t id = 1; id <= 8000; ++id) {
      const std::vector<Spell> path = life.baseline_path(person_in(State::ww, id, 200.0F));
      REQUIRE(path.size() >= 2);
      REQUIRE(path[1].state == State::employed);
      const double end = path.size() > 2 ? path[2].start_day : months.back();
      total_length += std::min(end, path[1].start_day + 24.0 * kDaysPerMonth) - path[1].start_day;
      ++jobs;
    }
    const double expected = (1.0 - std::exp(-24.0 * rate)) / rate * kDaysPerMonth;
    CHECK_THAT(total_length / jobs, Catch::Matchers::WithinRel(expected, 0.03));
  }
}

TEST_CASE("people who start in PW, NUG or TOZO have no WW right to return to", "[model][life]") {
  // Their WW rights are used up or never existed, and a job found later gives none in the
  // model: no path of theirs ever enters WW.
  namespace model = werkstroom::model;
  const ModelParameters p = werkstroom::test::default_parameters();
  const std::vector<double> months = model::month_boundaries(p);
  const werkstroom::kernel::Calendar calendar(p.horizon.start_date, p.horizon.holidays);
  const werkstroom::kernel::StreamKey key{7, 0, 0, 0};
  const model::PopulationGenerator generator(p, calendar, months, key);
  const LifeCourse life(p, months, key, months.back());
  std::size_t checked = 0;
  for (const model::PartId id : model::population_parts(p)) {
    if (id.kind != model::PartKind::cohort) continue;
    const auto start = p.cohorts[id.index].start_state;
    if (start == model::StartState::ww || start == model::StartState::threatened) continue;
    generator.generate_part(id, [&](Person&& person) {
      ++checked;
      CHECK(person.attributes.ww_entitlement_months == 0.0F);
      for (const Spell& spell : life.baseline_path(person)) CHECK(spell.state != State::ww);
    });
  }
  CHECK(checked > 1000);
}

TEST_CASE("a job found from work can end, at the person's own contract's rate", "[model][life]") {
  // A threatened worker who finds another job (not a kept job) can lose it: with a permanent
  // contract of their own at the permanent rate, with a flexible one at the flexible rate,
  // whatever the new-job share (which is for jobs found out of work).
  ModelParameters p = flat_calendar();
  p.hazards.threatened_job_loss = Hazard{0.0, 0.0};
  p.hazards.threatened_threat_passes = Hazard{0.0, 0.0};
  p.hazards.threatened_find_job = Hazard{2.0, 0.0};
  p.hazards.distance_effect = 0.0;
  p.hazards.job_end_permanent = Hazard{0.02, 0.0};
  p.hazards.job_end_flex = Hazard{0.1, 0.0};
  p.hazards.new_job_flex_share = 0.5;
  const std::vector<double> months = month_starts();
  const LifeCourse life = life_of(p, months);
  for (const bool flex : {false, true}) {
    const double rate = flex ? 0.1 : 0.02;
    double total_length = 0.0;
    int jobs = 0;
    for (std::uint64_t id = 1; id <= 8000; ++id) {
      Person person = person_in(State::threatened, id, 6.0F);
      person.cohort = Cohort::threatened;
      person.attributes.flex_contract = flex;
      const std::vector<Spell> path = life.baseline_path(person);
      REQUIRE(path.size() >= 2);
      REQUIRE(path[1].state == State::employed);
      const double end = path.size() > 2 ? path[2].start_day : months.back();
      total_length += std::min(end, path[1].start_day + 24.0 * kDaysPerMonth) - path[1].start_day;
      ++jobs;
    }
    INFO("flexible contract: " << flex);
    const double expected = (1.0 - std::exp(-24.0 * rate)) / rate * kDaysPerMonth;
    CHECK_THAT(total_length / jobs, Catch::Matchers::WithinRel(expected, 0.03));
  }
}
