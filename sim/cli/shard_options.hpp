#pragma once
// A shard of a study on the command line (`run --replications A:B`, docs/cluster.md): the
// range it runs, and the fingerprint that tells its study apart from others.

#include <cstdint>
#include <string>
#include <vector>

#include "results/results.hpp"

namespace werkstroom::cli {

/// `text` as the half-open range "A:B" of replication indices A, A+1, ..., B-1 of a study of
/// `study_replications` (--reps): decimal digits, 0 <= A < B <= study_replications. Throws
/// std::invalid_argument naming --replications, what is expected and what was found.
[[nodiscard]] results::ShardRange parse_replication_range(const std::string& text,
                                                          int study_replications);

/// What determines a study's results, as given on the command line.
struct StudyInputs {
  std::vector<std::string> scenario_files;  // as given
  std::vector<std::string> scenario_texts;  // LoadedScenario::text, base files included
  std::vector<std::string> sets;            // --set key=value, in order
  std::string posterior;                    // --posterior file ("" for none)
  bool no_uncertainty = false;
  std::uint64_t master_seed = 0;
  int replications = 0;  // of the whole study
};

/// SHA-256 (hex) over the inputs, the posterior file's bytes and werkstroom's version and
/// revision: equal for every shard of one study and for its single run, different when any of
/// these differ. Throws std::invalid_argument when the posterior file cannot be read.
[[nodiscard]] std::string study_fingerprint(const StudyInputs& inputs);

}  // namespace werkstroom::cli
