#pragma once
// Replications of one or more scenarios with common random numbers: replication r of every
// scenario uses the same master seed and replication index, so the same people draw the same
// numbers wherever the scenarios agree, and differences between scenarios are paired.
// Replications run on worker threads; each result is stored at its (scenario, replication)
// slot, so results are bit-identical for any thread count. Within a replication, scenarios
// with equal population parameters share one population (model::build_population).

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiment/population_cache.hpp"
#include "model/parameters.hpp"
#include "model/replication_result.hpp"

namespace werkstroom::experiment {

struct ScenarioRun {
  std::string name;
  model::ModelParameters parameters;
};

struct ExperimentSettings {
  std::uint64_t master_seed = 20201101;
  int replications = 100;
  int threads = 0;  // 0: all hardware threads
  /// Called from worker threads with (done, total); must be thread-safe and cheap.
  std::function<void(std::size_t, std::size_t)> progress;
  /// Set to true (from another thread or a signal handler) to stop early; run_experiment then
  /// throws Interrupted.
  const std::atomic<bool>* stop = nullptr;
  /// Populations kept across experiments (optional; results are the same with or without).
  PopulationCache* population_cache = nullptr;
};

struct ScenarioResults {
  std::string name;
  std::vector<model::ReplicationResult> replications;
};

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted") {}
};

[[nodiscard]] std::vector<ScenarioResults> run_experiment(const std::vector<ScenarioRun>& runs,
                                                          const ExperimentSettings& settings);

/// Values of a KPI across replications.
[[nodiscard]] std::vector<double> kpi_values(const ScenarioResults& r, const std::string& kpi);

}  // namespace werkstroom::experiment
