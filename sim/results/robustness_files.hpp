#pragma once
// The files of `werkstroom robustness` (experiment/robustness.hpp): an HDF5 file with the group
// /robustness (docs/robustness.md lists its datasets and attributes) and a CSV table of one row
// per assumption. Both are written atomically (io::PendingFile); errors as results.hpp says.
// The viewer reads the tornado back with read_robustness_tornado.

#include <filesystem>
#include <string>
#include <vector>

#include "experiment/robustness.hpp"

namespace werkstroom::results {

/// Root attribute `format` of a robustness file.
inline constexpr const char* kRobustnessFormat = "werkstroom-robustness/1";

/// How the screening came about; stored with it.
struct RobustnessProvenance {
  std::vector<std::string> scenario_files;  // A, B
  std::string version;
  std::string revision;
  std::string command_line;
};

void write_robustness_hdf5(const std::filesystem::path& path,
                           const experiment::RobustnessResult& result,
                           const RobustnessProvenance& provenance);

/// Columns: rank, key, unit, value, lo, hi, extremes (0/1), then per figure
/// <figure>_mu_star, _mu, _sigma, _baseline_mean, _at_lo_mean, _at_lo_low, _at_lo_high,
/// _at_hi_mean, _at_hi_low, _at_hi_high, _can_flip (the extremes' columns empty without them).
void write_robustness_csv(const std::filesystem::path& path,
                          const experiment::RobustnessResult& result);

/// The net savings tornado of a robustness file: the assumptions taken to their extremes, in
/// rank order, with the mean difference B - A at lo and at hi, and the baseline difference.
struct RobustnessTornado {
  std::string name_a;
  std::string name_b;
  double baseline = 0.0;
  std::vector<std::string> keys;
  std::vector<double> at_lo;
  std::vector<double> at_hi;
  std::vector<bool> can_flip;
};

/// Reads the tornado from `path`. Throws std::runtime_error naming the file when it is no
/// robustness file or cannot be read.
[[nodiscard]] RobustnessTornado read_robustness_tornado(const std::filesystem::path& path);

}  // namespace werkstroom::results
