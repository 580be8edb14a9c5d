#pragma once
// What one replication of one scenario produces: the service world's monthly indicators, both
// worlds' monthly accounts, and the replication's key figures.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/indicators.hpp"
#include "model/world_totals.hpp"

namespace werkstroom::model {

struct ReplicationResult {
  std::vector<std::string> month_labels;  // "YYYY-MM"
  IndicatorTable service{0};
  WorldSeries with_service;
  WorldSeries without_service;
  /// People who had entered the region's flows by each month end, counted at arrival.
  std::vector<double> arrived_by_month_end;
  /// Key figures over the whole horizon; names are documented in model/kpis.cpp.
  std::map<std::string, double> kpis;
  std::uint64_t events = 0;
  std::uint64_t people = 0;
  std::uint64_t clients = 0;
};

}  // namespace werkstroom::model
