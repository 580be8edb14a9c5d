#pragma once
// Replications of one or more scenarios with common random numbers: replication r of every
// scenario uses the same master seed and replication index, so the same people draw the same
// numbers wherever the scenarios agree, and differences between scenarios are paired.
// Replications run on worker threads; each result is stored at its (scenario, replication)
// slot, so results are bit-identical for any thread count. Within a replication, scenarios
// with equal population parameters share one population (model::build_population).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "experiment/population_cache.hpp"
#include "io/scratch_columns.hpp"
#include "model/parameters.hpp"
#include "model/replication_result.hpp"

namespace werkstroom::experiment {

struct ScenarioRun {
  std::string name;
  model::ModelParameters parameters;
  /// The master seed of this run's replications; the experiment's when not given (the usual
  /// case: common random numbers across the scenarios). The calibrator gives each evaluation
  /// a seed of its own.
  std::optional<std::uint64_t> master_seed = std::nullopt;
};

struct ExperimentSettings;
struct ScenarioResults;

/// Where the replications run: run_experiment on this process's threads unless a backend (the
/// MPI one, sim/distributed) takes the experiment. A backend must return what run_experiment
/// on threads returns, bit for bit.
class ExperimentBackend {
 public:
  virtual ~ExperimentBackend() = default;
  [[nodiscard]] virtual std::vector<ScenarioResults> run(const std::vector<ScenarioRun>& runs,
                                                         const ExperimentSettings& settings) = 0;
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
  /// Population parts kept across experiments (optional; results are the same with or
  /// without).
  PopulationCache* population_cache = nullptr;
  /// Runs the experiment elsewhere (optional; results are the same).
  ExperimentBackend* backend = nullptr;
  /// With a backend: whether every process needs the results (the calibrator and the staffing
  /// advisor go on computing with them) or only the one that reports (rank 0); the others then
  /// get the scenario names with no replications.
  bool results_on_every_rank = true;
  /// The study's index of this run's first replication: a shard of a larger study runs its
  /// replications first_replication .. first_replication + replications - 1 with the same
  /// random numbers as the whole study. Slot i of the results holds replication
  /// first_replication + i.
  std::size_t first_replication = 0;
  /// Called with (scenario, slot, result) for every result, one at a time, in job order
  /// (replication by replication; every scenario of a replication before the next), whatever
  /// the thread count or backend; with a backend only on rank 0. The consumer takes the results
  /// (to stream them to a file, say): they are not kept, and the returned results hold the
  /// scenario names without replications. An exception it throws ends the run
  /// (experiment/ordered_results.hpp).
  std::function<void(std::size_t, std::size_t, model::ReplicationResult&)> on_result;
};

/// The key figures of a scenario's replications, one column per key: what the summaries, the
/// differences and the console tables need when the replications themselves are not kept (their
/// monthly series streamed to a file, results/results_stream.hpp). 8 bytes per key figure and
/// replication, against some 20 KB for a ReplicationResult with its map of key figures.
///
/// Kept in memory, or, made with in_scratch_file, in a scratch file (io/scratch_columns.hpp)
/// so that memory stays flat in the number of replications: then at most kBlockRows rows per
/// key are in memory, and column() reads a key's values back, one key at a time, as the
/// summaries use them. Either way column() returns the same numbers. A copy has a scratch file
/// of its own (a copy of the values, not shared).
class KpiColumns {
 public:
  /// Rows per key kept in memory before they go to the scratch file together: 256 x 112 key
  /// figures x 8 bytes = 224 KiB per scenario; one write per key and block.
  static constexpr std::size_t kBlockRows = 256;

  /// Key figures kept in memory.
  KpiColumns() = default;
  KpiColumns(const KpiColumns& other);
  KpiColumns& operator=(const KpiColumns& other);
  KpiColumns(KpiColumns&&) noexcept = default;
  KpiColumns& operator=(KpiColumns&&) noexcept = default;
  ~KpiColumns() = default;
  /// Key figures of at most `capacity` replications kept in a scratch file in the system's
  /// temporary folder (std::runtime_error naming it when it cannot be made).
  [[nodiscard]] static KpiColumns in_scratch_file(std::size_t capacity);

  /// Appends a replication's key figures (and, from the first, the month labels). Throws
  /// std::runtime_error when its keys or month labels differ from the first's, or past the
  /// capacity; a full temporary folder throws std::runtime_error naming it.
  void add(const model::ReplicationResult& r);
  /// Appends the key figure `key` with its values in every replication, for key figures built
  /// column by column (the national sum); never mixed with add(). Keys must come in sorted
  /// order and every column must have the first's length, which sets replications().
  void add_column(const std::string& key, const std::vector<double>& values);
  void set_month_labels(std::vector<std::string> labels) { month_labels_ = std::move(labels); }

  /// The month labels of the first replication.
  [[nodiscard]] const std::vector<std::string>& month_labels() const { return month_labels_; }
  /// The key figures of the first replication, sorted (map order).
  [[nodiscard]] const std::vector<std::string>& keys() const { return keys_; }
  [[nodiscard]] std::size_t replications() const { return replications_; }
  [[nodiscard]] bool in_scratch_file() const { return scratch_.has_value(); }
  /// Values of keys()[k], replication by replication.
  [[nodiscard]] std::vector<double> column(std::size_t k) const;

 private:
  void flush();
  std::vector<std::string> month_labels_;
  std::vector<std::string> keys_;
  std::size_t replications_ = 0;
  std::size_t capacity_ = 0;  // of the scratch file (without one: unused)
  /// Per key: in memory every value; with a scratch file the rows from `flushed_` on.
  std::vector<std::vector<double>> recent_;
  std::size_t flushed_ = 0;  // rows in the scratch file
  std::optional<io::ScratchColumns> scratch_;
};

struct ScenarioResults {
  std::string name;
  std::vector<model::ReplicationResult> replications;
  /// Instead of `replications` (then empty): their key figures only (a streamed run).
  std::optional<KpiColumns> columns = std::nullopt;
};

/// Replications of a scenario, kept whole or as key figures.
[[nodiscard]] std::size_t replication_count(const ScenarioResults& r);
/// The month labels of its first replication (empty without replications).
[[nodiscard]] const std::vector<std::string>& first_month_labels(const ScenarioResults& r);
/// The key figures of its first replication, sorted (empty without replications).
[[nodiscard]] std::vector<std::string> kpi_names(const ScenarioResults& r);
/// Whether its first replication has key figure `kpi`.
[[nodiscard]] bool has_kpi(const ScenarioResults& r, const std::string& kpi);

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted") {}
};

[[nodiscard]] std::vector<ScenarioResults> run_experiment(const std::vector<ScenarioRun>& runs,
                                                          const ExperimentSettings& settings);

/// The unit of work of an experiment: one replication of every scenario of a population class
/// (scenarios with equal population parameters and seed, which share one population).
struct ExperimentJob {
  std::size_t replication = 0;
  std::vector<std::size_t> scenarios;  // indices into the runs, ascending
};

/// The jobs of an experiment in a fixed order (replication-major), the same on every process:
/// replications `first_replication` .. `first_replication` + `replications` - 1 of the study.
[[nodiscard]] std::vector<ExperimentJob> experiment_jobs(const std::vector<ScenarioRun>& runs,
                                                         int replications,
                                                         std::size_t first_replication = 0);

/// Runs one job: results in the order of job.scenarios. Throws like model::run_replication and
/// Interrupted when `stop` is set between scenarios.
[[nodiscard]] std::vector<model::ReplicationResult> run_job(const std::vector<ScenarioRun>& runs,
                                                            const ExperimentJob& job,
                                                            const ExperimentSettings& settings);

/// Values of a KPI across replications (std::out_of_range when a replication lacks it).
[[nodiscard]] std::vector<double> kpi_values(const ScenarioResults& r, const std::string& kpi);

}  // namespace werkstroom::experiment
