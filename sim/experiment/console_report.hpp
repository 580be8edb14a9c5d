#pragma once
// Readable console tables of an experiment: the key figures per scenario with their 5-95% bands
// and the paired differences against the first scenario, and a monthly summary.

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/language.hpp"
#include "kernel/statistics.hpp"

namespace werkstroom::experiment {

/// A number as the console reports write it (experiment/number_format.hpp format_figure): in
/// Dutch "245.313", "24,2", "1,23"; in English "245,313", "24.2", "1.23" (no "-0.00").
[[nodiscard]] std::string report_number(double x, Language language);
/// "mean [5%, 95%]" of a kernel::ReplicationBand in report_number's form; "-" when empty.
[[nodiscard]] std::string report_band(const kernel::ReplicationBand& b, Language language);

[[nodiscard]] std::string kpi_table(const std::vector<ScenarioResults>& results,
                                    Language language = Language::en);
[[nodiscard]] std::string monthly_table(const ScenarioResults& results,
                                        Language language = Language::en);

/// The monthly table of a scenario built replication by replication (for results streamed to
/// a file, whose series are not kept): running sums in replication order, so the means are the
/// same numbers monthly_table prints from all replications at once.
class MonthlySummary {
 public:
  /// The table's columns after the month: called, visited, referrals, waiting, p90 wait,
  /// intakes, selected, placed, WW with, WW without, spent.
  static constexpr std::size_t kColumns = 11;
  void add(const model::ReplicationResult& r);
  [[nodiscard]] std::string table(const std::string& name, Language language) const;

 private:
  std::vector<std::string> months_;
  std::vector<std::array<double, kColumns>> sums_;  // per month, per column of the table
  std::size_t replications_ = 0;
};
/// Per key figure, the variance of the paired difference against the first scenario and the
/// variance independent streams would give (var A + var B): what common random numbers save.
[[nodiscard]] std::string variance_reduction_table(const std::vector<ScenarioResults>& results,
                                                   Language language);
/// The effect figures of one scenario by route (route.<name>.* key figures), means over the
/// replications; routes that changed nobody's path in any replication are left out.
[[nodiscard]] std::string route_table(const ScenarioResults& results, Language language);
/// The national sum (experiment/national_sum.hpp) of a comparison of `regions` regions: per
/// additive key figure, the mean and 95% interval of the per-replication sum.
[[nodiscard]] std::string national_sum_table(const ScenarioResults& sum, std::size_t regions,
                                             Language language);
/// Who pays and who saves: per first responsible party its referrals, the instruments booked
/// to it, the benefit euros saved and displaced that it pays, and its balance; then the
/// centre's staff cost and the net savings (the balances less the staff).
[[nodiscard]] std::string party_table(const ScenarioResults& results, Language language);

}  // namespace werkstroom::experiment
