// The werkstroom command: runs scenario comparisons, single scenarios, validation and
// description of scenario files, and the kernel demo. With no subcommand it runs the main
// job: the Gooi en Vechtstreek baseline against the 3 fte scale-up.

#include <fmt/core.h>
#include <unistd.h>  // isatty

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "build_info.hpp"
#ifdef WERKSTROOM_WITH_MPI
#include "distributed/mpi_backend.hpp"
#include "distributed/mpi_session.hpp"
#endif
#include "backtest_command.hpp"
#include "calibrate_command.hpp"
#include "calibration/monitor_data.hpp"
#include "calibration/posterior_hdf5.hpp"
#include "cli_contracts.hpp"
#include "experiment/advice_report.hpp"
#include "experiment/console_report.hpp"
#include "experiment/experiment.hpp"
#include "experiment/marginal.hpp"
#include "experiment/national_sum.hpp"
#include "experiment/staffing_advisor.hpp"
#include "experiment/sweep.hpp"
#include "io/csv_dialect.hpp"
#include "io/data_dir.hpp"
#include "io/output_file.hpp"
#include "report_command.hpp"
#include "results/results.hpp"
#include "results/results_stream.hpp"
#include "results/shard_merge.hpp"
#include "results/xlsx_writer.hpp"
#include "robustness_command.hpp"
#include "scenario/loader.hpp"
#include "scenario/posterior_file.hpp"
#include "scenario/replication_draws.hpp"
#include "shard_options.hpp"
#include "verification/birth_death.hpp"
#include "verification/mmc_model.hpp"

namespace {

std::atomic<bool> g_stop{false};
void on_interrupt(int /*signal*/) { g_stop.store(true); }
// SIGTERM (mpirun ending a job, kill) or SIGHUP ends the process at once, as by default, but
// first removes the temporary and lock files of the results being written.
void on_terminate(int signal) {
  werkstroom::io::remove_pending_files();
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// Under mpirun with more than one rank: the backend that spreads the replications, and whether
// this is rank 0 (the only one that prints and writes files).
werkstroom::experiment::ExperimentBackend* g_backend = nullptr;
bool g_root = true;

/// Progress on stderr. On a terminal: a bar with ETA, redrawn at most ten times a second.
/// Otherwise (a log, a pipe, mpirun forwarding stderr): no bar, whose carriage returns would
/// garble the log, but one line when the first replication is done and one summary line at the
/// end, each written whole.
class ProgressBar {
 public:
  void operator()(std::size_t done, std::size_t total) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (!terminal_) {
      if (!started_) fmt::print(stderr, "running {} replications\n", total);
      started_ = true;
      if (done == total) fmt::print(stderr, "{} replications done in {:.1f} s\n", total, elapsed);
      return;
    }
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double eta =
        done > 0 ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0.0;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * done / std::max<std::size_t>(total, 1));
    fmt::print(stderr, "\r[{}{}] {}/{} replications, {:.1f} s, ETA {:.1f} s ",
               std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(kWidth - filled), '.'), done, total, elapsed,
               eta);
    if (done == total) fmt::print(stderr, "\n");
  }

 private:
  std::mutex mutex_;
  bool terminal_ = isatty(STDERR_FILENO) != 0;
  bool started_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

struct RunOptions {
  int replications = 100;
  std::uint64_t seed = 20201101;
  int threads = 0;
  std::vector<std::string> sets;  // --set key=value, applied to every scenario
  std::string lang = "en";
  std::string out;                 // --out results.h5
  std::string csv;                 // --csv directory
  std::string csv_dialect = "en";  // --csv-dialect: en (',' and '.') or nl (';' and ',')
  std::string xlsx;                // --xlsx workbook.xlsx
  std::string command_line;
  std::string posterior;        // --posterior FILE (.h5 from calibrate, or a posterior .csv)
  bool no_uncertainty = false;  // --no-uncertainty: only the simulation's own chance
  std::string shard;            // --replications A:B (run and compare): a shard of the study
};

/// Loads a scenario and applies the --set overrides in order.
werkstroom::scenario::LoadedScenario load_with_overrides(const std::string& file,
                                                         const std::vector<std::string>& sets) {
  auto loaded = werkstroom::scenario::load_scenario(file);
  for (const std::string& assignment : sets) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw std::invalid_argument("--set: expected key=value, found \"" + assignment + "\"");
    }
    werkstroom::scenario::apply_override(loaded, assignment.substr(0, eq),
                                         assignment.substr(eq + 1));
  }
  return loaded;
}

/// Loads a scenario, applies the --set overrides in order, then --posterior and
/// --no-uncertainty (which drops every draw, the posterior's too).
werkstroom::scenario::LoadedScenario load_with_overrides(const std::string& file,
                                                         const RunOptions& options) {
  auto loaded = load_with_overrides(file, options.sets);
  if (!options.posterior.empty()) {
    const std::filesystem::path path = options.posterior;
    auto sample = std::make_shared<werkstroom::model::PosteriorSample>(
        path.extension() == ".h5" ? werkstroom::calibration::read_posterior_hdf5(path)
                                  : werkstroom::scenario::read_posterior_csv(path));
    werkstroom::scenario::check_posterior(loaded.parameters, *sample);
    loaded.parameters.uncertainty.posterior = options.posterior;
    loaded.parameters.uncertainty.posterior_sample = std::move(sample);
  }
  if (options.no_uncertainty) loaded.parameters.uncertainty = {};
  return loaded;
}

werkstroom::experiment::ExperimentSettings settings_from(const RunOptions& options,
                                                         ProgressBar& bar) {
  werkstroom::experiment::ExperimentSettings settings;
  settings.master_seed = options.seed;
  settings.replications = options.replications;
  settings.threads = options.threads;
  settings.progress = [&bar](std::size_t done, std::size_t total) { bar(done, total); };
  settings.stop = &g_stop;
  settings.backend = g_backend;
  return settings;
}

/// Checks, before anything is simulated, that the result files asked for can be written: a
/// device node, a folder or an unwritable folder is a usage error (exit 2) now rather than
/// after the run. Every rank checks (they see the same files), so under mpirun all stop alike.
void check_outputs(const RunOptions& options) {
  if (!options.out.empty()) werkstroom::io::check_output_file(options.out, "results file");
  if (!options.csv.empty()) {
    werkstroom::io::check_output_folder(options.csv, werkstroom::results::csv_file_names(),
                                        "tables");
  }
  if (!options.xlsx.empty()) werkstroom::io::check_output_file(options.xlsx, "workbook");
}

/// What a results file records of the study it belongs to: its fingerprint, and for a shard
/// (--replications A:B) its range.
struct StudyRecord {
  std::string fingerprint;
  std::optional<werkstroom::results::ShardRange> shard;
  /// The replications this run makes: the shard's, else all `study_replications`.
  [[nodiscard]] int replications(int study_replications) const {
    return shard ? static_cast<int>(shard->end - shard->first) : study_replications;
  }
};

/// Writes the result files asked for (each atomically: a partial file never appears).
/// With `stream` the HDF5 file has been streamed during the run (its series are not in
/// `results`) and is finished here; `study` adds the fingerprint and the shard's range.
void write_outputs(const std::vector<werkstroom::experiment::ScenarioResults>& results,
                   const std::vector<std::string>& files, const std::vector<std::string>& texts,
                   const std::vector<std::vector<std::string>>& uncertainty,
                   const RunOptions& options, std::chrono::system_clock::time_point started,
                   const std::vector<std::string>& regions = {},
                   werkstroom::results::ResultsStream* stream = nullptr,
                   const StudyRecord& study = {}) {
  if (!g_root || (options.out.empty() && options.csv.empty() && options.xlsx.empty())) return;
  werkstroom::results::RunMetadata meta;
  meta.fingerprint = study.fingerprint;
  meta.shard = study.shard;
  meta.regions = regions;
  meta.scenario_files = files;
  meta.scenario_texts = texts;
  meta.uncertainty_sources = uncertainty;
  meta.master_seed = options.seed;
  meta.replications = study.replications(options.replications);
  meta.threads = options.threads;
  meta.version = werkstroom::version();
  meta.revision = werkstroom::revision();
  meta.started_at = werkstroom::results::iso8601_utc(started);
  meta.command_line = options.command_line;
  if (stream != nullptr) {
    stream->finish(results, meta);
    fmt::print("results written to {}\n", options.out);
  } else if (!options.out.empty()) {
    werkstroom::results::write_hdf5(options.out, results, meta);
    fmt::print("results written to {}\n", options.out);
  }
  if (!options.csv.empty()) {
    const auto dialect = werkstroom::io::parse_csv_dialect(options.csv_dialect);
    werkstroom::results::write_csv(options.csv, results, meta, dialect);
    if (results.size() > 1 && !werkstroom::experiment::is_region_set(regions)) {
      // What each option buys against the first (experiment/marginal.hpp); distinct regions
      // are no options of each other.
      werkstroom::io::write_file_atomically(
          std::filesystem::path(options.csv) / "marginal.csv",
          werkstroom::io::convert_csv(werkstroom::experiment::marginal_csv(
                                          werkstroom::experiment::marginal_options(results)),
                                      dialect),
          "marginal table");
    }
    fmt::print("tables written to {}/\n", options.csv);
  }
  if (!options.xlsx.empty()) {
    werkstroom::results::write_xlsx(options.xlsx, results,
                                    werkstroom::experiment::parse_language(options.lang));
    fmt::print("workbook written to {}\n", options.xlsx);
  }
}

/// What the bands of the key figures contain (scenario/replication_draws.hpp), per scenario
/// when the scenarios draw differently.
/// English for the result files, Dutch for a Dutch console (`language`).
std::vector<std::vector<std::string>> uncertainty_of(
    const std::vector<werkstroom::experiment::ScenarioRun>& runs,
    werkstroom::experiment::Language language = werkstroom::experiment::Language::en) {
  std::vector<std::vector<std::string>> out;
  out.reserve(runs.size());
  for (const auto& run : runs) {
    out.push_back(werkstroom::scenario::uncertainty_sources(
        run.parameters, language == werkstroom::experiment::Language::nl));
  }
  return out;
}

/// A key the scenarios set differently but draw per replication ("value" mode) takes the same
/// drawn value in all of them: the comparison would silently not compare it.
void warn_drawn_differences(const std::vector<werkstroom::experiment::ScenarioRun>& runs) {
  std::vector<const werkstroom::model::ModelParameters*> parameters;
  parameters.reserve(runs.size());
  for (const auto& run : runs) parameters.push_back(&run.parameters);
  for (const std::string& key : werkstroom::scenario::drawn_keys_that_differ(parameters)) {
    fmt::print(stderr,
               "warning: the scenarios set {} differently, but it is drawn per replication "
               "([uncertainty], mode \"value\"): every scenario gets the drawn value, so the "
               "difference is not compared (draw it in mode \"scale\" or leave it out)\n",
               key);
  }
}

void print_uncertainty(const std::vector<werkstroom::experiment::ScenarioRun>& runs,
                       const std::vector<std::vector<std::string>>& sources,
                       werkstroom::experiment::Language language) {
  const bool all_same = std::all_of(sources.begin(), sources.end(),
                                    [&](const auto& s) { return s == sources.front(); });
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (i > 0 && all_same) break;
    fmt::print("{}:\n", all_same ? std::string(werkstroom::experiment::translate(
                                       "The bands contain", language))
                                 : fmt::format(fmt::runtime(werkstroom::experiment::translate(
                                                   "The bands of '{}' contain", language)),
                                               runs[i].name));
    for (const std::string& line : sources[i]) fmt::print("  - {}\n", line);
  }
  fmt::print("\n");
}

/// `options`: the scenarios are options for one region (not a set of distinct regions), so
/// what each buys against the first is meaningful.
/// `monthly`: the scenarios' monthly tables built during the run (their series were streamed
/// to a file, not kept), else built from `results`.
void print_results(const std::vector<werkstroom::experiment::ScenarioResults>& results,
                   werkstroom::experiment::Language language, bool options = true,
                   const std::vector<werkstroom::experiment::MonthlySummary>* monthly = nullptr) {
  // Every option's months; a set of regions shows its first region's (the rest are in the files).
  for (std::size_t i = 0; i < (options ? results.size() : 1); ++i) {
    fmt::print("{}\n", monthly != nullptr
                           ? (*monthly)[i].table(results[i].name, language)
                           : werkstroom::experiment::monthly_table(results[i], language));
  }
  fmt::print("{}\n", werkstroom::experiment::kpi_table(results, language));
  for (const auto& r : results) {
    fmt::print("{}\n", werkstroom::experiment::route_table(r, language));
    fmt::print("{}\n", werkstroom::experiment::party_table(r, language));
  }
  if (results.size() > 1 && options) {
    fmt::print("{}\n", werkstroom::experiment::marginal_table(
                           werkstroom::experiment::marginal_options(results), language));
    fmt::print("{}\n", werkstroom::experiment::variance_reduction_table(results, language));
  }
}

int run_comparison(const std::vector<std::string>& files, const RunOptions& options) {
  const auto started = std::chrono::system_clock::now();
  std::vector<werkstroom::experiment::ScenarioRun> runs;
  std::vector<std::string> texts;
  std::vector<std::string> regions;
  for (const std::string& file : files) {
    auto loaded = load_with_overrides(file, options);
    texts.push_back(loaded.text);
    regions.push_back(loaded.parameters.region);
    runs.push_back({loaded.name, std::move(loaded.parameters)});
  }
  // A shard (--replications A:B) runs part of the study into a file for `merge`.
  StudyRecord study;
  if (!options.shard.empty()) {
    study.shard = werkstroom::cli::parse_replication_range(options.shard, options.replications);
    if (options.out.empty()) {
      throw std::invalid_argument(
          "--replications: a shard is written with --out FILE.h5 "
          "(for `werkstroom merge`), found no --out");
    }
    if (!options.csv.empty() || !options.xlsx.empty()) {
      throw std::invalid_argument(
          "--replications: --csv and --xlsx describe a whole study, not a shard: merge the "
          "shards' --out files instead");
    }
  }
  check_outputs(options);
  if (!options.out.empty()) {
    study.fingerprint = werkstroom::cli::study_fingerprint(
        {files, texts, options.sets, options.posterior, options.no_uncertainty, options.seed,
         options.replications});
  }
  warn_drawn_differences(runs);
  const int replications = study.replications(options.replications);
  if (study.shard) {
    fmt::print("werkstroom {} ({}): {} scenario(s) x replications {}:{} of {}, seed {}\n",
               werkstroom::version(), werkstroom::revision(), runs.size(), study.shard->first,
               study.shard->end, options.replications, options.seed);
  } else {
    fmt::print("werkstroom {} ({}): {} scenario(s) x {} replications, seed {}\n",
               werkstroom::version(), werkstroom::revision(), runs.size(), options.replications,
               options.seed);
  }
  for (std::size_t i = 0; i < runs.size(); ++i) fmt::print("  {}: {}\n", runs[i].name, files[i]);
  fmt::print("\n");
  ProgressBar bar;
  auto settings = settings_from(options, bar);
  settings.results_on_every_rank = false;  // only rank 0 reports
  settings.replications = replications;
  if (study.shard) settings.first_replication = study.shard->first;
  // With --out alone the HDF5 file is streamed: each replication's monthly series go to disk
  // as it finishes and its key figures go to a scratch file (experiment::KpiColumns), so memory
  // does not grow with the replications. --csv and --xlsx tabulate every replication's series,
  // so with them the results stay in memory as a whole.
  std::optional<werkstroom::results::ResultsStream> stream;
  std::vector<werkstroom::experiment::MonthlySummary> monthly(runs.size());
  std::vector<werkstroom::experiment::KpiColumns> columns;
  if (g_root && !options.out.empty() && options.csv.empty() && options.xlsx.empty()) {
    std::vector<std::string> names;
    names.reserve(runs.size());
    for (const auto& run : runs) names.push_back(run.name);
    stream.emplace(options.out, names, static_cast<std::size_t>(replications));
    for (std::size_t s = 0; s < runs.size(); ++s) {
      columns.push_back(werkstroom::experiment::KpiColumns::in_scratch_file(
          static_cast<std::size_t>(replications)));
    }
    settings.on_result = [&stream, &monthly, &columns](
                             std::size_t scenario, std::size_t slot,
                             werkstroom::model::ReplicationResult& result) {
      monthly[scenario].add(result);
      stream->add(scenario, slot, result);
      columns[scenario].add(result);
    };
  }
  auto results = werkstroom::experiment::run_experiment(runs, settings);
  if (!g_root) return EXIT_SUCCESS;
  if (stream) {
    for (std::size_t s = 0; s < results.size(); ++s) results[s].columns = std::move(columns[s]);
  }
  const auto language = werkstroom::experiment::parse_language(options.lang);
  print_results(results, language, !werkstroom::experiment::is_region_set(regions),
                stream ? &monthly : nullptr);
  // Scenarios of distinct regions (the national roll-out) are also summed.
  if (werkstroom::experiment::is_region_set(regions)) {
    fmt::print("{}\n",
               werkstroom::experiment::national_sum_table(
                   werkstroom::experiment::national_sum(results), results.size(), language));
  }
  print_uncertainty(runs,
                    uncertainty_of(runs, werkstroom::experiment::parse_language(options.lang)),
                    werkstroom::experiment::parse_language(options.lang));
  write_outputs(results, files, texts, uncertainty_of(runs), options, started, regions,
                stream ? &*stream : nullptr, study);
  return EXIT_SUCCESS;
}

/// `werkstroom merge`: shards of one study (run --replications A:B) into the file a single
/// run of the study writes (results/shard_merge.hpp).
int run_merge(const std::string& out, const std::vector<std::string>& shard_files,
              const std::string& command_line) {
  if (!g_root) return EXIT_SUCCESS;  // under mpirun, one process merges
  const auto started = std::chrono::system_clock::now();
  std::vector<werkstroom::results::ShardHeader> headers;
  headers.reserve(shard_files.size());
  for (const std::string& file : shard_files) {
    headers.push_back(werkstroom::results::read_shard_header(file));
  }
  headers = werkstroom::results::check_shards(std::move(headers));
  werkstroom::io::check_output_file(out, "results file");
  const std::size_t replications = werkstroom::results::merge_shards(
      headers, out, werkstroom::results::iso8601_utc(started), command_line);
  fmt::print("merged {} replications from {} shard(s); results written to {}\n", replications,
             headers.size(), out);
  return EXIT_SUCCESS;
}

/// `werkstroom report`: the comparison of run_comparison, then the board report
/// (report_command.hpp) instead of the console tables; --results keeps the HDF5 file.
int run_report(const werkstroom::cli::ReportCommand& command, RunOptions options) {
  const auto started = std::chrono::system_clock::now();
  options.out = command.results;
  std::vector<werkstroom::experiment::ScenarioRun> runs;
  std::vector<std::string> texts;
  std::vector<std::string> names;
  std::vector<werkstroom::model::ModelParameters> parameters;
  std::vector<std::vector<std::string>> files_read;
  for (const std::string& file : command.scenarios) {
    auto loaded = load_with_overrides(file, options);
    files_read.push_back(loaded.files);
    texts.push_back(loaded.text);
    names.push_back(loaded.name);
    parameters.push_back(loaded.parameters);
    runs.push_back({loaded.name, std::move(loaded.parameters)});
  }
  check_outputs(options);
  // What the command line sets on top of every scenario's files, for the report's provenance.
  std::vector<std::string> changes;
  for (const std::string& assignment : options.sets) changes.push_back(assignment + " (--set)");
  if (!options.posterior.empty()) changes.push_back("--posterior " + options.posterior);
  if (options.no_uncertainty) changes.emplace_back("--no-uncertainty");
  const auto context = werkstroom::cli::prepare_report(
      command, names, parameters, files_read, changes, options.seed, options.replications, started);
  warn_drawn_differences(runs);
  fmt::print("werkstroom {} ({}): report on {} scenario(s) x {} replications, seed {}\n",
             werkstroom::version(), werkstroom::revision(), runs.size(), options.replications,
             options.seed);
  ProgressBar bar;
  auto settings = settings_from(options, bar);
  settings.results_on_every_rank = false;  // only rank 0 reports
  const auto results = werkstroom::experiment::run_experiment(runs, settings);
  if (!g_root) return EXIT_SUCCESS;
  werkstroom::cli::write_report(command, results, context);
  write_outputs(results, command.scenarios, texts, uncertainty_of(runs), options, started);
  return EXIT_SUCCESS;
}

int run_sweep(const std::string& file, const std::string& vary, const RunOptions& options) {
  const auto started = std::chrono::system_clock::now();
  const auto base = load_with_overrides(file, options);
  const auto spec = werkstroom::experiment::parse_sweep(vary);
  const auto runs = werkstroom::experiment::sweep_runs(base, spec);
  check_outputs(options);
  warn_drawn_differences(runs);
  std::vector<std::string> files;
  std::vector<std::string> texts;
  for (const auto& run : runs) {
    files.push_back(file);
    texts.push_back(base.text + "\n# sweep point: " + run.name + "\n");
  }
  fmt::print("werkstroom {} ({}): sweep of {} over {} values x {} replications, seed {}\n\n",
             werkstroom::version(), werkstroom::revision(), spec.key, runs.size(),
             options.replications, options.seed);
  ProgressBar bar;
  auto settings = settings_from(options, bar);
  settings.results_on_every_rank = false;  // only rank 0 reports
  const auto results = werkstroom::experiment::run_experiment(runs, settings);
  if (!g_root) return EXIT_SUCCESS;
  fmt::print("{}\n", werkstroom::experiment::kpi_table(
                         results, werkstroom::experiment::parse_language(options.lang)));
  print_uncertainty(runs,
                    uncertainty_of(runs, werkstroom::experiment::parse_language(options.lang)),
                    werkstroom::experiment::parse_language(options.lang));
  write_outputs(results, files, texts, uncertainty_of(runs), options, started);
  return EXIT_SUCCESS;
}

struct AdviseCommand {
  std::string file;
  werkstroom::experiment::AdviceCriteria criteria;
  std::string objective = "placements";
  std::vector<double> instrument_budgets;  // empty: the scenario's own
  int max_advisors = 6;
  bool wait_target_given = false;  // --max-p90-wait given (else the scenario's [targets])
};

int run_advisor(const AdviseCommand& command, const RunOptions& options) {
  namespace ex = werkstroom::experiment;
  const auto started = std::chrono::system_clock::now();
  const auto base = load_with_overrides(command.file, options);
  const ex::Objective objective = ex::parse_objective(command.objective);
  const auto language = ex::parse_language(options.lang);
  ex::AdviceCriteria criteria = command.criteria;
  if (!command.wait_target_given) {
    criteria.max_wait_p90_working_days = base.parameters.targets.max_wait_p90_working_days;
  }
  const std::vector<ex::OptionLevel> levels =
      ex::advice_levels(base, command.max_advisors, command.instrument_budgets);
  const std::vector<ex::ScenarioRun> runs = ex::advice_runs(base, levels);
  check_outputs(options);
  std::vector<std::string> files;
  std::vector<std::string> texts;
  for (const auto& run : runs) {
    files.push_back(command.file);
    texts.push_back(base.text + "\n# advice option: " + run.name + "\n");
  }
  fmt::print("werkstroom {} ({}): advice for {} ({} options x {} replications, seed {})\n\n",
             werkstroom::version(), werkstroom::revision(), base.name, levels.size(),
             options.replications, options.seed);
  ProgressBar bar;
  auto settings = settings_from(options, bar);
  settings.results_on_every_rank = false;  // only rank 0 reports
  const auto results = ex::run_experiment(runs, settings);
  if (!g_root) return EXIT_SUCCESS;
  const ex::StaffingAdvice advice = ex::evaluate_advice(levels, results, criteria, objective);
  fmt::print("{}\n", ex::advice_table(advice, criteria, language));
  print_uncertainty(runs, uncertainty_of(runs, language), language);
  write_outputs(results, files, texts, uncertainty_of(runs), options, started);
  if (!options.csv.empty()) {
    const std::filesystem::path path = std::filesystem::path(options.csv) / "advice.csv";
    werkstroom::io::write_file_atomically(
        path,
        werkstroom::io::convert_csv(ex::advice_csv(advice, criteria),
                                    werkstroom::io::parse_csv_dialect(options.csv_dialect)),
        "advice table");
    fmt::print("advice written to {}\n", path.string());
  }
  return EXIT_SUCCESS;
}

int run_kernel_demo() {
  using werkstroom::verification::QueueParameters;
  // Demo parameters (not policy figures): 2 advisors, 1.8 requests/day, 1 day per request,
  // clients wait 10 days on average before giving up.
  const QueueParameters queue{1.8, 1.0, 2, 0.1};
  werkstroom::verification::MmcRunSettings settings;
  settings.warmup_days = 1'000.0;
  settings.run_days = 200'000.0;
  settings.master_seed = 20201101;
  const auto sim = werkstroom::verification::run_mmc(queue, settings);
  const auto exact = werkstroom::verification::solve_birth_death(queue);
  fmt::print(
      "kernel demo: M/M/c+M queue against Erlang A (lambda {}/day, mu {}/day, c {}, "
      "theta {}/day)\n",
      queue.arrival_rate, queue.service_rate, queue.servers, queue.abandonment_rate);
  fmt::print("  {:<24}{:>12}{:>12}\n", "measure", "simulated", "exact");
  fmt::print("  {:<24}{:>12.4f}{:>12.4f}\n", "P(wait)", sim.wait_probability,
             exact.wait_probability);
  fmt::print("  {:<24}{:>12.4f}{:>12.4f}\n", "mean wait (days)", sim.mean_wait, exact.mean_wait);
  fmt::print("  {:<24}{:>12.4f}{:>12.4f}\n", "abandonment share", sim.abandonment_share,
             exact.abandonment_share);
  return EXIT_SUCCESS;
}

}  // namespace

namespace {

int run_werkstroom(int argc, char** argv) {
#ifdef WERKSTROOM_WITH_MPI
  werkstroom::distributed::MpiSession mpi(argc, argv);
  werkstroom::distributed::MpiBackend mpi_backend(mpi.rank(), mpi.size());
  if (mpi.size() > 1) {
    g_backend = &mpi_backend;
    g_root = mpi.root();
    // Every rank runs the same commands on the same results; only rank 0 speaks. Errors are
    // raised on every rank with the failing rank's message, and rank 0 prints them.
    if (!g_root) {
      if (std::freopen("/dev/null", "w", stdout) == nullptr ||
          std::freopen("/dev/null", "w", stderr) == nullptr) {
        werkstroom::distributed::MpiSession::abort_all(EXIT_FAILURE);
      }
    }
  }
#endif
  CLI::App app{
      "werkstroom: discrete-event simulation of regional mobility services.\n"
      "Without a subcommand: the Gooi en Vechtstreek baseline against the 3 fte scale-up."};
  app.require_subcommand(0, 1);
  app.set_version_flag(
      "--version", fmt::format("werkstroom {} ({})", werkstroom::version(), werkstroom::revision()),
      "print the version and source revision, and exit");
  app.footer(
      "The main job reads scenarios/ from the data folder: $WERKSTROOM_DATA if set, else\n"
      "../share/werkstroom beside the installed program, else the source tree.");
  RunOptions options;
  const auto add_simulation_options = [&options](CLI::App* sub) {
    sub->add_option("--reps", options.replications, "replications per scenario")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000000));
    sub->add_option("--seed", options.seed, "master seed")->capture_default_str();
    sub->add_option("--threads", options.threads, "worker threads (0: all cores)")
        ->capture_default_str()
        ->check(CLI::Range(0, 1024));
    sub->add_option("--set", options.sets, "override a parameter: key=value (repeatable)");
    sub->add_option("--posterior", options.posterior,
                    "draw parameters from this calibration posterior (.h5 from calibrate, or a "
                    "posterior .csv), one particle per replication")
        ->check(CLI::ExistingFile);
    sub->add_flag("--no-uncertainty", options.no_uncertainty,
                  "no draws ([uncertainty] off): bands show only the simulation's own chance");
  };
  const auto add_run_options = [&options, &add_simulation_options](CLI::App* sub) {
    add_simulation_options(sub);
    sub->add_option("--lang", options.lang, "language of the report: nl or en")
        ->capture_default_str()
        ->check(CLI::IsMember({"nl", "en"}));
    sub->add_option("--out", options.out, "write the results to this HDF5 file");
    sub->add_option("--csv", options.csv, "write the result tables as CSV into this folder");
    sub->add_option("--csv-dialect", options.csv_dialect,
                    "CSV dialect of --csv: en (',' and decimal point) or nl (';' and decimal "
                    "comma, for Excel in a Dutch locale)")
        ->check(CLI::IsMember({"nl", "en"}));
    sub->add_option("--xlsx", options.xlsx,
                    "write an Excel workbook (key figures, one sheet per monthly indicator; "
                    "labels in the --lang language)");
  };
  add_run_options(&app);

  std::vector<std::string> compare_files;
  CLI::App* compare = app.add_subcommand("compare", "compare scenarios (the first is the base)");
  compare->add_option("scenarios", compare_files, "scenario files")
      ->required()
      ->check(CLI::ExistingFile);
  add_run_options(compare);

  std::string run_file;
  CLI::App* run = app.add_subcommand("run", "run one scenario");
  run->add_option("scenario", run_file, "scenario file")->required()->check(CLI::ExistingFile);
  add_run_options(run);
  for (CLI::App* sub : {run, compare}) {
    sub->add_option("--replications", options.shard,
                    "A:B: run only replications A to B-1 of the --reps of the study (same random "
                    "numbers as the whole run) into a shard --out file for `merge`");
  }

  std::string merge_out;
  std::vector<std::string> merge_shards;
  CLI::App* merge = app.add_subcommand(
      "merge", "merge shards (run --replications A:B --out) into the results of the whole study");
  merge->add_option("--out", merge_out, "the merged HDF5 results file")->required();
  merge->add_option("shards", merge_shards, "shard files, in any order")
      ->required()
      ->check(CLI::ExistingFile);

  std::string validate_file;
  CLI::App* validate = app.add_subcommand("validate", "check a scenario file");
  validate->add_option("scenario", validate_file, "scenario file")
      ->required()
      ->check(CLI::ExistingFile);

  std::string describe_file;
  CLI::App* describe =
      app.add_subcommand("describe", "list every parameter with value, unit and source");
  describe->add_option("scenario", describe_file, "scenario file")
      ->required()
      ->check(CLI::ExistingFile);

  std::string sweep_file;
  std::string vary;
  CLI::App* sweep = app.add_subcommand("sweep", "vary one parameter over a range");
  sweep->add_option("scenario", sweep_file, "scenario file")->required()->check(CLI::ExistingFile);
  sweep->add_option("--vary", vary, "key=from:to[:step]; staff.fte also pays the advisors")
      ->required();
  add_run_options(sweep);

  AdviseCommand advise_command;
  CLI::App* advise = app.add_subcommand(
      "advise",
      "staffing (and instrument budget) options judged criterion by criterion, and the best by "
      "an objective among those that meet every criterion");
  advise->add_option("scenario", advise_command.file, "scenario file")
      ->required()
      ->check(CLI::ExistingFile);
  advise
      ->add_option("--max-p90-wait", advise_command.criteria.max_wait_p90_working_days,
                   "p90 wait to intake in every service month, working days (default: the "
                   "scenario's targets.max_wait_p90_working_days)")
      ->each([&advise_command](const std::string&) { advise_command.wait_target_given = true; });
  advise->add_flag("--budget-lasts", advise_command.criteria.budget_lasts_service,
                   "criterion: the instrument budget does not run out before the service ends");
  advise
      ->add_option("--min-placements", advise_command.criteria.min_placements,
                   "criterion: at least this many placements")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  advise
      ->add_option("--probability", advise_command.criteria.required_probability,
                   "share of replications that must meet every criterion")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  advise
      ->add_option("--objective", advise_command.objective,
                   "what is best among the options meeting the criteria; of the options whose "
                   "objective cannot be told from the best (paired 95% interval), the cheapest "
                   "is advised")
      ->capture_default_str()
      ->check(CLI::IsMember({"cost", "net-savings", "placements"}));
  advise
      ->add_option("--instrument-budgets", advise_command.instrument_budgets,
                   "instrument budgets tried with every staffing level, EUR (comma-separated; "
                   "default: the scenario's)")
      ->delimiter(',')
      ->check(CLI::NonNegativeNumber);
  advise->add_option("--max-advisors", advise_command.max_advisors, "largest staffing tried")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  add_run_options(advise);

  werkstroom::cli::CalibrateCommand calibrate;
  werkstroom::cli::add_calibrate_command(app, calibrate);
  werkstroom::cli::BacktestCommand backtest;
  werkstroom::cli::add_backtest_command(app, backtest);

  werkstroom::cli::RobustnessCommand robustness;
  werkstroom::cli::add_robustness_command(app, robustness);

  werkstroom::cli::ReportCommand report;
  werkstroom::cli::add_report_command(app, report);
  add_simulation_options(report.app);

  CLI::App* demo = app.add_subcommand("kernel-demo", "the kernel against Erlang A");

  werkstroom::cli::enforce_number_rules(app);
  if (const auto code = werkstroom::cli::parse_command_line(app, argc, argv)) return *code;
  for (int i = 0; i < argc; ++i) {
    options.command_line += (i > 0 ? " " : "") + std::string(argv[i]);
  }
  std::signal(SIGINT, on_interrupt);
  for (const int signal : {SIGTERM, SIGHUP}) {
    // A signal ignored by whoever started us (nohup) stays ignored.
    if (std::signal(signal, on_terminate) == SIG_IGN) std::signal(signal, SIG_IGN);
  }
  // A Ctrl-C while result files are written rolls back the one being written (exit 130).
  werkstroom::io::set_interrupt_flag(&g_stop);
  // Only rank 0 writes; the other ranks check the outputs too but must not lock them.
  werkstroom::io::set_output_locks(g_root);
  try {
    if (*compare) return run_comparison(compare_files, options);
    if (*run) return run_comparison({run_file}, options);
    if (*merge) return run_merge(merge_out, merge_shards, options.command_line);
    if (*sweep) return run_sweep(sweep_file, vary, options);
    if (*report.app) return run_report(report, options);
    if (*advise) return run_advisor(advise_command, options);
    if (*validate) {
      const auto loaded = load_with_overrides(validate_file, options.sets);
      fmt::print("{}: valid ({} parameters)\n", validate_file, loaded.sources.size());
      return EXIT_SUCCESS;
    }
    if (*describe) {
      fmt::print("{}", werkstroom::scenario::describe_scenario(
                           werkstroom::scenario::load_scenario(describe_file)));
      return EXIT_SUCCESS;
    }
    if (*demo) return run_kernel_demo();
    if (*calibrate.app) {
      return werkstroom::cli::run_calibrate(calibrate, &g_stop, g_backend, g_root);
    }
    if (*robustness.app) {
      robustness.command_line = options.command_line;
      return werkstroom::cli::run_robustness(robustness, &g_stop);
    }
    if (*backtest.app) {
      return werkstroom::cli::run_backtest(backtest, &g_stop, g_backend, g_root);
    }
    // The main job also keeps its results: results/latest.h5 unless --out says otherwise. Its
    // scenarios come from the data folder (io/data_dir.hpp), whose files the header names.
    if (options.out.empty()) options.out = "results/latest.h5";
    const std::filesystem::path dir = werkstroom::io::find_data_dir().scenarios();
    return run_comparison(
        {(dir / "gooi-en-vechtstreek.toml").string(), (dir / "scale-up-3fte.toml").string()},
        options);
  } catch (const werkstroom::scenario::ScenarioError& e) {
    fmt::print(stderr, "werkstroom: {}\n", e.what());
    return werkstroom::cli::kExitUsage;
  } catch (const werkstroom::io::DataDirError& e) {
    fmt::print(stderr, "werkstroom: {}\n", e.what());
    return werkstroom::cli::kExitUsage;
  } catch (const werkstroom::calibration::DataError& e) {
    fmt::print(stderr, "werkstroom: {}\n", e.what());
    return werkstroom::cli::kExitUsage;
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "werkstroom: {}\n", e.what());
    return werkstroom::cli::kExitUsage;
  } catch (const werkstroom::experiment::Interrupted&) {
    fmt::print(stderr, "\nwerkstroom: interrupted; nothing written\n");
    return werkstroom::cli::kExitInterrupted;
  } catch (const werkstroom::io::Interrupted& e) {
    // Files written before the interrupt are complete; the one being written was rolled back.
    fmt::print(stderr, "\nwerkstroom: {}\n", e.what());
    return werkstroom::cli::kExitInterrupted;
  } catch (const std::exception& e) {
    fmt::print(stderr, "werkstroom: error: {}\n", e.what());
    return EXIT_FAILURE;
  }
}

}  // namespace

int main(int argc, char** argv) {
  int code = EXIT_FAILURE;
  // What escapes the command (MPI failing to start, say) is reported instead of terminating.
  try {
    code = run_werkstroom(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "werkstroom: error: %s\n", e.what());
  } catch (...) {
    std::fputs("werkstroom: error: unknown failure\n", stderr);
  }
  if (werkstroom::results::hdf5_file_abandoned()) {
    // HDF5's clean-up at exit would crash on the file it could not close (results_stream.hpp);
    // everything of ours is reported by now; the locks kept until the end go here.
    werkstroom::io::remove_pending_files();
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}
