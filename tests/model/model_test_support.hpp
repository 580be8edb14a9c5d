#pragma once
// Helpers for the model tests: load a scenario from scenarios/ and change it in code.

#include <numeric>
#include <string>
#include <vector>

#include "model/region_model.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::test {

inline model::ModelParameters load_parameters(const std::string& relative_path) {
  return scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/" + relative_path)
      .parameters;
}

inline model::ModelParameters default_parameters() {
  return load_parameters("gooi-en-vechtstreek.toml");
}

inline double total(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

inline model::ReplicationResult run(const model::ModelParameters& p, std::uint64_t seed = 7,
                                    std::uint64_t replication = 0) {
  return model::run_replication(p, model::ReplicationSettings{seed, replication});
}

/// Mean of a KPI over replications 0..n-1.
inline double mean_kpi(const model::ModelParameters& p, const std::string& kpi, int n,
                       std::uint64_t seed = 7) {
  double sum = 0.0;
  for (int r = 0; r < n; ++r) sum += run(p, seed, static_cast<std::uint64_t>(r)).kpis.at(kpi);
  return sum / n;
}

}  // namespace werkstroom::test
