#pragma once
// The "with service" world: the mobility centre's staff, outreach, intake, selection,
// arrangements from the menukaart, matching on acquired vacancies, budget and scaling, and the
// paths of the people it touches. People it never touches keep their baseline path, which the
// region model feeds to this world's accounts at the end.
//
// Contracts:
// - A person is touched at most once, at a time T when they are in a non-absorbing state;
//   their path up to T is the baseline path, after T it follows the same clocks with hazards
//   multiplied by the service (or changed by a placement, secondment or takeover).
// - Money: the ledger never commits beyond capacity; an instrument's commitment is spent when
//   it is delivered (its end) and released if it never starts.
// - No referral is taken after the service end date; staff leave at the service end date.
//
// This class is the coordinator: it owns the clients, the advisors' job queue and the ledger,
// and dispatches the calendar's events to the parts, one concern per file:
//   model/mobility_centre.cpp        construction, the first events, service close, accounts
//   model/centre/staffing.*          advisors, pay, the scaling rule and the herijking (a class)
//   model/centre/menukaart.*         the instruments' money and seats (a class, tested alone)
//   model/centre/arrangements.cpp    choosing, starting and finishing a client's instruments
//   model/centre/journey.cpp         touch, referral, intake, selection, matching, transitions
//   model/centre/outreach.cpp        calls, visits, inbound requests, referrals and vacancies
//   model/centre/monitor.cpp         the monthly indicators
// The order of random draws and of scheduled events is part of the results (golden files):
// moving code between the parts must keep both.

#include <cstdint>
#include <optional>
#include <vector>

#include "kernel/budget.hpp"
#include "kernel/service_pool.hpp"
#include "kernel/simulation.hpp"
#include "kernel/statistics.hpp"
#include "model/centre/client.hpp"
#include "model/centre/menukaart.hpp"
#include "model/centre/staffing.hpp"
#include "model/effect_routes.hpp"
#include "model/employers.hpp"
#include "model/indicators.hpp"
#include "model/kept_people.hpp"
#include "model/life_course.hpp"
#include "model/parameters.hpp"
#include "model/person.hpp"
#include "model/person_pools.hpp"
#include "model/world_totals.hpp"

namespace werkstroom::model {

class MobilityCentre final : public kernel::ServiceListener {
 public:
  MobilityCentre(const ModelParameters& p, kernel::Simulation& sim, const LifeCourse& life,
                 const KeptPeople& people, const PersonPools& pools, WorldTotals& with_service,
                 std::vector<double> month_starts, double service_end_day);

  /// Schedules the first events (staff, outreach, inbound requests, month ends, scaling).
  void start();
  /// A referral of kept person `index` at `day` (scheduled by the region model).
  void schedule_referral(std::size_t index, double day, TouchReason reason);
  /// Feeds the clients' paths to the accounts; call once at the horizon's end.
  void finish();
  /// The world difference per route (model/effect_routes.hpp), after finish().
  [[nodiscard]] std::vector<RouteEffect> route_effects() const;
  /// Placements (clients into work) whose path without the service reached work within the
  /// deadweight window (AdditionalityParameters) of the placement.
  [[nodiscard]] double deadweight_placements() const { return deadweight_placements_; }

  [[nodiscard]] const IndicatorTable& indicators() const { return indicators_; }
  [[nodiscard]] const kernel::BudgetLedger& ledger() const { return ledger_; }
  [[nodiscard]] std::size_t client_count() const { return clients_.size(); }
  /// Whether kept person `index` was touched by the centre.
  [[nodiscard]] bool touched(std::size_t index) const { return client_of_[index] >= 0; }
  [[nodiscard]] double max_waiting_list() const { return max_waiting_; }
  [[nodiscard]] const kernel::QuantileSample& all_intake_waits_working_days() const {
    return all_waits_working_days_;
  }
  [[nodiscard]] const kernel::Tally& intake_waits_days() const { return intake_waits_days_; }
  [[nodiscard]] std::uint64_t intakes_without_wait() const { return intakes_without_wait_; }
  [[nodiscard]] std::uint64_t referrals_total() const { return referrals_total_; }
  /// Referrals by a first responsible party at arrival (TouchReason::first_party) that became
  /// clients, by party.
  [[nodiscard]] double party_referrals(FirstParty party) const {
    return party_referrals_.at(static_cast<std::size_t>(party));
  }
  /// Instrument euros spent on the clients a party is first responsible for (who pays).
  [[nodiscard]] double party_instrument_eur(FirstParty party) const {
    return party_instrument_eur_.at(static_cast<std::size_t>(party));
  }
  /// First month at whose end the instrument budget could not pay the cheapest instrument;
  /// empty if it never ran out.
  [[nodiscard]] std::optional<std::size_t> budget_exhausted_month() const {
    return budget_exhausted_month_;
  }
  /// First month in which the scaling rule wanted an external advisor that the centre budget
  /// could not pay until the service ends; empty if that never happened.
  [[nodiscard]] std::optional<std::size_t> centre_budget_exhausted_month() const;

  // ServiceListener
  void on_start(const kernel::JobEvent& e) override;
  void on_complete(const kernel::JobEvent& e) override;
  void on_abandon(const kernel::JobEvent& e) override;

 private:
  enum class JobKind : std::uint8_t {
    intake,
    diagnosis,
    plan,
    coaching,
    matching,
    follow_up,
    call,
    conversation,
    visit,
    advice,
    inbound
  };

  static std::uint64_t tag(JobKind kind, std::size_t index) {
    return (static_cast<std::uint64_t>(kind) << 56U) | index;
  }
  [[nodiscard]] double now() const { return sim_.now().days_since_start(); }
  [[nodiscard]] std::size_t month_now() const;
  [[nodiscard]] bool service_open() const { return now() < service_end_day_; }
  [[nodiscard]] State state_of(std::size_t person, double day) const;
  void count(Indicator i, double amount = 1.0) { indicators_.add(i, month_now(), amount); }
  void weekly_scaling_check();
  void close_service();

  // The client journey (centre/journey.cpp)
  std::optional<std::size_t> touch(std::size_t person, TouchReason reason);
  void refer(std::size_t person, TouchReason reason);
  /// The first responsible party of client `c` (their cohort's): it pays their instruments.
  [[nodiscard]] FirstParty party_of(std::size_t c) const;
  /// Delivers enrolment `slot` of client `c` (Menukaart::deliver) and books its euros to the
  /// client's party.
  void pay_for(std::size_t c, std::size_t slot);
  void schedule_transition(std::size_t c);
  void refresh_multiplier(std::size_t c);
  /// A find-work hazard multiplier `factor` for client `c` until `until_day`, from `route`.
  void add_effect(std::size_t c, double until_day, double factor, Route route);
  /// The service changes client `c`'s path from now on, through `route` (the first counts).
  void leave_baseline(std::size_t c, Route route);
  void on_transition(std::size_t c, Destination d);
  /// Moves client `c` into a new spell of `to` now. `service`: the service moves them, through
  /// this route; empty: their own path moves them (the baseline's next spell while they are on
  /// it, their clocks after).
  /// `kept_job`: the move is a threat passing (the job held goes on; see SpellState).
  void move_to(std::size_t c, State to, std::optional<Route> service,
               std::optional<double> secondment_end = std::nullopt, bool kept_job = false);
  void end_service(std::size_t c);
  void submit(JobKind kind, std::size_t index, double hours, int priority,
              std::optional<double> patience_days = std::nullopt);
  void intake_done(std::size_t c);
  void try_match(std::size_t c);

  // Arrangements from the menukaart (centre/arrangements.cpp)
  void plan_done(std::size_t c);
  void start_instrument(std::size_t c, std::size_t slot);
  void finish_instrument(std::size_t c, std::size_t slot);
  void free_seat(std::size_t instrument);

  // Outreach to employers and inbound requests (centre/outreach.cpp)
  void weekly_outreach();
  void schedule_inbound();
  [[nodiscard]] double awareness(double day) const;
  [[nodiscard]] double work_hours(double norm_hours, kernel::RandomStream& rng) const;
  void employer_contact_done(JobKind kind, std::size_t employer);
  void referrals_from(std::size_t employer, double mean);
  void vacancies_from(std::size_t employer, double mean);
  std::optional<std::size_t> draw_from_pool(const std::vector<std::size_t>& pool, State wanted,
                                            kernel::RandomStream& rng);

  // The monthly monitor (centre/monitor.cpp)
  void month_end(std::size_t month);

  const ModelParameters& p_;
  kernel::Simulation& sim_;
  const LifeCourse& life_;
  const KeptPeople& people_;
  std::vector<std::int32_t> client_of_;  // per kept person: index into clients_, or -1
  WorldTotals& accounts_;
  // Per route (effect_routes.hpp): the clients it took off their baseline path, with and without.
  std::vector<WorldTotals> route_with_;
  std::vector<WorldTotals> route_without_;
  std::vector<double> route_clients_;
  double deadweight_placements_ = 0.0;
  std::vector<double> month_starts_;
  double service_end_day_;

  kernel::ServicePool pool_;
  // One ledger, two streams: the centre budget pays the staff, the instrument budget the
  // menukaart. Declared before the parts that book on it; the streams are added in this order.
  kernel::BudgetLedger ledger_;
  kernel::BudgetStreamId centre_budget_;
  kernel::BudgetStreamId instrument_budget_;
  Staffing staffing_;
  Menukaart menukaart_;
  EmployerPopulation employers_;
  VacancyBoard vacancies_;
  IndicatorTable indicators_;

  std::vector<Client> clients_;
  const PersonPools& pools_;  // index_people(people_)

  kernel::RandomStream outreach_rng_;
  kernel::RandomStream inbound_rng_;
  kernel::RandomStream work_rng_;

  // The waiting list for intake and the waits (kept by the journey, read by the monitor).
  std::size_t waiting_intake_ = 0;
  kernel::TimeWeighted waiting_level_;
  double max_waiting_ = 0.0;
  std::vector<kernel::QuantileSample> month_waits_;
  kernel::QuantileSample all_waits_working_days_;
  kernel::Tally intake_waits_days_;
  std::uint64_t intakes_without_wait_ = 0;
  std::uint64_t referrals_total_ = 0;
  std::array<double, kFirstPartyCount> party_referrals_{};
  std::array<double, kFirstPartyCount> party_instrument_eur_{};
  // The monitor's utilisation window.
  double busy_at_month_start_ = 0.0;
  double shift_at_month_start_ = 0.0;
  std::optional<std::size_t> budget_exhausted_month_;
  bool closed_ = false;
};

}  // namespace werkstroom::model
