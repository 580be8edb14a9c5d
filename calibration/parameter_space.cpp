#include "calibration/parameter_space.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace werkstroom::calibration {

namespace {

double logit(double p) { return std::log(p / (1.0 - p)); }
double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

/// Log density of the prior at `v` within the bounds (unnormalised: the truncation constant
/// is the same for every value, so ratios and maxima are unaffected).
double log_density(const ParameterSpec& s, double v) {
  switch (s.prior) {
    case PriorKind::uniform:
      return 0.0;
    case PriorKind::normal: {
      const double u = (v - s.prior_mean) / s.prior_sd;
      return -0.5 * u * u;
    }
    case PriorKind::lognormal: {
      if (v <= 0.0) return -std::numeric_limits<double>::infinity();
      const double u = (std::log(v) - s.prior_mean) / s.prior_sd;
      return -0.5 * u * u - std::log(v);
    }
  }
  return 0.0;
}

/// A number as a TOML float literal that reads back as the same double.
std::string toml_number(double v) {
  std::string text = fmt::format("{:.17g}", v);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

/// The numbers of a TOML array text "[1.0, 2.5]" (as list_parameters writes it).
std::vector<double> parse_number_array(const std::string& text, const std::string& key) {
  std::vector<double> out;
  std::size_t i = text.find('[');
  if (i == std::string::npos) throw std::invalid_argument(key + " is not an array");
  ++i;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    if (i >= text.size() || text[i] == ']') break;
    std::size_t used = 0;
    out.push_back(std::stod(text.substr(i), &used));
    i += used;
  }
  return out;
}

}  // namespace

ParameterSpace::ParameterSpace(std::vector<ParameterSpec> parameters)
    : parameters_(std::move(parameters)) {}

double ParameterSpace::to_search(std::size_t i, double value) const {
  const ParameterSpec& s = parameters_.at(i);
  switch (s.transform) {
    case Transform::none:
      return value;
    case Transform::log:
      return std::clamp(std::log(value), -kSearchLimit, kSearchLimit);
    case Transform::logit:
      return std::clamp(logit(value), -kSearchLimit, kSearchLimit);
  }
  return value;
}

double ParameterSpace::from_search(std::size_t i, double z) const {
  const ParameterSpec& s = parameters_.at(i);
  double v = z;
  switch (s.transform) {
    case Transform::none:
      break;
    case Transform::log:
      v = std::exp(z);
      break;
    case Transform::logit:
      v = logistic(z);
      break;
  }
  // Round trips through a cut transform may step a hair outside a bound.
  return std::clamp(v, s.lower, s.upper);
}

double ParameterSpace::derivative(std::size_t i, double z) const {
  switch (parameters_.at(i).transform) {
    case Transform::none:
      return 1.0;
    case Transform::log:
      return std::exp(z);
    case Transform::logit: {
      const double p = logistic(z);
      return p * (1.0 - p);
    }
  }
  return 1.0;
}

std::vector<double> ParameterSpace::to_search(const std::vector<double>& values) const {
  std::vector<double> z(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) z[i] = to_search(i, values[i]);
  return z;
}

std::vector<double> ParameterSpace::from_search(const std::vector<double>& z) const {
  std::vector<double> v(z.size());
  for (std::size_t i = 0; i < z.size(); ++i) v[i] = from_search(i, z[i]);
  return v;
}

std::vector<double> ParameterSpace::search_lower() const {
  std::vector<double> out;
  for (std::size_t i = 0; i < size(); ++i) out.push_back(to_search(i, parameters_[i].lower));
  return out;
}

std::vector<double> ParameterSpace::search_upper() const {
  std::vector<double> out;
  for (std::size_t i = 0; i < size(); ++i) out.push_back(to_search(i, parameters_[i].upper));
  return out;
}

bool ParameterSpace::inside(const std::vector<double>& values) const {
  for (std::size_t i = 0; i < size(); ++i) {
    if (!(values[i] >= parameters_[i].lower && values[i] <= parameters_[i].upper)) return false;
  }
  return true;
}

double ParameterSpace::log_prior(const std::vector<double>& values) const {
  if (!inside(values)) return -std::numeric_limits<double>::infinity();
  double sum = 0.0;
  for (std::size_t i = 0; i < size(); ++i) sum += log_density(parameters_[i], values[i]);
  return sum;
}

double ParameterSpace::log_prior_search(const std::vector<double>& z) const {
  // Outside the transformed bounds (from_search would clamp such a point onto a bound).
  for (std::size_t i = 0; i < size(); ++i) {
    const ParameterSpec& s = parameters_[i];
    if (!(z[i] >= to_search(i, s.lower) && z[i] <= to_search(i, s.upper))) {
      return -std::numeric_limits<double>::infinity();
    }
  }
  double sum = log_prior(from_search(z));
  for (std::size_t i = 0; i < size(); ++i) sum += std::log(derivative(i, z[i]));
  return sum;
}

std::vector<double> ParameterSpace::sample_prior(kernel::RandomStream& rng) const {
  // Rejection from the untruncated prior, falling back to uniform when the bounds hold little
  // of its mass (so a badly centred prior cannot loop for long).
  constexpr int kTries = 1000;
  std::vector<double> v(size());
  for (std::size_t i = 0; i < size(); ++i) {
    const ParameterSpec& s = parameters_[i];
    double draw = rng.uniform(s.lower, s.upper);
    if (s.prior != PriorKind::uniform) {
      for (int t = 0; t < kTries; ++t) {
        const double x = s.prior == PriorKind::normal ? rng.normal(s.prior_mean, s.prior_sd)
                                                      : rng.lognormal(s.prior_mean, s.prior_sd);
        if (x >= s.lower && x <= s.upper) {
          draw = x;
          break;
        }
      }
    }
    v[i] = draw;
  }
  return v;
}

scenario::LoadedScenario ParameterSpace::apply(const scenario::LoadedScenario& base,
                                               const std::vector<double>& values) const {
  return apply(base, values, "");
}

scenario::LoadedScenario ParameterSpace::apply(const scenario::LoadedScenario& base,
                                               const std::vector<double>& values,
                                               const std::string& region) const {
  if (values.size() != size()) {
    throw std::invalid_argument(fmt::format("{} values for {} parameters", values.size(), size()));
  }
  scenario::LoadedScenario out = base;
  for (std::size_t i = 0; i < size(); ++i) {
    const ParameterSpec& s = parameters_[i];
    if (!region.empty() && !applies_to(s, region)) continue;
    if (!s.elements) {
      scenario::apply_override(out, s.key, toml_number(values[i]));
      continue;
    }
    // Several parameters may set parts of one array: start from its current value.
    std::string current;
    for (const scenario::ParameterEntry& e : scenario::list_parameters(out.parameters)) {
      if (e.key_path == s.key) current = e.value;
    }
    std::vector<double> array = parse_number_array(current, s.key);
    const auto [first, last] = *s.elements;
    if (first < 0 || last < first || static_cast<std::size_t>(last) >= array.size()) {
      throw std::invalid_argument(fmt::format("{}: elements [{}, {}] outside an array of {}", s.key,
                                              first, last, array.size()));
    }
    for (int e = first; e <= last; ++e) array[static_cast<std::size_t>(e)] = values[i];
    std::string text = "[";
    for (std::size_t e = 0; e < array.size(); ++e) {
      if (e > 0) text += ", ";
      text += toml_number(array[e]);
    }
    scenario::apply_override(out, s.key, text + "]");
  }
  return out;
}

}  // namespace werkstroom::calibration
