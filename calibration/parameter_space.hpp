#pragma once
// The parameters being calibrated: their bounds, priors and transforms, and how a vector of
// values becomes a scenario. Searches and samplers work in the transformed ("search") space,
// where log and logit parameters are unbounded and better scaled; values are the scenario's
// own units.

#include <limits>
#include <string>
#include <vector>

#include "calibration/spec.hpp"
#include "kernel/random.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::calibration {

class ParameterSpace {
 public:
  explicit ParameterSpace(std::vector<ParameterSpec> parameters);

  [[nodiscard]] std::size_t size() const { return parameters_.size(); }
  [[nodiscard]] const std::vector<ParameterSpec>& parameters() const { return parameters_; }

  /// Value -> search coordinate and back (per parameter).
  [[nodiscard]] double to_search(std::size_t i, double value) const;
  [[nodiscard]] double from_search(std::size_t i, double z) const;
  [[nodiscard]] std::vector<double> to_search(const std::vector<double>& values) const;
  [[nodiscard]] std::vector<double> from_search(const std::vector<double>& z) const;
  /// d value / d z at z (the delta method and the prior density in search space).
  [[nodiscard]] double derivative(std::size_t i, double z) const;

  /// Bounds of the search space: the transformed bounds, cut at +-kSearchLimit where a
  /// transform sends a bound to infinity (log of 0, logit of 0 or 1).
  [[nodiscard]] std::vector<double> search_lower() const;
  [[nodiscard]] std::vector<double> search_upper() const;

  /// Whether every value lies within its bounds.
  [[nodiscard]] bool inside(const std::vector<double>& values) const;
  /// Log prior density of values (natural units); -infinity outside the bounds.
  [[nodiscard]] double log_prior(const std::vector<double>& values) const;
  /// Log prior density of the search coordinates z (includes the Jacobian of the transform).
  [[nodiscard]] double log_prior_search(const std::vector<double>& z) const;
  /// A draw from the prior (truncated to the bounds).
  [[nodiscard]] std::vector<double> sample_prior(kernel::RandomStream& rng) const;

  /// A copy of `base` with the parameters set to `values` through scenario::with_overrides,
  /// so every value is checked as if it came from a file (--set). Throws
  /// scenario::ScenarioError.
  [[nodiscard]] scenario::LoadedScenario apply(const scenario::LoadedScenario& base,
                                               const std::vector<double>& values) const;
  /// The same for the scenario of region `region` of a multi-region spec: only the parameters
  /// set in that region (shared ones and its own) are applied ("": all, the single form).
  [[nodiscard]] scenario::LoadedScenario apply(const scenario::LoadedScenario& base,
                                               const std::vector<double>& values,
                                               const std::string& region) const;

  /// Search coordinates are kept within +-kSearchLimit (logit 20 is 1 - 2e-9).
  static constexpr double kSearchLimit = 20.0;

 private:
  std::vector<ParameterSpec> parameters_;
};

}  // namespace werkstroom::calibration
