#pragma once
// The smallest calibration spec of the tests: the WW find-work rate fitted to the running WW
// benefits of two months. Shared by test_fit_horizon, test_journal and test_sandwich, which
// differ only in the scenario, the months, the seed and the second month's standard error.

#include <cstdint>
#include <string>

#include <fmt/core.h>

#include "../support/temp_dir.hpp"
#include "calibration/spec.hpp"

namespace werkstroom::test {

/// Writes dir/data.csv (3900 running WW benefits in `first_month` with standard error 100, 3700
/// in `last_month` with `last_stderr`) and dir/spec.toml (SMM, `seed`, the find-work rate in
/// [0.02, 0.3], absolute error 1) fitting `scenario`, a path as the spec states it (relative
/// paths are relative to `dir`), and returns the parsed spec.
inline calibration::CalibrationSpec two_month_spec(const TempDir& dir, const std::string& scenario,
                                                   std::uint64_t seed,
                                                   const std::string& first_month = "2019-01",
                                                   const std::string& last_month = "2019-02",
                                                   double last_stderr = 100.0) {
  dir.write("data.csv", fmt::format("month,indicator,value,stderr\n{},ww_benefits_running,3900,"
                                    "100\n{},ww_benefits_running,3700,{}\n",
                                    first_month, last_month, last_stderr));
  const std::string text = fmt::format(R"(scenario = "{}"
data = "data.csv"
seed = {}
methods = ["smm"]
[[parameters]]
key = "hazards.ww_find_work.rate_per_month"
lower = 0.02
upper = 0.3
[[indicators]]
name = "ww_benefits_running"
absolute_error = 1.0
)",
                                       scenario, seed);
  return calibration::parse_spec(text, dir.write("spec.toml", text));
}

}  // namespace werkstroom::test
