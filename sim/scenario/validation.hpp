#pragma once
// Internal to the scenario loader: the rules that involve more than one parameter, checked after
// all files (and overrides) are merged. Errors point at the key in the file that set it.

#include <map>
#include <string>
#include <vector>

#include "model/parameters.hpp"
#include "scenario/scenario_error.hpp"

namespace werkstroom::scenario::detail {

/// Throws ScenarioError on the first broken rule. A rule on several keys is reported at the one
/// set last: by --set, else by the file earliest in `files` (the loaded file first, then its
/// bases); on a tie at the last key of the rule.
void check_cross_field_rules(const model::ModelParameters& p,
                             const std::map<std::string, SourcePosition>& positions,
                             const std::vector<std::string>& files);

/// `date` plus `months` calendar months, the day clamped to the month's length.
[[nodiscard]] kernel::Date add_months(const kernel::Date& date, int months);

}  // namespace werkstroom::scenario::detail
