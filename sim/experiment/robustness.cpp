#include "experiment/robustness.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <thread>

#include "experiment/experiment.hpp"
#include "kernel/random.hpp"
#include "scenario/replication_draws.hpp"

namespace werkstroom::experiment {

namespace {

using Figures = std::array<double, kFigureCount>;

/// The key figures of one replication of A and of B at one point.
struct PairedRun {
  Figures a{};
  Figures b{};
};

/// The replications of every point: [point][replication].
using PointRuns = std::vector<std::vector<PairedRun>>;

bool is_assumption(const std::string& label) { return label.rfind("assumption:", 0) == 0; }

Figures figures_of(const model::ReplicationResult& r) {
  Figures out{};
  for (std::size_t f = 0; f < kFigureCount; ++f) {
    out[f] = r.kpis.at(std::string(kRobustnessFigures[f]));
  }
  return out;
}

/// A point: each assumption's scaled position in [0, 1], or none for the scenarios' own values.
using Point = std::vector<std::optional<double>>;

/// The value of `v` at the scaled position x.
double value_at(const AssumptionValue& v, double x) {
  return x >= 1.0 ? v.hi : v.lo + x * (v.hi - v.lo);
}

/// A and B with the scenarios' draws switched off (see the header) and the assumptions set to
/// `point`: every value of an assumption (one, or its group's) at the same scaled position.
std::vector<ScenarioRun> runs_at(const model::ModelParameters& a, const model::ModelParameters& b,
                                 const std::vector<Assumption>& assumptions, const Point& point) {
  std::vector<ScenarioRun> runs{{"A", a}, {"B", b}};
  for (ScenarioRun& run : runs) {
    run.parameters.uncertainty = {};
    for (std::size_t i = 0; i < assumptions.size(); ++i) {
      if (!point[i]) continue;
      for (const AssumptionValue& v : assumptions[i].values) {
        (void)scenario::set_number_parameter(run.parameters, v.key, value_at(v, *point[i]));
      }
    }
  }
  return runs;
}

/// Runs `replications` replications of A and B at every point (values of the assumptions) on
/// worker threads; each result goes to its (point, replication) slot.
PointRuns evaluate(const model::ModelParameters& a, const model::ModelParameters& b,
                   const std::vector<Assumption>& assumptions, const std::vector<Point>& points,
                   int replications, std::string_view phase, const RobustnessSettings& settings) {
  std::vector<std::vector<ScenarioRun>> runs;
  runs.reserve(points.size());
  for (const Point& point : points) runs.push_back(runs_at(a, b, assumptions, point));
  struct Job {
    std::size_t point = 0;
    ExperimentJob job;
  };
  std::vector<Job> jobs;
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (ExperimentJob& job : experiment_jobs(runs[p], replications)) {
      jobs.push_back({p, std::move(job)});
    }
  }
  const auto reps = static_cast<std::size_t>(std::max(replications, 1));
  PointRuns out(points.size(), std::vector<PairedRun>(reps));
  ExperimentSettings experiment;
  experiment.master_seed = settings.master_seed;
  experiment.stop = settings.stop;
  experiment.population_cache = settings.population_cache;

  const std::size_t total = points.size() * reps * 2;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto worker = [&] {
    while (!failed.load()) {
      if (settings.stop != nullptr && settings.stop->load()) return;
      const std::size_t j = next.fetch_add(1);
      if (j >= jobs.size()) return;
      try {
        const Job& job = jobs[j];
        const std::vector<model::ReplicationResult> results =
            run_job(runs[job.point], job.job, experiment);
        for (std::size_t k = 0; k < results.size(); ++k) {
          PairedRun& slot = out[job.point][job.job.replication];
          (job.job.scenarios[k] == 0 ? slot.a : slot.b) = figures_of(results[k]);
        }
        const std::size_t finished = done.fetch_add(results.size()) + results.size();
        if (settings.progress) settings.progress(phase, finished, total);
      } catch (const Interrupted&) {
        return;
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed.store(true);
        return;
      }
    }
  };
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t threads = std::min<std::size_t>(
      settings.threads > 0 ? static_cast<std::size_t>(settings.threads) : hardware, jobs.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (settings.stop != nullptr && settings.stop->load()) throw Interrupted();
  return out;
}

/// The mean over the replications of B - A, per figure (summed in replication order).
Figures mean_difference(const std::vector<PairedRun>& runs) {
  Figures sum{};
  for (const PairedRun& r : runs) {
    for (std::size_t f = 0; f < kFigureCount; ++f) sum[f] += r.b[f] - r.a[f];
  }
  for (double& x : sum) x /= static_cast<double>(runs.size());
  return sum;
}

std::array<kernel::ReplicationBand, kFigureCount> bands(const std::vector<PairedRun>& runs) {
  std::array<kernel::ReplicationBand, kFigureCount> out{};
  for (std::size_t f = 0; f < kFigureCount; ++f) {
    std::vector<double> a;
    std::vector<double> b;
    for (const PairedRun& r : runs) {
      a.push_back(r.a[f]);
      b.push_back(r.b[f]);
    }
    out[f] = kernel::paired_band(a, b);
  }
  return out;
}

int sign(double x) { return (x > 0.0 ? 1 : 0) - (x < 0.0 ? 1 : 0); }

/// The sign of the mean paired difference B - A of figure f when its 95% interval of the mean
/// excludes 0, else 0: a sign the replications establish, not one noise could give.
int clear_sign(const std::vector<PairedRun>& runs, std::size_t f) {
  std::vector<double> a;
  std::vector<double> b;
  for (const PairedRun& r : runs) {
    a.push_back(r.a[f]);
    b.push_back(r.b[f]);
  }
  const kernel::ReplicationSummary s = kernel::summarise_paired_difference(a, b);
  if (s.replications < 2) return 0;
  return s.lower() > 0.0 ? 1 : (s.upper() < 0.0 ? -1 : 0);
}

/// Each end of each range (all of a group's values at their lo, or all at their hi), set alone
/// in each scenario, must keep the scenario valid: checked with the loader's rules, so a bad
/// range is reported at its key before anything runs.
void check_range_ends(const scenario::LoadedScenario& a, const scenario::LoadedScenario& b,
                      const std::vector<Assumption>& assumptions) {
  for (const Assumption& x : assumptions) {
    for (const scenario::LoadedScenario* s : {&a, &b}) {
      for (const double end : {0.0, 1.0}) {
        scenario::LoadedScenario copy = *s;
        for (const AssumptionValue& v : x.values) {
          scenario::apply_override(copy, v.key, fmt::format("{}", value_at(v, end)));
        }
      }
    }
  }
}

/// Why an assumption-labelled value of kind `kind` cannot take a range; "" for a number.
std::string kind_reason(scenario::ParameterKind kind) {
  using K = scenario::ParameterKind;
  switch (kind) {
    case K::number:
      return "";
    case K::integer:
      return "an integer (only a number takes a plausible range)";
    case K::boolean:
      return "a flag (true or false)";
    case K::text:
    case K::choice:
      return "a name or text";
    case K::date:
      return "a date";
    case K::number_list:
    case K::date_list:
      return "a list";
  }
  return "";
}

/// The reason a label states after "not screened:" (up to the next ';'), or "" for none.
std::string stated_reason(const std::string& label) {
  const std::size_t at = label.find(kNotScreenedMark);
  if (at == std::string::npos) return "";
  std::string reason = label.substr(at + kNotScreenedMark.size());
  reason = reason.substr(0, reason.find(';'));
  const std::size_t first = reason.find_first_not_of(' ');
  const std::size_t last = reason.find_last_not_of(' ');
  return first == std::string::npos ? "" : reason.substr(first, last - first + 1);
}

void count_not_screened(std::vector<NotScreened>& out, const std::string& reason,
                        const std::string& key) {
  const auto it = std::find_if(out.begin(), out.end(),
                               [&](const NotScreened& n) { return n.reason == reason; });
  if (it != out.end()) {
    it->keys.push_back(key);
  } else {
    out.push_back({reason, {key}});
  }
}

/// The value of text key `key` of `entries` without its quotes ("" when there is none).
std::string text_value(const std::vector<scenario::ParameterEntry>& entries,
                       const std::string& key) {
  for (const scenario::ParameterEntry& e : entries) {
    if (e.key_path == key && e.value.size() >= 2 && e.value.front() == '"') {
      return e.value.substr(1, e.value.size() - 2);
    }
  }
  return "";
}

std::size_t uniform_index(kernel::RandomStream& rng, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(rng.uniform01() * static_cast<double>(n)));
}

}  // namespace

AssumptionSelection select_assumptions(const scenario::LoadedScenario& a,
                                       const scenario::LoadedScenario& b) {
  AssumptionSelection out;
  const std::vector<scenario::ParameterEntry> entries = scenario::list_parameters(a.parameters);
  std::map<std::string, std::size_t> group_index;  // group -> its place in out.assumptions
  for (const scenario::ParameterEntry& entry : entries) {
    const std::string& key = entry.key_path;
    // The scenario whose range speaks for the key: A's when both have one.
    const scenario::LoadedScenario* ranged = a.ranges.count(key) > 0   ? &a
                                             : b.ranges.count(key) > 0 ? &b
                                                                       : nullptr;
    const scenario::LoadedScenario* relative = a.relative_ranges.count(key) > 0   ? &a
                                               : b.relative_ranges.count(key) > 0 ? &b
                                                                                  : nullptr;
    const scenario::LoadedScenario* speaker =
        ranged != nullptr ? ranged : (relative != nullptr ? relative : &a);
    const auto label = speaker->sources.find(key);
    if (label == speaker->sources.end() || !is_assumption(label->second)) continue;
    if (key.rfind("uncertainty.", 0) == 0) {
      out.draw_settings.push_back(key);
      continue;
    }
    if (const std::string reason = kind_reason(entry.kind); !reason.empty()) {
      count_not_screened(out.not_screened, reason, key);
      continue;
    }
    const scenario::NumericParameter in_a = scenario::find_numeric_parameter(a.parameters, key);
    const scenario::NumericParameter in_b = scenario::find_numeric_parameter(b.parameters, key);
    if (in_a.kind != scenario::NumericParameter::Kind::number) continue;
    if (in_a.values != in_b.values) {
      out.decisions.push_back(key);
      continue;
    }
    const double value = in_a.values.front();
    if (ranged != nullptr) {
      const scenario::PlausibleRange range = ranged->ranges.at(key);
      out.assumptions.push_back({key,
                                 key,
                                 label->second,
                                 entry.unit,
                                 value,
                                 range.lo,
                                 range.hi,
                                 false,
                                 {{key, value, range.lo, range.hi}}});
      continue;
    }
    if (relative != nullptr) {
      const scenario::RelativeRange& r = relative->relative_ranges.at(key);
      if (r.range.lo == r.range.hi) {
        count_not_screened(out.not_screened,
                           "a relative range of width 0 (its value is 0, or the factors are 1)",
                           key);
        continue;
      }
      const auto [at, added] = group_index.emplace(r.group, out.assumptions.size());
      if (added) {
        Assumption group;
        group.key = r.group;
        group.label = relative->sources.at(key);
        group.unit = "factor";
        group.value = 1.0;
        group.lo = r.factor_lo;
        group.hi = r.factor_hi;
        group.group = true;
        out.assumptions.push_back(std::move(group));
      }
      out.assumptions[at->second].values.push_back({key, value, r.range.lo, r.range.hi});
      continue;
    }
    const std::string stated = stated_reason(label->second);
    count_not_screened(
        out.not_screened,
        stated.empty() ? "no plausible range in the scenario" : "the scenario says: " + stated,
        key);
  }
  for (Assumption& x : out.assumptions) {
    if (!x.group) continue;
    // An element of an array of tables is named by its name key when it has one.
    const std::string element_name = text_value(entries, x.key + ".name");
    x.name = x.key + (element_name.empty() ? "" : " " + element_name) + " (" +
             std::to_string(x.values.size()) + (x.values.size() == 1 ? " value)" : " values)");
  }
  return out;
}

MorrisTrajectory morris_trajectory(std::uint64_t seed, std::size_t t, std::size_t k, int levels) {
  if (levels < 2 || levels % 2 != 0) {
    throw std::invalid_argument("Morris levels: expected an even number >= 2, found " +
                                std::to_string(levels));
  }
  kernel::RandomStream rng(kernel::StreamKey{seed, t, kernel::hash_name("robustness/morris"), 0});
  const double step = 1.0 / (levels - 1);
  const double delta = static_cast<double>(levels) / (2.0 * (levels - 1));
  // Base levels 0, step, ..., 1 - delta: there are levels / 2 of them, so x + delta <= 1.
  const auto base_levels = static_cast<std::size_t>(levels / 2);
  std::vector<double> x(k);
  std::vector<double> direction(k);
  for (std::size_t i = 0; i < k; ++i) {
    const double base = static_cast<double>(uniform_index(rng, base_levels)) * step;
    direction[i] = rng.uniform01() < 0.5 ? 1.0 : -1.0;
    x[i] = direction[i] > 0 ? base : base + delta;
  }
  std::vector<std::size_t> order(k);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = k; i > 1; --i) std::swap(order[i - 1], order[uniform_index(rng, i)]);
  MorrisTrajectory out;
  out.points.push_back(x);
  for (const std::size_t i : order) {
    x[i] += direction[i] * delta;
    out.points.push_back(x);
  }
  out.moved = std::move(order);
  return out;
}

RobustnessResult screen_robustness(const scenario::LoadedScenario& a,
                                   const scenario::LoadedScenario& b,
                                   const RobustnessSettings& settings) {
  if (settings.trajectories < 1 || settings.replications < 1 || settings.extreme_replications < 1 ||
      settings.top < 0) {
    throw std::invalid_argument(
        "robustness: trajectories, replications and extreme replications must be >= 1, top >= 0");
  }
  AssumptionSelection selection = select_assumptions(a, b);
  const std::vector<Assumption>& assumptions = selection.assumptions;
  if (assumptions.empty()) {
    throw std::invalid_argument(
        "robustness: no assumption to screen: neither " + a.files.front() + " nor " +
        b.files.front() +
        " has a number value labelled \"assumption: ...\" with range = [lo, hi] that both "
        "scenarios share");
  }
  check_range_ends(a, b, assumptions);
  const std::size_t k = assumptions.size();

  RobustnessResult result;
  result.name_a = a.name;
  result.name_b = b.name;
  result.settings = settings;
  result.decisions = std::move(selection.decisions);
  result.draw_settings = std::move(selection.draw_settings);
  result.not_screened = std::move(selection.not_screened);

  // Phase 1: Morris trajectories.
  std::vector<MorrisTrajectory> trajectories;
  std::vector<Point> points;
  for (std::size_t t = 0; t < static_cast<std::size_t>(settings.trajectories); ++t) {
    trajectories.push_back(morris_trajectory(settings.master_seed, t, k, settings.levels));
    for (const std::vector<double>& x : trajectories.back().points) {
      points.emplace_back(x.begin(), x.end());
    }
  }
  const PointRuns screening = evaluate(a.parameters, b.parameters, assumptions, points,
                                       settings.replications, "screening", settings);
  result.screening_points = points.size();
  result.simulations = points.size() * static_cast<std::size_t>(settings.replications) * 2;

  // Elementary effects: [assumption][trajectory][figure].
  std::vector<std::vector<Figures>> effects(k);
  std::size_t first = 0;
  for (const MorrisTrajectory& trajectory : trajectories) {
    for (std::size_t j = 1; j < trajectory.points.size(); ++j) {
      const std::size_t i = trajectory.moved[j - 1];
      const double dx = trajectory.points[j][i] - trajectory.points[j - 1][i];
      const Figures before = mean_difference(screening[first + j - 1]);
      const Figures after = mean_difference(screening[first + j]);
      Figures ee{};
      for (std::size_t f = 0; f < kFigureCount; ++f) ee[f] = (after[f] - before[f]) / dx;
      effects[i].push_back(ee);
    }
    first += trajectory.points.size();
  }
  for (std::size_t i = 0; i < k; ++i) {
    AssumptionResult r;
    r.assumption = assumptions[i];
    const auto n = static_cast<double>(effects[i].size());
    for (std::size_t f = 0; f < kFigureCount; ++f) {
      ScreeningEffect& e = r.effects[f];
      for (const Figures& ee : effects[i]) {
        e.mu += ee[f] / n;
        e.mu_star += std::abs(ee[f]) / n;
      }
      double squares = 0.0;
      for (const Figures& ee : effects[i]) squares += (ee[f] - e.mu) * (ee[f] - e.mu);
      e.sigma = effects[i].size() > 1 ? std::sqrt(squares / (n - 1.0)) : 0.0;
    }
    result.assumptions.push_back(std::move(r));
  }
  std::stable_sort(result.assumptions.begin(), result.assumptions.end(),
                   [](const AssumptionResult& x, const AssumptionResult& y) {
                     return x.effects[0].mu_star > y.effects[0].mu_star;
                   });

  // Phase 2: the top assumptions at their range's ends, one at a time.
  const std::size_t top = std::min(k, static_cast<std::size_t>(settings.top));
  const Point own(k);  // every assumption at the scenarios' own values
  std::vector<Point> extremes{own};
  for (std::size_t t = 0; t < top; ++t) {
    const auto at = std::find_if(assumptions.begin(), assumptions.end(), [&](const Assumption& x) {
      return x.key == result.assumptions[t].assumption.key;
    });
    const auto i = static_cast<std::size_t>(at - assumptions.begin());
    for (const double end : {0.0, 1.0}) {
      Point point = own;
      point[i] = end;
      extremes.push_back(std::move(point));
    }
  }
  const PointRuns oat = evaluate(a.parameters, b.parameters, assumptions, extremes,
                                 settings.extreme_replications, "extremes", settings);
  result.simulations +=
      extremes.size() * static_cast<std::size_t>(settings.extreme_replications) * 2;
  result.baseline = bands(oat[0]);
  for (std::size_t t = 0; t < top; ++t) {
    AssumptionResult& r = result.assumptions[t];
    r.has_extremes = true;
    r.at_lo = bands(oat[1 + 2 * t]);
    r.at_hi = bands(oat[2 + 2 * t]);
    for (std::size_t f = 0; f < kFigureCount; ++f) {
      const int base = sign(result.baseline[f].mean);
      // A flip is a strict change of sign that the end's replications establish (its 95%
      // interval of the mean excludes 0): a mean that crosses zero by noise flips nothing. A
      // baseline of exactly 0 recommends nothing to flip.
      r.can_flip[f] =
          clear_sign(oat[1 + 2 * t], f) * base < 0 || clear_sign(oat[2 + 2 * t], f) * base < 0;
    }
  }
  return result;
}

}  // namespace werkstroom::experiment
