#pragma once
// Where the results of an experiment's jobs go as they finish: each into its (scenario,
// replication) slot or, when the settings ask for it (ExperimentSettings::on_result), to a
// consumer in job order -- replication by replication, whatever the thread count, backend or
// the order in which the jobs finish. A job that finishes before an earlier one waits here
// until the earlier one is placed: with T workers taking jobs in order, at most a few jobs per
// worker wait, not the run (the bound holds while no job takes many times longer than others).

#include <cstddef>
#include <map>
#include <mutex>
#include <vector>

#include "experiment/experiment.hpp"

namespace werkstroom::experiment {

class OrderedResults {
 public:
  /// `results` has one entry per run with `settings.replications` slots each (none with a
  /// consumer); `jobs` is experiment_jobs of the same run. Both must outlive this object.
  OrderedResults(const std::vector<ExperimentJob>& jobs, std::vector<ScenarioResults>& results,
                 const ExperimentSettings& settings);

  /// Job `job`'s results, in the order of its scenarios. Thread-safe; the consumer is called
  /// under the lock, one result at a time. Returns the number of results placed so far. An
  /// exception of the consumer propagates (the run then fails).
  std::size_t place(std::size_t job, std::vector<model::ReplicationResult>&& out);

  /// Jobs finished but waiting for an earlier one (for the memory bound's measurement).
  [[nodiscard]] std::size_t largest_wait() const { return largest_wait_; }

 private:
  void deliver(std::size_t job, std::vector<model::ReplicationResult>& out);
  const std::vector<ExperimentJob>& jobs_;
  std::vector<ScenarioResults>& results_;
  const ExperimentSettings& settings_;
  std::mutex mutex_;
  std::size_t next_ = 0;  // the first job not yet delivered
  std::map<std::size_t, std::vector<model::ReplicationResult>> waiting_;
  std::size_t placed_ = 0;
  std::size_t largest_wait_ = 0;
};

}  // namespace werkstroom::experiment
