#pragma once
// The fit's horizon. A fit evaluation (SMM, ABC-SMC) compares the scenario with data up to its
// last data month; the months after it cannot change the distance D, so simulating them is
// wasted work (in the real fit, 16 of 36 months). cut_horizon gives the same scenario ending
// with that month.
//
// That the months up to the cut stay the same, bit for bit, is a property of the model, not a
// law: people are numbered across the population's parts, so a cut that shortens a cohort's
// inflow renumbers the people of the parts after it, and their random streams with them. So
// the evaluator cuts a region only when cut_changes finds no difference for that region's
// indicators in one replication of its scenario (and the prediction, which shows every month,
// always simulates the whole horizon).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/parameters.hpp"

namespace werkstroom::calibration {

/// The parameters of `p` with the horizon ending at the end of month `last_month` (0: the
/// start month): the service ends on its last day (or, for a month of the follow-up, the
/// follow-up ends with it), and holidays after it are dropped. `p` unchanged when its horizon
/// ends with that month or earlier.
[[nodiscard]] model::ModelParameters cut_horizon(const model::ModelParameters& p, int last_month);

/// Replications cut_changes simulates: one of the whole horizon, one cut (callers count them
/// among the replications a calibration simulated).
inline constexpr int kCutCheckReplications = 2;

/// Runs one replication (master seed `seed`) of `p` and of cut_horizon(p, last_month) and
/// compares the observables `indicators` (calibration/observables.hpp names) in every month up
/// to `last_month`: nullopt when all are identical bit for bit, else the first difference
/// ("ww_benefits_running in 2019-05: 3002 over the whole horizon, 3001 cut"). Throws as
/// experiment::run_experiment does.
[[nodiscard]] std::optional<std::string> cut_changes(const model::ModelParameters& p,
                                                     int last_month, std::uint64_t seed,
                                                     const std::vector<std::string>& indicators,
                                                     int threads);

}  // namespace werkstroom::calibration
