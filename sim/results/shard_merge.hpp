#pragma once
// Shards of a study (`werkstroom run --replications A:B`) and their merge into one results file
// (`werkstroom merge`, docs/cluster.md). A shard is a results file of replications [A, B) of a
// study of N replications, made with the random numbers of the whole study; it records its
// range (root attributes shard_first, shard_end, study_replications) and the study's
// fingerprint (what determines the results). Shards with one fingerprint whose ranges tile
// [0, N) merge into the file a single run of the whole study writes: every dataset and
// attribute the same, bit for bit, except the run's provenance (kMergeProvenance).

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace werkstroom::results {

/// Root attributes a merged file cannot share with a single run of the study: when and how the
/// command was run, and the worker threads asked for (the first shard's; results never depend
/// on it). docs/results-schema.md lists the same.
inline const std::vector<std::string> kMergeProvenance{"started_at", "command_line", "threads"};

/// Shards that do not fit together, or a file that is no shard: a usage error (exit code 2);
/// the message names the file(s).
class ShardError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// What a shard says about itself.
struct ShardHeader {
  std::filesystem::path path;
  std::string fingerprint;
  std::size_t first = 0;
  std::size_t end = 0;
  std::size_t study_replications = 0;
};

/// Reads a shard's header; ShardError naming `path` when it is not a readable werkstroom
/// results file made with --replications.
[[nodiscard]] ShardHeader read_shard_header(const std::filesystem::path& path);

/// Checks that `shards` share one fingerprint and that their ranges tile [0, N) without gap or
/// overlap; ShardError naming the files otherwise. Returns them ordered by range.
[[nodiscard]] std::vector<ShardHeader> check_shards(std::vector<ShardHeader> shards);

/// Merges `shards` (checked: check_shards) into `out`, written as a results stream
/// (results_stream.hpp, atomic). `started_at` and `command_line` are the merge's own; the other
/// root attributes come from the shards. Returns the number of replications merged.
std::size_t merge_shards(const std::vector<ShardHeader>& shards, const std::filesystem::path& out,
                         const std::string& started_at, const std::string& command_line);

}  // namespace werkstroom::results
