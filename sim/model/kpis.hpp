#pragma once
// The key figures of one replication (the board's questions), from its monthly accounts.

#include <array>
#include <map>
#include <string>

#include "model/mobility_centre.hpp"
#include "model/parameters.hpp"
#include "model/replication_result.hpp"

namespace werkstroom::model {

/// Names, in the order reports show them, with a one-line meaning.
struct KpiInfo {
  const char* name;
  const char* meaning;
  const char* unit;
};
extern const std::array<KpiInfo, 22> kKpiInfo;

[[nodiscard]] std::map<std::string, double> compute_kpis(const ModelParameters& p,
                                                         const ReplicationResult& r,
                                                         const MobilityCentre& centre);

}  // namespace werkstroom::model
