#pragma once
// Evaluations of the model at parameter values: the scenario with the values applied is run for
// a number of replications with a given master seed (the same seed for every evaluation gives
// common random numbers), and the monthly paths of the spec's indicators are averaged over the
// replications. The distance to the data is the weighted sum of squared standardised errors
//   D = sum_i w_i ((simulated_i - observed_i) / sd_i)^2,  sd_i = max(stderr_i, rel * |obs_i|, abs)
// over the targets: the data rows of the spec's indicators (an alias and the observable it
// stands for match) up to `fit_until`. Rows outside the scenario's months are left out and
// reported in notes().
//
// The replications of a batch run through experiment::run_experiment (threads, or the ranks of
// an MPI backend), one run per evaluation with its own seed; each result goes to its slot, so
// results do not depend on the thread or rank count.
//
// Several regions (a spec with [[regions]]): each evaluation runs every region's scenario with
// the parameters set in it (shared and its own), each region with a seed of its own derived
// from the evaluation's seed and the region's name (region_seed), so the regions' simulation
// noise is independent. The indicators are then per region, named "<region>:<indicator>", the
// months are the union of the regions' months (a region's path is 0 outside its own), and the
// targets and D run over every region's data: D is the sum of the regions' distances. Every
// evaluation is kept (history) and, with a journal, appended to a file: a run started again with
// the same journal takes evaluations it has already done from the file (same values, seed and
// replications, bit for bit) instead of simulating them, so an interrupted calibration resumes
// where it stopped and ends with the same result.
//
// A fit evaluation simulates each region only up to its last data month when cutting the
// horizon there leaves that region's indicators the same bit for bit (fit_horizon.hpp; checked
// once, on the first fit evaluation); its paths are NaN after that month. An evaluation for the
// prediction (Span::whole) simulates the whole horizon.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "calibration/journal.hpp"
#include "calibration/monitor_data.hpp"
#include "calibration/parameter_space.hpp"
#include "calibration/spec.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::calibration {

struct Target {
  std::size_t indicator = 0;  // index into Evaluator::indicators() (of one region)
  std::size_t month = 0;      // index into Evaluator::months()
  double observed = 0.0;
  double sd = 1.0;
  double weight = 1.0;
};

struct Evaluation {
  std::vector<double> values;  // parameter values (natural units)
  std::uint64_t seed = 0;
  int replications = 0;
  std::vector<std::vector<double>> paths;  // [indicator][month], mean over the replications
  std::vector<double> simulated;           // at the targets
  double distance = 0.0;
  /// The targets of each replication (filled only when asked for: evaluate(..., true)).
  std::vector<std::vector<double>> replication_targets;
};

/// The master seed of region `region` in an evaluation with seed `seed`: the seed itself in the
/// single-region form (region ""), else a hash of both (independent noise per region, and the
/// same whatever the order of the regions in the spec).
[[nodiscard]] std::uint64_t region_seed(std::uint64_t seed, const std::string& region);

/// The name of a region's indicator in a multi-region fit: "<region>:<indicator>" (the
/// indicator alone in the single form).
[[nodiscard]] std::string region_indicator(const std::string& region, const std::string& indicator);

/// What an evaluation simulates: up to each region's last data month where that is safe (fit
/// evaluations: D sees nothing later), or the whole horizon (predictions).
enum class Span { fit, whole };

class Evaluator {
 public:
  /// Throws DataError when the data do not fit the spec and the scenario (a target month
  /// outside the horizon, no targets, a target without a usable error model).
  Evaluator(const CalibrationSpec& spec, const MonitorData& data, int threads);
  /// Several regions: data[r] are the data of spec.regions[r].
  Evaluator(const CalibrationSpec& spec, const std::vector<MonitorData>& data, int threads);

  [[nodiscard]] const ParameterSpace& space() const { return space_; }
  /// The (first) region's scenario.
  [[nodiscard]] const scenario::LoadedScenario& base() const { return bases_.front(); }
  /// The regions' names ("" for the single form) and, per indicator, its region and the
  /// observable it compares (the spec's indicator name, without the region).
  [[nodiscard]] const std::vector<std::string>& regions() const { return regions_; }
  [[nodiscard]] const std::vector<std::size_t>& indicator_regions() const {
    return indicator_region_;
  }
  [[nodiscard]] const std::vector<std::string>& indicator_observables() const {
    return indicator_observable_;
  }
  [[nodiscard]] const std::vector<Target>& targets() const { return targets_; }
  [[nodiscard]] const std::vector<std::string>& months() const { return months_; }
  [[nodiscard]] const std::vector<std::string>& indicators() const { return indicators_; }
  /// What the fit leaves out of the data and why (rows outside the scenario's months).
  [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }

  /// Evaluates every values[k] with seeds[k] and `replications` replications. Throws
  /// experiment::Interrupted when `stop` is set, scenario::ScenarioError for values the
  /// scenario rules reject.
  /// With `keep_replications` every evaluation is simulated (not taken from the journal) and
  /// keeps the targets of each replication.
  [[nodiscard]] std::vector<Evaluation> evaluate(const std::vector<std::vector<double>>& values,
                                                 const std::vector<std::uint64_t>& seeds,
                                                 int replications, bool keep_replications = false,
                                                 Span span = Span::fit);
  [[nodiscard]] Evaluation evaluate(const std::vector<double>& values, std::uint64_t seed,
                                    int replications, bool keep_replications = false,
                                    Span span = Span::fit);

  /// D for simulated target values.
  [[nodiscard]] double distance(const std::vector<double>& simulated) const;

  /// Every evaluation so far, in the order asked for.
  [[nodiscard]] std::vector<Evaluation> history() const;
  /// Replications simulated so far (journal hits not counted), with those of the check whether
  /// the fit may stop at the last data month (kCutCheckReplications per region checked).
  [[nodiscard]] long simulations() const { return simulations_.load(); }

  /// Opens (or creates) the journal (format in journal.hpp). Throws DataError naming the file and
  /// what differs for a journal of another calibration (its header carries the identity of the
  /// scenario texts with their extends chains, the spec's parameters, indicators and regions,
  /// the program version and the seed, so evaluations of other code or inputs are never
  /// reused). Lines cut or changed (their checksum does not match) are dropped and simulated
  /// again. With `reset` the file's content is not read and a fresh journal replaces it. Once
  /// attached, every evaluation simulated is appended; a failed append throws io::WriteError.
  void attach_journal(const std::filesystem::path& path, bool writable = true, bool reset = false);
  /// Evaluations taken from the journal instead of simulated.
  [[nodiscard]] long journal_hits() const { return journal_hits_; }
  /// Lines of the attached journal that were dropped (cut, changed, of another shape).
  [[nodiscard]] long journal_dropped() const { return journal_dropped_; }

  /// How far the fit evaluations simulated, one line per region (empty before the first fit
  /// evaluation, and when fit_to_last_data_month is false).
  [[nodiscard]] std::vector<std::string> horizon_notes() const;

  /// Fit evaluations simulate up to the last data month where that is safe (false: the whole
  /// horizon, for a prediction from the fit's own paths, as the backtest makes).
  bool fit_to_last_data_month = true;
  /// Set to stop between replications (e.g. by Ctrl-C).
  const std::atomic<bool>* stop = nullptr;
  /// Where the replications run (experiment::run_experiment's backend; null: local threads).
  experiment::ExperimentBackend* backend = nullptr;
  /// Called after each batch with the number of replications simulated so far.
  std::function<void(long)> progress;

 private:
  [[nodiscard]] std::string journal_key(const std::vector<double>& values, std::uint64_t seed,
                                        int replications, bool cut) const;
  void finish(Evaluation& e) const;
  /// Decides per region whether fit evaluations may stop at its last data month.
  void check_cuts();

  ParameterSpace space_;
  std::vector<scenario::LoadedScenario> bases_;  // per region
  /// bases_ as far as applying values needs them (scenario::for_overrides_only), per region.
  std::vector<scenario::LoadedScenario> applied_bases_;
  std::vector<std::string> regions_;
  std::vector<std::size_t> indicator_region_;
  std::vector<std::string> indicator_observable_;
  int threads_ = 0;
  std::vector<std::string> months_;
  std::vector<std::string> indicators_;
  std::vector<Target> targets_;
  std::vector<std::string> notes_;
  JournalIdentity journal_identity_;  // the journal header's fingerprint (journal.hpp)
  std::vector<Evaluation> history_;
  std::atomic<long> simulations_{0};
  std::map<std::string, std::vector<std::vector<double>>> journal_;
  std::filesystem::path journal_path_;
  bool journal_writable_ = true;
  long journal_hits_ = 0;
  long journal_dropped_ = 0;
  mutable std::mutex mutex_;
  std::uint64_t seed_ = 0;                               // the spec's seed (for check_cuts)
  std::vector<std::vector<std::string>> region_months_;  // each region's own months
  std::vector<int> last_data_month_;                     // per region: index into its own months
  std::vector<bool> cut_;                                // per region: fit evaluations stop there
  std::vector<std::string> horizon_notes_;
  std::once_flag cuts_checked_;
};

}  // namespace werkstroom::calibration
