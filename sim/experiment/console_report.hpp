#pragma once
// Readable console tables of an experiment: the key figures per scenario with 95% intervals
// and the paired differences against the first scenario, and a monthly summary.

#include <string>
#include <vector>

#include "experiment/experiment.hpp"

namespace werkstroom::experiment {

[[nodiscard]] std::string kpi_table(const std::vector<ScenarioResults>& results);
[[nodiscard]] std::string monthly_table(const ScenarioResults& results);

}  // namespace werkstroom::experiment
