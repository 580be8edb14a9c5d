#include "experiment/national_sum.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <stdexcept>

#include "model/metric_registry.hpp"

namespace werkstroom::experiment {

bool is_region_set(const std::vector<std::string>& regions) {
  const std::set<std::string> distinct(regions.begin(), regions.end());
  return regions.size() >= 2 && distinct.size() == regions.size();
}

namespace {

// The additive keys that every replication of every scenario has (kept as columns, every
// replication of a scenario has its first's keys).
std::set<std::string> common_additive_keys(const std::vector<ScenarioResults>& results) {
  std::set<std::string> keys;
  for (const std::string& key : kpi_names(results.front())) {
    const model::MetricInfo* info = model::find_metric(key);
    if (info != nullptr && info->additive) {
      keys.insert(key);
    }
  }
  for (const ScenarioResults& scenario : results) {
    if (scenario.columns) {
      for (auto it = keys.begin(); it != keys.end();) {
        it = has_kpi(scenario, *it) ? std::next(it) : keys.erase(it);
      }
    }
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
  const std::size_t reps = replication_count(results.front());
  for (const ScenarioResults& scenario : results) {
    if (replication_count(scenario) != reps) {
      throw std::invalid_argument("national sum: scenario " + scenario.name + " has " +
                                  std::to_string(replication_count(scenario)) + " replications, " +
                                  results.front().name + " has " + std::to_string(reps));
    }
  }
  ScenarioResults sum;
  sum.name = kNationalSumName;
  if (reps == 0) {
    return sum;
  }
  const std::set<std::string> keys = common_additive_keys(results);
  if (std::any_of(results.begin(), results.end(),
                  [](const ScenarioResults& s) { return s.columns.has_value(); })) {
    // Key figures kept as columns: the sum as columns too, added in the same order, in a
    // scratch file when the scenarios' are (a streamed study: memory flat in replications).
    const bool scratch = std::any_of(results.begin(), results.end(), [](const ScenarioResults& s) {
      return s.columns && s.columns->in_scratch_file();
    });
    KpiColumns& columns =
        sum.columns.emplace(scratch ? KpiColumns::in_scratch_file(reps) : KpiColumns());
    columns.set_month_labels(first_month_labels(results.front()));
    for (const std::string& key : keys) {
      std::vector<double> total(reps, 0.0);
      for (const ScenarioResults& scenario : results) {
        const std::vector<double> values = kpi_values(scenario, key);
        for (std::size_t r = 0; r < reps; ++r) total[r] += values[r];
      }
      columns.add_column(key, total);
    }
    return sum;
  }
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
