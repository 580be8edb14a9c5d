#pragma once
// What the charts and tables show, extracted from finished results: per scenario a monthly
// mean with a 5%-95% band across replications, and the key-figure rows (mean, 95% interval,
// paired difference against the first scenario). The viewer only reads results here.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "experiment/experiment.hpp"
#include "kernel/statistics.hpp"

namespace werkstroom::viz {

/// Mean and quantile band of a monthly series across replications, one entry per month.
struct Band {
  std::vector<double> mean;
  std::vector<double> low;   // 5% quantile (kernel::sorted_quantile, type 7)
  std::vector<double> high;  // 95% quantile
  [[nodiscard]] std::size_t months() const { return mean.size(); }
};

/// Every series name `monthly_series` accepts: the service indicators ("waiting_list_end"),
/// the world accounts ("with_service.running_ww", "without_service.ww_inflow") and
/// "arrived_by_month_end".
[[nodiscard]] std::vector<std::string> series_names();

/// One replication's monthly values of a series named as in series_names(); throws
/// std::invalid_argument for an unknown name.
[[nodiscard]] const std::vector<double>& monthly_series(const model::ReplicationResult& r,
                                                        std::string_view name);

/// The cumulative sums of `values`.
[[nodiscard]] std::vector<double> cumulative(const std::vector<double>& values);

/// Mean and [low_p, high_p] quantiles per month of `name` over the replications of `s`
/// (summed from the first month when `running_total`). Empty for no replications. The levels
/// are in [0, 1] (std::invalid_argument otherwise).
[[nodiscard]] Band monthly_band(const experiment::ScenarioResults& s, std::string_view name,
                                bool running_total = false, double low_p = 0.05,
                                double high_p = 0.95);

/// The sum of several series per replication and month (e.g. the three budget streams spent),
/// then as monthly_band.
[[nodiscard]] Band summed_band(const experiment::ScenarioResults& s,
                               const std::vector<std::string>& names, double low_p = 0.05,
                               double high_p = 0.95);

/// One key figure over the scenarios: per scenario its summary, and for every scenario after
/// the first the paired difference against the first (empty for the first scenario or when
/// a scenario lacks the figure).
struct KpiRow {
  std::string kpi;
  /// Mean and 5%-95% band of the replications (kernel::ReplicationBand), per scenario and of
  /// the paired difference against the first scenario.
  std::vector<std::optional<kernel::ReplicationBand>> per_scenario;
  /// Empty for a conditional figure (model::MetricInfo::conditional): it exists in different
  /// replications of the two scenarios.
  std::vector<std::optional<kernel::ReplicationBand>> versus_first;
};

[[nodiscard]] std::vector<KpiRow> kpi_rows(const std::vector<experiment::ScenarioResults>& results,
                                           const std::vector<std::string>& kpis);

/// The key figures of the viewer's table, in its order.
[[nodiscard]] const std::vector<std::string>& table_kpis();

}  // namespace werkstroom::viz
