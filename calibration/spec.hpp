#pragma once
// A calibration spec (TOML), e.g. calibration/specs/gooi-ww-fit.toml:
//
//   scenario = "../../scenarios/calibration/gooi-ww-2018-2021.toml"  # relative to the spec
//   data = "../../notebooks-data/reference/gooi-vechtstreek-ww.csv"
//   fit_until = "2020-08"        # data after this month are not used in the fit (optional)
//   seed = 20201101
//   methods = ["smm", "abc"]
//
//   [[parameters]]
//   key = "hazards.ww_find_work.rate_per_month"   # a scenario key path (number)
//   lower = 0.02
//   upper = 0.25
//   prior = "uniform"            # or "normal" / "lognormal" with mean and sd, truncated
//   transform = "logit"          # "none", "log" or "logit": the space the search works in
//
//   [[parameters]]
//   key = "cohorts.ww_inflow.inflow_per_month"    # a number array: set elements [first, last]
//   elements = [0, 14]
//   name = "ww_inflow_2019"      # optional display name (default: the key, with the elements)
//   lower = 100.0
//   upper = 800.0
//
//   [[indicators]]
//   name = "ww_benefits_running" # an observable (calibration/observables.hpp)
//   weight = 1.0
//   relative_error = 0.03        # error model: sd = max(stderr in the data, relative * |value|,
//   absolute_error = 0.0         #                       absolute); at least one must be > 0
//
//   [smm]  algorithm = "bobyqa" | "sbplx" | "neldermead"; global = "none" | "crs2" | "isres";
//          restarts; max_evaluations; replications (per evaluation, common random numbers)
//   [abc]  particles; generations; quantile (of the last distances: the next tolerance);
//          min_acceptance (stop below); replications (per particle); max_simulations;
//          stop_at_error_model (true: the tolerance stops at the error model's level)
//   [predict] draws (posterior draws simulated for the predictive bands)
//
// Several regions in one fit: instead of the top-level scenario, data (and fit_until), a list
//
//   [[regions]]
//   name = "gooi"                # letters, digits, '-' and '_'; unique
//   scenario = "..."             # relative to the spec
//   data = "..."
//   fit_until = "2020-08"        # optional; default: the top-level fit_until, if any
//
// and a parameter is shared by all regions (the default: the same value is set in every
// region's scenario) or regional, `regions = ["gooi"]` on its [[parameters]] entry (set in those
// regions only). Indicators are the same for every region; the distance sums over the regions'
// data rows. A regional parameter may fit the same scenario key as another one of a disjoint
// set of regions (each region's inflow level).
//
// Every key is checked: unknown keys, wrong types, bounds in the wrong order, a transform that
// does not fit the bounds (log needs lower > 0, logit needs 0 <= lower < upper <= 1), a key path
// the scenario does not have, elements outside the array. Errors are scenario::ScenarioError
// (file:line:column, key path, expected, found).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace werkstroom::calibration {

enum class Transform { none, log, logit };
enum class PriorKind { uniform, normal, lognormal };

struct ParameterSpec {
  std::string name;                             // display name
  std::string key;                              // scenario key path
  std::optional<std::pair<int, int>> elements;  // for number arrays: first and last index set
  double lower = 0.0;
  double upper = 1.0;
  PriorKind prior = PriorKind::uniform;
  double prior_mean = 0.0;  // normal: of the value; lognormal: of log(value)
  double prior_sd = 1.0;
  Transform transform = Transform::none;
  /// The regions whose scenarios it is set in (names of [[regions]]); empty: every region.
  std::vector<std::string> regions;
};

/// One region of a fit: its scenario and its data.
struct RegionSpec {
  std::string name;                      // "" in the single-region form
  std::filesystem::path scenario_file;   // resolved against the spec's folder
  std::filesystem::path data_file;       // resolved against the spec's folder
  std::optional<std::string> fit_until;  // "YYYY-MM"
};

/// Whether parameter `p` is set in region `region` (a regional parameter names it; a shared one
/// is set everywhere).
[[nodiscard]] bool applies_to(const ParameterSpec& p, const std::string& region);

struct IndicatorSpec {
  std::string name;  // observable
  double weight = 1.0;
  double relative_error = 0.0;
  double absolute_error = 0.0;
};

struct SmmSettings {
  std::string algorithm = "bobyqa";  // local: bobyqa, sbplx, neldermead
  std::string global = "none";       // none, crs2, isres: a global stage before the local one
  int restarts = 3;                  // local searches from different starts (>= 1)
  int max_evaluations = 200;         // per local search
  int global_evaluations = 200;
  double relative_tolerance = 1e-4;  // on the parameters (transformed)
  int replications = 10;             // per evaluation, the same seeds each time (CRN)
  /// The first local search again, from its start, each time with seeds of its own (same
  /// data): the optima's spread measures the part of the estimate's error that comes from the
  /// simulation, which the sandwich's 1/R term understates (docs/calibration.md). 0: the 1/R
  /// term instead. None with replications < 2 (no standard errors then).
  int seed_refits = 6;
};

struct AbcSettings {
  int particles = 1000;
  int generations = 6;
  double quantile = 0.5;         // next tolerance: this quantile of the accepted distances
  double min_acceptance = 0.02;  // stop when a generation accepts fewer proposals than this
  int replications = 1;          // per particle
  long max_simulations = 200000;
  /// Never take the tolerance below the error model's level, targets + 2, and stop after the
  /// generation that reached it: accepting D <= eps is exact Bayesian inference under an error
  /// uniform in a ball of radius sqrt(eps), whose variance per target is eps / (targets + 2)
  /// sd^2 (weights 1) -- at eps = targets + 2 that of the error model. Above it the posterior
  /// is that of a larger error (too wide), below it that of a smaller one (too narrow).
  bool stop_at_error_model = false;
};

struct PredictSettings {
  int draws = 200;  // posterior draws (or draws from the SMM estimate's normal approximation)
};

struct CalibrationSpec {
  std::filesystem::path file;
  std::string text;  // the whole spec file, stored with the results
  // Single-region form: the scenario, the data and fit_until (empty in the multi-region form).
  std::filesystem::path scenario_file;   // resolved against the spec's folder
  std::filesystem::path data_file;       // resolved against the spec's folder
  std::optional<std::string> fit_until;  // "YYYY-MM"; multi-region: every region's default
  /// Always at least one: the single-region form has one region with an empty name and the
  /// top-level scenario, data and fit_until.
  std::vector<RegionSpec> regions;
  std::uint64_t seed = 20201101;
  std::vector<std::string> methods = {"smm", "abc"};
  std::vector<ParameterSpec> parameters;
  std::vector<IndicatorSpec> indicators;
  SmmSettings smm;
  AbcSettings abc;
  PredictSettings predict;

  /// Whether the spec lists [[regions]] (rather than a top-level scenario and data).
  [[nodiscard]] bool multi_region() const {
    return !regions.empty() && !regions.front().name.empty();
  }
  /// The regions fitted: `regions` in the multi-region form, else one unnamed region of the
  /// top-level scenario, data and fit_until (read now, so a copy of the spec with another
  /// fit_until, as the backtest makes, fits up to that).
  [[nodiscard]] std::vector<RegionSpec> fit_regions() const {
    if (multi_region()) return regions;
    return {RegionSpec{"", scenario_file, data_file, fit_until}};
  }
};

/// Loads and checks a spec (the scenario is loaded to check the key paths). Throws
/// scenario::ScenarioError.
[[nodiscard]] CalibrationSpec load_spec(const std::filesystem::path& file);

/// Parses spec text as if read from `file` (tests). Throws scenario::ScenarioError.
[[nodiscard]] CalibrationSpec parse_spec(const std::string& text,
                                         const std::filesystem::path& file);

}  // namespace werkstroom::calibration
