// The client journey: a person is touched (their baseline path replayed up to now), referred,
// waits for intake, is selected or gets regular service, is matched on vacancies, and moves
// between states by their own clocks under the service's effects until the service ends for
// them.

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/centre/timing.hpp"
#include "model/mobility_centre.hpp"

namespace werkstroom::model {

namespace {
kernel::StreamKey key_for(const kernel::Simulation& sim, const char* purpose,
                          std::uint64_t entity) {
  return kernel::StreamKey{sim.identity().master_seed, sim.identity().replication,
                           kernel::hash_name(purpose), entity};
}
}  // namespace

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
  if (reason == TouchReason::first_party) {
    party_referrals_[static_cast<std::size_t>(party_of(*c))] += 1.0;
  }
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
  clients_[c].effects.push_back(ServiceEffect{until_day, factor});
  refresh_multiplier(c);
}

void MobilityCentre::refresh_multiplier(std::size_t c) {
  Client& client = clients_[c];
  const KeptPerson& kp = people_[client.person];
  life_.accumulate(kp.person, client.spell, now(), client.multiplier);
  const double t = now();
  std::erase_if(client.effects, [t](const ServiceEffect& e) { return e.until_day <= t; });
  double m = 1.0;
  double next_expiry = std::numeric_limits<double>::infinity();
  for (const ServiceEffect& e : client.effects) {
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
  move_to(c, to, std::nullopt, std::nullopt, d == Destination::threat_passes);
}

void MobilityCentre::move_to(std::size_t c, State to, std::optional<Route> service,
                             std::optional<double> secondment_end, bool kept_job) {
  if (service) leave_baseline(c, *service);
  Client& client = clients_[c];
  const State from = client.spell.state;
  client.path.push_back(Spell{now(), to});
  LifeCourse::advance_spell(client.spell, to, now(), client.counts, kept_job);
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
    } else {
      menukaart_.release_enrolment(e);
    }
  }
  clients_[c].phase = ClientPhase::done;
  clients_[c].effects.clear();
  sim_.cancel(clients_[c].effect_expiry);
}

double MobilityCentre::work_hours(double norm_hours, kernel::RandomStream& rng) const {
  if (!p_.time_norms.exponential_durations || norm_hours <= 0.0) return norm_hours;
  return rng.exponential(1.0 / norm_hours);
}

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
    const std::size_t month = month_now();
    const double month_max =
        indicators_.row(Indicator::waiting_list_max).at(std::min(month, indicators_.months() - 1));
    indicators_.set(Indicator::waiting_list_max, month,
                    std::max(month_max, static_cast<double>(waiting_intake_)));
    clients_[index].phase = ClientPhase::waiting;
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
  clients_[c].phase = ClientPhase::done;
}

void MobilityCentre::on_complete(const kernel::JobEvent& e) {
  const auto kind = static_cast<JobKind>(e.tag >> 56U);
  const std::size_t index = e.tag & 0x00ffffffffffffffULL;
  switch (kind) {
    case JobKind::intake:
      intake_done(index);
      return;
    case JobKind::diagnosis:
      if (clients_[index].phase != ClientPhase::done) {
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
      if (clients_[index].phase != ClientPhase::done) {
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
  if (client.phase == ClientPhase::done) {
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
    client.phase = ClientPhase::selected;
    submit(JobKind::diagnosis, c, p_.time_norms.diagnosis_hours, p_.priorities.diagnosis);
  } else {
    count(Indicator::regular_service);
    client.phase = ClientPhase::done;
    add_effect(c, now() + s.regular_service_months * kDaysPerMonth, s.regular_service_effect,
               Route{RouteKind::regular_service});
  }
}

void MobilityCentre::try_match(std::size_t c) {
  if (clients_[c].phase == ClientPhase::done) return;
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
      if (clients_[c].phase != ClientPhase::done) {
        submit(JobKind::follow_up, c, p_.time_norms.follow_up_hours, p_.priorities.follow_up);
      }
    });
  }
}

}  // namespace werkstroom::model
