// Arrangements from the menukaart: choosing a selected client's instruments by each
// instrument's rule, asking the menukaart for their money and seats, starting them (secondment
// and takeover need a vacancy at a shortage firm), and finishing them with their effects.

#include <algorithm>
#include <vector>

#include "model/centre/timing.hpp"
#include "model/mobility_centre.hpp"

namespace werkstroom::model {

void MobilityCentre::plan_done(std::size_t c) {
  if (clients_[c].phase == ClientPhase::done) return;
  clients_[c].phase = ClientPhase::arrangement;
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
    const Booking booking = menukaart_.commit(k, clients_[c].maatwerk_used_eur);
    if (booking.refused) {
      count(Indicator::budget_refusals);
      if (!p_.budget.wait_when_exhausted) continue;
      // Waiting for money that a fixed budget never frees: the person stays enrolled but
      // unstarted, and counts in the trajectory.
      clients_[c].enrolments.push_back(e);
      continue;
    }
    // A costed instrument without a commitment: the person's maatwerk cap is used up. It is
    // not agreed (it could never start), and it is no refusal of the budget.
    if (!booking.commitment && p_.instruments[k].cost_eur > 0.0) continue;
    e.commitment = booking.commitment;
    clients_[c].maatwerk_used_eur += booking.maatwerk_eur;
    clients_[c].enrolments.push_back(e);
  }
  for (std::size_t slot = 0; slot < clients_[c].enrolments.size(); ++slot) {
    if (clients_[c].phase == ClientPhase::done) break;
    const Enrolment& e = clients_[c].enrolments[slot];
    if (!e.commitment && p_.instruments[e.instrument].cost_eur > 0.0) continue;  // no money
    if (menukaart_.seats_full(e.instrument)) {
      menukaart_.wait_for_seat(e.instrument, SeatRequest{c, slot});
    } else {
      start_instrument(c, slot);
    }
  }
  if (clients_[c].phase != ClientPhase::done) {
    submit(JobKind::matching, c, p_.time_norms.matching_hours, p_.priorities.matching);
  }
}

void MobilityCentre::start_instrument(std::size_t c, std::size_t slot) {
  if (clients_[c].phase == ClientPhase::done) return;
  const std::size_t k = clients_[c].enrolments[slot].instrument;
  const InstrumentParameters& ip = p_.instruments[k];
  const double duration_days = ip.duration_weeks * kWeekDays;
  if (ip.type == InterventionType::secondment || ip.type == InterventionType::takeover) {
    // Doorleen and overname move the worker to a shortage firm: they need a vacancy.
    std::vector<bool> shortage(p_.sectors.size(), false);
    for (std::size_t s = 0; s < p_.sectors.size(); ++s) shortage[s] = !p_.sectors[s].hard_hit;
    if (clients_[c].spell.state != State::threatened || !vacancies_.take_any(shortage, now())) {
      menukaart_.release_enrolment(clients_[c].enrolments[slot]);  // the money goes back
      return;
    }
    // The move is the whole instrument: paid in full when it starts.
    clients_[c].enrolments[slot].started = true;
    pay_for(c, slot);
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
  menukaart_.take_seat(k);
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
                          if (clients_[c].phase != ClientPhase::done) {
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
  pay_for(c, slot);  // billed as delivered, whether completed or not
  const InstrumentParameters& ip = p_.instruments[e.instrument];
  const bool completed = clients_[c].rng.uniform01() < ip.completion_probability;
  if (completed && clients_[c].phase != ClientPhase::done) {
    add_effect(c, now() + ip.effect_after_months * kDaysPerMonth, ip.effect_after,
               Route{RouteKind::instrument, static_cast<std::uint16_t>(e.instrument)});
  }
  free_seat(e.instrument);
}

FirstParty MobilityCentre::party_of(std::size_t c) const {
  const Cohort cohort = people_[clients_[c].person].person.cohort;
  return p_.cohorts.at(static_cast<std::size_t>(cohort)).first_party;
}

void MobilityCentre::pay_for(std::size_t c, std::size_t slot) {
  const double paid = menukaart_.deliver(clients_[c].enrolments[slot]);
  party_instrument_eur_[static_cast<std::size_t>(party_of(c))] += paid;
}

void MobilityCentre::free_seat(std::size_t instrument) {
  // The seat goes to the first in line who still waits: not given up, not ended.
  const auto next = menukaart_.free_seat(instrument, [this](const SeatRequest& r) {
    return clients_[r.client].phase != ClientPhase::done &&
           !clients_[r.client].enrolments[r.slot].finished;
  });
  if (next) start_instrument(next->client, next->slot);
}

}  // namespace werkstroom::model
