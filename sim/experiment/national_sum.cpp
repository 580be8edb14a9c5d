#include "experiment/national_sum.hpp"

#include <set>
#include <stdexcept>

#include "model/metric_registry.hpp"

namespace werkstroom::experiment {

bool is_region_set(const std::vector<std::string>& regions) {
  const std::set<std::string> distinct(regions.begin(), regions.end());
  return regions.size() >= 2 && distinct.size() == regions.size();
}

namespace {

// The additive keys that every replication of every scenario has.
std::set<std::string> common_additive_keys(const std::vector<ScenarioResults>& results) {
  std::set<std::string> keys;
  for (const auto& [key, value] : results.front().replications.front().kpis) {
    const model::MetricInfo* info = model::find_metric(key);
    if (info != nullptr && info->additive) {
      keys.insert(key);
    }
  }
  for (const ScenarioResults& scenario : results) {
    for (const model::ReplicationResult& rep : scenario.replications) {
      for (auto it = keys.begin(); it != keys.end();) {
        if (rep.kpis.contains(*it)) {
          ++it;
        } else {
          it = keys.erase(it);
        }
      }
    }
  }
  return keys;
}

}  // namespace

ScenarioResults national_sum(const std::vector<ScenarioResults>& results) {
  if (results.empty()) {
    throw std::invalid_argument("national sum: no scenarios");
  }
  const std::size_t reps = results.front().replications.size();
  for (const ScenarioResults& scenario : results) {
    if (scenario.replications.size() != reps) {
      throw std::invalid_argument("national sum: scenario " + scenario.name + " has " +
                                  std::to_string(scenario.replications.size()) + " replications, " +
                                  results.front().name + " has " + std::to_string(reps));
    }
  }
  ScenarioResults sum;
  sum.name = kNationalSumName;
  if (reps == 0) {
    return sum;
  }
  const std::set<std::string> keys = common_additive_keys(results);
  sum.replications.resize(reps);
  for (std::size_t r = 0; r < reps; ++r) {
    model::ReplicationResult& total = sum.replications[r];
    for (const std::string& key : keys) {
      double value = 0.0;
      for (const ScenarioResults& scenario : results) {
        value += scenario.replications[r].kpis.at(key);
      }
      total.kpis[key] = value;
    }
    for (const ScenarioResults& scenario : results) {
      total.events += scenario.replications[r].events;
      total.people += scenario.replications[r].people;
      total.clients += scenario.replications[r].clients;
    }
  }
  return sum;
}

}  // namespace werkstroom::experiment
