#pragma once
// Decision robustness (issue 14 item 4): which assumptions can change the comparison of two
// options A and B? Every number value labelled "assumption: ..." with a plausible range
// (`range = [lo, hi]`, scenario/loader.hpp PlausibleRange) is screened for its effect on the
// paired difference B - A of three key figures: net savings, placements and the p90 wait. The
// values that take a table's relative range (`relative_range = [lo, hi]` beside the table's
// source line, RelativeRange) are screened as one group per table: grouped elementary effects
// (Campolongo, Cariboni and Saltelli 2007), all the group's values moving together by the same
// fraction of their ranges. Every other assumption-labelled value is counted with the reason it
// is not screened (AssumptionSelection::not_screened), so nothing is left out silently.
//
// Method (docs/robustness.md):
//  1. Morris elementary effects: `trajectories` one-at-a-time walks over a grid of `levels`
//     levels on each assumption's range scaled to [0, 1] (step delta = levels / (2 (levels-1))).
//     Each point is the difference B - A averaged over `replications` replications with common
//     random numbers: every point uses replications 0..n-1 of the same master seed, so an
//     assumption that changes nobody's path has an elementary effect of exactly 0. An
//     elementary effect is the change of the difference per move over the whole range
//     (lo -> hi), linearly from the delta step; mu* is the mean of its absolute value, mu its
//     mean, sigma its standard deviation over the trajectories.
//  2. One at a time extremes for the `top` assumptions by mu* of the net savings difference:
//     the difference at lo and at hi (the others at the scenarios' own values) with its paired
//     5-95% band over `extreme_replications` replications, against the baseline difference at
//     the scenarios' own values. An assumption "can flip the recommendation" on a figure when
//     the mean difference at lo or at hi has the strictly opposite sign of the baseline's and
//     the 95% interval of that mean excludes 0 (noise cannot flip; a baseline of exactly 0
//     recommends nothing, so nothing flips).
// The scenarios' per-replication draws ([uncertainty]) are switched off for both phases: a draw
// would overwrite the value the screening sets and hide its effect.
//
// Reproducible: every point's replications are keyed by (master seed, replication) and each
// result goes to its slot, so the result is the same for any thread count. Points share
// populations through a PopulationCache (all points whose population parameters agree reuse
// the same parts) and A and B of a point share one population when they may.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "experiment/population_cache.hpp"
#include "kernel/statistics.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::experiment {

/// The figures whose B - A difference is screened, in report order.
inline constexpr std::array<std::string_view, 3> kRobustnessFigures = {
    "net_savings_eur", "placements", "wait_p90_working_days"};
inline constexpr std::size_t kFigureCount = kRobustnessFigures.size();

/// One value a screened assumption moves: at the scaled position x in [0, 1] it is
/// lo + x (hi - lo).
struct AssumptionValue {
  std::string key;  // key path, as `describe` prints it
  double value = 0.0;
  double lo = 0.0;
  double hi = 0.0;
};

/// One screened factor: a number value labelled "assumption: ..." with a plausible range of its
/// own, or the group of the values that take one table's relative range.
struct Assumption {
  std::string key;     // key path; for a group the table's path ("time_norms", "instruments[2]")
  std::string name;    // as reported: the key, or "time_norms (11 values)"
  std::string label;   // its source label
  std::string unit;    // for a group "factor"
  double value = 0.0;  // the scenarios' own value (equal in A and B); for a group 1
  double lo = 0.0;     // for a group the relative range's factors
  double hi = 0.0;
  bool group = false;
  /// The values it moves: the one value, or the group's values (width > 0), in binding order.
  std::vector<AssumptionValue> values;
};

/// Assumption-labelled values left out of the screening for one reason.
struct NotScreened {
  std::string reason;             // a fixed reason, or the scenario's "not screened: ..." text
  std::vector<std::string> keys;  // in binding order
};

struct AssumptionSelection {
  std::vector<Assumption> assumptions;  // in binding order (describe's order) of the first value
  /// Assumption-labelled number values whose value differs between A and B: part of the
  /// decision, not an assumption about the world; not screened.
  std::vector<std::string> decisions;
  /// Assumption-labelled values of [uncertainty] (how the per-replication draws spread): the
  /// draws are off while screening, so these change nothing; not screened.
  std::vector<std::string> draw_settings;
  /// Every other assumption-labelled value not screened, by reason (kind of value, a relative
  /// range of width 0, a reason the scenario states with "not screened: ...", no range).
  std::vector<NotScreened> not_screened;
};

/// The text in a label that marks an assumption-labelled value as deliberately not screened,
/// followed by the reason: "assumption: ...; not screened: a decision of the centre".
inline constexpr std::string_view kNotScreenedMark = "not screened:";

/// The assumptions of a comparison of `a` with `b`: every number key whose label starts with
/// "assumption:" and that has a plausible range of its own in either scenario (A's range when
/// both have one) or a relative range (one group per table), and whose value is the same in
/// both; not those of [uncertainty].
[[nodiscard]] AssumptionSelection select_assumptions(const scenario::LoadedScenario& a,
                                                     const scenario::LoadedScenario& b);

struct RobustnessSettings {
  std::uint64_t master_seed = 20201101;
  int trajectories = 8;           // Morris r
  int levels = 4;                 // Morris p (even, >= 2)
  int replications = 4;           // per screening point
  int extreme_replications = 20;  // per one-at-a-time point
  int top = 10;                   // assumptions taken to the one-at-a-time extremes
  int threads = 0;                // 0: all hardware threads
  /// Called from worker threads with the phase ("screening", "extremes") and the replications
  /// of it done and in all; must be thread-safe and cheap.
  std::function<void(std::string_view, std::size_t, std::size_t)> progress;
  const std::atomic<bool>* stop = nullptr;  // set to stop early: throws Interrupted
  PopulationCache* population_cache = nullptr;
};

/// Morris statistics of one assumption on one figure's difference, in the figure's unit per
/// move over the whole plausible range.
struct ScreeningEffect {
  double mu = 0.0;
  double mu_star = 0.0;
  double sigma = 0.0;
};

struct AssumptionResult {
  Assumption assumption;
  std::array<ScreeningEffect, kFigureCount> effects{};
  /// Only for the `top` assumptions: the paired difference B - A at lo and at hi.
  bool has_extremes = false;
  std::array<kernel::ReplicationBand, kFigureCount> at_lo{};
  std::array<kernel::ReplicationBand, kFigureCount> at_hi{};
  /// Whether the mean difference at lo or hi has the strictly opposite sign of the baseline's,
  /// with a 95% interval of the mean that excludes 0.
  std::array<bool, kFigureCount> can_flip{};
};

struct RobustnessResult {
  std::string name_a;
  std::string name_b;
  RobustnessSettings settings;
  /// Sorted by mu* of the net savings difference, largest first (ties in binding order).
  std::vector<AssumptionResult> assumptions;
  std::vector<std::string> decisions;
  std::vector<std::string> draw_settings;
  std::vector<NotScreened> not_screened;
  /// The paired difference at the scenarios' own values, extreme_replications replications.
  std::array<kernel::ReplicationBand, kFigureCount> baseline{};
  std::size_t screening_points = 0;
  std::size_t simulations = 0;  // replications run, both phases, both scenarios
};

/// The points of Morris trajectory `t` in [0, 1]^k (k + 1 points, each differing from the one
/// before in exactly one coordinate by +-delta); the coordinate moved at step j is
/// `moved[j - 1]`. Depends only on (seed, t, k, levels).
struct MorrisTrajectory {
  std::vector<std::vector<double>> points;
  std::vector<std::size_t> moved;
};
[[nodiscard]] MorrisTrajectory morris_trajectory(std::uint64_t seed, std::size_t t, std::size_t k,
                                                 int levels);

/// Screens the assumptions of the comparison of `a` (the base option) with `b`. Throws
/// std::invalid_argument for bad settings or when there is no assumption to screen,
/// scenario::ScenarioError when a range's end breaks a rule of the scenario, Interrupted.
[[nodiscard]] RobustnessResult screen_robustness(const scenario::LoadedScenario& a,
                                                 const scenario::LoadedScenario& b,
                                                 const RobustnessSettings& settings);

}  // namespace werkstroom::experiment
