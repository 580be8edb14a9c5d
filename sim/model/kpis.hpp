#pragma once
// The key figures of one replication (the board's questions), from its monthly accounts.
// Their units, descriptions, labels and report order are in model/metric_registry.hpp.

#include <map>
#include <string>

#include "model/mobility_centre.hpp"
#include "model/parameters.hpp"
#include "model/replication_result.hpp"

namespace werkstroom::model {

/// The figures of model::metric_registry(): every key figure and diagnostic figure by name, and
/// every route figure for every route (model::route_key).
[[nodiscard]] std::map<std::string, double> compute_kpis(const ModelParameters& p,
                                                         const ReplicationResult& r,
                                                         const MobilityCentre& centre);

}  // namespace werkstroom::model
