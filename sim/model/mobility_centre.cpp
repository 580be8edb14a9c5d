#include "model/mobility_centre.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "model/centre/timing.hpp"

namespace werkstroom::model {

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
      centre_budget_(ledger_.add_stream("centre", p.budget.centre_budget_eur)),
      instrument_budget_(ledger_.add_stream("instruments", p.budget.instrument_budget_eur)),
      staffing_(p, sim, pool_, ledger_, centre_budget_, service_end_day),
      menukaart_(p.instruments, p.budget.maatwerk_cap_per_person_eur, ledger_, instrument_budget_),
      employers_(p, sim.stream("employers/population"), month_starts_, p.service_enabled),
      vacancies_(p.sectors.size()),
      indicators_(month_starts_.size() - 1),
      pools_(pools),
      outreach_rng_(sim.stream("centre/outreach")),
      inbound_rng_(sim.stream("centre/inbound")),
      work_rng_(sim.stream("centre/work-times")),
      month_waits_(month_starts_.size() - 1) {
  for (std::size_t r = 0; r < route_count(p); ++r) {
    route_with_.emplace_back(p, month_starts_);
    route_without_.emplace_back(p, month_starts_);
  }
  route_clients_.assign(route_count(p), 0.0);
}

std::optional<std::size_t> MobilityCentre::centre_budget_exhausted_month() const {
  const std::optional<double> day = staffing_.first_hire_refused_day();
  if (!day) return std::nullopt;
  const auto it = std::upper_bound(month_starts_.begin(), month_starts_.end(), *day);
  const auto i = static_cast<std::size_t>(it - month_starts_.begin());
  return std::min(i == 0 ? 0 : i - 1, month_starts_.size() - 2);
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

void MobilityCentre::start() {
  if (!p_.service_enabled) return;
  waiting_level_ = kernel::TimeWeighted(sim_.now(), 0.0);
  // The order in which events are scheduled here breaks ties on the calendar: keep it.
  staffing_.start();
  for (std::size_t m = 0; m + 1 < month_starts_.size(); ++m) {
    sim_.schedule_at(
        kernel::Time::at_day(month_starts_[m + 1]), [this, m] { month_end(m); }, kMonthEndPriority);
  }
  sim_.schedule_at(kernel::Time::zero(), [this] { weekly_outreach(); });
  schedule_inbound();
  if (p_.scaling.enabled) {
    sim_.schedule_at(kernel::Time::at_day(kWeekDays), [this] { weekly_scaling_check(); });
  }
  // Herijking: every review interval (a quarter in the seeds) from the start while the service
  // runs.
  const auto interval = static_cast<std::size_t>(std::max(1, p_.scaling.review_interval_months));
  for (std::size_t m = interval; m + 1 < month_starts_.size(); m += interval) {
    if (month_starts_[m] >= service_end_day_) break;
    sim_.schedule_at(kernel::Time::at_day(month_starts_[m]), [this] { staffing_.herijking(); });
  }
  sim_.schedule_at(
      kernel::Time::at_day(service_end_day_), [this] { close_service(); }, kMonthEndPriority + 1);
}

void MobilityCentre::weekly_scaling_check() {
  if (!service_open()) return;
  staffing_.scaling_check(waiting_intake_);
  sim_.schedule_after(kernel::Duration::days(kWeekDays), [this] { weekly_scaling_check(); });
}

void MobilityCentre::close_service() {
  staffing_.close();
  closed_ = true;
  // People still waiting for intake are not served any more.
  for (std::size_t c = 0; c < clients_.size(); ++c) {
    if (clients_[c].waiting_job && pool_.withdraw(*clients_[c].waiting_job)) {
      clients_[c].waiting_job.reset();
      waiting_level_.add(sim_.now(), -1.0);
      --waiting_intake_;
      count(Indicator::left_while_waiting);
      clients_[c].phase = ClientPhase::done;
    }
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
    e.displacement_share = route_displacement_share(p_, r);
    e.benefit_eur_displaced = e.difference.benefit_eur_saved * e.displacement_share;
    out.push_back(e);
  }
  return out;
}

}  // namespace werkstroom::model
