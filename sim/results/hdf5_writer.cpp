// The HDF5 results file; the layout is the contract of docs/results-schema.md.

#include <H5Cpp.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "experiment/marginal.hpp"
#include "results/catalogue.hpp"
#include "results/hdf5_helpers.hpp"
#include "results/hdf5_series.hpp"
#include "results/results.hpp"

namespace werkstroom::results {

namespace {

using namespace detail;  // the HDF5 helpers

// [replication x month] of one series, row-major (lengths are checked by check_complete).
template <class Series>
std::vector<double> by_replication(const experiment::ScenarioResults& r, Series series) {
  std::vector<double> values;
  for (const model::ReplicationResult& rep : r.replications) {
    const std::vector<double>& row = series(rep);
    values.insert(values.end(), row.begin(), row.end());
  }
  return values;
}

// One row of a statistics table in memory (the compound type below).
struct TableRecord {
  const char* kpi;
  const char* unit;
  double mean;
  double sd;
  double lower95;
  double upper95;
  std::int64_t replications;
};

H5::CompType table_type() {
  H5::CompType t(sizeof(TableRecord));
  const H5::StrType text = text_type();
  t.insertMember("kpi", offsetof(TableRecord, kpi), text);
  t.insertMember("unit", offsetof(TableRecord, unit), text);
  t.insertMember("mean", offsetof(TableRecord, mean), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("sd", offsetof(TableRecord, sd), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("lower95", offsetof(TableRecord, lower95), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("upper95", offsetof(TableRecord, upper95), H5::PredType::NATIVE_DOUBLE);
  t.insertMember("replications", offsetof(TableRecord, replications), H5::PredType::NATIVE_INT64);
  return t;
}

H5::DataSet table_dataset(const H5::Group& group, const std::string& name,
                          const std::vector<StatisticsRow>& rows, const std::string& meaning) {
  std::vector<TableRecord> records;
  records.reserve(rows.size());
  for (const StatisticsRow& row : rows) {
    records.push_back({row.kpi.c_str(), row.unit.c_str(), row.summary.mean, row.summary.sd,
                       row.summary.lower(), row.summary.upper(),
                       static_cast<std::int64_t>(row.summary.replications)});
  }
  const H5::CompType type = table_type();
  const hsize_t n = records.size();
  H5::DataSet ds =
      group.createDataSet(name, type, H5::DataSpace(1, &n), H5::DSetCreatPropList::DEFAULT,
                          H5::DSetAccPropList::DEFAULT, utf8_links());
  if (n > 0) ds.write(records.data(), type);
  // The rows carry their own units.
  describe(ds, "", meaning);
  return ds;
}

// /scenarios/<name> without its monthly series, which write_series (or a ResultsStream) writes.
void write_scenario(const H5::Group& scenarios, const std::string& name, std::size_t index,
                    const experiment::ScenarioResults& r, const RunMetadata& meta) {
  // A stream has made the group with its series; an in-memory write makes it here.
  const H5::Group g = scenarios.nameExists(name) ? scenarios.openGroup(name)
                                                 : scenarios.createGroup(name, utf8_links());
  text_attribute(g, "name", r.name);
  text_attribute(g, "file", meta.scenario_files[index]);
  if (index < meta.regions.size()) {
    text_attribute(g, "region", meta.regions[index]);
  }
  text_attribute(g, "scenario_text", meta.scenario_texts[index]);
  if (index < meta.uncertainty_sources.size()) {
    std::string sources;
    for (const std::string& line : meta.uncertainty_sources[index]) sources += line + "\n";
    text_attribute(g, "uncertainty_sources", sources);
  }
  int_attribute(g, "index", static_cast<std::int64_t>(index));
  text_dataset(g, "months", months_of(r), months_info());

  const H5::Group kpis = g.createGroup("kpis");
  text_attribute(kpis, "description", "key figures, [replication]");
  for (const std::string& key : kpi_keys(r)) {
    number_dataset(kpis, key, experiment::kpi_values(r, key), {experiment::replication_count(r)},
                   kpi_catalogue(key));
  }
  table_dataset(g, "summary", summary_rows(r),
                "per key figure: mean, sd and 95% Student-t interval over the replications");
}

// The monthly series of /scenarios/<name>, [replication x month], from results in memory.
void write_series(const H5::Group& scenarios, const std::string& name,
                  const experiment::ScenarioResults& r) {
  const H5::Group g = scenarios.createGroup(name, utf8_links());
  const std::vector<hsize_t> matrix{r.replications.size(), months_of(r).size()};
  const std::vector<SeriesDataset>& datasets = series_datasets();
  const SeriesGroups groups(g);
  for (std::size_t i = 0; i < datasets.size(); ++i) {
    number_dataset(
        groups.of(datasets[i]), datasets[i].info.name,
        by_replication(r,
                       [i](const model::ReplicationResult& rep) -> const std::vector<double>& {
                         return series_values(rep, i);
                       }),
        matrix, datasets[i].info);
  }
}

// /national_sum: the sum over the regions of the additive key figures, per replication, and
// its summary table (experiment/national_sum.hpp).
void write_national_sum(H5::H5File& f, const experiment::ScenarioResults& sum,
                        const std::vector<std::string>& names) {
  const H5::Group g = f.createGroup(sum.name, utf8_links());
  text_attribute(g, "description",
                 "per replication the sum over the scenarios (distinct regions) of every additive "
                 "key figure (counts and euros; not rates, quantiles, means, maxima or flags)");
  text_list_attribute(g, "scenarios", names);
  const H5::Group kpis = g.createGroup("kpis");
  text_attribute(kpis, "description", "national sums of the key figures, [replication]");
  for (const std::string& key : kpi_keys(sum)) {
    number_dataset(kpis, key, experiment::kpi_values(sum, key),
                   {experiment::replication_count(sum)}, kpi_catalogue(key));
  }
  table_dataset(g, "summary", summary_rows(sum),
                "per key figure: mean, sd and 95% Student-t interval of the national sum over the "
                "replications");
}

/// /marginal/<option>: what the option buys against the first scenario
/// (experiment/marginal.hpp), one row per figure of experiment::marginal_figures().
void write_marginal(H5::H5File& f, const std::vector<experiment::ScenarioResults>& results,
                    const std::vector<std::string>& names) {
  const std::vector<experiment::MarginalOption> options = experiment::marginal_options(results);
  if (options.empty()) return;
  const H5::Group group = f.createGroup("marginal");
  text_attribute(group, "description",
                 "what each scenario buys against " + names.front() +
                     ": paired mean differences with 95% intervals of the mean, the share of "
                     "replications in which it does better, the cost per extra placement and "
                     "per extra person in work (Fieller's 95% interval) and the probability that "
                     "it saves money");
  for (std::size_t s = 0; s < options.size(); ++s) {
    const experiment::MarginalOption& o = options[s];
    const H5::Group g = group.createGroup(names[s + 1]);
    text_attribute(g, "versus", names.front());
    std::vector<double> mean;
    std::vector<double> lower;
    std::vector<double> upper;
    std::vector<double> better;
    for (const experiment::MarginalDifference& d : o.differences) {
      mean.push_back(d.summary.mean);
      lower.push_back(d.summary.lower());
      upper.push_back(d.summary.upper());
      better.push_back(d.share_better);
    }
    const hsize_t n = o.differences.size();
    text_dataset(g, "figure", experiment::marginal_figures(),
                 {"figure", "", "the key figure of each row (units: the registry's)"});
    number_dataset(g, "mean", mean, {n}, {"mean", "unit of the figure", "mean difference"});
    number_dataset(g, "lower95", lower, {n},
                   {"lower95", "unit of the figure", "lower end of the 95% interval of the mean"});
    number_dataset(g, "upper95", upper, {n},
                   {"upper95", "unit of the figure", "upper end of the 95% interval of the mean"});
    number_dataset(g, "share_better", better, {n},
                   {"share_better", "share",
                    "share of replications in which the option does better on the figure"});
    const auto ratio = [&](const std::string& name, const kernel::RatioInterval& r,
                           const std::string& meaning) {
      const double none = std::numeric_limits<double>::quiet_NaN();
      number_dataset(g, name, {r.ratio, r.bounded ? r.lower : none, r.bounded ? r.upper : none},
                     {3}, {name, "EUR", meaning + ": ratio, lower95, upper95 (NaN: not bounded)"});
    };
    ratio("cost_per_extra_placement_eur", o.cost_per_extra_placement,
          "extra cost over extra placements");
    ratio("cost_per_extra_in_work_eur", o.cost_per_extra_in_work,
          "extra cost over extra people in work after the follow-up");
    number_dataset(g, "probability_saves_money", {o.probability_saves_money}, {1},
                   {"probability_saves_money", "share",
                    "share of replications with net savings above the baseline's"});
  }
}

}  // namespace

namespace detail {

void write_results_layout(H5::H5File& f, const std::vector<experiment::ScenarioResults>& results,
                          const RunMetadata& meta, bool series_streamed) {
  const std::vector<std::string> names = file_names(results);
  {
    text_attribute(f, "format", kFormatName);
    int_attribute(f, "format_version", kFormatVersion);
    text_attribute(f, "version", meta.version);
    text_attribute(f, "revision", meta.revision);
    uint_attribute(f, "master_seed", meta.master_seed);
    int_attribute(f, "replications", meta.replications);
    if (!meta.fingerprint.empty()) text_attribute(f, "fingerprint", meta.fingerprint);
    if (meta.shard) {
      int_attribute(f, "shard_first", static_cast<std::int64_t>(meta.shard->first));
      int_attribute(f, "shard_end", static_cast<std::int64_t>(meta.shard->end));
      int_attribute(f, "study_replications",
                    static_cast<std::int64_t>(meta.shard->study_replications));
    }
    int_attribute(f, "threads", meta.threads);
    text_attribute(f, "started_at", meta.started_at);
    text_attribute(f, "command_line", meta.command_line);
    text_list_attribute(f, "scenarios", names);
    text_list_attribute(f, "key_figures", key_figure_names());
    text_dataset(f, "months", months_of(results.front()), months_info());

    const H5::Group scenarios =
        series_streamed ? f.openGroup("scenarios") : f.createGroup("scenarios");
    for (std::size_t s = 0; s < results.size(); ++s) {
      if (!series_streamed) write_series(scenarios, names[s], results[s]);
      write_scenario(scenarios, names[s], s, results[s], meta);
    }
    const H5::Group differences = f.createGroup("differences");
    text_attribute(differences, "description",
                   fmt::format("paired differences of the key figures: each scenario minus "
                               "scenario {} over common random numbers",
                               names.front()));
    if (const std::optional<experiment::ScenarioResults> sum = national_sum_of(results, meta)) {
      write_national_sum(f, *sum, names);
    } else {
      // Options for one region; distinct regions are no options of each other.
      write_marginal(f, results, names);
    }
    for (std::size_t s = 1; s < results.size(); ++s) {
      const H5::DataSet ds = table_dataset(
          differences, names[s], difference_rows(results.front(), results[s]),
          fmt::format("per key figure: mean, sd and 95% Student-t interval of {} minus {}, "
                      "paired by replication",
                      names[s], names.front()));
      text_attribute(ds, "versus", names.front());
    }
  }
}

}  // namespace detail

void write_hdf5(const std::filesystem::path& path,
                const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta) {
  detail::write_hdf5_atomically(path, "results file", [&](H5::H5File& file) {
    check_complete(results, meta);
    detail::write_results_layout(file, results, meta, false);
  });
}

}  // namespace werkstroom::results
