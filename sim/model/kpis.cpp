#include "model/kpis.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>
#include <utility>

#include "model/metric_registry.hpp"

namespace werkstroom::model {

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
  k["prevented_ww_new_inflow"] = d.prevented_ww_new_inflow;
  k["prevented_ww_returns"] = d.prevented_ww_returns;
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
    k[route_key(e.name, "clients")] = e.clients;
    k[route_key(e.name, "prevented_ww_inflow")] = e.difference.prevented_ww_inflow;
    k[route_key(e.name, "prevented_ww_new_inflow")] = e.difference.prevented_ww_new_inflow;
    k[route_key(e.name, "prevented_ww_returns")] = e.difference.prevented_ww_returns;
    k[route_key(e.name, "prevented_pw_inflow")] = e.difference.prevented_pw_inflow;
    k[route_key(e.name, "benefit_months_saved")] = e.difference.benefit_months_saved;
    k[route_key(e.name, "benefit_eur_saved")] = e.difference.benefit_eur_saved;
    k[route_key(e.name, "benefit_eur_displaced")] = e.benefit_eur_displaced;
    displaced += e.benefit_eur_displaced;
  }
  k["benefit_eur_displaced"] = displaced;
  k["placements_deadweight"] = centre.deadweight_placements();
  k["net_savings_eur"] = k["benefit_eur_saved"] - displaced - spent;
  // Who pays and who saves (model::PartyParameters): each party's referrals and the
  // instruments of its clients; the benefit savings go to whoever pays the benefit. The
  // displaced euros are the benefits of other registered job seekers, WW or PW in the mix of
  // the regular clients placed on vacancies (OutreachParameters::regular_client_ww_share).
  const double ww_displaced = displaced * p.outreach.regular_client_ww_share;
  const double pw_displaced = displaced - ww_displaced;
  for (std::size_t i = 0; i < kFirstPartyCount; ++i) {
    const auto party = static_cast<FirstParty>(i);
    const std::string name = kFirstPartyNames[i];
    const double saved = party == FirstParty::uwv            ? d.ww_eur_saved
                         : party == FirstParty::municipality ? d.pw_eur_saved
                                                             : 0.0;
    const double lost = party == FirstParty::uwv            ? ww_displaced
                        : party == FirstParty::municipality ? pw_displaced
                                                            : 0.0;
    const double paid = centre.party_instrument_eur(party);
    k[party_key(name, "referrals")] = centre.party_referrals(party);
    k[party_key(name, "instrument_eur")] = paid;
    k[party_key(name, "benefit_eur_saved")] = saved;
    k[party_key(name, "benefit_eur_displaced")] = lost;
    k[party_key(name, "balance_eur")] = saved - lost - paid;
  }
  k["intakes"] = sum(s.row(Indicator::intakes));
  k["selected"] = sum(s.row(Indicator::selected));
  k["abandoned_waiting"] = sum(s.row(Indicator::abandoned_waiting));
  k["max_waiting_list"] = centre.max_waiting_list();
  k["wait_p90_working_days"] = centre.all_intake_waits_working_days().quantile(0.9);
  const kernel::Calendar cal(p.horizon.start_date, {});
  // The month the service end date falls in is the last service month.
  const auto service_last =
      static_cast<std::size_t>(cal.month_index(cal.time_of(p.horizon.service_end_date)));
  const std::size_t service_months = std::min(service_last + 1, s.months());
  // Waits month by month: the worst month's p90, and the share of service months whose p90
  // exceeds the target (a month without intakes has no wait and counts as within it).
  const std::vector<double>& month_p90 = s.row(Indicator::wait_to_intake_p90_working_days);
  double worst = 0.0;
  double above = 0.0;
  for (std::size_t m = 0; m < service_months; ++m) {
    worst = std::max(worst, month_p90[m]);
    above += month_p90[m] > p.targets.max_wait_p90_working_days ? 1.0 : 0.0;
  }
  k["wait_p90_worst_month"] = worst;
  k["wait_months_above_target"] =
      service_months > 0 ? above / static_cast<double>(service_months) : 0.0;
  // A budget runs out "before the service ends" when it does so at the end of a service month.
  const auto exhausted_flag_and_month = [&](std::optional<std::size_t> month) {
    const bool during = month && *month < service_months;
    return std::pair<double, double>{
        during ? 1.0 : 0.0,
        during ? static_cast<double>(*month) : std::numeric_limits<double>::quiet_NaN()};
  };
  std::tie(k["instrument_budget_exhausted"], k["instrument_budget_exhausted_month"]) =
      exhausted_flag_and_month(centre.budget_exhausted_month());
  std::tie(k["centre_budget_exhausted"], k["centre_budget_exhausted_month"]) =
      exhausted_flag_and_month(centre.centre_budget_exhausted_month());
  const std::size_t end_of_service = std::min(service_last, last);
  k["extra_in_work_end_of_service"] =
      (with.running[employed][end_of_service] + with.running[self][end_of_service] +
       with.running[seconded][end_of_service]) -
      (without.running[employed][end_of_service] + without.running[self][end_of_service] +
       without.running[seconded][end_of_service]);
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
