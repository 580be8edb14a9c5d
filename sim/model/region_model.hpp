#pragma once
// One replication of a scenario: the region's people in two worlds (with and without the
// mobility centre) over the horizon. This is the model's single entry point for the command
// line, the viewer, the experiments and the calibrator.

#include <cstdint>

#include "model/parameters.hpp"
#include "model/replication_result.hpp"

namespace werkstroom::model {

struct ReplicationSettings {
  std::uint64_t master_seed = 1;
  std::uint64_t replication = 0;
};

/// Runs one replication. Throws std::invalid_argument / std::runtime_error with a message
/// naming the parameter for inconsistent parameters.
[[nodiscard]] ReplicationResult run_replication(const ModelParameters& p,
                                                const ReplicationSettings& settings);

/// The day numbers of the first days of the simulated months (month 0 starts at day 0) and,
/// as last entry, the horizon's end.
[[nodiscard]] std::vector<double> month_boundaries(const ModelParameters& p);

}  // namespace werkstroom::model
