#include "calibration/fit_horizon.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <bit>
#include <cstdint>

#include "calibration/observables.hpp"
#include "experiment/experiment.hpp"
#include "kernel/calendar.hpp"

namespace werkstroom::calibration {

model::ModelParameters cut_horizon(const model::ModelParameters& p, int last_month) {
  const kernel::Calendar cal(p.horizon.start_date, {});
  const int service_months = cal.month_index(cal.time_of(p.horizon.service_end_date)) + 1;
  if (last_month + 1 >= service_months + p.horizon.follow_up_months) return p;
  model::ModelParameters cut = p;
  const int cut_months = std::max(last_month, 0) + 1;
  // The last day of the cut horizon.
  const kernel::YearMonth last = cal.year_month(cut_months - 1);
  const kernel::Date end{last.year, last.month, kernel::days_in_month(last.year, last.month)};
  if (cut_months < service_months) {
    // The service's month keeps its own end date (it may end mid-month); an earlier month ends
    // the service on its last day.
    cut.horizon.service_end_date = end;
    cut.horizon.follow_up_months = 0;
  } else {
    cut.horizon.follow_up_months = cut_months - service_months;
  }
  std::erase_if(cut.horizon.holidays, [&](const kernel::Date& d) { return end < d; });
  return cut;
}

namespace {
/// The shortest text that reads back as `v` (differences can be in the last bit).
std::string exact(double v) { return fmt::format("{}", v); }
}  // namespace

std::optional<std::string> cut_changes(const model::ModelParameters& p, int last_month,
                                       std::uint64_t seed,
                                       const std::vector<std::string>& indicators, int threads) {
  const std::vector<experiment::ScenarioRun> runs{{"whole horizon", p, seed},
                                                  {"cut", cut_horizon(p, last_month), seed}};
  experiment::ExperimentSettings settings;
  settings.replications = 1;
  static_assert(kCutCheckReplications == 2, "one replication of each of the two runs");
  settings.threads = threads;
  const std::vector<experiment::ScenarioResults> results =
      experiment::run_experiment(runs, settings);
  const model::ReplicationResult& whole = results[0].replications.at(0);
  const model::ReplicationResult& cut = results[1].replications.at(0);
  const kernel::Calendar cal(p.horizon.start_date, {});
  for (int m = 0; m <= last_month; ++m) {
    const std::string month = cal.year_month(m).to_string();
    for (const std::string& name : indicators) {
      const std::optional<double> a = observe(whole, name, month);
      const std::optional<double> b = observe(cut, name, month);
      // Bit for bit: the same NaN payload or -0.0 against 0.0 would count as a difference.
      const bool same =
          a.has_value() == b.has_value() &&
          (!a || std::bit_cast<std::uint64_t>(*a) == std::bit_cast<std::uint64_t>(*b));
      if (!same) {
        return fmt::format("{} in {}: {} over the whole horizon, {} cut", name, month,
                           a ? exact(*a) : "none", b ? exact(*b) : "none");
      }
    }
  }
  return std::nullopt;
}

}  // namespace werkstroom::calibration
