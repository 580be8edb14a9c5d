#include "experiment/population_cache.hpp"

#include "model/population_parts.hpp"

namespace werkstroom::experiment {

std::shared_ptr<const model::Population> PopulationCache::get_or_build(
    const model::ModelParameters& p, const model::ReplicationSettings& settings) {
  return model::build_population(p, settings,
                                 [this](const std::shared_ptr<const model::ModelParameters>& q,
                                        const model::ReplicationSettings& s,
                                        model::PartId id) { return get_or_build_part(q, s, id); });
}

std::shared_ptr<const model::PopulationPart> PopulationCache::get_or_build_part(
    const std::shared_ptr<const model::ModelParameters>& p,
    const model::ReplicationSettings& settings, model::PartId id) {
  std::promise<std::shared_ptr<const model::PopulationPart>> promise;
  std::list<InProgress>::iterator mine;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->settings == settings && it->id == id &&
          model::same_part(*it->part->parameters, *p, id)) {
        entries_.splice(entries_.begin(), entries_, it);
        ++reused_;
        return entries_.front().part;
      }
    }
    for (const InProgress& b : in_progress_) {
      if (b.settings == settings && b.id == id && model::same_part(*b.parameters, *p, id)) {
        ++reused_;
        const auto part = b.part;
        lock.unlock();
        return part.get();  // rethrows what the build threw
      }
    }
    ++built_;
    mine = in_progress_.insert(in_progress_.end(),
                               InProgress{settings, id, p, promise.get_future().share()});
  }
  std::shared_ptr<const model::PopulationPart> built;
  try {
    built = model::build_population_part(p, settings, id);
  } catch (...) {
    promise.set_exception(std::current_exception());
    const std::lock_guard<std::mutex> lock(mutex_);
    in_progress_.erase(mine);
    throw;
  }
  const std::size_t bytes = model::population_part_bytes(*built);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_front(Entry{settings, id, built, bytes});
    bytes_ += bytes;
    in_progress_.erase(mine);
    evict_locked();
  }
  promise.set_value(built);
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
  return Counts{reused_, built_, entries_.size(), bytes_};
}

void PopulationCache::clear() {
  const std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  bytes_ = 0;
}

}  // namespace werkstroom::experiment
