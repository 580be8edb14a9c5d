#include "model/hazard_clock.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace werkstroom::model {

MonthlyFactor::MonthlyFactor(const std::vector<double>& month_starts,
                             const std::vector<double>& factors)
    : month_starts_(month_starts) {
  factors_.resize(month_starts.size(), 1.0);
  for (std::size_t i = 0; i < factors_.size(); ++i) {
    if (!factors.empty()) factors_[i] = factors[std::min(i, factors.size() - 1)];
  }
  run_end_.resize(factors_.size());
  for (std::size_t i = factors_.size(); i-- > 0;) {
    run_end_[i] =
        (i + 1 < factors_.size() && factors_[i + 1] == factors_[i]) ? run_end_[i + 1] : i + 1;
  }
}

std::size_t MonthlyFactor::run_end(std::size_t month) const {
  return month < run_end_.size() ? run_end_[month] : month + 1;
}

double MonthlyFactor::start_of(std::size_t month) const {
  if (month < month_starts_.size()) return month_starts_[month];
  return std::numeric_limits<double>::infinity();
}

double MonthlyFactor::at_month(std::size_t month) const {
  if (factors_.empty()) return 1.0;
  return factors_[std::min(month, factors_.size() - 1)];
}

std::size_t MonthlyFactor::month_of(double day) const {
  if (month_starts_.empty() || day < month_starts_.front()) return 0;
  const auto it = std::upper_bound(month_starts_.begin(), month_starts_.end(), day);
  return static_cast<std::size_t>(it - month_starts_.begin()) - 1;
}

namespace {

// Integral over [a, b] (days) of rate * exp(-decline * (t - s) / days_per_month), in units
// of "events", with rate per month.
double piece_integral(double rate, double decline, double s, double a, double b) {
  const double ma = (a - s) / kDaysPerMonth;
  const double mb = (b - s) / kDaysPerMonth;
  if (decline <= 0.0) return rate * (mb - ma);
  return rate / decline * (std::exp(-decline * ma) - std::exp(-decline * mb));
}

// Inverse of piece_integral in b: the day b >= a with piece_integral(a, b) = amount, or
// infinity when the remaining mass of a declining hazard is smaller than amount.
double piece_inverse(double rate, double decline, double s, double a, double amount) {
  const double ma = (a - s) / kDaysPerMonth;
  if (decline <= 0.0) return a + amount / rate * kDaysPerMonth;
  const double remaining = std::exp(-decline * ma) - amount * decline / rate;
  if (remaining <= 0.0) return std::numeric_limits<double>::infinity();
  return s + (-std::log(remaining) / decline) * kDaysPerMonth;
}

}  // namespace

double integrate_hazard(const Hazard& h, double scale, const MonthlyFactor& f, double spell_start,
                        double from, double to) {
  const double base = h.rate_per_month * scale;
  if (base <= 0.0 || to <= from) return 0.0;
  double total = 0.0;
  double a = from;
  std::size_t month = f.month_of(a);
  while (a < to) {
    const std::size_t next = f.run_end(month);
    const double b = std::min(to, f.start_of(next));
    total += piece_integral(base * f.at_month(month), h.decline_per_month, spell_start, a, b);
    a = b;
    month = next;
  }
  return total;
}

std::optional<double> solve_hazard_time(const Hazard& h, double scale, const MonthlyFactor& f,
                                        double spell_start, double from, double accumulated,
                                        double target, double until) {
  const double base = h.rate_per_month * scale;
  if (base <= 0.0) return std::nullopt;
  double a = from;
  double acc = accumulated;
  std::size_t month = f.month_of(a);
  while (a < until) {
    const std::size_t next = f.run_end(month);
    const double b = std::min(until, f.start_of(next));
    const double rate = base * f.at_month(month);
    if (rate > 0.0) {
      const double piece = piece_integral(rate, h.decline_per_month, spell_start, a, b);
      if (acc + piece >= target) {
        const double t = piece_inverse(rate, h.decline_per_month, spell_start, a, target - acc);
        return std::min(std::max(t, a), b);
      }
      acc += piece;
    }
    a = b;
    month = next;
  }
  return std::nullopt;
}

}  // namespace werkstroom::model
