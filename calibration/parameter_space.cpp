#include "calibration/parameter_space.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "scenario/parameter_visitor.hpp"

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

/// The current value of the number list at `key` (a key path, as in the spec), read through the
/// parameter binding: exact, and without listing every parameter as text.
class NumberListReader final : public scenario::PathTrackingVisitor {
 public:
  explicit NumberListReader(std::string key) : key_(std::move(key)) {}
  std::optional<std::vector<double>> found;

  void number_list(const std::string& key, std::vector<double>& value, const char* /*unit*/,
                   scenario::Range /*range*/) override {
    if (path_of(key) == key_) found = value;
  }
  void number(const std::string&, double&, const char*, scenario::Range) override {}
  void integer(const std::string&, int&, const char*, scenario::Range) override {}
  void boolean(const std::string&, bool&) override {}
  void text(const std::string&, std::string&) override {}
  void date(const std::string&, kernel::Date&) override {}
  void date_list(const std::string&, std::vector<kernel::Date>&) override {}
  void choice(const std::string&, int&, const std::vector<std::string>&) override {}

 private:
  std::string key_;
};

/// (The binding walks mutable parameters; the reader only reads them.)
std::vector<double> number_list_of(model::ModelParameters& p, const std::string& key) {
  NumberListReader reader(key);
  bind_parameters(reader, p);
  if (!reader.found) throw std::invalid_argument(key + " is not an array");
  return *reader.found;
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
  // Several parameters may set parts of one array: each such array starts from its value in
  // `base` and is set once, after its parts are in, in the order of its first parameter.
  scenario::LoadedScenario out = base;
  std::vector<std::pair<std::string, std::string>> overrides;
  std::vector<std::pair<std::string, std::vector<double>>> arrays;
  for (std::size_t i = 0; i < size(); ++i) {
    const ParameterSpec& s = parameters_[i];
    if (!region.empty() && !applies_to(s, region)) continue;
    if (!s.elements) {
      overrides.emplace_back(s.key, toml_number(values[i]));
      continue;
    }
    auto array =
        std::find_if(arrays.begin(), arrays.end(), [&](const auto& a) { return a.first == s.key; });
    if (array == arrays.end()) {
      arrays.emplace_back(s.key, number_list_of(out.parameters, s.key));
      array = std::prev(arrays.end());
    }
    std::vector<double>& numbers = array->second;
    const auto [first, last] = *s.elements;
    if (first < 0 || last < first || static_cast<std::size_t>(last) >= numbers.size()) {
      throw std::invalid_argument(fmt::format("{}: elements [{}, {}] outside an array of {}", s.key,
                                              first, last, numbers.size()));
    }
    for (int e = first; e <= last; ++e) numbers[static_cast<std::size_t>(e)] = values[i];
  }
  for (const auto& [key, numbers] : arrays) {
    std::string text = "[";
    for (std::size_t e = 0; e < numbers.size(); ++e) {
      if (e > 0) text += ", ";
      text += toml_number(numbers[e]);
    }
    overrides.emplace_back(key, text + "]");
  }
  return scenario::with_overrides(std::move(out), overrides);
}

}  // namespace werkstroom::calibration
