#pragma once
// Statistics collectors for one replication, and summaries across replications.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "kernel/time.hpp"

namespace werkstroom::kernel {

/// Count, mean, variance (Welford), min and max of observations.
class Tally {
 public:
  void add(double x);
  void merge(const Tally& other);
  [[nodiscard]] std::uint64_t count() const { return count_; }
  [[nodiscard]] double mean() const { return count_ > 0 ? mean_ : 0.0; }
  [[nodiscard]] double sum() const { return mean_ * static_cast<double>(count_); }
  /// Sample variance (n - 1 in the denominator); 0 for fewer than two observations.
  [[nodiscard]] double variance() const;
  [[nodiscard]] double min() const { return min_; }
  [[nodiscard]] double max() const { return max_; }

 private:
  std::uint64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = 0.0;
  double max_ = 0.0;
};

/// The time integral and time average of a piecewise-constant level (queue length, staff).
/// Contract: updates come in non-decreasing time order.
class TimeWeighted {
 public:
  explicit TimeWeighted(Time start = Time::zero(), double level = 0.0)
      : last_change_(start), start_(start), level_(level) {}
  void set(Time t, double level);
  void add(Time t, double delta) { set(t, level_ + delta); }
  [[nodiscard]] double level() const { return level_; }
  /// Integral of the level over [start, t] (t >= last update).
  [[nodiscard]] double integral(Time t) const;
  [[nodiscard]] double mean(Time t) const;
  /// Restarts the integral at t keeping the level (warm-up deletion, monthly windows).
  void restart(Time t);

 private:
  Time last_change_;
  Time start_;
  double level_;
  double area_ = 0.0;
};

/// The sample quantile of type 7 of Hyndman and Fan (1996), R's and NumPy's default: with n
/// values x[0] <= ... <= x[n-1] and h = p (n - 1), the value at h interpolated linearly,
/// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]); p = 0 gives the minimum, p = 1 the
/// maximum. The one quantile definition of werkstroom: the model's p90 waits, the viewer's
/// bands and the calibration's predictive bands all use it.
/// Contract: `sorted` is in ascending order (not checked: a caller sorts once for several
/// levels); p in [0, 1], else std::invalid_argument. 0 for no values.
[[nodiscard]] double sorted_quantile(std::span<const double> sorted, double p);

/// Exact sample quantiles (sorted_quantile, type 7) of stored values.
class QuantileSample {
 public:
  void add(double x) { values_.push_back(x); }
  [[nodiscard]] std::size_t size() const { return values_.size(); }
  /// p in [0, 1]; returns 0 for an empty sample.
  [[nodiscard]] double quantile(double p) const;
  void clear() { values_.clear(); }

 private:
  std::vector<double> values_;
};

/// Sums per calendar month (index 0 = the first simulated month); grows as needed.
class MonthlyAccumulator {
 public:
  explicit MonthlyAccumulator(std::size_t months = 0) : values_(months, 0.0) {}
  void add(int month, double amount);
  [[nodiscard]] double at(int month) const;
  [[nodiscard]] const std::vector<double>& values() const { return values_; }
  [[nodiscard]] double total() const;

 private:
  std::vector<double> values_;
};

/// Mean with a 95% Student-t confidence interval over replications. NaN values (a figure that
/// does not exist in that replication) are left out: `replications` counts the others, and
/// with none the mean is NaN.
struct ReplicationSummary {
  std::size_t replications = 0;
  double mean = 0.0;
  double sd = 0.0;
  double half_width = 0.0;  // of the 95% interval; 0 with fewer than two replications
  [[nodiscard]] double lower() const { return mean - half_width; }
  [[nodiscard]] double upper() const { return mean + half_width; }
};

/// Where the outcomes of the replications fall: their mean and their 5% and 95% quantiles
/// (sorted_quantile). With a scenario's draws ([uncertainty]) this is the predictive band of
/// the outcome; unlike the 95% interval of the mean (ReplicationSummary) it does not shrink
/// with more replications. The one band of the key figures in the console, the viewer and the
/// reports.
///
/// A NaN marks a replication where the figure does not exist (a budget that never ran out has
/// no month it ran out in): the band is taken over the others, and `present` counts them. With
/// none present, mean, median, low and high are NaN.
struct ReplicationBand {
  std::size_t replications = 0;  // all, NaN or not
  std::size_t present = 0;       // those with a number
  double mean = 0.0;
  double median = 0.0;
  double low = 0.0;   // 5% quantile
  double high = 0.0;  // 95% quantile
  /// The share of the present replications above zero (for a paired difference: how often B
  /// beats A).
  double share_positive = 0.0;
};
inline constexpr double kBandLow = 0.05;
inline constexpr double kBandHigh = 0.95;
[[nodiscard]] ReplicationBand replication_band(std::vector<double> per_replication);
/// The band of (b[i] - a[i]). Throws std::invalid_argument when the sizes differ.
[[nodiscard]] ReplicationBand paired_band(const std::vector<double>& a,
                                          const std::vector<double>& b);

/// The ratio of two means, mean(x) / mean(y), of paired replications (x[i] and y[i] from the
/// same replication), with Fieller's 95% confidence interval. `bounded` is false when the
/// interval is not a finite interval: mean(y) is not distinguishable from 0 at that level (the
/// cost per extra placement when the extra placements may be none). NaN pairs are left out.
struct RatioInterval {
  double ratio = 0.0;
  double lower = 0.0;
  double upper = 0.0;
  bool bounded = false;
  std::size_t replications = 0;
};
[[nodiscard]] RatioInterval fieller_ratio(const std::vector<double>& x,
                                          const std::vector<double>& y);

/// Two-sided Student-t quantile t_{1 - alpha/2, dof}.
[[nodiscard]] double student_t_quantile(double two_sided_confidence, std::size_t dof);
[[nodiscard]] ReplicationSummary summarise(const std::vector<double>& per_replication);
/// Summary of (b[i] - a[i]): the paired difference of two scenarios run with common random
/// numbers. Throws std::invalid_argument when the sizes differ.
[[nodiscard]] ReplicationSummary summarise_paired_difference(const std::vector<double>& a,
                                                             const std::vector<double>& b);

}  // namespace werkstroom::kernel
