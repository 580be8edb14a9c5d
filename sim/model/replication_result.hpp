#pragma once
// What one replication of one scenario produces: the service world's monthly indicators, both
// worlds' monthly accounts, and the replication's key figures.

#include <algorithm>
#include <bit>
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
  /// Key figures over the whole horizon; names are documented in model/kpis.cpp. A
  /// conditional figure (MetricInfo::conditional) is NaN where it does not exist, so compare
  /// two maps with same_figures, not ==.
  std::map<std::string, double> kpis;
  std::uint64_t events = 0;
  std::uint64_t people = 0;
  std::uint64_t clients = 0;
};

/// Whether two sets of key figures are the same bit for bit (a NaN equals a NaN of the same
/// bits, unlike ==): what "identical results" means for determinism checks.
[[nodiscard]] inline bool same_figures(const std::map<std::string, double>& a,
                                       const std::map<std::string, double>& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
           return x.first == y.first &&
                  std::bit_cast<std::uint64_t>(x.second) == std::bit_cast<std::uint64_t>(y.second);
         });
}

}  // namespace werkstroom::model
