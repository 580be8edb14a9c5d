#include "model/mobility_centre.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

namespace werkstroom::model {

namespace {
constexpr kernel::EventPriority kMonthEndPriority = -100;  // before everything at a boundary
constexpr kernel::EventPriority kServicePriority = 0;
constexpr int kPriorityLevels = 10;
constexpr double kWeekDays = 7.0;

kernel::StreamKey key_for(const kernel::Simulation& sim, const char* purpose,
                          std::uint64_t entity) {
  return kernel::StreamKey{sim.identity().master_seed, sim.identity().replication,
                           kernel::hash_name(purpose), entity};
}
}  // namespace

MobilityCentre::MobilityCentre(const ModelParameters& p, kernel::Simulation& sim,
                               const LifeCourse& life, const KeptPeople& people,
                               const PersonPools& pools, WorldTotals& with_service,
                               std::vector<double> month_starts, double service_end_day)
    : p_(p),
      sim_(sim),
      life_(life),
      people_(people),
      client_of_(people.size(), -1),
      accounts_(with_service),
      month_starts_(std::move(month_starts)),
      service_end_day_(service_end_day),
      pool_(sim, "advisors", this, kPriorityLevels),
      employers_(p, sim.stream("employers/population"), month_starts_.back()),
      vacancies_(p.sectors.size()),
      indicators_(month_starts_.size() - 1),
      instruments_(p.instruments.size()),
      pools_(pools),
      outreach_rng_(sim.stream("centre/outreach")),
      inbound_rng_(sim.stream("centre/inbound")),
      work_rng_(sim.stream("centre/work-times")),
      scaling_rng_(sim.stream("centre/scaling")),
      month_waits_(month_starts_.size() - 1) {
  centre_budget_ = ledger_.add_stream("centre", p.budget.centre_budget_eur);
  instrument_budget_ = ledger_.add_stream("instruments", p.budget.instrument_budget_eur);
  for (std::size_t r = 0; r < route_count(p); ++r) {
    route_with_.emplace_back(p, month_starts_);
    route_without_.emplace_back(p, month_starts_);
  }
  route_clients_.assign(route_count(p), 0.0);
  instrument_committed_eur_.assign(p.instruments.size(), 0.0);
  cheapest_instrument_eur_ = std::numeric_limits<double>::infinity();
  for (const InstrumentParameters& i : p.instruments) {
    if (i.cost_eur > 0.0) cheapest_instrument_eur_ = std::min(cheapest_instrument_eur_, i.cost_eur);
  }
}

std::size_t MobilityCentre::month_now() const {
  const auto it = std::upper_bound(month_starts_.begin(), month_starts_.end(), now());
  const auto i = static_cast<std::size_t>(it - month_starts_.begin());
  return std::min(i == 0 ? 0 : i - 1, month_starts_.size() - 2);
}

State MobilityCentre::state_of(std::size_t person, double day) const {
  const KeptPerson& kp = people_[person];
  if (client_of_[person] >= 0) {
    return clients_[static_cast<std::size_t>(client_of_[person])].spell.state;
  }
  State s = kp.path.front().state;
  for (const Spell& spell : kp.path) {
    if (spell.start_day > day) break;
    s = spell.state;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Recurring events

kernel::WorkSchedule MobilityCentre::schedule_for(double hours_per_week) const {
  if (p_.staff.round_the_clock) return kernel::WorkSchedule::always();
  // Administration and monitoring take a fixed share of the working time: the window in
  // which client and employer work can be done is shortened by it.
  const double days = p_.staff.working_days_per_week;
  const double hours_per_day = std::min(24.0 - p_.staff.day_start_hour,
                                        hours_per_week / days * (1.0 - p_.time_norms.admin_share));
  std::array<kernel::DailyWindow, 7> week{};
  for (int d = 0; d < p_.staff.working_days_per_week; ++d) {
    week[static_cast<std::size_t>(d)] =
        kernel::DailyWindow{p_.staff.day_start_hour, p_.staff.day_start_hour + hours_per_day};
  }
  return kernel::WorkSchedule(week, &sim_.calendar());
}

void MobilityCentre::start() {
  if (!p_.service_enabled) return;
  fte_level_ = kernel::TimeWeighted(sim_.now(), 0.0);
  waiting_level_ = kernel::TimeWeighted(sim_.now(), 0.0);
  set_internal_advisors(p_.staff.advisors);
  for (const StaffChange& change : p_.staff.schedule) {
    const double day = sim_.calendar().time_of(change.date).days_since_start();
    if (day < 0.0 || day >= service_end_day_) continue;
    const int count = change.advisors;
    sim_.schedule_at(kernel::Time::at_day(day), [this, count] { set_internal_advisors(count); });
  }
  for (std::size_t m = 0; m + 1 < month_starts_.size(); ++m) {
    sim_.schedule_at(
        kernel::Time::at_day(month_starts_[m + 1]), [this, m] { month_end(m); }, kMonthEndPriority);
  }
  sim_.schedule_at(kernel::Time::zero(), [this] { weekly_outreach(); });
  schedule_inbound();
  if (p_.scaling.enabled) {
    sim_.schedule_at(kernel::Time::at_day(kWeekDays), [this] { weekly_scaling_check(); });
  }
  // Herijking: every quarter from the start while the service runs.
  for (std::size_t m = 3; m + 1 < month_starts_.size(); m += 3) {
    if (month_starts_[m] >= service_end_day_) break;
    sim_.schedule_at(kernel::Time::at_day(month_starts_[m]), [this] { herijking(); });
  }
  sim_.schedule_at(
      kernel::Time::at_day(service_end_day_), [this] { close_service(); }, kMonthEndPriority + 1);
}

double MobilityCentre::awareness(double day) const {
  const OutreachParameters& o = p_.outreach;
  const double months = day / kDaysPerMonth;
  double a = 1.0 - (1.0 - o.awareness_start) * std::pow(1.0 - o.awareness_gain_per_month, months);
  if (p_.shocks.campaign_enabled &&
      day >= sim_.calendar().time_of(p_.shocks.campaign_date).days_since_start()) {
    a += p_.shocks.campaign_awareness_boost;
  }
  return std::clamp(a, 0.0, 1.0);
}

double MobilityCentre::work_hours(double norm_hours, kernel::RandomStream& rng) const {
  if (!p_.time_norms.exponential_durations || norm_hours <= 0.0) return norm_hours;
  return rng.exponential(1.0 / norm_hours);
}

void MobilityCentre::weekly_outreach() {
  if (!service_open()) return;
  const double planned = p_.outreach.calls_per_week;
  auto calls = static_cast<std::size_t>(std::floor(planned));
  if (outreach_rng_.uniform01() < planned - std::floor(planned)) ++calls;
  for (std::size_t i = 0; i < calls; ++i) {
    const std::size_t employer = employers_.draw_firm(outreach_rng_);
    // Calls are planned per week: those not made within the week lapse.
    submit(JobKind::call, employer, p_.time_norms.outreach_call_hours,
           p_.priorities.employer_contact, kWeekDays);
  }
  sim_.schedule_after(kernel::Duration::days(kWeekDays), [this] { weekly_outreach(); });
}

void MobilityCentre::schedule_inbound() {
  const double max_rate_per_day = p_.outreach.inbound_requests_per_month / kDaysPerMonth;
  if (max_rate_per_day <= 0.0) return;
  // Thinning: candidates at the maximum rate, accepted with the current awareness.
  const double gap = inbound_rng_.exponential(max_rate_per_day);
  if (now() + gap >= service_end_day_) return;
  sim_.schedule_after(kernel::Duration::days(gap), [this] {
    if (inbound_rng_.uniform01() < awareness(now())) {
      const std::size_t employer = employers_.draw_any(inbound_rng_);
      count(Indicator::inbound_requests);
      submit(JobKind::inbound, employer, p_.time_norms.conversation_hours,
             p_.priorities.employer_contact);
    }
    schedule_inbound();
  });
}

void MobilityCentre::pay_staff(double until_day) {
  for (Advisor& a : advisors_) {
    if (!a.commitment || until_day <= a.paid_until_day) continue;
    const double weeks = (until_day - a.paid_until_day) / kWeekDays;
    const double due = weeks * a.hours_per_week * a.cost_per_hour_eur;
    ledger_.spend(*a.commitment, std::min(due, ledger_.outstanding(*a.commitment)));
    a.paid_until_day = until_day;
  }
}

void MobilityCentre::month_end(std::size_t month) {
  const double day = now();
  pay_staff(std::min(day, service_end_day_));
  const double busy = pool_.busy_time(sim_.now());
  const double shift = pool_.on_shift_time(sim_.now());
  const double shift_delta = shift - shift_at_month_start_;
  indicators_.set(Indicator::staff_utilisation, month,
                  shift_delta > 0.0 ? (busy - busy_at_month_start_) / shift_delta : 0.0);
  busy_at_month_start_ = busy;
  shift_at_month_start_ = shift;
  indicators_.set(Indicator::fte_in_place, month, fte_level_.mean(sim_.now()));
  fte_level_.restart(sim_.now());
  indicators_.set(Indicator::waiting_list_mean, month, waiting_level_.mean(sim_.now()));
  waiting_level_.restart(sim_.now());
  indicators_.set(Indicator::waiting_list_end, month, static_cast<double>(waiting_intake_));
  std::size_t external = 0;
  for (const Advisor& a : advisors_) external += (a.active && a.external) ? 1 : 0;
  indicators_.set(Indicator::external_advisors_end, month, static_cast<double>(external));
  std::size_t in_trajectory = 0;
  for (const Client& c : clients_) {
    in_trajectory += (c.service_client && c.phase != Phase::done) ? 1 : 0;
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
  const kernel::BudgetStreamState& inst = ledger_.stream(instrument_budget_);
  indicators_.set(Indicator::budget_centre_committed_eur, month,
                  centre.committed_total_eur - centre.released_eur);
  indicators_.set(Indicator::budget_centre_spent_eur, month, centre.spent_eur);
  indicators_.set(Indicator::budget_instruments_committed_eur, month, instruments_committed_);
  indicators_.set(Indicator::budget_instruments_spent_eur, month, instruments_spent_);
  indicators_.set(Indicator::budget_maatwerk_committed_eur, month, maatwerk_committed_);
  indicators_.set(Indicator::budget_maatwerk_spent_eur, month, maatwerk_spent_);
  if (!budget_exhausted_month_ && inst.available_eur() < cheapest_instrument_eur_ &&
      std::isfinite(cheapest_instrument_eur_)) {
    budget_exhausted_month_ = month;
  }
  const kernel::QuantileSample& waits = month_waits_[month];
  indicators_.set(Indicator::wait_to_intake_p90_working_days, month, waits.quantile(0.9));
}

void MobilityCentre::weekly_scaling_check() {
  if (!service_open()) return;
  const ScalingParameters& s = p_.scaling;
  scaling_streak_ =
      static_cast<double>(waiting_intake_) > s.trigger_waiting_list ? scaling_streak_ + 1 : 0;
  std::size_t external = 0;
  for (const Advisor& a : advisors_) external += (a.active && a.external) ? 1 : 0;
  if (scaling_streak_ >= s.trigger_weeks &&
      static_cast<int>(external) + external_pending_ < s.max_external_advisors) {
    const double start_day = now() + s.lead_time_weeks * kWeekDays;
    const double weeks = (service_end_day_ - start_day) / kWeekDays;
    const double cost = weeks * s.external_hours_per_week * s.external_cost_per_hour_eur;
    // Hire only if the centre budget can pay the external advisor until the service ends.
    if (weeks > 0.0 && ledger_.stream(centre_budget_).available_eur() >= cost) {
      ++external_pending_;
      sim_.schedule_at(kernel::Time::at_day(start_day), [this] {
        --external_pending_;
        if (service_open()) {
          add_advisor(true, p_.scaling.external_hours_per_week,
                      p_.scaling.external_cost_per_hour_eur);
        }
      });
      scaling_streak_ = 0;
    }
  }
  sim_.schedule_after(kernel::Duration::days(kWeekDays), [this] { weekly_scaling_check(); });
}

void MobilityCentre::herijking() {
  // The quarterly review: release one external advisor when the quarter's utilisation was low.
  const double busy = pool_.busy_time(sim_.now());
  const double shift = pool_.on_shift_time(sim_.now());
  const double utilisation = shift > shift_at_quarter_start_ ? (busy - busy_at_quarter_start_) /
                                                                   (shift - shift_at_quarter_start_)
                                                             : 0.0;
  busy_at_quarter_start_ = busy;
  shift_at_quarter_start_ = shift;
  if (!p_.scaling.enabled || utilisation >= p_.scaling.scale_down_utilisation) return;
  for (std::size_t a = advisors_.size(); a-- > 0;) {
    if (advisors_[a].active && advisors_[a].external) {
      retire_advisor(a);
      return;
    }
  }
}

void MobilityCentre::add_advisor(bool external, double hours_per_week, double cost_per_hour) {
  const double weeks = std::max(0.0, (service_end_day_ - now()) / kWeekDays);
  const double cost = weeks * hours_per_week * cost_per_hour;
  Advisor a;
  a.external = external;
  a.hours_per_week = hours_per_week;
  a.cost_per_hour_eur = cost_per_hour;
  a.paid_until_day = now();
  if (cost > 0.0) {
    a.commitment = ledger_.commit(centre_budget_, cost);
    if (!a.commitment) {
      const auto eur = [](double amount) {
        std::array<char, 32> text{};
        std::snprintf(text.data(), text.size(), "%.2f", amount);
        return std::string(text.data());
      };
      throw std::runtime_error(
          "the centre budget (EUR " + eur(ledger_.stream(centre_budget_).available_eur()) +
          " left) cannot pay another advisor until the service ends (EUR " + eur(cost) +
          "): raise budget.centre_budget_eur or lower staff.advisors / staff.schedule");
    }
  }
  a.server = pool_.add_server(
      schedule_for(hours_per_week),
      std::string(external ? "external " : "advisor ") + std::to_string(advisors_.size() + 1));
  advisors_.push_back(a);
  fte_level_.add(sim_.now(), hours_per_week / p_.staff.hours_per_week);
}

void MobilityCentre::retire_advisor(std::size_t index) {
  Advisor& a = advisors_[index];
  if (!a.active) return;
  pay_staff(now());
  if (a.commitment) ledger_.release(*a.commitment);
  a.active = false;
  pool_.retire_server(a.server);
  fte_level_.add(sim_.now(), -a.hours_per_week / p_.staff.hours_per_week);
}

void MobilityCentre::set_internal_advisors(int count) {
  int active = 0;
  for (const Advisor& a : advisors_) active += (a.active && !a.external) ? 1 : 0;
  for (; active < count; ++active) {
    add_advisor(false, p_.staff.hours_per_week, p_.staff.internal_cost_per_hour_eur);
  }
  for (std::size_t a = advisors_.size(); active > count && a-- > 0;) {
    if (advisors_[a].active && !advisors_[a].external) {
      retire_advisor(a);
      --active;
    }
  }
}

void MobilityCentre::close_service() {
  pay_staff(service_end_day_);
  for (std::size_t a = 0; a < advisors_.size(); ++a) retire_advisor(a);
  closed_ = true;
  // People still waiting for intake are not served any more.
  for (std::size_t c = 0; c < clients_.size(); ++c) {
    if (clients_[c].waiting_job && pool_.withdraw(*clients_[c].waiting_job)) {
      clients_[c].waiting_job.reset();
      waiting_level_.add(sim_.now(), -1.0);
      --waiting_intake_;
      count(Indicator::left_while_waiting);
      clients_[c].phase = Phase::done;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// People

std::optional<std::size_t> MobilityCentre::touch(std::size_t person, TouchReason reason) {
  const KeptPerson& kp = people_[person];
  if (client_of_[person] >= 0) return static_cast<std::size_t>(client_of_[person]);
  const double t = now();
  if (kp.path.front().start_day > t) return std::nullopt;  // not yet in the region's flows
  // Replay the baseline path up to t: the same spell numbers and accumulated hazards. The
  // current spell is the last one begun at or before t (a spell begun at t counts its inflow
  // in both worlds).
  Client client;
  client.person = person;
  std::size_t current_index = 0;
  for (std::size_t i = 0; i < kp.path.size(); ++i) {
    if (kp.path[i].start_day > t) break;
    ++client.counts[static_cast<std::size_t>(kp.path[i].state)];
    current_index = i;
  }
  const State current = kp.path[current_index].state;
  const double spell_start = kp.path[current_index].start_day;
  if (ends_service(current)) return std::nullopt;
  client.path.assign(kp.path.begin(),
                     kp.path.begin() + static_cast<std::ptrdiff_t>(current_index) + 1);
  client.spell.state = current;
  client.spell.start_day = spell_start;
  client.spell.number =
      static_cast<std::uint16_t>(client.counts[static_cast<std::size_t>(current)] - 1);
  client.spell.accumulated_from_day = std::max(spell_start, 0.0);
  LifeCourse::set_history(client.spell, kp.path, current_index);
  life_.accumulate(kp.person, client.spell, t, 1.0);
  client.referred_day = t;
  client.service_client = reason != TouchReason::regular_vacancy;
  client.rng = kernel::RandomStream(key_for(sim_, "client", kp.person.id));
  const std::size_t index = clients_.size();
  clients_.push_back(std::move(client));
  client_of_[person] = static_cast<std::int32_t>(index);
  schedule_transition(index);
  return index;
}

void MobilityCentre::schedule_referral(std::size_t index, double day, TouchReason reason) {
  if (!p_.service_enabled || day >= service_end_day_) return;
  sim_.schedule_at(
      kernel::Time::at_day(std::max(day, 0.0)), [this, index, reason] { refer(index, reason); },
      kServicePriority);
}

void MobilityCentre::refer(std::size_t person, TouchReason reason) {
  if (!service_open() || client_of_[person] >= 0) return;
  const auto c = touch(person, reason);
  if (!c) return;
  ++referrals_total_;
  count(Indicator::referrals);
  const std::optional<double> patience = p_.staff.intake_patience_mean_days > 0.0
                                             ? std::optional<double>(clients_[*c].rng.exponential(
                                                   1.0 / p_.staff.intake_patience_mean_days))
                                             : std::nullopt;
  submit(JobKind::intake, *c, p_.time_norms.intake_hours, p_.priorities.intake, patience);
}

void MobilityCentre::schedule_transition(std::size_t c) {
  Client& client = clients_[c];
  sim_.cancel(client.transition);
  if (is_absorbing(client.spell.state)) return;
  const KeptPerson& kp = people_[client.person];
  if (client.on_baseline) {
    // The baseline's next spell, if it has one before the horizon's end.
    const std::size_t next = client.path.size();
    if (next >= kp.path.size()) return;
    const Spell spell = kp.path[next];
    client.transition =
        sim_.schedule_at(kernel::Time::at_day(std::max(spell.start_day, now())), [this, c, spell] {
          clients_[c].transition = kernel::EventHandle{};
          move_to(c, spell.state, std::nullopt);
        });
    return;
  }
  const auto next = life_.next_transition(kp.person, client.spell, client.multiplier);
  if (!next) return;
  const Destination d = next->destination;
  client.transition = sim_.schedule_at(kernel::Time::at_day(std::max(next->day, now())),
                                       [this, c, d] { on_transition(c, d); });
}

void MobilityCentre::leave_baseline(std::size_t c, Route route) {
  Client& client = clients_[c];
  if (!client.on_baseline) return;
  client.on_baseline = false;
  client.route = route;
}

void MobilityCentre::add_effect(std::size_t c, double until_day, double factor, Route route) {
  // An effect on finding work changes nothing for someone in work or out of the labour market
  // (an instrument finished when the client found work): no route is credited with it.
  if (until_day <= now() || factor == 1.0 || ends_service(clients_[c].spell.state)) return;
  leave_baseline(c, route);
  life_.accumulate(people_[clients_[c].person].person, clients_[c].spell, now(),
                   clients_[c].multiplier);
  clients_[c].effects.push_back(Effect{until_day, factor});
  refresh_multiplier(c);
}

void MobilityCentre::refresh_multiplier(std::size_t c) {
  Client& client = clients_[c];
  const KeptPerson& kp = people_[client.person];
  life_.accumulate(kp.person, client.spell, now(), client.multiplier);
  const double t = now();
  std::erase_if(client.effects, [t](const Effect& e) { return e.until_day <= t; });
  double m = 1.0;
  double next_expiry = std::numeric_limits<double>::infinity();
  for (const Effect& e : client.effects) {
    m *= e.factor;
    next_expiry = std::min(next_expiry, e.until_day);
  }
  client.multiplier = m;
  sim_.cancel(client.effect_expiry);
  if (std::isfinite(next_expiry) && next_expiry < month_starts_.back()) {
    client.effect_expiry =
        sim_.schedule_at(kernel::Time::at_day(next_expiry), [this, c] { refresh_multiplier(c); });
  }
  schedule_transition(c);
}

void MobilityCentre::on_transition(std::size_t c, Destination d) {
  Client& client = clients_[c];
  client.transition = kernel::EventHandle{};
  const KeptPerson& kp = people_[client.person];
  const State to = life_.destination_state(kp.person, client.spell, d);
  move_to(c, to, std::nullopt);
}

void MobilityCentre::move_to(std::size_t c, State to, std::optional<Route> service,
                             std::optional<double> secondment_end) {
  if (service) leave_baseline(c, *service);
  Client& client = clients_[c];
  const State from = client.spell.state;
  client.path.push_back(Spell{now(), to});
  LifeCourse::advance_spell(client.spell, to, now(), client.counts);
  client.spell.secondment_end_day = secondment_end;
  sim_.cancel(client.transition);
  if (client.outcome_reached) {
    // A job that ends and a job found again are not the centre's doing: the path goes on.
    schedule_transition(c);
    return;
  }
  if (to == State::employed || to == State::self_employed) {
    if (client.service_client) {
      count(Indicator::placements_clients);
      // Deadweight: the path without the service reached work within the window anyway.
      const double window_end = now() + p_.additionality.deadweight_window_months * kDaysPerMonth;
      for (const Spell& spell : people_[client.person].path) {
        if (spell.start_day < client.referred_day) continue;  // shared by both worlds
        if (spell.start_day > window_end) break;
        if (spell.state == State::employed || spell.state == State::self_employed) {
          deadweight_placements_ += 1.0;
          break;
        }
      }
      if (from == State::threatened || from == State::seconded) {
        count(Indicator::work_to_work_clients);
      }
    }
    end_service(c);
    client.outcome_reached = true;
    client.multiplier = 1.0;
    schedule_transition(c);  // a job can end: the path goes on, without the service's effects
  } else if (to == State::inactive) {
    end_service(c);
    client.outcome_reached = true;
  } else {
    // The arrangement travels with the person through status changes.
    refresh_multiplier(c);
  }
}

void MobilityCentre::end_service(std::size_t c) {
  Client& client = clients_[c];
  if (client.waiting_job) {
    if (pool_.withdraw(*client.waiting_job)) {
      count(Indicator::left_while_waiting);
      waiting_level_.add(sim_.now(), -1.0);
      --waiting_intake_;
    }
    client.waiting_job.reset();
  }
  // Running instruments are billed as delivered; unstarted ones give their money back.
  for (std::size_t slot = 0; slot < client.enrolments.size(); ++slot) {
    Enrolment& e = clients_[c].enrolments[slot];
    if (e.finished) continue;
    if (e.started) {
      finish_instrument(c, slot);
    } else if (e.commitment) {
      const double back = ledger_.outstanding(*e.commitment);
      ledger_.release(*e.commitment);
      e.finished = true;
      instrument_committed_eur_[e.instrument] -= back;
      const InstrumentParameters& ip = p_.instruments[e.instrument];
      if (ip.budget_stream == "maatwerk") {
        maatwerk_committed_ -= back;
      } else {
        instruments_committed_ -= back;
      }
    } else {
      e.finished = true;
    }
  }
  clients_[c].phase = Phase::done;
  clients_[c].effects.clear();
  sim_.cancel(clients_[c].effect_expiry);
}

std::optional<std::size_t> MobilityCentre::draw_from_pool(const std::vector<std::size_t>& pool,
                                                          State wanted, kernel::RandomStream& rng) {
  const double t = now();
  const auto arrived =
      static_cast<std::size_t>(std::upper_bound(pool.begin(), pool.end(), t,
                                                [this](double day, std::size_t p) {
                                                  return day < people_[p].person.arrival_day;
                                                }) -
                               pool.begin());
  if (arrived == 0) return std::nullopt;
  for (int attempt = 0; attempt < p_.outreach.pool_draws; ++attempt) {
    const auto i =
        static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(arrived) - 1));
    const std::size_t person = pool[i];
    if (client_of_[person] >= 0) continue;
    if (state_of(person, t) == wanted) return person;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Staff work

void MobilityCentre::submit(JobKind kind, std::size_t index, double hours, int priority,
                            std::optional<double> patience_days) {
  if (closed_) return;
  kernel::JobRequest r;
  r.priority = priority;
  r.work = kernel::Duration::hours(work_hours(hours, work_rng_));
  r.tag = tag(kind, index);
  if (patience_days) r.patience = kernel::Duration::days(*patience_days);
  if (kind == JobKind::intake) {
    waiting_level_.add(sim_.now(), 1.0);
    ++waiting_intake_;
    max_waiting_ = std::max(max_waiting_, static_cast<double>(waiting_intake_));
    clients_[index].phase = Phase::waiting;
    // Set before submit: an idle advisor may start (and on_start clear) it at once.
    clients_[index].waiting_job = kernel::JobId{};
    const kernel::JobId id = pool_.submit(r);
    if (clients_[index].waiting_job) clients_[index].waiting_job = id;
    return;
  }
  pool_.submit(r);
}

void MobilityCentre::on_start(const kernel::JobEvent& e) {
  const auto kind = static_cast<JobKind>(e.tag >> 56U);
  if (kind != JobKind::intake) return;
  const std::size_t c = e.tag & 0x00ffffffffffffffULL;
  clients_[c].waiting_job.reset();
  waiting_level_.add(sim_.now(), -1.0);
  --waiting_intake_;
  const double waited_days = e.waited.in_days();
  intake_waits_days_.add(waited_days);
  if (waited_days == 0.0) ++intakes_without_wait_;
  const kernel::Calendar& cal = sim_.calendar();
  const double working_days = cal.working_days_between(
      cal.date_of(kernel::Time::at_day(clients_[c].referred_day)), cal.date_of(sim_.now()));
  month_waits_[month_now()].add(working_days);
  all_waits_working_days_.add(working_days);
  // The running mean of the month, kept as a time-independent tally per month.
  const std::size_t m = month_now();
  const double n = static_cast<double>(month_waits_[m].size());
  const double old = indicators_.row(Indicator::wait_to_intake_mean_working_days)[m];
  indicators_.set(Indicator::wait_to_intake_mean_working_days, m, old + (working_days - old) / n);
}

void MobilityCentre::on_abandon(const kernel::JobEvent& e) {
  if (static_cast<JobKind>(e.tag >> 56U) != JobKind::intake) return;  // a lapsed call
  const std::size_t c = e.tag & 0x00ffffffffffffffULL;
  clients_[c].waiting_job.reset();
  waiting_level_.add(sim_.now(), -1.0);
  --waiting_intake_;
  count(Indicator::abandoned_waiting);
  intake_waits_days_.add(e.waited.in_days());
  clients_[c].phase = Phase::done;
}

void MobilityCentre::on_complete(const kernel::JobEvent& e) {
  const auto kind = static_cast<JobKind>(e.tag >> 56U);
  const std::size_t index = e.tag & 0x00ffffffffffffffULL;
  switch (kind) {
    case JobKind::intake:
      intake_done(index);
      return;
    case JobKind::diagnosis:
      if (clients_[index].phase != Phase::done) {
        submit(JobKind::plan, index, p_.time_norms.plan_hours, p_.priorities.plan);
      }
      return;
    case JobKind::plan:
      plan_done(index);
      return;
    case JobKind::matching:
      try_match(index);
      return;
    case JobKind::follow_up:
      if (clients_[index].phase != Phase::done) {
        submit(JobKind::matching, index, p_.time_norms.matching_hours, p_.priorities.matching);
      }
      return;
    case JobKind::coaching:
      return;  // the session's effect is part of the instrument's effect
    case JobKind::call:
    case JobKind::conversation:
    case JobKind::visit:
    case JobKind::advice:
    case JobKind::inbound:
      employer_contact_done(kind, index);
      return;
  }
}

void MobilityCentre::intake_done(std::size_t c) {
  count(Indicator::intakes);
  Client& client = clients_[c];
  if (client.phase == Phase::done) {
    count(Indicator::left_during_intake);
    return;
  }
  const Attributes& a = people_[client.person].person.attributes;
  const SelectionParameters& s = p_.selection;
  const bool hard_hit = p_.sectors.at(a.sector).hard_hit;
  const bool one_sided = a.years_in_last_job >= p_.distance.one_sided_history_years;
  const bool age_outside =
      a.age_years < p_.distance.age_band_low_years || a.age_years > p_.distance.age_band_high_years;
  double score = (a.high_need ? s.weight_high_need : 0.0) +
                 (hard_hit ? s.weight_hard_hit_sector : 0.0) +
                 (a.low_education ? s.weight_low_education : 0.0) +
                 (a.low_education && a.flex_contract ? s.weight_low_education_and_flex : 0.0) +
                 (one_sided ? s.weight_one_sided_history : 0.0) +
                 (a.language_below_b2 ? s.weight_language_below_b2 : 0.0) +
                 (age_outside ? s.weight_age_outside_27_55 : 0.0);
  if (s.observation_noise_sd > 0.0) score += client.rng.normal(0.0, s.observation_noise_sd);
  client.score = score;
  // Banenafspraak always qualifies (S-aanpak).
  if (a.banenafspraak || score >= s.threshold) {
    count(Indicator::selected);
    client.phase = Phase::selected;
    submit(JobKind::diagnosis, c, p_.time_norms.diagnosis_hours, p_.priorities.diagnosis);
  } else {
    count(Indicator::regular_service);
    client.phase = Phase::done;
    add_effect(c, now() + s.regular_service_months * kDaysPerMonth, s.regular_service_effect,
               Route{RouteKind::regular_service});
  }
}

void MobilityCentre::plan_done(std::size_t c) {
  if (clients_[c].phase == Phase::done) return;
  clients_[c].phase = Phase::arrangement;
  count(Indicator::arrangements_started);
  const Attributes& a = people_[clients_[c].person].person.attributes;
  const bool hard_hit = p_.sectors.at(a.sector).hard_hit;
  // Choose instruments from the menukaart by each instrument's rule.
  for (std::size_t k = 0; k < p_.instruments.size(); ++k) {
    const InstrumentParameters& ip = p_.instruments[k];
    const bool eligible = clients_[c].score >= ip.min_score &&
                          (!ip.hard_hit_sector_only || hard_hit) &&
                          (!ip.threatened_only || clients_[c].spell.state == State::threatened) &&
                          (!ip.language_below_b2_only || a.language_below_b2);
    // Draw for every instrument, eligible or not, so the draws stay aligned across scenarios.
    const bool drawn = clients_[c].rng.uniform01() < ip.assign_probability;
    if (!eligible || !drawn) continue;
    Enrolment e;
    e.instrument = k;
    double cost = ip.cost_eur;
    if (ip.budget_stream == "maatwerk") {
      cost = std::min(cost, std::max(0.0, p_.budget.maatwerk_cap_per_person_eur -
                                              clients_[c].maatwerk_used_eur));
    }
    // An instrument with a cap of its own commits no more than that in all (spent or not).
    const bool over_cap =
        ip.budget_cap_eur > 0.0 && instrument_committed_eur_[k] + cost > ip.budget_cap_eur;
    if (cost > 0.0) {
      if (!over_cap) e.commitment = ledger_.commit(instrument_budget_, cost);
      if (!e.commitment) {
        count(Indicator::budget_refusals);
        if (!p_.budget.wait_when_exhausted) continue;
        // Waiting for money that a fixed budget never frees: the person stays enrolled but
        // unstarted, and counts in the trajectory.
        clients_[c].enrolments.push_back(e);
        continue;
      }
      instrument_committed_eur_[k] += cost;
      if (ip.budget_stream == "maatwerk") {
        maatwerk_committed_ += cost;
        clients_[c].maatwerk_used_eur += cost;
      } else {
        instruments_committed_ += cost;
      }
    }
    clients_[c].enrolments.push_back(e);
  }
  for (std::size_t slot = 0; slot < clients_[c].enrolments.size(); ++slot) {
    if (clients_[c].phase == Phase::done) break;
    const Enrolment& e = clients_[c].enrolments[slot];
    if (!e.commitment && p_.instruments[e.instrument].cost_eur > 0.0) continue;  // no money
    InstrumentState& is = instruments_[e.instrument];
    const int seats = p_.instruments[e.instrument].seats;
    if (seats > 0 && is.running >= seats) {
      is.waiting.push_back((c << 8U) | slot);
    } else {
      start_instrument(c, slot);
    }
  }
  if (clients_[c].phase != Phase::done) {
    submit(JobKind::matching, c, p_.time_norms.matching_hours, p_.priorities.matching);
  }
}

void MobilityCentre::start_instrument(std::size_t c, std::size_t slot) {
  if (clients_[c].phase == Phase::done) return;
  const std::size_t k = clients_[c].enrolments[slot].instrument;
  const InstrumentParameters& ip = p_.instruments[k];
  const double duration_days = ip.duration_weeks * kWeekDays;
  if (ip.type == InterventionType::secondment || ip.type == InterventionType::takeover) {
    // Doorleen and overname move the worker to a shortage firm: they need a vacancy.
    std::vector<bool> shortage(p_.sectors.size(), false);
    for (std::size_t s = 0; s < p_.sectors.size(); ++s) shortage[s] = !p_.sectors[s].hard_hit;
    if (clients_[c].spell.state != State::threatened || !vacancies_.take_any(shortage, now())) {
      Enrolment& e = clients_[c].enrolments[slot];
      if (e.commitment) {
        const double back = ledger_.outstanding(*e.commitment);
        instruments_committed_ -= back;
        instrument_committed_eur_[k] -= back;
        ledger_.release(*e.commitment);
      }
      e.finished = true;
      return;
    }
    clients_[c].enrolments[slot].started = true;
    clients_[c].enrolments[slot].finished = true;
    count(Indicator::instruments_started);
    if (ip.type == InterventionType::secondment) {
      count(Indicator::interventions_secondment);
      move_to(c, State::seconded, Route{RouteKind::instrument, static_cast<std::uint16_t>(k)},
              now() + duration_days);
    } else {
      count(Indicator::interventions_takeover);
      move_to(c, State::employed, Route{RouteKind::instrument, static_cast<std::uint16_t>(k)});
    }
    return;
  }
  clients_[c].enrolments[slot].started = true;
  ++instruments_[k].running;
  count(Indicator::instruments_started);
  switch (ip.type) {
    case InterventionType::coaching:
      count(Indicator::interventions_coaching);
      break;
    case InterventionType::training:
      count(Indicator::interventions_training);
      break;
    default:
      count(Indicator::interventions_other);
      break;
  }
  if (ip.type == InterventionType::training || ip.type == InterventionType::career_advice ||
      ip.type == InterventionType::coaching) {
    clients_[c].broadened_search = true;  // looks beyond the own (shrinking) sector
  }
  add_effect(c, now() + duration_days, ip.effect_during,
             Route{RouteKind::instrument, static_cast<std::uint16_t>(k)});
  // Staff sessions spread evenly over the instrument.
  const int sessions = std::max(ip.sessions, 1);
  const double session_hours = ip.staff_hours / sessions;
  for (int i = 0; i < sessions && session_hours > 0.0; ++i) {
    sim_.schedule_after(kernel::Duration::days(duration_days * i / sessions),
                        [this, c, session_hours] {
                          if (clients_[c].phase != Phase::done) {
                            submit(JobKind::coaching, c, session_hours, p_.priorities.coaching);
                          }
                        });
  }
  sim_.schedule_after(kernel::Duration::days(duration_days), [this, c, slot] {
    if (!clients_[c].enrolments[slot].finished) finish_instrument(c, slot);
  });
}

void MobilityCentre::finish_instrument(std::size_t c, std::size_t slot) {
  Enrolment& e = clients_[c].enrolments[slot];
  if (e.finished) return;
  e.finished = true;
  const InstrumentParameters& ip = p_.instruments[e.instrument];
  if (e.commitment) {
    const double due = ledger_.outstanding(*e.commitment);
    ledger_.spend(*e.commitment, due);
    if (ip.budget_stream == "maatwerk") {
      maatwerk_spent_ += due;
    } else {
      instruments_spent_ += due;
    }
  }
  const bool completed = clients_[c].rng.uniform01() < ip.completion_probability;
  if (completed && clients_[c].phase != Phase::done) {
    add_effect(c, now() + ip.effect_after_months * kDaysPerMonth, ip.effect_after,
               Route{RouteKind::instrument, static_cast<std::uint16_t>(e.instrument)});
  }
  free_seat(e.instrument);
}

void MobilityCentre::free_seat(std::size_t instrument) {
  InstrumentState& is = instruments_[instrument];
  --is.running;
  while (!is.waiting.empty()) {
    const std::size_t entry = is.waiting.front();
    is.waiting.pop_front();
    const std::size_t c = entry >> 8U;
    const std::size_t slot = entry & 0xffU;
    if (clients_[c].phase == Phase::done || clients_[c].enrolments[slot].finished) continue;
    start_instrument(c, slot);
    return;
  }
}

void MobilityCentre::try_match(std::size_t c) {
  if (clients_[c].phase == Phase::done) return;
  const Attributes& a = people_[clients_[c].person].person.attributes;
  std::vector<bool> allowed(p_.sectors.size(), false);
  allowed[a.sector] = true;
  if (clients_[c].broadened_search) {
    for (std::size_t s = 0; s < p_.sectors.size(); ++s) {
      allowed[s] = allowed[s] || !p_.sectors[s].hard_hit;
    }
  }
  const State st = clients_[c].spell.state;
  if (st != State::seconded && vacancies_.take_any(allowed, now())) {
    count(Indicator::placements_on_vacancies);
    move_to(c, State::employed, Route{RouteKind::vacancy});
    return;
  }
  if (!closed_) {
    sim_.schedule_after(kernel::Duration::days(p_.time_norms.follow_up_interval_days), [this, c] {
      if (clients_[c].phase != Phase::done) {
        submit(JobKind::follow_up, c, p_.time_norms.follow_up_hours, p_.priorities.follow_up);
      }
    });
  }
}

void MobilityCentre::employer_contact_done(JobKind kind, std::size_t employer) {
  const OutreachParameters& o = p_.outreach;
  switch (kind) {
    case JobKind::call:
      count(Indicator::employers_called);
      if (outreach_rng_.uniform01() < o.spoken_share) {
        submit(JobKind::conversation, employer, p_.time_norms.conversation_hours,
               p_.priorities.employer_contact);
      }
      return;
    case JobKind::conversation:
      count(Indicator::employers_spoken);
      employers_.contact(employer, now(), outreach_rng_);
      if (outreach_rng_.uniform01() < o.visited_share) {
        submit(JobKind::visit, employer, p_.time_norms.visit_hours, p_.priorities.employer_contact);
      }
      return;
    case JobKind::inbound: {
      count(Indicator::employers_spoken);
      const EmployerState state = employers_.contact(employer, now(), inbound_rng_);
      if (employers_.at(employer).zzp) {
        // A zzp'er asking for help: refer them, as a self-employed person on TOZO.
        const std::size_t sector = employers_.at(employer).sector;
        if (const auto person = draw_from_pool(pools_.tozo.at(sector), State::tozo, inbound_rng_)) {
          refer(*person, TouchReason::inbound);
        }
      } else if (state == EmployerState::surplus) {
        referrals_from(employer, o.referrals_per_surplus_visit);
      } else if (state == EmployerState::shortage) {
        vacancies_from(employer, o.vacancies_per_shortage_visit);
      }
      return;
    }
    case JobKind::visit: {
      count(Indicator::employers_visited);
      const EmployerState state = employers_.contact(employer, now(), outreach_rng_);
      employers_.inventory(employer);
      if (state == EmployerState::surplus) referrals_from(employer, o.referrals_per_surplus_visit);
      if (state == EmployerState::shortage) {
        vacancies_from(employer, o.vacancies_per_shortage_visit);
      }
      if (outreach_rng_.uniform01() < o.advice_share) {
        submit(JobKind::advice, employer, p_.time_norms.advice_hours,
               p_.priorities.employer_contact);
      }
      return;
    }
    case JobKind::advice:
      count(Indicator::advices);
      return;
    default:
      return;
  }
}

void MobilityCentre::referrals_from(std::size_t employer, double mean) {
  const std::size_t sector = employers_.at(employer).sector;
  const std::uint64_t n = outreach_rng_.poisson(mean);
  for (std::uint64_t i = 0; i < n; ++i) {
    if (const auto person =
            draw_from_pool(pools_.threatened.at(sector), State::threatened, outreach_rng_)) {
      refer(*person, TouchReason::outreach);
    }
  }
}

void MobilityCentre::vacancies_from(std::size_t employer, double mean) {
  const std::size_t sector = employers_.at(employer).sector;
  const std::uint64_t n = outreach_rng_.poisson(mean);
  for (std::uint64_t i = 0; i < n; ++i) {
    count(Indicator::vacancies_acquired);
    // Part of the acquired vacancies go to regular WW and PW clients of UWV and municipality.
    if (outreach_rng_.uniform01() < p_.outreach.regular_client_fill_share) {
      const State wanted =
          outreach_rng_.uniform01() < p_.outreach.regular_client_ww_share ? State::ww : State::pw;
      if (const auto person = draw_from_pool(pools_.regular, wanted, outreach_rng_)) {
        if (const auto c = touch(*person, TouchReason::regular_vacancy)) {
          count(Indicator::placements_regular_clients);
          clients_[*c].phase = Phase::done;
          move_to(*c, State::employed, Route{RouteKind::regular_vacancy});
          continue;
        }
      }
    }
    vacancies_.add(sector, now() + p_.outreach.vacancy_lifetime_days);
  }
}

void MobilityCentre::finish() {
  // In the order of the people, as the no-service account of the touched people is fed
  // (region_model.cpp): a client whose path the service did not change then adds exactly what
  // that account adds, and the difference of the two worlds is exactly 0.
  for (std::size_t i = 0; i < people_.size(); ++i) {
    if (client_of_[i] < 0) continue;
    const Client& client = clients_[static_cast<std::size_t>(client_of_[i])];
    accounts_.add_path(people_[i].person, client.path);
    if (client.on_baseline) continue;  // no effect to attribute
    if (!client.route) throw std::logic_error("a client left the baseline path without a route");
    const std::size_t r = route_index(*client.route);
    route_with_[r].add_path(people_[i].person, client.path);
    route_without_[r].add_path(people_[i].person, people_[i].path);
    route_clients_[r] += 1.0;
  }
}

std::vector<RouteEffect> MobilityCentre::route_effects() const {
  std::vector<RouteEffect> out;
  for (std::size_t r = 0; r < route_clients_.size(); ++r) {
    RouteEffect e;
    e.name = route_name(p_, r);
    e.clients = route_clients_[r];
    e.difference = world_difference(route_without_[r].finish(), route_with_[r].finish());
    e.benefit_eur_displaced = e.difference.benefit_eur_saved * route_displacement_share(p_, r);
    out.push_back(e);
  }
  return out;
}

}  // namespace werkstroom::model
