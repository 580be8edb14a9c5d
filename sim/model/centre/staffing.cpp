#include "model/centre/staffing.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "model/centre/timing.hpp"

namespace werkstroom::model {

Staffing::Staffing(const ModelParameters& p, kernel::Simulation& sim, kernel::ServicePool& pool,
                   kernel::BudgetLedger& ledger, kernel::BudgetStreamId centre_budget,
                   double service_end_day)
    : p_(p),
      sim_(sim),
      pool_(pool),
      ledger_(ledger),
      centre_budget_(centre_budget),
      service_end_day_(service_end_day),
      scaling_rng_(sim.stream("centre/scaling")) {}

kernel::WorkSchedule Staffing::schedule_for(double hours_per_week) const {
  if (p_.staff.round_the_clock) {
    return kernel::WorkSchedule::always();
  }
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

void Staffing::start() {
  fte_level_ = kernel::TimeWeighted(sim_.now(), 0.0);
  set_internal_advisors(p_.staff.advisors);
  for (const StaffChange& change : p_.staff.schedule) {
    const double day = sim_.calendar().time_of(change.date).days_since_start();
    if (day < 0.0 || day >= service_end_day_) {
      continue;
    }
    const std::size_t index = schedule_.size();
    schedule_.push_back({day, change.advisors, false});
    const int count = change.advisors;
    sim_.schedule_at(kernel::Time::at_day(day), [this, index, count] {
      schedule_[index].made = true;
      set_internal_advisors(count);
    });
  }
  // The kernel makes changes of the same day in the order scheduled (the file's), so a stable
  // sort by day gives the order in which they will be made.
  schedule_order_.resize(schedule_.size());
  for (std::size_t i = 0; i < schedule_order_.size(); ++i) schedule_order_[i] = i;
  std::stable_sort(
      schedule_order_.begin(), schedule_order_.end(),
      [this](std::size_t x, std::size_t y) { return schedule_[x].day < schedule_[y].day; });
}

void Staffing::pay_staff(double until_day) {
  for (Advisor& a : advisors_) {
    if (!a.commitment || until_day <= a.paid_until_day) {
      continue;
    }
    const double weeks = (until_day - a.paid_until_day) / kWeekDays;
    const double due = weeks * a.hours_per_week * a.cost_per_hour_eur;
    ledger_.spend(*a.commitment, std::min(due, ledger_.outstanding(*a.commitment)));
    a.paid_until_day = until_day;
  }
}

void Staffing::scaling_check(std::size_t waiting_list) {
  const ScalingParameters& s = p_.scaling;
  scaling_streak_ =
      static_cast<double>(waiting_list) > s.trigger_waiting_list ? scaling_streak_ + 1 : 0;
  const std::size_t external = active_external_advisors();
  if (scaling_streak_ >= s.trigger_weeks &&
      static_cast<int>(external) + external_pending_ < s.max_external_advisors) {
    const double start_day = now() + s.lead_time_weeks * kWeekDays;
    const double weeks = (service_end_day_ - start_day) / kWeekDays;
    const double cost = weeks * s.external_hours_per_week * s.external_cost_per_hour_eur;
    // Hire only if the centre budget can pay the external advisor until the service ends,
    // after what the hires still in their lead time will need (each is reserved here, so two
    // hires decided a week apart cannot both count on the same euros).
    const double available = ledger_.stream(centre_budget_).available_eur() -
                             external_pending_cost_eur_ - reserved_for_schedule();
    if (weeks > 0.0 && available >= cost) {
      ++external_pending_;
      external_pending_cost_eur_ += cost;
      sim_.schedule_at(kernel::Time::at_day(start_day), [this, cost] {
        --external_pending_;
        external_pending_cost_eur_ -= cost;
        if (service_open()) {
          add_advisor(true, p_.scaling.external_hours_per_week,
                      p_.scaling.external_cost_per_hour_eur);
        }
      });
      scaling_streak_ = 0;
    } else if (weeks > 0.0 && !first_hire_refused_day_) {
      first_hire_refused_day_ = now();
    }
  }
}

double Staffing::reserved_for_schedule() const {
  // As the loader's budget rule walks the schedule (scenario/validation.cpp): an increase on
  // day d commits (end - d) / 7 weeks of pay per advisor, a decrease releases as much. A cent of
  // slack per change, as there, for sums made in another order.
  constexpr double kCent = 0.01;
  int active = active_internal_advisors();
  const double per_week = p_.staff.hours_per_week * p_.staff.internal_cost_per_hour_eur;
  double need = 0.0;
  double peak = 0.0;
  for (const std::size_t i : schedule_order_) {
    const ScheduledChange& change = schedule_[i];
    if (change.made) continue;
    const double weeks = std::max(0.0, (service_end_day_ - change.day) / kWeekDays);
    need += (change.advisors - active) * weeks * per_week + kCent;
    active = change.advisors;
    peak = std::max(peak, need);
  }
  return peak;
}

void Staffing::herijking() {
  const double busy = pool_.busy_time(sim_.now());
  const double shift = pool_.on_shift_time(sim_.now());
  const double utilisation = shift > shift_at_quarter_start_ ? (busy - busy_at_quarter_start_) /
                                                                   (shift - shift_at_quarter_start_)
                                                             : 0.0;
  busy_at_quarter_start_ = busy;
  shift_at_quarter_start_ = shift;
  if (!p_.scaling.enabled || utilisation >= p_.scaling.scale_down_utilisation) {
    return;
  }
  for (std::size_t a = advisors_.size(); a-- > 0;) {
    if (advisors_[a].active && advisors_[a].external) {
      retire_advisor(a);
      return;
    }
  }
}

void Staffing::add_advisor(bool external, double hours_per_week, double cost_per_hour) {
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

void Staffing::retire_advisor(std::size_t index) {
  Advisor& a = advisors_[index];
  if (!a.active) {
    return;
  }
  pay_staff(now());
  if (a.commitment) {
    ledger_.release(*a.commitment);
  }
  a.active = false;
  pool_.retire_server(a.server);
  fte_level_.add(sim_.now(), -a.hours_per_week / p_.staff.hours_per_week);
}

void Staffing::set_internal_advisors(int count) {
  int active = active_internal_advisors();
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

void Staffing::close() {
  pay_staff(service_end_day_);
  for (std::size_t a = 0; a < advisors_.size(); ++a) {
    retire_advisor(a);
  }
}

double Staffing::fte_in_place_since_last_call() {
  const double mean = fte_level_.mean(sim_.now());
  fte_level_.restart(sim_.now());
  return mean;
}

int Staffing::active_internal_advisors() const {
  int internal = 0;
  for (const Advisor& a : advisors_) {
    internal += (a.active && !a.external) ? 1 : 0;
  }
  return internal;
}

std::size_t Staffing::active_external_advisors() const {
  std::size_t external = 0;
  for (const Advisor& a : advisors_) {
    external += (a.active && a.external) ? 1 : 0;
  }
  return external;
}

}  // namespace werkstroom::model
