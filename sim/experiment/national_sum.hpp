#pragma once
// The national sum of a comparison of regions: `compare` on scenarios of distinct regions (the
// national roll-out, scenarios/national/) also reports the sum over the scenarios of every
// additive key figure (model::MetricInfo::additive: counts and euros, not rates, quantiles,
// means, maxima, flags or month indices), per replication. Replication r of every scenario
// draws the same numbers wherever the scenarios agree (common random numbers), and the sum of
// replication r is one national outcome, so its spread over the replications is the band of the
// national figure.

#include <string>
#include <vector>

#include "experiment/experiment.hpp"

namespace werkstroom::experiment {

/// The name the national sum has in reports and result files.
inline constexpr const char* kNationalSumName = "national_sum";

/// Whether scenarios with these regions (one per scenario, the `region` parameter) form a set
/// of regions to sum: at least two, each region once. A comparison of variants of one region
/// (the base and its scale-up) is none.
[[nodiscard]] bool is_region_set(const std::vector<std::string>& regions);

/// Per replication, the sum over `results` of every additive KPI that every replication of
/// every scenario has (key figures, route and party figures; model::find_metric decides
/// additivity). The result is named kNationalSumName and holds key figures only (no monthly
/// series: the regions' months differ). Throws std::invalid_argument when `results` is empty or
/// the scenarios' numbers of replications differ.
[[nodiscard]] ScenarioResults national_sum(const std::vector<ScenarioResults>& results);

}  // namespace werkstroom::experiment
