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

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "kernel/budget.hpp"
#include "kernel/service_pool.hpp"
#include "kernel/simulation.hpp"
#include "kernel/statistics.hpp"
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
  /// First month at whose end the instrument budget could not pay the cheapest instrument;
  /// empty if it never ran out.
  [[nodiscard]] std::optional<std::size_t> budget_exhausted_month() const {
    return budget_exhausted_month_;
  }

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
  enum class Phase : std::uint8_t { waiting, selected, regular, arrangement, done };
  struct Enrolment {
    std::size_t instrument = 0;
    std::optional<kernel::CommitmentId> commitment;
    bool started = false;
    bool finished = false;
  };
  struct Effect {
    double until_day;
    double factor;
  };
  struct Client {
    std::size_t person = 0;
    SpellState spell;
    std::array<std::uint16_t, kStateCount> counts{};
    // The client's path in the world with the service: the baseline's spells up to the one
    // they were in when touched (whole: it is not cut at the touch, so it is accounted as the
    // baseline accounts it), then the spells the service world gave them.
    std::vector<Spell> path;
    // While true the service has not changed the client's path: no effect, no placement. The
    // path is then a prefix of the baseline path and the next transition is the baseline's
    // next spell, to the day (recomputing it from the clocks could differ in the last bits).
    bool on_baseline = true;
    // What took the client off the baseline path first (set when on_baseline turns false).
    std::optional<Route> route;
    double multiplier = 1.0;
    // Set when the client first reaches work or leaves the labour market: the service's part is
    // over (outcome counted, effects gone); the path goes on (a job can end) as without it.
    bool outcome_reached = false;
    std::vector<Effect> effects;
    kernel::EventHandle transition;
    kernel::EventHandle effect_expiry;
    Phase phase = Phase::waiting;
    std::optional<kernel::JobId> waiting_job;
    double referred_day = 0.0;
    double score = 0.0;
    bool broadened_search = false;  // may be matched outside the own sector
    bool service_client = true;     // false: only placed on a vacancy as a regular client
    double maatwerk_used_eur = 0.0;
    std::vector<Enrolment> enrolments;
    kernel::RandomStream rng;
  };
  struct Advisor {
    std::uint32_t server = 0;
    bool external = false;
    double hours_per_week = 0.0;
    double cost_per_hour_eur = 0.0;
    std::optional<kernel::CommitmentId> commitment;
    double paid_until_day = 0.0;
    bool active = true;
  };
  struct InstrumentState {
    int running = 0;
    std::deque<std::size_t> waiting;  // enrolments waiting for a seat: (client << 8) | slot
  };

  static std::uint64_t tag(JobKind kind, std::size_t index) {
    return (static_cast<std::uint64_t>(kind) << 56U) | index;
  }
  [[nodiscard]] double now() const { return sim_.now().days_since_start(); }
  [[nodiscard]] std::size_t month_now() const;
  [[nodiscard]] bool service_open() const { return now() < service_end_day_; }
  [[nodiscard]] State state_of(std::size_t person, double day) const;
  void count(Indicator i, double amount = 1.0) { indicators_.add(i, month_now(), amount); }

  // People
  std::optional<std::size_t> touch(std::size_t person, TouchReason reason);
  void refer(std::size_t person, TouchReason reason);
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
  void move_to(std::size_t c, State to, std::optional<Route> service,
               std::optional<double> secondment_end = std::nullopt);
  void end_service(std::size_t c);
  std::optional<std::size_t> draw_from_pool(const std::vector<std::size_t>& pool, State wanted,
                                            kernel::RandomStream& rng);

  // Staff work
  void submit(JobKind kind, std::size_t index, double hours, int priority,
              std::optional<double> patience_days = std::nullopt);
  void intake_done(std::size_t c);
  void plan_done(std::size_t c);
  void start_instrument(std::size_t c, std::size_t slot);
  void finish_instrument(std::size_t c, std::size_t slot);
  void free_seat(std::size_t instrument);
  void try_match(std::size_t c);
  void employer_contact_done(JobKind kind, std::size_t employer);
  void referrals_from(std::size_t employer, double mean);
  void vacancies_from(std::size_t employer, double mean);

  // Recurring events
  void weekly_outreach();
  void schedule_inbound();
  void month_end(std::size_t month);
  void weekly_scaling_check();
  void herijking();
  void close_service();
  void add_advisor(bool external, double hours_per_week, double cost_per_hour);
  void retire_advisor(std::size_t advisor);
  void set_internal_advisors(int count);
  void pay_staff(double until_day);
  [[nodiscard]] kernel::WorkSchedule schedule_for(double hours_per_week) const;
  [[nodiscard]] double awareness(double day) const;
  [[nodiscard]] double work_hours(double norm_hours, kernel::RandomStream& rng) const;

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
  // Per instrument: money committed (spent or outstanding), against its own cap.
  std::vector<double> instrument_committed_eur_;
  std::vector<double> month_starts_;
  double service_end_day_;

  kernel::ServicePool pool_;
  kernel::BudgetLedger ledger_;
  kernel::BudgetStreamId centre_budget_;
  kernel::BudgetStreamId instrument_budget_;
  EmployerPopulation employers_;
  VacancyBoard vacancies_;
  IndicatorTable indicators_;

  std::vector<Client> clients_;
  std::vector<Advisor> advisors_;
  std::vector<InstrumentState> instruments_;
  const PersonPools& pools_;  // index_people(people_)

  kernel::RandomStream outreach_rng_;
  kernel::RandomStream inbound_rng_;
  kernel::RandomStream work_rng_;
  kernel::RandomStream scaling_rng_;

  std::size_t waiting_intake_ = 0;
  kernel::TimeWeighted waiting_level_;
  kernel::TimeWeighted fte_level_;
  double max_waiting_ = 0.0;
  std::vector<kernel::QuantileSample> month_waits_;
  kernel::QuantileSample all_waits_working_days_;
  kernel::Tally intake_waits_days_;
  std::uint64_t intakes_without_wait_ = 0;
  std::uint64_t referrals_total_ = 0;
  double busy_at_month_start_ = 0.0;
  double shift_at_month_start_ = 0.0;
  double busy_at_quarter_start_ = 0.0;
  double shift_at_quarter_start_ = 0.0;
  int scaling_streak_ = 0;
  int external_pending_ = 0;
  double maatwerk_committed_ = 0.0;
  double maatwerk_spent_ = 0.0;
  double instruments_spent_ = 0.0;
  double instruments_committed_ = 0.0;
  std::optional<std::size_t> budget_exhausted_month_;
  double cheapest_instrument_eur_ = 0.0;
  bool closed_ = false;
};

}  // namespace werkstroom::model
