// Outreach: weekly planned calls to employers (lapsing after the week), conversations, visits
// and advice; inbound requests that grow with awareness; and what contacts yield: referrals of
// threatened workers, vacancies (part of them filled by regular WW/PW clients), and zzp'ers.

#include <algorithm>
#include <cmath>
#include <vector>

#include "model/centre/timing.hpp"
#include "model/mobility_centre.hpp"

namespace werkstroom::model {

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
          clients_[*c].phase = ClientPhase::done;
          move_to(*c, State::employed, Route{RouteKind::regular_vacancy});
          continue;
        }
      }
    }
    vacancies_.add(sector, now() + p_.outreach.vacancy_lifetime_days);
  }
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

}  // namespace werkstroom::model
