#include "experiment/population_cache.hpp"

namespace werkstroom::experiment {

std::shared_ptr<const model::Population> PopulationCache::get_or_build(
    const model::ModelParameters& p, const model::ReplicationSettings& settings) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->settings == settings && model::same_population(it->parameters, p)) {
        entries_.splice(entries_.begin(), entries_, it);
        ++hits_;
        return entries_.front().population;
      }
    }
    ++misses_;
  }
  std::shared_ptr<const model::Population> built = model::build_population(p, settings);
  const std::size_t bytes = model::population_bytes(*built);
  const std::lock_guard<std::mutex> lock(mutex_);
  entries_.push_front(Entry{p, settings, built, bytes});
  bytes_ += bytes;
  evict_locked();
  return built;
}

void PopulationCache::evict_locked() {
  // Keep the newest entry even when it alone exceeds the budget (it is in use).
  while (bytes_ > budget_bytes_ && entries_.size() > 1) {
    bytes_ -= entries_.back().bytes;
    entries_.pop_back();
  }
}

PopulationCache::Counts PopulationCache::counts() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return Counts{hits_, misses_, entries_.size(), bytes_};
}

void PopulationCache::clear() {
  const std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  bytes_ = 0;
}

}  // namespace werkstroom::experiment
