#include "scenario/replication_draws.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "kernel/random.hpp"
#include "model/economy.hpp"
#include "model/region_model.hpp"
#include "scenario/loader.hpp"
#include "scenario/parameter_names.hpp"
#include "scenario/toml_values.hpp"

namespace werkstroom::scenario {

namespace {

/// Walks every parameter and hands the numeric one at `target` to `visit` (values by reference).
class NumericVisitor : public PathTrackingVisitor {
 public:
  using Visit = std::function<void(NumericParameter::Kind, const std::vector<double*>&, Range)>;
  NumericVisitor(std::string target, Visit visit)
      : target_(std::move(target)), visit_(std::move(visit)) {}
  void number(const std::string& key, double& value, const char* /*unit*/, Range range) override {
    if (path_of(key) == target_) visit_(NumericParameter::Kind::number, {&value}, range);
  }
  void integer(const std::string& key, int& /*value*/, const char* /*unit*/,
               Range /*range*/) override {
    other(key);
  }
  void boolean(const std::string& key, bool& /*value*/) override { other(key); }
  void text(const std::string& key, std::string& /*value*/) override { other(key); }
  void date(const std::string& key, kernel::Date& /*value*/) override { other(key); }
  void number_list(const std::string& key, std::vector<double>& value, const char* /*unit*/,
                   Range range) override {
    if (path_of(key) != target_) return;
    std::vector<double*> elements;
    elements.reserve(value.size());
    for (double& x : value) elements.push_back(&x);
    visit_(NumericParameter::Kind::number_list, elements, range);
  }
  void date_list(const std::string& key, std::vector<kernel::Date>& /*value*/) override {
    other(key);
  }
  void choice(const std::string& key, int& /*index*/,
              const std::vector<std::string>& /*names*/) override {
    other(key);
  }

 private:
  void other(const std::string& key) {
    if (path_of(key) == target_) visit_(NumericParameter::Kind::other, {}, kAnyNumber);
  }
  std::string target_;
  Visit visit_;
};

/// Calls `change` on the values of the numeric parameter at `key` of `p` (no-op when missing).
void change_numeric(model::ModelParameters& p, const std::string& key,
                    const std::function<void(const std::vector<double*>&, Range)>& change) {
  NumericVisitor visitor(
      key, [&](NumericParameter::Kind kind, const std::vector<double*>& values, Range range) {
        if (kind == NumericParameter::Kind::number || kind == NumericParameter::Kind::number_list) {
          change(values, range);
        }
      });
  bind_parameters(visitor, p);
}

/// The stream of one drawn quantity of a replication: keyed by what is drawn, so that the same
/// key draws the same numbers in every scenario whatever else the scenarios draw.
kernel::RandomStream draw_stream(const model::ReplicationSettings& s, const std::string& what) {
  return kernel::RandomStream(
      kernel::StreamKey{s.master_seed, s.replication, kernel::hash_name("uncertainty/" + what), 0});
}

/// Inverse distribution function at u in [0, 1) of a uniform or triangular (peak c) law.
double quantile(const model::UncertainParameter& d, double peak, double u) {
  const double a = d.lower;
  const double b = d.upper;
  if (d.distribution == 0 || b <= a) return a + u * (b - a);
  const double c = std::clamp(peak, a, b);
  const double at_peak = (c - a) / (b - a);
  return u < at_peak ? a + std::sqrt(u * (b - a) * (c - a))
                     : b - std::sqrt((1.0 - u) * (b - a) * (b - c));
}

void apply_posterior(model::ModelParameters& p, const model::PosteriorSample& sample,
                     const model::ReplicationSettings& s) {
  if (sample.particles.empty()) return;
  kernel::RandomStream rng = draw_stream(s, "posterior");
  set_posterior_particle(posterior_targets(p, sample), sample,
                         rng.discrete(sample.weights.data(), sample.weights.size()));
}

void apply_parameter(model::ModelParameters& p, const model::UncertainParameter& d,
                     const model::ReplicationSettings& s) {
  const double u = draw_stream(s, d.key).uniform01();
  const bool scale = d.mode == 1;
  change_numeric(p, d.key, [&](const std::vector<double*>& values, Range range) {
    if (values.empty()) return;
    // The triangle peaks at the scenario's own value: the assumption is the most likely value.
    const double drawn = quantile(d, scale ? 1.0 : *values.front(), u);
    for (double* x : values) *x = std::clamp(scale ? *x * drawn : drawn, range.min, range.max);
  });
}

void apply_economy(model::ModelParameters& p, const model::ReplicationSettings& s) {
  const model::UncertaintyParameters& u = p.uncertainty;
  if (u.economy_sd_log_per_month <= 0.0) return;
  const std::size_t months = model::month_boundaries(p).size() - 1;
  model::EconomyParameters& e = p.economy;
  std::vector<double>& path = e.unemployment_rate_pct;
  if (path.empty()) path.push_back(e.reference_unemployment_rate_pct);
  path.resize(std::max(months, path.size()), path.back());  // the last value after its end
  std::vector<double>& tightness = e.vacancies_per_unemployed;
  const bool has_tightness = !tightness.empty();
  if (has_tightness) tightness.resize(path.size(), tightness.back());
  const Range range = find_numeric_parameter(p, "economy.unemployment_rate_pct").range;
  const Range tight_range = find_numeric_parameter(p, "economy.vacancies_per_unemployed").range;
  kernel::RandomStream rng = draw_stream(s, "economy");
  double x = 0.0;
  // The observed months are published figures: the walk starts after them.
  for (std::size_t m = static_cast<std::size_t>(e.observed_months); m < path.size(); ++m) {
    x = u.economy_persistence * x + u.economy_sd_log_per_month * rng.normal(0.0, 1.0);
    path[m] = std::clamp(path[m] * std::exp(x), range.min, range.max);
    if (has_tightness) {
      tightness[m] = std::clamp(tightness[m] * std::exp(u.economy_tightness_coupling * x),
                                tight_range.min, tight_range.max);
    }
  }
}

}  // namespace

NumericParameter find_numeric_parameter(const model::ModelParameters& p,
                                        const std::string& key_path) {
  NumericParameter found;
  model::ModelParameters copy = p;  // bind_parameters takes mutable references
  NumericVisitor visitor(
      key_path, [&](NumericParameter::Kind kind, const std::vector<double*>& values, Range range) {
        found.kind = kind;
        found.range = range;
        for (const double* x : values) found.values.push_back(*x);
      });
  bind_parameters(visitor, copy);
  return found;
}

std::vector<std::vector<double*>> posterior_targets(model::ModelParameters& p,
                                                    const model::PosteriorSample& sample) {
  std::vector<std::vector<double*>> targets(sample.keys.size());
  for (std::size_t k = 0; k < sample.keys.size(); ++k) {
    const int first = sample.first_element[k];
    const int last = sample.last_element[k];
    change_numeric(p, sample.keys[k], [&](const std::vector<double*>& values, Range /*range*/) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        const auto index = static_cast<int>(i);
        if (first < 0 || (index >= first && index <= last)) targets[k].push_back(values[i]);
      }
    });
  }
  return targets;
}

void set_posterior_particle(const std::vector<std::vector<double*>>& targets,
                            const model::PosteriorSample& sample, std::size_t particle) {
  const std::vector<double>& values = sample.particles.at(particle);
  for (std::size_t k = 0; k < targets.size(); ++k) {
    for (double* x : targets[k]) *x = values[k];
  }
}

bool set_number_parameter(model::ModelParameters& p, const std::string& key_path, double value) {
  bool set = false;
  NumericVisitor visitor(key_path, [&](NumericParameter::Kind kind,
                                       const std::vector<double*>& values, Range /*range*/) {
    if (kind != NumericParameter::Kind::number) return;
    *values.front() = value;
    set = true;
  });
  bind_parameters(visitor, p);
  return set;
}

model::ModelParameters draw_replication_parameters(const model::ModelParameters& p,
                                                   const model::ReplicationSettings& settings) {
  model::ModelParameters out = p;
  if (!p.uncertainty.active()) return out;
  if (p.uncertainty.posterior_sample) {
    apply_posterior(out, *p.uncertainty.posterior_sample, settings);
  }
  for (const model::UncertainParameter& d : p.uncertainty.parameters) {
    apply_parameter(out, d, settings);
  }
  apply_economy(out, settings);
  return out;
}

std::vector<std::string> drawn_keys_that_differ(
    const std::vector<const model::ModelParameters*>& scenarios) {
  std::vector<std::string> out;
  if (scenarios.size() < 2) return out;
  for (const model::UncertainParameter& d : scenarios.front()->uncertainty.parameters) {
    if (d.mode != 0) continue;  // a scale draw keeps each scenario's own value's ratio
    const std::vector<double> first = find_numeric_parameter(*scenarios.front(), d.key).values;
    for (const model::ModelParameters* p : scenarios) {
      const bool draws_it = std::any_of(
          p->uncertainty.parameters.begin(), p->uncertainty.parameters.end(),
          [&](const model::UncertainParameter& e) { return e.key == d.key && e.mode == 0; });
      if (draws_it && find_numeric_parameter(*p, d.key).values != first) {
        out.push_back(d.key);
        break;
      }
    }
  }
  return out;
}

std::vector<std::string> uncertainty_sources(const model::ModelParameters& p, bool dutch) {
  const model::UncertaintyParameters& u = p.uncertainty;
  // A number as describe writes it, with a decimal comma in Dutch.
  const auto number = [dutch](double x) {
    std::string text = detail::format_number(x);
    if (dutch) std::replace(text.begin(), text.end(), '.', ',');
    return text;
  };
  const auto pick = [dutch](const char* en, const char* nl) {
    return std::string(dutch ? nl : en);
  };
  std::vector<std::string> out{
      pick("the simulation's own chance: who loses a job, who finds one, how long things take "
           "(every replication)",
           "het eigen toeval van de simulatie: wie een baan verliest of vindt, hoe lang iets duurt "
           "(elke replicatie)")};
  if (u.economy_sd_log_per_month > 0.0) {
    std::string line =
        pick(
            "the economy: the unemployment path times exp(x), x a chance walk with standard "
            "deviation ",
            "de economie: het werkloosheidspad maal exp(x), x een toevalswandeling met "
            "standaardafwijking ") +
        number(u.economy_sd_log_per_month) +
        pick(" a month (in logs) and persistence ", " per maand (in logaritmen) en persistentie ") +
        number(u.economy_persistence) + pick(", from month ", ", vanaf maand ") +
        std::to_string(p.economy.observed_months + 1);
    if (!p.economy.vacancies_per_unemployed.empty()) {
      line += pick("; the tightness path times exp(", "; het spanningspad maal exp(") +
              number(u.economy_tightness_coupling) + "·x)";
    }
    out.push_back(std::move(line));
  }
  for (const model::UncertainParameter& d : u.parameters) {
    const bool scale = d.mode == 1;
    const bool triangular = d.distribution == 1;
    out.push_back(readable_name_with_key(d.key, p, dutch) + ": " +
                  (scale ? pick("a factor on the value", "een factor op de waarde")
                         : pick("the value", "de waarde")) +
                  pick(" drawn ", " getrokken, ") +
                  (triangular ? pick("triangular", "driehoekig") : pick("uniform", "uniform")) +
                  pick(" on [", " op [") + number(d.lower) + pick(", ", "; ") + number(d.upper) +
                  "]");
  }
  if (u.posterior_sample && !u.posterior_sample->particles.empty()) {
    std::string keys;
    for (const std::string& k : u.posterior_sample->keys) keys += (keys.empty() ? "" : ", ") + k;
    out.push_back(pick("a calibration posterior: ", "een kalibratie-posterior: ") +
                  std::to_string(u.posterior_sample->particles.size()) +
                  pick(" particles of ", " deeltjes uit ") + u.posterior_sample->file + " (" +
                  keys + ")");
  }
  return out;
}

}  // namespace werkstroom::scenario
