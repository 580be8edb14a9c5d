// The monthly monitor: at each month end, staff pay up to date and the month's indicators
// (utilisation, staff, waiting list, trajectories, employer inventory, budgets, waits).

#include <algorithm>

#include "model/mobility_centre.hpp"

namespace werkstroom::model {

void MobilityCentre::month_end(std::size_t month) {
  const double day = now();
  staffing_.pay_staff(std::min(day, service_end_day_));
  const double busy = pool_.busy_time(sim_.now());
  const double shift = pool_.on_shift_time(sim_.now());
  const double shift_delta = shift - shift_at_month_start_;
  indicators_.set(Indicator::staff_utilisation, month,
                  shift_delta > 0.0 ? (busy - busy_at_month_start_) / shift_delta : 0.0);
  busy_at_month_start_ = busy;
  shift_at_month_start_ = shift;
  indicators_.set(Indicator::fte_in_place, month, staffing_.fte_in_place_since_last_call());
  indicators_.set(Indicator::waiting_list_mean, month, waiting_level_.mean(sim_.now()));
  waiting_level_.restart(sim_.now());
  indicators_.set(Indicator::waiting_list_end, month, static_cast<double>(waiting_intake_));
  // Who waits at the month's end waits at the next month's start: its maximum starts there.
  indicators_.set(Indicator::waiting_list_max, month + 1, static_cast<double>(waiting_intake_));
  indicators_.set(Indicator::external_advisors_end, month,
                  static_cast<double>(staffing_.active_external_advisors()));
  std::size_t in_trajectory = 0;
  for (const Client& c : clients_) {
    in_trajectory += (c.service_client && c.phase != ClientPhase::done) ? 1 : 0;
  }
  indicators_.set(Indicator::in_trajectory_end, month, static_cast<double>(in_trajectory));
  const double inventoried = static_cast<double>(employers_.inventoried());
  if (inventoried > 0) {
    indicators_.set(Indicator::inventory_surplus_pct, month,
                    100.0 * static_cast<double>(employers_.inventoried_surplus()) / inventoried);
    indicators_.set(Indicator::inventory_shortage_pct, month,
                    100.0 * static_cast<double>(employers_.inventoried_shortage()) / inventoried);
  }
  const kernel::BudgetStreamState& centre = ledger_.stream(centre_budget_);
  indicators_.set(Indicator::budget_centre_committed_eur, month,
                  centre.committed_total_eur - centre.released_eur);
  indicators_.set(Indicator::budget_centre_spent_eur, month, centre.spent_eur);
  indicators_.set(Indicator::budget_instruments_committed_eur, month,
                  menukaart_.committed_eur(FundingStream::instruments));
  indicators_.set(Indicator::budget_instruments_spent_eur, month,
                  menukaart_.spent_eur(FundingStream::instruments));
  indicators_.set(Indicator::budget_maatwerk_committed_eur, month,
                  menukaart_.committed_eur(FundingStream::maatwerk));
  indicators_.set(Indicator::budget_maatwerk_spent_eur, month,
                  menukaart_.spent_eur(FundingStream::maatwerk));
  // The first month at whose end the instrument budget could not pay the cheapest instrument.
  if (!budget_exhausted_month_ && menukaart_.cannot_pay_cheapest()) {
    budget_exhausted_month_ = month;
  }
  const kernel::QuantileSample& waits = month_waits_[month];
  indicators_.set(Indicator::wait_to_intake_p90_working_days, month, waits.quantile(0.9));
}

}  // namespace werkstroom::model
