#pragma once
// The HDF5 results file written while the replications run (docs/results-schema.md, "Writing":
// streamed). The big per-replication data, the monthly series, go to disk as each replication
// arrives, so memory no longer grows with them: at any time a stream holds at most
// kRowsPerChunk replications of series per scenario. The key figures, small, are kept by the
// caller (experiment::KpiColumns, in a scratch file of their own: the summaries, differences
// and console tables need all of them) and written by finish().
//
// The scratch file is in HDF5's 1.10 format: its fixed-array chunk index keeps the library's
// memory flat, where with the 1.8 format's B-tree index HDF5's memory grows with the chunks
// (measured: 12 MiB held inside HDF5 at 10,000 replications, BENCHMARKS.md).
//
// Where the bytes go: HDF5 writes a scratch file in the system's temporary folder
// ($TMPDIR, else /tmp), unlinked as soon as it is open, so that nothing is left behind however
// the process ends. finish() copies it in blocks through an io::PendingFile beside the target:
// the same atomic, locked, fault-injectable write as every other result file (a partial file
// never appears; a full disk at the target ends with exit code 1 naming the file). The scratch
// file needs as much room as the result file.
//
// The file holds the same datasets and attributes, bit for bit, as write_hdf5 of the same
// results in memory; only the storage differs: the series are chunked (kRowsPerChunk
// replications a chunk) and compressed (shuffle + deflate), which readers do not see.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "results/results.hpp"

namespace werkstroom::results {

/// Whether a stream abandoned its scratch file because HDF5 could not close it (after a failed
/// write: a full or failing temporary folder). HDF5 1.10 then crashes in its clean-up at exit
/// (H5close closing the file again), so a program that sees true must end with std::_Exit,
/// after its own clean-up and output: the scratch file is already unlinked and the result's
/// temporary file removed, so nothing is left behind.
[[nodiscard]] bool hdf5_file_abandoned();

class ResultsStream {
 public:
  /// Replications per chunk of a series dataset: 64 x 24 months x 8 bytes = 12 KiB a chunk,
  /// large enough to compress well, small enough that the buffer of one chunk per series
  /// (81 series) stays near 1 MiB per scenario.
  static constexpr std::size_t kRowsPerChunk = 64;

  /// A stream of `replications` replications of the scenarios named `scenario_names` (as in
  /// the results, in run order) to `path`. Creates the temporary file beside `path` now
  /// (io::PendingFile: OutputPathError for a path that cannot take a file, WriteError for a
  /// failing create) and the scratch file.
  ResultsStream(const std::filesystem::path& path, const std::vector<std::string>& scenario_names,
                std::size_t replications);
  ~ResultsStream();
  ResultsStream(const ResultsStream&) = delete;
  ResultsStream& operator=(const ResultsStream&) = delete;

  /// Replication `slot` of scenario `scenario`; per scenario the slots must come in order
  /// 0, 1, 2, ... Every replication of a scenario must have the month labels and key figures
  /// of its first. Throws std::runtime_error naming the file on any failure.
  void add(std::size_t scenario, std::size_t slot, const model::ReplicationResult& rep);

  /// Writes the rest from `results` (every replication added; their key figures and month labels
  /// kept, as experiment::KpiColumns or whole) and `meta`, and puts the file in place
  /// atomically.
  void finish(const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta);

 private:
  class State;
  std::unique_ptr<State> state_;
};

}  // namespace werkstroom::results
