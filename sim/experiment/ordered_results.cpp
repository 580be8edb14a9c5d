#include "experiment/ordered_results.hpp"

#include <algorithm>
#include <utility>

namespace werkstroom::experiment {

OrderedResults::OrderedResults(const std::vector<ExperimentJob>& jobs,
                               std::vector<ScenarioResults>& results,
                               const ExperimentSettings& settings)
    : jobs_(jobs), results_(results), settings_(settings) {}

void OrderedResults::deliver(std::size_t job, std::vector<model::ReplicationResult>& out) {
  const ExperimentJob& j = jobs_.at(job);
  const std::size_t slot = j.replication - settings_.first_replication;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (settings_.on_result) {
      settings_.on_result(j.scenarios[k], slot, out[k]);  // the consumer's now
    } else {
      results_[j.scenarios[k]].replications[slot] = std::move(out[k]);
    }
  }
}

std::size_t OrderedResults::place(std::size_t job, std::vector<model::ReplicationResult>&& out) {
  const std::lock_guard<std::mutex> lock(mutex_);
  placed_ += out.size();
  if (!settings_.on_result) {
    // No consumer: the slots alone make the results independent of the order.
    deliver(job, out);
    return placed_;
  }
  if (job != next_) {
    waiting_.emplace(job, std::move(out));
    largest_wait_ = std::max(largest_wait_, waiting_.size());
    return placed_;
  }
  deliver(job, out);
  ++next_;
  for (auto it = waiting_.find(next_); it != waiting_.end(); it = waiting_.find(next_)) {
    deliver(it->first, it->second);
    waiting_.erase(it);
    ++next_;
  }
  return placed_;
}

}  // namespace werkstroom::experiment
