#pragma once
// A calibration posterior as a plain-text file (format "werkstroom-posterior/1"), the form in
// which a scenario names one (`[uncertainty] posterior = "file.csv"`, relative to the scenario
// file) and `werkstroom calibrate` writes one:
//
//   # werkstroom-posterior/1  (lines starting with '#' are comments)
//   weight,hazards.ww_find_work.rate_per_month,cohorts.ww_inflow.inflow_per_month[14:35]
//   0.0012,0.083,640.2
//
// The first column is the particle's weight (>= 0, not all zero); each other column is a key
// path of a number, or of a number list with the elements it sets ("[i]" or "[first:last]",
// 0-based, inclusive; none: every element). Errors are ScenarioError naming the file, line,
// column name, expected and found.

#include <filesystem>
#include <string>

#include "model/parameters.hpp"
#include "scenario/scenario_error.hpp"

namespace werkstroom::scenario {

/// Reads a posterior file (without checking its keys against a scenario).
[[nodiscard]] model::PosteriorSample read_posterior_csv(const std::filesystem::path& file);

/// Writes `sample` in the format above (the text; the caller writes it to a file).
[[nodiscard]] std::string posterior_csv_text(const model::PosteriorSample& sample,
                                             const std::string& comment);

/// Checks `sample` against the parameters it will set: each key a number or number list of
/// `p`, element ranges within the list, every particle's value within the parameter's range, and
/// every particle with a weight > 0 within the rules across values (scenario/validation.hpp)
/// together with `p`'s other values. Throws ScenarioError naming sample.file, the key, and for a
/// particle its line.
void check_posterior(const model::ModelParameters& p, const model::PosteriorSample& sample);

/// The column name of parameter k: its key with the element range, as in the file.
[[nodiscard]] std::string posterior_column(const model::PosteriorSample& sample, std::size_t k);

}  // namespace werkstroom::scenario
