#pragma once
// The parameter recovery case, shared by tests/calibration/test_recovery.cpp and
// bench/smm_coverage.cpp: the recovery scenario (the running WW, 24 months), three parameters
// with known true values, monitor data simulated at them, and the spec that fits them back.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "calibration/observables.hpp"
#include "model/region_model.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::test {

/// The true values of the fitted parameters, in the spec's order: WW inflow per month, WW
/// find-work hazard, WW other-exit hazard.
inline const std::vector<double> kRecoveryTruth{500.0, 0.085, 0.035};

/// One realisation of the model at the truth with its own seed, as monitor data (CSV text).
inline std::string recovery_data(const std::filesystem::path& scenario_file,
                                 std::uint64_t data_seed) {
  scenario::LoadedScenario s = scenario::load_scenario(scenario_file);
  const std::size_t months =
      s.parameters.cohorts[static_cast<std::size_t>(model::Cohort::ww_inflow)]
          .inflow_per_month.size();
  std::string inflow = "[";
  for (std::size_t m = 0; m < months; ++m) {
    inflow += fmt::format("{}{:.1f}", m > 0 ? ", " : "", kRecoveryTruth[0]);
  }
  scenario::apply_override(s, "cohorts.ww_inflow.inflow_per_month", inflow + "]");
  scenario::apply_override(s, "hazards.ww_find_work.rate_per_month",
                           fmt::format("{}", kRecoveryTruth[1]));
  scenario::apply_override(s, "hazards.ww_other_exit.rate_per_month",
                           fmt::format("{}", kRecoveryTruth[2]));
  const model::ReplicationResult r = model::run_replication(s.parameters, {data_seed, 0});
  std::string csv = "month,indicator,value\n";
  for (const std::string& month : r.month_labels) {
    for (const char* indicator : {"ww_benefits_running", "ww_inflow", "work_after_ww"}) {
      csv += fmt::format("{},{},{}\n", month, indicator,
                         calibration::observe(r, indicator, month).value());
    }
  }
  return csv;
}

/// What differs between the fits of the recovery case.
struct RecoverySettings {
  std::string methods = R"(["smm", "abc"])";
  std::uint64_t seed = 20201101;
  int restarts = 3;
  int replications = 40;               // SMM, per evaluation
  std::optional<int> seed_refits = 3;  // none: the spec's default
  int predict_draws = 40;
};

/// The spec (TOML text) fitting the three parameters to the data file "data.csv".
inline std::string recovery_spec(const std::filesystem::path& scenario_file,
                                 const RecoverySettings& s) {
  return fmt::format(R"(scenario = "{}"
data = "data.csv"
seed = {}
methods = {}

[[parameters]]
key = "cohorts.ww_inflow.inflow_per_month"
elements = [0, 35]
name = "ww_inflow"
lower = 200.0
upper = 1000.0
transform = "log"

[[parameters]]
key = "hazards.ww_find_work.rate_per_month"
lower = 0.02
upper = 0.3
transform = "logit"

[[parameters]]
key = "hazards.ww_other_exit.rate_per_month"
lower = 0.005
upper = 0.15
transform = "logit"

[[indicators]]
name = "ww_benefits_running"
relative_error = 0.03

[[indicators]]
name = "ww_inflow"
relative_error = 0.05

[[indicators]]
name = "work_after_ww"
relative_error = 0.06

[smm]
restarts = {}
max_evaluations = 120
replications = {}
{}
[abc]
particles = 300
generations = 8
quantile = 0.35
min_acceptance = 0.02

[predict]
draws = {}
)",
                     scenario_file.generic_string(), s.seed, s.methods, s.restarts, s.replications,
                     s.seed_refits ? fmt::format("seed_refits = {}\n", *s.seed_refits) : "",
                     s.predict_draws);
}

}  // namespace werkstroom::test
