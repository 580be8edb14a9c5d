#pragma once
// The centre's staff: internal advisors by the scenario's schedule, external advisors hired by
// the scaling rule and released at the quarterly herijking, their office hours, and their pay
// from the centre budget.
//
// Contracts:
// - An advisor's pay until the service end is committed from the centre budget when they
//   join (a budget that cannot pay it is a scenario error, thrown), spent as time passes
//   (pay_staff) and released, as far as not yet spent, when they leave.
// - Staff leave at the service end date (close).
// - An external advisor is hired only if the centre budget can pay them until the service end
//   and still pay every scheduled change of internal staff to come (reserved_for_schedule): the
//   loader accepts a schedule only when the budget pays it (scenario/validation.cpp), so a
//   scaling hire can never make a scheduled increase fail the run.

#include <cstdint>
#include <optional>
#include <vector>

#include "kernel/budget.hpp"
#include "kernel/random.hpp"
#include "kernel/service_pool.hpp"
#include "kernel/simulation.hpp"
#include "kernel/statistics.hpp"
#include "kernel/work_schedule.hpp"
#include "model/parameters.hpp"

namespace werkstroom::model {

class Staffing {
 public:
  /// `pool` holds the advisors as servers; `ledger`'s `centre_budget` pays them. All three
  /// must outlive the staffing.
  Staffing(const ModelParameters& p, kernel::Simulation& sim, kernel::ServicePool& pool,
           kernel::BudgetLedger& ledger, kernel::BudgetStreamId centre_budget,
           double service_end_day);

  /// The advisors of the start, and the events of the scenario's staff schedule.
  void start();
  /// The weekly check of the scaling rule with `waiting_list` people waiting for intake: after
  /// enough weeks above the trigger, hires an external advisor who starts after the lead time.
  void scaling_check(std::size_t waiting_list);
  /// The quarterly review: releases one external advisor when the quarter's utilisation was low.
  void herijking();
  /// The service ends: pays everyone until the end and lets them all go.
  void close();
  /// Spends each advisor's pay up to `until_day` from their commitment.
  void pay_staff(double until_day);

  /// The time-weighted mean FTE in place since the previous call (or the start); restarts it.
  double fte_in_place_since_last_call();
  [[nodiscard]] std::size_t active_external_advisors() const;
  /// The day the scaling rule first wanted an external advisor the centre budget could not pay
  /// until the service ends (the centre budget is exhausted for scaling up); empty if never.
  [[nodiscard]] std::optional<double> first_hire_refused_day() const {
    return first_hire_refused_day_;
  }

 private:
  struct Advisor {
    std::uint32_t server = 0;
    bool external = false;
    double hours_per_week = 0.0;
    double cost_per_hour_eur = 0.0;
    std::optional<kernel::CommitmentId> commitment;
    double paid_until_day = 0.0;
    bool active = true;
  };

  [[nodiscard]] double now() const { return sim_.now().days_since_start(); }
  [[nodiscard]] bool service_open() const { return now() < service_end_day_; }
  [[nodiscard]] kernel::WorkSchedule schedule_for(double hours_per_week) const;
  void add_advisor(bool external, double hours_per_week, double cost_per_hour);
  void retire_advisor(std::size_t advisor);
  void set_internal_advisors(int count);
  [[nodiscard]] int active_internal_advisors() const;
  /// The most that the scheduled internal staff changes not yet made will commit beyond what
  /// they release, in their order (0 when none increases the staff): what a scaling hire must
  /// leave in the centre budget.
  [[nodiscard]] double reserved_for_schedule() const;

  /// A change of staff.schedule within the service, and whether it has been made.
  struct ScheduledChange {
    double day = 0.0;
    int advisors = 0;
    bool made = false;
  };

  const ModelParameters& p_;
  kernel::Simulation& sim_;
  kernel::ServicePool& pool_;
  kernel::BudgetLedger& ledger_;
  kernel::BudgetStreamId centre_budget_;
  std::optional<double> first_hire_refused_day_;
  double service_end_day_;
  std::vector<Advisor> advisors_;
  std::vector<ScheduledChange> schedule_;    // in the file's order
  std::vector<std::size_t> schedule_order_;  // indices into schedule_ in the order made
  kernel::TimeWeighted fte_level_;
  // Never drawn from: the scaling rule is deterministic. Kept so the set of named streams is
  // unchanged.
  kernel::RandomStream scaling_rng_;
  int scaling_streak_ = 0;
  int external_pending_ = 0;
  double external_pending_cost_eur_ = 0.0;  // reserved for the hires in their lead time
  double busy_at_quarter_start_ = 0.0;
  double shift_at_quarter_start_ = 0.0;
};

}  // namespace werkstroom::model
