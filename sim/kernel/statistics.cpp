#include "kernel/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace werkstroom::kernel {

void Tally::add(double x) {
  if (count_ == 0) {
    min_ = x;
    max_ = x;
  } else {
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
  }
  ++count_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (x - mean_);
}

void Tally::merge(const Tally& other) {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    *this = other;
    return;
  }
  const double n_a = static_cast<double>(count_);
  const double n_b = static_cast<double>(other.count_);
  const double delta = other.mean_ - mean_;
  const double n = n_a + n_b;
  mean_ += delta * n_b / n;
  m2_ += other.m2_ + delta * delta * n_a * n_b / n;
  count_ += other.count_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

double Tally::variance() const { return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0; }

void TimeWeighted::set(Time t, double level) {
  if (t < last_change_) throw std::logic_error("time-weighted statistic updated backwards");
  area_ += level_ * (t - last_change_).in_days();
  last_change_ = t;
  level_ = level;
}

double TimeWeighted::integral(Time t) const {
  if (t < last_change_) throw std::logic_error("time-weighted statistic read backwards");
  return area_ + level_ * (t - last_change_).in_days();
}

double TimeWeighted::mean(Time t) const {
  const double span = (t - start_).in_days();
  return span > 0.0 ? integral(t) / span : level_;
}

void TimeWeighted::restart(Time t) {
  set(t, level_);
  area_ = 0.0;
  start_ = t;
}

double sorted_quantile(std::span<const double> sorted, double p) {
  if (p < 0.0 || p > 1.0) throw std::invalid_argument("quantile level must be in [0, 1]");
  if (sorted.empty()) return 0.0;
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double QuantileSample::quantile(double p) const {
  std::vector<double> sorted = values_;
  std::sort(sorted.begin(), sorted.end());
  return sorted_quantile(sorted, p);
}

void MonthlyAccumulator::add(int month, double amount) {
  if (month < 0) throw std::out_of_range("month index must be >= 0");
  const auto index = static_cast<std::size_t>(month);
  if (index >= values_.size()) values_.resize(index + 1, 0.0);
  values_[index] += amount;
}

double MonthlyAccumulator::at(int month) const {
  if (month < 0) throw std::out_of_range("month index must be >= 0");
  const auto index = static_cast<std::size_t>(month);
  return index < values_.size() ? values_[index] : 0.0;
}

double MonthlyAccumulator::total() const {
  double sum = 0.0;
  for (const double v : values_) sum += v;
  return sum;
}

double student_t_quantile(double two_sided_confidence, std::size_t dof) {
  if (dof == 0) throw std::invalid_argument("Student t needs at least one degree of freedom");
  const boost::math::students_t dist(static_cast<double>(dof));
  return boost::math::quantile(dist, 0.5 + two_sided_confidence / 2.0);
}

ReplicationSummary summarise(const std::vector<double>& per_replication) {
  ReplicationSummary s;
  Tally tally;
  for (const double x : per_replication) {
    if (!std::isnan(x)) tally.add(x);  // NaN: the figure does not exist in that replication
  }
  s.replications = static_cast<std::size_t>(tally.count());
  if (s.replications == 0 && !per_replication.empty()) {
    s.mean = s.sd = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  s.mean = tally.mean();
  s.sd = std::sqrt(tally.variance());
  if (s.replications >= 2) {
    s.half_width = student_t_quantile(0.95, s.replications - 1) * s.sd /
                   std::sqrt(static_cast<double>(s.replications));
  }
  return s;
}

ReplicationSummary summarise_paired_difference(const std::vector<double>& a,
                                               const std::vector<double>& b) {
  if (a.size() != b.size()) {
    throw std::invalid_argument("paired difference needs the same number of replications");
  }
  std::vector<double> diff(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) diff[i] = b[i] - a[i];
  return summarise(diff);
}

RatioInterval fieller_ratio(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) {
    throw std::invalid_argument("a ratio of paired means needs the same number of replications");
  }
  std::vector<double> a;
  std::vector<double> b;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    a.push_back(x[i]);
    b.push_back(y[i]);
  }
  RatioInterval out;
  out.replications = a.size();
  if (a.size() < 2) {
    out.ratio = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  const auto n = static_cast<double>(a.size());
  double ma = 0.0;
  double mb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  double saa = 0.0;
  double sbb = 0.0;
  double sab = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
    sab += (a[i] - ma) * (b[i] - mb);
  }
  // Variances and covariance of the two means.
  const double v11 = saa / (n - 1.0) / n;
  const double v22 = sbb / (n - 1.0) / n;
  const double v12 = sab / (n - 1.0) / n;
  out.ratio = mb != 0.0 ? ma / mb : std::numeric_limits<double>::quiet_NaN();
  const double t = student_t_quantile(0.95, a.size() - 1);
  // Fieller: the set of r with (ma - r mb)^2 <= t^2 (v11 - 2 r v12 + r^2 v22), a finite
  // interval when mb is significantly different from 0 (g < 1).
  const double g = mb != 0.0 ? t * t * v22 / (mb * mb) : 1.0;
  if (g >= 1.0) return out;
  const double r = out.ratio;
  const double centre = r - g * (v22 > 0.0 ? v12 / v22 : 0.0);
  const double inside =
      v11 - 2.0 * r * v12 + r * r * v22 - g * (v22 > 0.0 ? v11 - v12 * v12 / v22 : 0.0);
  const double half = t / std::abs(mb) * std::sqrt(std::max(inside, 0.0));
  out.lower = (centre - half) / (1.0 - g);
  out.upper = (centre + half) / (1.0 - g);
  out.bounded = true;
  return out;
}

ReplicationBand replication_band(std::vector<double> per_replication) {
  ReplicationBand band;
  band.replications = per_replication.size();
  std::erase_if(per_replication, [](double x) { return std::isnan(x); });
  band.present = per_replication.size();
  if (per_replication.empty()) {
    const double none = std::numeric_limits<double>::quiet_NaN();
    band.mean = band.median = band.low = band.high = none;
    return band;
  }
  double sum = 0.0;
  std::size_t positive = 0;
  for (const double x : per_replication) {
    sum += x;
    positive += x > 0.0 ? 1 : 0;
  }
  band.mean = sum / static_cast<double>(per_replication.size());
  band.share_positive = static_cast<double>(positive) / static_cast<double>(per_replication.size());
  std::sort(per_replication.begin(), per_replication.end());
  band.low = sorted_quantile(per_replication, kBandLow);
  band.high = sorted_quantile(per_replication, kBandHigh);
  band.median = sorted_quantile(per_replication, 0.5);
  return band;
}

ReplicationBand paired_band(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) {
    throw std::invalid_argument("paired difference needs the same number of replications");
  }
  std::vector<double> diff(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) diff[i] = b[i] - a[i];
  return replication_band(std::move(diff));
}

}  // namespace werkstroom::kernel
