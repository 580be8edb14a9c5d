#include "calibration/identification.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace werkstroom::calibration {

namespace {

/// Grid intervals for integrating a prior's density over its bounds: the quantiles are exact to
/// about 1e-4 of the range, far below what a verdict needs.
constexpr int kPriorGridIntervals = 20000;
/// z of the 95% quantile of the standard normal: a normal 5-95% width is 2 z sd.
constexpr double kZ95 = 1.6448536269514722;

/// Unnormalised prior density at x within the bounds.
double prior_density(const ParameterSpec& p, double x) {
  switch (p.prior) {
    case PriorKind::uniform:
      return 1.0;
    case PriorKind::normal: {
      const double u = (x - p.prior_mean) / p.prior_sd;
      return std::exp(-0.5 * u * u);
    }
    case PriorKind::lognormal: {
      if (!(x > 0.0)) {
        return 0.0;
      }
      const double u = (std::log(x) - p.prior_mean) / p.prior_sd;
      return std::exp(-0.5 * u * u) / x;
    }
  }
  return 1.0;
}

double nan() { return std::numeric_limits<double>::quiet_NaN(); }

double ratio(double a, double b) { return b > 0.0 ? a / b : nan(); }

}  // namespace

PriorSpread prior_spread(const ParameterSpec& p) {
  // Trapezoid rule on a regular grid: cumulative mass per node, then linear interpolation of
  // the quantiles within an interval.
  const int n = kPriorGridIntervals;
  const double h = (p.upper - p.lower) / n;
  std::vector<double> x(n + 1);
  std::vector<double> f(n + 1);
  for (int i = 0; i <= n; ++i) {
    x[i] = p.lower + h * i;
    f[i] = prior_density(p, x[i]);
  }
  std::vector<double> cdf(n + 1, 0.0);
  double m1 = 0.0;
  double m2 = 0.0;
  for (int i = 1; i <= n; ++i) {
    const double mass = 0.5 * (f[i - 1] + f[i]) * h;
    cdf[i] = cdf[i - 1] + mass;
    const double mid = 0.5 * (x[i - 1] + x[i]);
    m1 += mass * mid;
    m2 += mass * mid * mid;
  }
  PriorSpread s;
  const double total = cdf[n];
  if (!(total > 0.0)) {
    s.mean = s.sd = s.q05 = s.q95 = nan();
    return s;
  }
  s.mean = m1 / total;
  s.sd = std::sqrt(std::max(0.0, m2 / total - s.mean * s.mean));
  const auto quantile = [&](double q) {
    const double target = q * total;
    const auto it = std::lower_bound(cdf.begin(), cdf.end(), target);
    const auto i = static_cast<std::size_t>(std::max<std::ptrdiff_t>(1, it - cdf.begin()));
    const double span = cdf[i] - cdf[i - 1];
    const double t = span > 0.0 ? (target - cdf[i - 1]) / span : 0.0;
    return x[i - 1] + t * h;
  };
  s.q05 = quantile(0.05);
  s.q95 = quantile(0.95);
  return s;
}

std::string identification_verdict(double width_ratio) {
  if (std::isnan(width_ratio)) {
    return "unknown (no posterior spread)";
  }
  if (width_ratio <= kPinnedWidthRatio) {
    return "pinned by the data";
  }
  if (width_ratio <= kPriorWidthRatio) {
    return "partly";
  }
  return "stays at the prior";
}

std::vector<IdentificationRow> identification_report(const std::vector<ParameterSpec>& parameters,
                                                     const std::optional<AbcResult>& abc,
                                                     const std::optional<SmmResult>& smm) {
  std::vector<IdentificationRow> rows;
  if (!abc && !smm) {
    return rows;
  }
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const PriorSpread prior = prior_spread(parameters[i]);
    IdentificationRow r;
    r.parameter = parameters[i].name;
    r.prior_sd = prior.sd;
    r.prior_width = prior.q95 - prior.q05;
    if (abc) {
      r.source = "abc";
      const auto k = static_cast<Eigen::Index>(i);
      double mean = 0.0;
      double total = 0.0;
      for (std::size_t j = 0; j < abc->weights.size(); ++j) {
        mean += abc->weights[j] * abc->particles(static_cast<Eigen::Index>(j), k);
        total += abc->weights[j];
      }
      mean /= total;
      double var = 0.0;
      for (std::size_t j = 0; j < abc->weights.size(); ++j) {
        const double d = abc->particles(static_cast<Eigen::Index>(j), k) - mean;
        var += abc->weights[j] * d * d;
      }
      r.posterior_sd = std::sqrt(var / total);
      r.posterior_width = abc->q95[i] - abc->q05[i];
    } else {
      r.source = "smm";
      r.posterior_sd = smm->standard_errors[i];
      r.posterior_width = 2.0 * kZ95 * r.posterior_sd;
    }
    r.sd_ratio = ratio(r.posterior_sd, r.prior_sd);
    r.width_ratio = ratio(r.posterior_width, r.prior_width);
    r.verdict = identification_verdict(r.width_ratio);
    rows.push_back(r);
  }
  return rows;
}

}  // namespace werkstroom::calibration
