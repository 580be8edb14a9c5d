#pragma once
// Identification report: per calibrated parameter, how much the data narrowed it. The spread of
// the result (ABC-SMC posterior, else the SMM estimate's normal approximation) is set against
// the spread of the prior, and a verdict says whether the data pin the parameter down, narrow it
// partly, or leave it at the prior (docs/calibration.md, "Identification").

#include <optional>
#include <string>
#include <vector>

#include "calibration/abc_smc.hpp"
#include "calibration/smm.hpp"
#include "calibration/spec.hpp"

namespace werkstroom::calibration {

/// A posterior 5-95% width at most this share of the prior's: "pinned by the data" (the data
/// narrow the 90% range at least three-fold).
inline constexpr double kPinnedWidthRatio = 1.0 / 3.0;
/// A posterior 5-95% width above this share of the prior's: "stays at the prior" (the data
/// narrow the 90% range by less than a fifth; ABC-SMC's particle noise alone moves the ratio by
/// a few percent). Between the two: "partly".
inline constexpr double kPriorWidthRatio = 0.8;

/// Spread of a parameter's prior (truncated to its bounds), natural units.
struct PriorSpread {
  double mean = 0.0;
  double sd = 0.0;
  double q05 = 0.0;
  double q95 = 0.0;
};

/// The prior's mean, sd and 5%/95% quantiles, by numerical integration of its density over the
/// bounds (uniform, truncated normal, truncated lognormal). Deterministic.
[[nodiscard]] PriorSpread prior_spread(const ParameterSpec& parameter);

struct IdentificationRow {
  std::string parameter;  // display name
  std::string source;     // "abc" or "smm": where the posterior spread comes from
  double prior_sd = 0.0;
  double prior_width = 0.0;  // 95% - 5% quantile of the prior
  double posterior_sd = 0.0;
  double posterior_width = 0.0;  // abc: weighted 95% - 5%; smm: 2 x 1.645 x standard error
  double sd_ratio = 0.0;         // posterior_sd / prior_sd
  double width_ratio = 0.0;      // posterior_width / prior_width; NaN without a posterior spread
  std::string verdict;           // identification_verdict(width_ratio)
};

/// "pinned by the data" (ratio <= kPinnedWidthRatio), "partly", "stays at the prior"
/// (ratio > kPriorWidthRatio), or "unknown (no posterior spread)" for NaN.
[[nodiscard]] std::string identification_verdict(double width_ratio);

/// One row per parameter, from the ABC-SMC posterior when ABC-SMC ran, else from the SMM
/// standard errors; empty when neither ran.
[[nodiscard]] std::vector<IdentificationRow> identification_report(
    const std::vector<ParameterSpec>& parameters, const std::optional<AbcResult>& abc,
    const std::optional<SmmResult>& smm);

}  // namespace werkstroom::calibration
