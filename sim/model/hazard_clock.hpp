#pragma once
// Competing risks by the integrated-hazard method. Each (person, state, destination, spell)
// owns a clock E ~ Exp(1); the transition happens when the cumulative hazard since the spell
// (or since day 0 for spells that began earlier) reaches E. Because the clock belongs to the
// person, the "with service" world, whose hazards are multiplied by the service, and the "no
// service" world share every draw: the paired counterfactual.
//
// Hazard: h(t) = rate * scale * calendar(month of t) * exp(-decline * months since spell
// start), piecewise constant in the calendar factor between month boundaries.

#include <limits>
#include <optional>
#include <vector>

#include "model/month_lookup.hpp"
#include "model/parameters.hpp"

namespace werkstroom::model {

/// Calendar-time factors of a hazard per simulated month, with the month boundaries in days.
class MonthlyFactor {
 public:
  MonthlyFactor() = default;
  /// `month_starts[i]` is day of month i's start (month 0 starts at day 0); `factors` is
  /// extended with its last value (1.0 if empty).
  MonthlyFactor(const std::vector<double>& month_starts, const std::vector<double>& factors);
  [[nodiscard]] double at_month(std::size_t month) const;
  /// Index of the month containing `day` (days < 0 belong to month 0).
  [[nodiscard]] std::size_t month_of(double day) const;
  /// The first month after `month` whose factor differs (months.size() past the last run):
  /// integration walks runs of equal factors, not single months.
  [[nodiscard]] std::size_t run_end(std::size_t month) const;
  /// Start day of month `month` (infinity past the last month).
  [[nodiscard]] double start_of(std::size_t month) const;

 private:
  std::vector<double> month_starts_;
  MonthLookup lookup_;  // over month_starts_
  std::vector<double> factors_;
  std::vector<std::size_t> run_end_;
};

/// Integral of the hazard over [from, to] (days), for a spell that began at spell_start.
[[nodiscard]] double integrate_hazard(const Hazard& h, double scale, const MonthlyFactor& f,
                                      double spell_start, double from, double to);

/// The first time t in (from, until] at which accumulated + integral over [from, t] reaches
/// `target`; empty if it is not reached by `until`.
///
/// `stop_after` saves work when only times up to a day matter (a competing transition is
/// already due then): runs of months that begin after it are not walked. The result is then
/// either the same as without it, bit for bit, or empty where the time would lie after
/// `stop_after` (strictly), so a caller looking for the earliest of several times, ties going to
/// the one due at `stop_after`, finds the same one.
[[nodiscard]] std::optional<double> solve_hazard_time(
    const Hazard& h, double scale, const MonthlyFactor& f, double spell_start, double from,
    double accumulated, double target, double until,
    double stop_after = std::numeric_limits<double>::infinity());

}  // namespace werkstroom::model
