#pragma once
// The draws of a replication (the scenario's [uncertainty], model::UncertaintyParameters): what
// a run does not know is drawn anew for every replication, so that the bands of a level contain
// it. The draws of replication r depend only on (master seed, r) and on what is drawn (the key
// path of a parameter, "posterior", "economy"), never on the scenario or the thread: replication
// r of every scenario of a comparison gets the same draws, and a paired difference between two
// scenarios keeps only what the scenarios change.
//
// Three sources, applied in this order to a copy of the scenario's parameters:
//  1. a posterior particle (drawn by weight) sets the calibrated keys;
//  2. each [[uncertainty.parameters]] entry draws its key's value (mode "value") or a factor on
//     it (mode "scale", every element of a list), uniform or triangular on [lower, upper];
//  3. the economy path (EconomyParameters; the reference rate when the scenario has none) is
//     multiplied by exp(x_m) with x_m = persistence x_{m-1} + sd N(0,1) from the first month
//     after the economy's observed months on (x = 0 before), kept within the path's valid
//     range; the tightness path, when given, by exp(tightness_coupling x_m).
// Without draws (UncertaintyParameters::active() false) the parameters are returned unchanged.

#include <string>
#include <vector>

#include "model/parameters.hpp"
#include "model/replication_settings.hpp"
#include "scenario/parameter_visitor.hpp"

namespace werkstroom::scenario {

/// A numeric parameter found by key path.
struct NumericParameter {
  enum class Kind { missing, number, number_list, other } kind = Kind::missing;
  std::vector<double> values;  // the number, or the list's elements
  Range range;
};

/// The parameter at `key_path` ("hazards.ww_find_work.rate_per_month",
/// "cohorts.ww_inflow.inflow_per_month") of `p`.
[[nodiscard]] NumericParameter find_numeric_parameter(const model::ModelParameters& p,
                                                      const std::string& key_path);

/// Sets the number parameter at `key_path` of `p` to `value`, unchecked (the caller keeps it in
/// the key's valid range). Returns false, leaving `p` unchanged, when `key_path` names no number
/// parameter (a list, another type, or no parameter).
bool set_number_parameter(model::ModelParameters& p, const std::string& key_path, double value);

/// Where the calibrated keys of `sample` live in `p`: per key of the sample, the number or the
/// list elements in its element range. Valid while `p` lives and its lists keep their lengths.
[[nodiscard]] std::vector<std::vector<double*>> posterior_targets(
    model::ModelParameters& p, const model::PosteriorSample& sample);

/// Sets the calibrated keys (`targets`, from posterior_targets) to particle `particle` of
/// `sample`, unchecked: check_posterior keeps every particle within the rules.
void set_posterior_particle(const std::vector<std::vector<double*>>& targets,
                            const model::PosteriorSample& sample, std::size_t particle);

/// The parameters of replication `settings` of a scenario with parameters `p` (see above).
[[nodiscard]] model::ModelParameters draw_replication_parameters(
    const model::ModelParameters& p, const model::ReplicationSettings& settings);

/// The keys drawn in mode "value" by the scenarios (all with the same [uncertainty]) whose own
/// values differ between the scenarios: the draw replaces them, so that difference is not
/// compared. A comparison should say so (the command line warns).
[[nodiscard]] std::vector<std::string> drawn_keys_that_differ(
    const std::vector<const model::ModelParameters*>& scenarios);

/// One line per source of uncertainty the bands of `p` contain, for reports: always the
/// simulation's own randomness, then the economy, the drawn parameters and the posterior.
/// English (as the result files store them), or Dutch with `dutch` (decimal commas), for the
/// console and the reports in Dutch; keys stay as they are in the files.
[[nodiscard]] std::vector<std::string> uncertainty_sources(const model::ModelParameters& p,
                                                           bool dutch = false);

}  // namespace werkstroom::scenario
