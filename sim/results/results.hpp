#pragma once
// Result files of an experiment: one HDF5 file with everything (the contract is
// docs/results-schema.md) and a directory of CSV tables for spreadsheets. Both writers are
// atomic per file (io::PendingFile): a unique temporary file is renamed to <file> only when it
// is complete, so a reader never sees a partial file; on any error they remove the temporary
// file and throw std::runtime_error naming the path. A path that is not a regular file (a
// device node, a folder) is never replaced: io::OutputPathError.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "io/csv_dialect.hpp"

namespace werkstroom::results {

/// Version of the layout in docs/results-schema.md (root attribute `format_version`).
inline constexpr int kFormatVersion = 1;
/// Root attribute `format` of every results file.
inline constexpr const char* kFormatName = "werkstroom-results";

/// A shard of a study (run --replications A:B): replications [first, end) of
/// study_replications, with the random numbers of the whole study.
struct ShardRange {
  std::size_t first = 0;
  std::size_t end = 0;
  std::size_t study_replications = 0;
};

/// How a run came about; stored with its results.
struct RunMetadata {
  std::vector<std::string> scenario_files;  // per scenario, in the order of the results
  std::vector<std::string>
      scenario_texts;  // per scenario: the full TOML text (LoadedScenario::text)
  std::uint64_t master_seed = 0;
  int replications = 0;
  int threads = 0;
  std::string version;       // werkstroom::version()
  std::string revision;      // werkstroom::revision()
  std::string started_at;    // ISO 8601 UTC start time of the run, e.g. "2026-11-26T13:05:00Z"
  std::string command_line;  // as typed, arguments separated by spaces
  /// Per scenario (empty: not known): what its bands contain, one source a line
  /// (scenario::uncertainty_sources).
  std::vector<std::vector<std::string>> uncertainty_sources;
  /// Per scenario its region (the `region` parameter), or empty. When the regions are distinct
  /// (experiment::is_region_set) the files also hold the national sum of the additive key
  /// figures (experiment/national_sum.hpp): /national_sum in HDF5, national_sum.csv and
  /// national_summary.csv in the tables.
  std::vector<std::string> regions;
  /// SHA-256 (hex) of everything that determines the study's results (cli/fingerprint.hpp);
  /// empty: not written. Shards of one study and its whole run share it.
  std::string fingerprint;
  /// Set for a shard: its range (root attributes shard_first, shard_end, study_replications);
  /// `replications` is then the shard's count, end - first.
  std::optional<ShardRange> shard;
};

/// `t` as ISO 8601 UTC with whole seconds, "YYYY-MM-DDThh:mm:ssZ" (for RunMetadata::started_at).
[[nodiscard]] std::string iso8601_utc(std::chrono::system_clock::time_point t);

/// Writes the HDF5 results file (docs/results-schema.md); missing folders are made.
/// Writes a temporary file and renames it to `path` only when complete (replacing an older file);
/// on any error removes the temporary file and throws std::runtime_error naming the path. Never
/// leaves a partial file at `path`. Not for concurrent use from several threads (HDF5's error
/// handler is process-wide).
void write_hdf5(const std::filesystem::path& path,
                const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta);

/// Writes the CSV tables into `dir` (created if missing): monthly.csv, monthly_summary.csv,
/// kpis.csv, summary.csv, differences.csv, national_sum.csv, national_summary.csv and
/// metadata.csv (docs/results-schema.md), in `dialect` (io/csv_dialect.hpp: en is ',' and '.',
/// nl is ';' and a decimal comma; the same digits either way). Each file is written atomically
/// as above; on an error the files already renamed stay (each is complete) and
/// std::runtime_error names the file that failed.
void write_csv(const std::filesystem::path& dir,
               const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta,
               io::CsvDialect dialect = io::CsvDialect::en);

/// The names of the files write_csv writes (to check the folder before a run).
[[nodiscard]] std::vector<std::string> csv_file_names();

/// What an HDF5 file says it is: its root attribute `format` (kFormatName for a results file,
/// "" when it has none); nothing when `path` is not a regular file in HDF5 format.
[[nodiscard]] std::optional<std::string> hdf5_format(const std::filesystem::path& path);

/// The scenario files a results file was made from (the attribute `file` of every
/// /scenarios/<name>, in run order), as they were given to the command. Throws
/// std::runtime_error naming `path` when it is not a readable results file.
[[nodiscard]] std::vector<std::string> results_scenario_files(const std::filesystem::path& path);

}  // namespace werkstroom::results
