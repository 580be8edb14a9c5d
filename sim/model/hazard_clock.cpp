#include "model/hazard_clock.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace werkstroom::model {

MonthlyFactor::MonthlyFactor(const std::vector<double>& month_starts,
                             const std::vector<double>& factors)
    : month_starts_(month_starts), lookup_(month_starts) {
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
  return lookup_.count_at_or_below(day) - 1;
}

namespace {

// Walks a hazard over consecutive pieces [a, b], [b, c], ... (days) of a spell that began at
// `spell_start`, with rate per month times exp(-decline * months since the spell start). The
// decline factor at each boundary is computed once and carried from the end of one piece to the
// start of the next: the same value as computing it again, so sums are bit-identical, with half
// the exp() calls.
class DeclineWalk {
 public:
  DeclineWalk(double decline, double spell_start, double from)
      : decline_(decline), spell_start_(spell_start) {
    if (declines()) at_a_ = factor_at(from);
  }

  // Integral over [a, b] of the hazard with the given rate, in events; `a` is the walk's
  // current boundary.
  double piece(double rate, double a, double b) {
    if (!declines()) return rate * (months_since_start(b) - months_since_start(a));
    at_b_ = factor_at(b);
    have_b_ = true;
    return rate / decline_ * (at_a_ - at_b_);
  }

  // The day b >= a with piece(rate, a, b) = amount, or infinity when the remaining mass of a
  // declining hazard is smaller than amount; `a` is the walk's current boundary.
  [[nodiscard]] double inverse(double rate, double a, double amount) const {
    if (!declines()) return a + amount / rate * kDaysPerMonth;
    const double remaining = at_a_ - amount * decline_ / rate;
    if (remaining <= 0.0) return std::numeric_limits<double>::infinity();
    return spell_start_ + (-std::log(remaining) / decline_) * kDaysPerMonth;
  }

  // Moves the walk's current boundary to `b`, the end of the piece just walked (or skipped).
  void advance_to(double b) {
    if (declines()) at_a_ = have_b_ ? at_b_ : factor_at(b);
    have_b_ = false;
  }

 private:
  [[nodiscard]] bool declines() const { return decline_ > 0.0; }
  [[nodiscard]] double months_since_start(double day) const {
    return (day - spell_start_) / kDaysPerMonth;
  }
  [[nodiscard]] double factor_at(double day) const {
    return std::exp(-decline_ * months_since_start(day));
  }

  double decline_;
  double spell_start_;
  double at_a_ = 1.0;  // the decline factor at the current boundary
  double at_b_ = 1.0;  // the decline factor at the end of the last piece, if have_b_
  bool have_b_ = false;
};

}  // namespace

double integrate_hazard(const Hazard& h, double scale, const MonthlyFactor& f, double spell_start,
                        double from, double to) {
  const double base = h.rate_per_month * scale;
  if (base <= 0.0 || to <= from) return 0.0;
  double total = 0.0;
  double a = from;
  DeclineWalk walk(h.decline_per_month, spell_start, a);
  std::size_t month = f.month_of(a);
  while (a < to) {
    const std::size_t next = f.run_end(month);
    const double b = std::min(to, f.start_of(next));
    total += walk.piece(base * f.at_month(month), a, b);
    walk.advance_to(b);
    a = b;
    month = next;
  }
  return total;
}

std::optional<double> solve_hazard_time(const Hazard& h, double scale, const MonthlyFactor& f,
                                        double spell_start, double from, double accumulated,
                                        double target, double until, double stop_after) {
  const double base = h.rate_per_month * scale;
  if (base <= 0.0) return std::nullopt;
  double a = from;
  double acc = accumulated;
  DeclineWalk walk(h.decline_per_month, spell_start, a);
  std::size_t month = f.month_of(a);
  // A run beginning after stop_after could only give a time > stop_after.
  while (a < until && a <= stop_after) {
    const std::size_t next = f.run_end(month);
    const double b = std::min(until, f.start_of(next));
    const double rate = base * f.at_month(month);
    if (rate > 0.0) {
      const double piece = walk.piece(rate, a, b);
      if (acc + piece >= target) {
        const double t = walk.inverse(rate, a, target - acc);
        return std::min(std::max(t, a), b);
      }
      acc += piece;
    }
    walk.advance_to(b);
    a = b;
    month = next;
  }
  return std::nullopt;
}

}  // namespace werkstroom::model
