#pragma once
// Population parts kept between experiments. A population is built in parts (a cohort, a
// bankruptcy, the end of the NOW; model/population.hpp), each depending only on its own
// parameters and on (master seed, replication). An interactive client that re-runs the same
// scenarios after a change to the centre's settings (advisors, budgets, instruments, ...)
// reuses every part; after a change to one cohort's inflow or a bankruptcy more, it builds
// only the parts that changed. Populations joined from cached parts are bit-identical to
// populations built from scratch. The cache holds at most `budget_bytes` of parts and evicts
// the least recently used first. Thread-safe.

#include <cstddef>
#include <cstdint>
#include <future>
#include <list>
#include <memory>
#include <mutex>

#include "model/parameters.hpp"
#include "model/population.hpp"
#include "model/region_model.hpp"

namespace werkstroom::experiment {

class PopulationCache {
 public:
  explicit PopulationCache(std::size_t budget_bytes) : budget_bytes_(budget_bytes) {}

  /// The population for (p, settings), joined from cached parts where there are some and
  /// from new parts (built outside the lock, then cached) where not.
  [[nodiscard]] std::shared_ptr<const model::Population> get_or_build(
      const model::ModelParameters& p, const model::ReplicationSettings& settings);

  struct Counts {
    std::uint64_t reused = 0;  // parts taken from the cache (or from a build in progress)
    std::uint64_t built = 0;   // parts built (and cached)
    std::size_t entries = 0;   // parts kept
    std::size_t bytes = 0;     // their approximate size
  };
  [[nodiscard]] Counts counts() const;
  void clear();

 private:
  struct Entry {
    model::ReplicationSettings settings;
    model::PartId id;
    std::shared_ptr<const model::PopulationPart> part;
    std::size_t bytes = 0;
  };
  // A part being built by one thread; others that need it wait for it instead of building
  // it again (two jobs, e.g. the viewer's comparison and its staffing sweep, share the cache).
  struct InProgress {
    model::ReplicationSettings settings;
    model::PartId id;
    std::shared_ptr<const model::ModelParameters> parameters;
    std::shared_future<std::shared_ptr<const model::PopulationPart>> part;
  };
  [[nodiscard]] std::shared_ptr<const model::PopulationPart> get_or_build_part(
      const std::shared_ptr<const model::ModelParameters>& p,
      const model::ReplicationSettings& settings, model::PartId id);
  void evict_locked();

  const std::size_t budget_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::list<InProgress> in_progress_;
  std::size_t bytes_ = 0;
  std::uint64_t reused_ = 0;
  std::uint64_t built_ = 0;
};

}  // namespace werkstroom::experiment
