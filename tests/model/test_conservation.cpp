// Conservation of people and money in the default scenario.

#include <catch2/catch.hpp>

#include "model/person.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;
using model::Indicator;

TEST_CASE("every person is in exactly one state at every month end in both worlds", "[model]") {
  const auto p = test::default_parameters();
  const auto r = test::run(p);
  REQUIRE(r.people > 10000);
  for (std::size_t m = 0; m < r.month_labels.size(); ++m) {
    double with = 0.0;
    double without = 0.0;
    for (std::size_t s = 0; s < model::kStateCount; ++s) {
      with += r.with_service.running[s][m];
      without += r.without_service.running[s][m];
    }
    INFO("month " << r.month_labels[m]);
    // Arrivals are counted independently of the spells, by the population generator.
    REQUIRE(with == r.arrived_by_month_end[m]);
    REQUIRE(without == r.arrived_by_month_end[m]);
  }
}

TEST_CASE("money is never spent beyond the budget and commitments are accounted", "[model]") {
  auto p = test::default_parameters();
  p.budget.instrument_budget_eur = 40000.0;  // small enough to run out
  const auto r = test::run(p);
  const std::size_t last = r.month_labels.size() - 1;
  const auto& s = r.service;
  for (std::size_t m = 0; m <= last; ++m) {
    REQUIRE(s.row(Indicator::budget_centre_spent_eur)[m] <= p.budget.centre_budget_eur + 1e-6);
    REQUIRE(s.row(Indicator::budget_centre_spent_eur)[m] <=
            s.row(Indicator::budget_centre_committed_eur)[m] + 1e-6);
    const double inst_spent = s.row(Indicator::budget_instruments_spent_eur)[m] +
                              s.row(Indicator::budget_maatwerk_spent_eur)[m];
    const double inst_committed = s.row(Indicator::budget_instruments_committed_eur)[m] +
                                  s.row(Indicator::budget_maatwerk_committed_eur)[m];
    REQUIRE(inst_spent <= p.budget.instrument_budget_eur + 1e-6);
    REQUIRE(inst_spent <= inst_committed + 1e-6);
    REQUIRE(inst_committed <= p.budget.instrument_budget_eur + 1e-6);
  }
  CHECK(r.kpis.at("instrument_budget_exhausted") == 1.0);
  CHECK(test::total(s.row(Indicator::budget_refusals)) > 0.0);
  // Two advisors for a year cost what S-opl says: EUR 200,000 (36 h x 52.18 weeks x 53.4).
  CHECK(s.row(Indicator::budget_centre_spent_eur)[last] == Approx(200000.0).epsilon(0.01));
}

TEST_CASE("costed secondments and takeovers are paid when they start, from their own stream",
          "[model][money]") {
  // Secondment and takeover on the maatwerk stream at EUR 300 each, with plenty of vacancies
  // so that many start and some find none. When everything is settled (long after the service
  // closed) every committed euro is spent or given back, and each stream's committed total is
  // exactly what it spent.
  auto p = test::default_parameters();
  p.outreach.vacancies_per_shortage_visit = 3.0;
  p.budget.maatwerk_cap_per_person_eur = 5000.0;  // the moves always cost their full price
  int costed = 0;
  for (auto& instrument : p.instruments) {
    if (instrument.type == model::InterventionType::secondment ||
        instrument.type == model::InterventionType::takeover) {
      instrument.cost_eur = 300.0;
      instrument.budget_stream = "maatwerk";
      instrument.assign_probability = 1.0;
      ++costed;
    }
  }
  REQUIRE(costed == 2);
  const auto r = test::run(p);
  const auto& s = r.service;
  const std::size_t last = r.month_labels.size() - 1;
  const double moves = test::total(s.row(Indicator::interventions_secondment)) +
                       test::total(s.row(Indicator::interventions_takeover));
  REQUIRE(moves > 0.0);
  const double maatwerk_spent = s.row(Indicator::budget_maatwerk_spent_eur)[last];
  CHECK(s.row(Indicator::budget_maatwerk_committed_eur)[last] == Approx(maatwerk_spent));
  CHECK(s.row(Indicator::budget_instruments_committed_eur)[last] ==
        Approx(s.row(Indicator::budget_instruments_spent_eur)[last]));
  // At least the moves' own euros were spent from the maatwerk stream.
  CHECK(maatwerk_spent >= 300.0 * moves - 1e-6);
}

TEST_CASE("the flow through the centre adds up", "[model]") {
  const auto p = test::default_parameters();
  const auto r = test::run(p);
  const auto& s = r.service;
  const double referrals = test::total(s.row(Indicator::referrals));
  const double intakes = test::total(s.row(Indicator::intakes));
  const double left = test::total(s.row(Indicator::left_while_waiting));
  const double abandoned = test::total(s.row(Indicator::abandoned_waiting));
  const double waiting = s.row(Indicator::waiting_list_end).back();
  // Every referral is taken in, leaves while waiting (found work, or the centre closed), gives
  // up, or still waits; an intake once started is finished even after the close.
  CHECK(referrals == intakes + left + abandoned + waiting);
  CHECK(test::total(s.row(Indicator::selected)) + test::total(s.row(Indicator::regular_service)) +
            test::total(s.row(Indicator::left_during_intake)) ==
        intakes);
  CHECK(referrals > 100.0);
}
