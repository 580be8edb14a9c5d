#include "model/kpis.hpp"

#include <algorithm>
#include <numeric>

namespace werkstroom::model {

const std::array<KpiInfo, 22> kKpiInfo = {{
    {"placements", "clients of the centre into work", "people"},
    {"work_to_work", "clients into work straight from their job (no benefit spell)", "people"},
    {"placements_on_vacancies", "clients matched on acquired vacancies", "people"},
    {"regular_placements", "regular WW/PW clients placed on acquired vacancies", "people"},
    {"placements_deadweight",
     "placements of clients whose path without the service reached work within the deadweight "
     "window anyway",
     "people"},
    {"prevented_ww_inflow", "WW inflow without the service minus with it", "people"},
    {"prevented_pw_inflow", "PW inflow without the service minus with it", "people"},
    {"benefit_months_saved", "WW and PW benefit months saved", "months"},
    {"benefit_eur_saved", "WW and PW benefit euros saved (the two worlds' difference)", "EUR"},
    {"benefit_eur_displaced",
     "part of the benefit euros saved that other job seekers lose: displacement of vacancy "
     "placements and substitution of secondments and takeovers",
     "EUR"},
    {"extra_in_work_at_end", "people in work at the horizon's end, with minus without", "people"},
    {"cost_eur", "money spent: centre (staff) and instruments", "EUR"},
    {"cost_per_placement_eur", "money spent per placement", "EUR"},
    {"net_savings_eur", "benefit euros saved, minus those displaced, minus money spent", "EUR"},
    {"intakes", "intakes done", "people"},
    {"selected", "people selected for a personal arrangement", "people"},
    {"abandoned_waiting", "people who gave up waiting for intake", "people"},
    {"max_waiting_list", "largest waiting list for intake", "people"},
    {"wait_p90_working_days", "90th percentile of the wait to intake", "working days"},
    {"instrument_budget_exhausted", "1 if the instrument budget ran out, else 0", "0/1"},
    {"budget_exhausted_month", "month index the instrument budget ran out (months if never)",
     "month"},
    {"ww_running_end_of_service", "running WW benefits at the service end, with service", "people"},
}};

namespace {
double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }
}  // namespace

std::map<std::string, double> compute_kpis(const ModelParameters& p, const ReplicationResult& r,
                                           const MobilityCentre& centre) {
  std::map<std::string, double> k;
  const IndicatorTable& s = r.service;
  const WorldSeries& with = r.with_service;
  const WorldSeries& without = r.without_service;
  k["placements"] = sum(s.row(Indicator::placements_clients));
  k["work_to_work"] = sum(s.row(Indicator::work_to_work_clients));
  k["placements_on_vacancies"] = sum(s.row(Indicator::placements_on_vacancies));
  k["regular_placements"] = sum(s.row(Indicator::placements_regular_clients));
  const WorldDifference d = world_difference(without, with);
  k["prevented_ww_inflow"] = d.prevented_ww_inflow;
  k["prevented_pw_inflow"] = d.prevented_pw_inflow;
  k["benefit_months_saved"] = d.benefit_months_saved;
  k["benefit_eur_saved"] = d.benefit_eur_saved;
  const auto employed = static_cast<std::size_t>(State::employed);
  const auto self = static_cast<std::size_t>(State::self_employed);
  const auto seconded = static_cast<std::size_t>(State::seconded);
  const std::size_t last = s.months() - 1;
  k["extra_in_work_at_end"] =
      (with.running[employed][last] + with.running[self][last] + with.running[seconded][last]) -
      (without.running[employed][last] + without.running[self][last] +
       without.running[seconded][last]);
  double spent = 0.0;
  for (const auto& stream : centre.ledger().streams()) spent += stream.spent_eur;
  k["cost_eur"] = spent;
  k["cost_per_placement_eur"] = k["placements"] > 0.0 ? spent / k["placements"] : 0.0;
  // Where the effects come from, route by route (model/effect_routes.hpp); the routes' savings
  // add up to benefit_eur_saved (up to rounding), and additionality is taken per route.
  double displaced = 0.0;
  for (const RouteEffect& e : centre.route_effects()) {
    const std::string prefix = "route." + e.name + ".";
    k[prefix + "clients"] = e.clients;
    k[prefix + "prevented_ww_inflow"] = e.difference.prevented_ww_inflow;
    k[prefix + "prevented_pw_inflow"] = e.difference.prevented_pw_inflow;
    k[prefix + "benefit_months_saved"] = e.difference.benefit_months_saved;
    k[prefix + "benefit_eur_saved"] = e.difference.benefit_eur_saved;
    k[prefix + "benefit_eur_displaced"] = e.benefit_eur_displaced;
    displaced += e.benefit_eur_displaced;
  }
  k["benefit_eur_displaced"] = displaced;
  k["placements_deadweight"] = centre.deadweight_placements();
  k["net_savings_eur"] = k["benefit_eur_saved"] - displaced - spent;
  k["intakes"] = sum(s.row(Indicator::intakes));
  k["selected"] = sum(s.row(Indicator::selected));
  k["abandoned_waiting"] = sum(s.row(Indicator::abandoned_waiting));
  k["max_waiting_list"] = centre.max_waiting_list();
  k["wait_p90_working_days"] = centre.all_intake_waits_working_days().quantile(0.9);
  const auto exhausted = centre.budget_exhausted_month();
  k["instrument_budget_exhausted"] = exhausted ? 1.0 : 0.0;
  k["budget_exhausted_month"] =
      exhausted ? static_cast<double>(*exhausted) : static_cast<double>(s.months());
  const kernel::Calendar cal(p.horizon.start_date, {});
  const auto service_last =
      static_cast<std::size_t>(cal.month_index(cal.time_of(p.horizon.service_end_date)));
  k["ww_running_end_of_service"] =
      with.running[static_cast<std::size_t>(State::ww)][std::min(service_last, last)];
  // For verification against queueing theory: waits in calendar days.
  k["intake_wait_mean_days"] = centre.intake_waits_days().mean();
  const double leavers = static_cast<double>(centre.intake_waits_days().count());
  k["intake_wait_probability"] =
      leavers > 0 ? 1.0 - static_cast<double>(centre.intakes_without_wait()) / leavers : 0.0;
  k["intake_abandonment_share"] = leavers > 0 ? k["abandoned_waiting"] / leavers : 0.0;
  k["referrals"] = static_cast<double>(centre.referrals_total());
  return k;
}

}  // namespace werkstroom::model
