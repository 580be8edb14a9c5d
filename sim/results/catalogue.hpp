#pragma once
// What the result files hold, shared by the HDF5 and CSV writers (and their tests): the names,
// units and descriptions of every series, the order of the key figures, the summary and
// paired-difference tables, the names scenarios get in the files, and the checks that results
// are complete before anything is written. docs/results-schema.md lists the same tables. The key
// figures' units and descriptions are model::metric_registry()'s.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "kernel/statistics.hpp"
#include "model/indicators.hpp"
#include "model/world_totals.hpp"
#include "results/results.hpp"

namespace werkstroom::results {

/// A named series or key figure with its unit ("" when it has none) and a one-line meaning.
struct SeriesInfo {
  std::string name;
  std::string unit;
  std::string description;
};

/// The service indicators, in the order of model::kIndicatorNames (index = model::Indicator).
[[nodiscard]] const std::vector<SeriesInfo>& indicator_catalogue();

/// A service indicator's short title in English and Dutch, for spreadsheet sheets and column
/// heads: at most 31 characters (Excel's limit for a sheet name), unique within a language
/// regardless of case.
struct SeriesTitle {
  std::string en;
  std::string nl;
};
/// The titles of the service indicators, in the order of indicator_catalogue().
[[nodiscard]] const std::vector<SeriesTitle>& indicator_titles();

/// The series of one world's accounts (model::WorldSeries): running_<state> for every state in
/// the order of model::kStateNames, then the flows of model::kWorldFlows in their order.
[[nodiscard]] const std::vector<SeriesInfo>& world_series_catalogue();
/// Values of world series `index` (into world_series_catalogue()).
[[nodiscard]] const std::vector<double>& world_series_values(const model::WorldSeries& w,
                                                             std::size_t index);

/// ReplicationResult::arrived_by_month_end.
[[nodiscard]] const SeriesInfo& arrived_info();

/// One monthly series of a replication under its name in the tables.
struct NamedSeries {
  std::string name;
  const std::vector<double>* values = nullptr;  // points into the replication
};
/// Every monthly series of `rep` as monthly.csv names them, in its order: the service
/// indicators (indicator_catalogue), with_service.<world series> and without_service.<world
/// series> (world_series_catalogue), then arrived_by_month_end. The pointers live as long as
/// `rep`.
[[nodiscard]] std::vector<NamedSeries> monthly_series(const model::ReplicationResult& rep);

/// The months dataset (labels "YYYY-MM").
[[nodiscard]] const SeriesInfo& months_info();

/// Unit and description of a key figure, from model::metric_registry() (for a route key with the
/// route's name filled in). An unknown key gets unit "" and a generic description.
[[nodiscard]] SeriesInfo kpi_catalogue(const std::string& key);

/// The names of model::key_figures() in report order (root attribute `key_figures`).
[[nodiscard]] std::vector<std::string> key_figure_names();

/// The KPI keys of a scenario's results: those of model::key_figures() first, in report order, then
/// the others alphabetically. Every replication must have the same keys.
[[nodiscard]] std::vector<std::string> kpi_keys(const experiment::ScenarioResults& r);

/// One row of a summary or paired-difference table.
struct StatisticsRow {
  std::string kpi;
  std::string unit;
  kernel::ReplicationSummary summary;
};
/// kernel::summarise of every KPI of `r` over its replications, in kpi_keys order.
[[nodiscard]] std::vector<StatisticsRow> summary_rows(const experiment::ScenarioResults& r);
/// kernel::summarise_paired_difference(first, other): `other` minus `first` per replication,
/// for every KPI of `other` (kpi_keys order) that `first` has too.
[[nodiscard]] std::vector<StatisticsRow> difference_rows(const experiment::ScenarioResults& first,
                                                         const experiment::ScenarioResults& other);

/// The names scenarios get in the files, in order: '/' and NUL become '_', a name that is empty
/// or only dots gets the prefix "scenario_", and a name met before gets "_2", "_3", ... until it
/// is unique.
[[nodiscard]] std::vector<std::string> file_names(
    const std::vector<experiment::ScenarioResults>& results);

/// Checks that `results` can be written: at least one scenario, every scenario with at least
/// one replication and the same number of replications, every replication of a scenario with
/// the same month labels, series of that length and the same KPI keys; `meta` with one file
/// and one text per scenario. Throws std::runtime_error saying what is wrong.
void check_complete(const std::vector<experiment::ScenarioResults>& results,
                    const RunMetadata& meta);

/// The national sum of `results` (experiment::national_sum) when meta.regions names one
/// distinct region per scenario (experiment::is_region_set), else nullopt.
[[nodiscard]] std::optional<experiment::ScenarioResults> national_sum_of(
    const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta);

/// The month labels of a scenario (those of its first replication).
[[nodiscard]] const std::vector<std::string>& months_of(const experiment::ScenarioResults& r);

}  // namespace werkstroom::results
