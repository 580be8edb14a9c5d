#pragma once
// Populations kept between experiments. A population depends only on the population
// parameters and on (master seed, replication) (model/region_model.hpp), so an interactive
// client that re-runs the same scenarios after a change to the centre's settings (advisors,
// budgets, instruments, ...) can reuse every population: results are bit-identical to
// building them again, at a quarter of the cost. The cache holds at most `budget_bytes` of
// populations and evicts the least recently used first. Thread-safe.

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>

#include "model/parameters.hpp"
#include "model/region_model.hpp"

namespace werkstroom::experiment {

class PopulationCache {
 public:
  explicit PopulationCache(std::size_t budget_bytes) : budget_bytes_(budget_bytes) {}

  /// The population for (p, settings): the cached one if there is one, else a new one (built
  /// outside the lock, then cached).
  [[nodiscard]] std::shared_ptr<const model::Population> get_or_build(
      const model::ModelParameters& p, const model::ReplicationSettings& settings);

  struct Counts {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t entries = 0;
    std::size_t bytes = 0;
  };
  [[nodiscard]] Counts counts() const;
  void clear();

 private:
  struct Entry {
    model::ModelParameters parameters;
    model::ReplicationSettings settings;
    std::shared_ptr<const model::Population> population;
    std::size_t bytes = 0;
  };
  void evict_locked();

  const std::size_t budget_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::size_t bytes_ = 0;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

}  // namespace werkstroom::experiment
