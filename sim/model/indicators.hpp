#pragma once
// The monthly indicators of the service world (model.md "Indicators"), recorded per month of
// one replication. The monitor's own four come first.

#include <array>
#include <cstddef>
#include <vector>

namespace werkstroom::model {

enum class Indicator : std::size_t {
  // The monitor's four (S-opl): contacts, advices, interventions by type, inventory.
  employers_called,
  employers_spoken,
  employers_visited,
  advices,
  interventions_coaching,
  interventions_training,
  interventions_secondment,
  interventions_takeover,
  interventions_other,
  inventory_surplus_pct,  // of inventoried employers, at month end
  inventory_shortage_pct,
  // Flow through the centre.
  referrals,
  inbound_requests,
  intakes,
  selected,
  regular_service,
  arrangements_started,
  instruments_started,
  left_while_waiting,  // found work or dropped out before intake
  abandoned_waiting,   // patience ran out
  left_during_intake,  // found work (or left) while the intake was being done
  waiting_list_end,    // people waiting for intake at month end
  waiting_list_mean,   // time-weighted over the month
  waiting_list_max,    // the largest waiting list for intake at any moment of the month
  wait_to_intake_mean_working_days,
  wait_to_intake_p90_working_days,
  in_trajectory_end,
  // Staff and money.
  staff_utilisation,
  fte_in_place,
  external_advisors_end,
  budget_centre_committed_eur,  // cumulative, at month end
  budget_centre_spent_eur,
  budget_instruments_committed_eur,
  budget_instruments_spent_eur,
  budget_maatwerk_committed_eur,
  budget_maatwerk_spent_eur,
  budget_refusals,  // instruments not started for lack of money
  // Vacancies and placements.
  vacancies_acquired,
  placements_clients,          // clients into work (any route)
  placements_on_vacancies,     // clients matched on acquired vacancies
  placements_regular_clients,  // regular WW/PW clients placed on acquired vacancies
  work_to_work_clients,        // clients from threatened/seconded into work
};
inline constexpr std::size_t kIndicatorCount = 42;
inline constexpr std::array<const char*, kIndicatorCount> kIndicatorNames = {
    "employers_called",
    "employers_spoken",
    "employers_visited",
    "advices",
    "interventions_coaching",
    "interventions_training",
    "interventions_secondment",
    "interventions_takeover",
    "interventions_other",
    "inventory_surplus_pct",
    "inventory_shortage_pct",
    "referrals",
    "inbound_requests",
    "intakes",
    "selected",
    "regular_service",
    "arrangements_started",
    "instruments_started",
    "left_while_waiting",
    "abandoned_waiting",
    "left_during_intake",
    "waiting_list_end",
    "waiting_list_mean",
    "waiting_list_max",
    "wait_to_intake_mean_working_days",
    "wait_to_intake_p90_working_days",
    "in_trajectory_end",
    "staff_utilisation",
    "fte_in_place",
    "external_advisors_end",
    "budget_centre_committed_eur",
    "budget_centre_spent_eur",
    "budget_instruments_committed_eur",
    "budget_instruments_spent_eur",
    "budget_maatwerk_committed_eur",
    "budget_maatwerk_spent_eur",
    "budget_refusals",
    "vacancies_acquired",
    "placements_clients",
    "placements_on_vacancies",
    "placements_regular_clients",
    "work_to_work_clients"};
static_assert(static_cast<std::size_t>(Indicator::work_to_work_clients) + 1 == kIndicatorCount);

/// [indicator][month] values of one replication.
class IndicatorTable {
 public:
  explicit IndicatorTable(std::size_t months) {
    for (auto& row : values_) row.assign(months, 0.0);
  }
  void add(Indicator i, std::size_t month, double amount) {
    std::vector<double>& row = values_[static_cast<std::size_t>(i)];
    if (month < row.size()) row[month] += amount;
  }
  void set(Indicator i, std::size_t month, double value) {
    std::vector<double>& row = values_[static_cast<std::size_t>(i)];
    if (month < row.size()) row[month] = value;
  }
  [[nodiscard]] const std::vector<double>& row(Indicator i) const {
    return values_[static_cast<std::size_t>(i)];
  }
  [[nodiscard]] std::size_t months() const { return values_[0].size(); }
  bool operator==(const IndicatorTable&) const = default;

 private:
  std::array<std::vector<double>, kIndicatorCount> values_;
};

}  // namespace werkstroom::model
