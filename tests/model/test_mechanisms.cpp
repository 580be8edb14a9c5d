// Each mechanism of the model changes what it should (issue 3). Comparisons use the same seeds
// in both settings (common random numbers), so differences come from the mechanism.

#include <catch2/catch.hpp>

#include "model/person.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;
using model::Indicator;

TEST_CASE("with the service switched off the two worlds are identical", "[model]") {
  auto p = test::default_parameters();
  p.service_enabled = false;
  const auto r = test::run(p);
  for (std::size_t s = 0; s < model::kStateCount; ++s) {
    REQUIRE(r.with_service.running[s] == r.without_service.running[s]);
  }
  CHECK(r.with_service.ww_inflow == r.without_service.ww_inflow);
  CHECK(r.with_service.pw_inflow == r.without_service.pw_inflow);
  CHECK(r.with_service.ww_benefit_eur == r.without_service.ww_benefit_eur);
  CHECK(r.with_service.pw_benefit_eur == r.without_service.pw_benefit_eur);
  CHECK(r.kpis.at("benefit_eur_saved") == 0.0);
  CHECK(r.kpis.at("prevented_ww_inflow") == 0.0);
  CHECK(r.clients == 0);
}

TEST_CASE("the no-service world does not depend on the service's settings", "[model]") {
  // Common random numbers: the counterfactual world is the same whatever the centre does.
  auto a = test::default_parameters();
  auto b = a;
  b.staff.advisors = 4;
  b.budget.centre_budget_eur = 400000.0;
  b.outreach.calls_per_week = 60.0;
  const auto ra = test::run(a);
  const auto rb = test::run(b);
  // Bit for bit: the no-service world is the population's own account of everybody's
  // baseline path, whoever the centre touches.
  CHECK(ra.without_service == rb.without_service);
  CHECK(ra.clients != rb.clients);  // the centres did differ
}

TEST_CASE("more advisors shorten the wait for intake", "[model]") {
  auto one = test::default_parameters();
  one.staff.advisors = 1;
  auto four = one;
  four.staff.advisors = 4;
  four.budget.centre_budget_eur = 400000.0;  // the budget must not bind
  // Enough referrals to load one advisor heavily (waits then come from the queue, not only
  // from nights, weekends and the Christmas closure).
  for (auto& c : one.cohorts) c.referral_share = std::min(1.0, c.referral_share * 5.0);
  for (std::size_t i = 0; i < four.cohorts.size(); ++i) four.cohorts[i] = one.cohorts[i];
  const double wait_one = test::mean_kpi(one, "intake_wait_mean_days", 4);
  const double wait_four = test::mean_kpi(four, "intake_wait_mean_days", 4);
  const double queue_one = test::mean_kpi(one, "max_waiting_list", 4);
  const double queue_four = test::mean_kpi(four, "max_waiting_list", 4);
  INFO("mean wait " << wait_one << " vs " << wait_four << " days; max queue " << queue_one << " vs "
                    << queue_four);
  CHECK(wait_four < 0.5 * wait_one);
  // The largest list can be one batch of referrals arriving at once (the same for any staff);
  // the lists at month ends show the queue that staff work off.
  CHECK(queue_four <= queue_one);
  double month_ends_one = 0.0;
  double month_ends_four = 0.0;
  for (std::uint64_t rep = 0; rep < 4; ++rep) {
    month_ends_one += test::total(test::run(one, 1, rep).service.row(Indicator::waiting_list_end));
    month_ends_four +=
        test::total(test::run(four, 1, rep).service.row(Indicator::waiting_list_end));
  }
  INFO("month-end waiting lists summed: " << month_ends_one << " vs " << month_ends_four);
  CHECK(month_ends_four < month_ends_one);
}

TEST_CASE("extra advisors are refused when the centre budget cannot pay them", "[model]") {
  auto p = test::default_parameters();
  p.staff.advisors = 3;  // the baseline budget pays two
  CHECK_THROWS_WITH(test::run(p), Catch::Contains("budget.centre_budget_eur"));
}

TEST_CASE("a budget cap stops new arrangements' instruments", "[model]") {
  auto rich = test::default_parameters();
  auto poor = rich;
  poor.budget.instrument_budget_eur = 0.0;
  const auto r_rich = test::run(rich);
  const auto r_poor = test::run(poor);
  CHECK(test::total(r_poor.service.row(Indicator::budget_instruments_spent_eur)) == 0.0);
  CHECK(r_poor.service.row(Indicator::budget_instruments_spent_eur).back() == 0.0);
  CHECK(test::total(r_poor.service.row(Indicator::interventions_training)) == 0.0);
  CHECK(test::total(r_poor.service.row(Indicator::budget_refusals)) > 0.0);
  CHECK(test::total(r_rich.service.row(Indicator::interventions_training)) > 0.0);
  CHECK(test::total(r_poor.service.row(Indicator::instruments_started)) <
        test::total(r_rich.service.row(Indicator::instruments_started)));
}

TEST_CASE("banenafspraak is always selected", "[model]") {
  auto p = test::default_parameters();
  p.selection.threshold = 1000.0;  // nobody qualifies on the score
  for (std::size_t c = 0; c < p.cohorts.size(); ++c) {
    p.cohorts[c].enabled = c == static_cast<std::size_t>(model::Cohort::banenafspraak);
  }
  p.cohorts[static_cast<std::size_t>(model::Cohort::banenafspraak)].referral_share = 1.0;
  p.outreach.inbound_requests_per_month = 0.0;
  const auto r = test::run(p);
  const double intakes = test::total(r.service.row(Indicator::intakes));
  CHECK(intakes > 20.0);
  CHECK(test::total(r.service.row(Indicator::selected)) == intakes);

  auto others = test::default_parameters();
  others.selection.threshold = 1000.0;
  others.cohorts[static_cast<std::size_t>(model::Cohort::banenafspraak)].enabled = false;
  const auto r2 = test::run(others);
  CHECK(test::total(r2.service.row(Indicator::intakes)) > 20.0);
  CHECK(test::total(r2.service.row(Indicator::selected)) == 0.0);
}

TEST_CASE("lock-in: training lowers job finding while it runs", "[model]") {
  auto base = test::default_parameters();
  // Everyone selected gets the training (and nothing else), with no effect after it.
  for (auto& i : base.instruments) i.assign_probability = 0.0;
  for (auto& i : base.instruments) {
    if (i.type == model::InterventionType::training) {
      i.assign_probability = 1.0;
      i.min_score = -100.0;
      i.hard_hit_sector_only = false;
      i.seats = 0;
      i.effect_after = 1.0;
    }
  }
  base.selection.threshold = -100.0;
  base.budget.instrument_budget_eur = 1e7;
  auto locked = base;
  for (auto& i : locked.instruments) {
    if (i.type == model::InterventionType::training) i.effect_during = 0.2;
  }
  auto neutral = base;
  for (auto& i : neutral.instruments) {
    if (i.type == model::InterventionType::training) i.effect_during = 1.0;
  }
  const double placed_locked = test::mean_kpi(locked, "placements", 3);
  const double placed_neutral = test::mean_kpi(neutral, "placements", 3);
  INFO("placements with lock-in " << placed_locked << ", without " << placed_neutral);
  CHECK(placed_locked < placed_neutral);
}

TEST_CASE("an arrangement continues after a status change", "[model]") {
  // Threatened clients lose their job quickly and find none: every training they start is
  // delivered in full (and paid) although their status changes to WW during it.
  auto p = test::default_parameters();
  for (std::size_t c = 0; c < p.cohorts.size(); ++c) {
    p.cohorts[c].enabled = c == static_cast<std::size_t>(model::Cohort::threatened);
  }
  p.cohorts[0].referral_share = 0.1;
  p.hazards.threatened_job_loss = {2.0, 0.0};  // within two weeks on average
  p.hazards.threatened_find_job = {0.0, 0.0};
  p.hazards.threatened_threat_passes = {0.0, 0.0};
  p.hazards.ww_find_work = {0.0, 0.0};
  p.hazards.ww_other_exit = {0.0, 0.0};
  p.hazards.pw_find_work = {0.0, 0.0};
  p.hazards.nug_find_work = {0.0, 0.0};
  p.outreach.vacancies_per_shortage_visit = 0.0;
  p.outreach.inbound_requests_per_month = 0.0;
  p.selection.threshold = -100.0;
  for (auto& i : p.instruments) {
    i.assign_probability = i.type == model::InterventionType::training ? 1.0 : 0.0;
    i.min_score = -100.0;
    i.hard_hit_sector_only = false;
    i.seats = 0;
  }
  p.budget.instrument_budget_eur = 1e7;
  const auto r = test::run(p);
  const auto& s = r.service;
  const double trainings = test::total(s.row(Indicator::interventions_training));
  REQUIRE(trainings > 10.0);
  // All started training was delivered and paid: spent equals committed at the end.
  CHECK(s.row(Indicator::budget_instruments_spent_eur).back() ==
        Approx(s.row(Indicator::budget_instruments_committed_eur).back()));
  CHECK(s.row(Indicator::budget_instruments_spent_eur).back() ==
        Approx(trainings * p.instruments[3].cost_eur));
  // And the clients did move to WW meanwhile.
  CHECK(test::total(r.with_service.ww_inflow) > trainings);
}

TEST_CASE("a bankruptcy shock raises the waiting list", "[model]") {
  auto base = test::default_parameters();
  auto shock = base;
  shock.shocks.bankruptcies.push_back(
      model::BankruptcyShock{werkstroom::kernel::Date{2021, 3, 1}, 150, "horeca", 30.0, true});
  const auto rb = test::run(base);
  const auto rs = test::run(shock);
  const std::size_t march = 4;  // 2021-03
  const double before = rb.service.row(Indicator::waiting_list_mean)[march];
  const double after = rs.service.row(Indicator::waiting_list_mean)[march];
  INFO("mean waiting list in March 2021: " << before << " -> " << after);
  CHECK(after > before + 20.0);
  CHECK(rs.kpis.at("max_waiting_list") > rb.kpis.at("max_waiting_list") + 100.0);
  // The months before the shock are untouched by it.
  CHECK(rs.service.row(Indicator::waiting_list_mean)[2] ==
        rb.service.row(Indicator::waiting_list_mean)[2]);
  CHECK(rs.people == rb.people + 150);
}

TEST_CASE("doorleen moves a worker to another firm without a benefit spell", "[model]") {
  auto p = test::default_parameters();
  for (auto& i : p.instruments) {
    i.assign_probability = i.type == model::InterventionType::secondment ? 1.0 : 0.0;
  }
  p.selection.threshold = -100.0;
  p.outreach.vacancies_per_shortage_visit = 20.0;  // plenty of vacancies at shortage firms
  p.outreach.regular_client_fill_share = 0.0;
  p.secondment.takeover_after_secondment_share = 1.0;
  const auto r = test::run(p);
  const double secondments = test::total(r.service.row(Indicator::interventions_secondment));
  REQUIRE(secondments > 5.0);
  double seconded_month_ends = 0.0;
  for (const double v : r.with_service.running[static_cast<std::size_t>(model::State::seconded)]) {
    seconded_month_ends += v;
  }
  CHECK(seconded_month_ends > 0.0);
  // Every secondment ends in takeover here: those workers go from job to job.
  CHECK(r.kpis.at("work_to_work") >= secondments - 1.0);
  CHECK(r.kpis.at("prevented_ww_inflow") > 0.0);
}

TEST_CASE("an instrument's own budget cap limits what it commits in all", "[model]") {
  // retraining_mbo costs EUR 2,500: a cap of EUR 5,000 admits two enrolments over the whole
  // service, a cap below its cost none; the other instruments are not affected by it.
  auto p = test::default_parameters();
  // The instrument budget must not bind, so that every refusal is the cap's.
  p.budget.instrument_budget_eur = 10'000'000.0;
  std::size_t retraining = p.instruments.size();
  for (std::size_t k = 0; k < p.instruments.size(); ++k) {
    if (p.instruments[k].name == "retraining_mbo") retraining = k;
  }
  REQUIRE(retraining < p.instruments.size());
  REQUIRE(p.instruments[retraining].cost_eur == 2500.0);
  const auto uncapped = test::run(p, 3, 0);
  REQUIRE(uncapped.kpis.at("route.instrument.retraining_mbo.clients") > 2.0);
  p.instruments[retraining].budget_cap_eur = 5000.0;
  const auto two = test::run(p, 3, 0);
  CHECK(two.kpis.at("route.instrument.retraining_mbo.clients") <= 2.0);
  CHECK(test::total(two.service.row(Indicator::budget_refusals)) >
        test::total(uncapped.service.row(Indicator::budget_refusals)));
  p.instruments[retraining].budget_cap_eur = 100.0;
  const auto none = test::run(p, 3, 0);
  CHECK(none.kpis.at("route.instrument.retraining_mbo.clients") == 0.0);
  CHECK(none.kpis.at("route.instrument.coaching.clients") > 0.0);
}
