#include "core/series_extraction.hpp"

#include "model/metric_registry.hpp"
#include "model/world_totals.hpp"

#include <algorithm>
#include <stdexcept>

#include "model/person.hpp"

namespace werkstroom::viz {

namespace {

using model::WorldSeries;

constexpr std::string_view kWith = "with_service.";
constexpr std::string_view kWithout = "without_service.";
constexpr std::string_view kArrived = "arrived_by_month_end";

const std::vector<double>& world_series(const WorldSeries& w, std::string_view name,
                                        std::string_view full) {
  constexpr std::string_view kRunning = "running_";
  if (name.substr(0, kRunning.size()) == kRunning) {
    const std::string_view state = name.substr(kRunning.size());
    for (std::size_t i = 0; i < model::kStateCount; ++i) {
      if (state == model::kStateNames[i]) return w.running[i];
    }
  }
  for (const model::WorldFlow& f : model::kWorldFlows) {
    if (name == f.name) return w.*f.member;
  }
  throw std::invalid_argument("unknown series \"" + std::string(full) + "\"");
}

Band band_of(const std::vector<std::vector<double>>& per_replication, double low_p, double high_p) {
  Band band;
  if (per_replication.empty()) return band;
  std::size_t months = per_replication.front().size();
  for (const auto& row : per_replication) months = std::min(months, row.size());
  band.mean.resize(months);
  band.low.resize(months);
  band.high.resize(months);
  std::vector<double> column(per_replication.size());
  for (std::size_t m = 0; m < months; ++m) {
    double sum = 0.0;
    for (std::size_t r = 0; r < per_replication.size(); ++r) {
      column[r] = per_replication[r][m];
      sum += column[r];
    }
    std::sort(column.begin(), column.end());
    band.mean[m] = sum / static_cast<double>(column.size());
    band.low[m] = kernel::sorted_quantile(column, low_p);
    band.high[m] = kernel::sorted_quantile(column, high_p);
  }
  return band;
}

}  // namespace

std::vector<std::string> series_names() {
  std::vector<std::string> names(model::kIndicatorNames.begin(), model::kIndicatorNames.end());
  for (const std::string_view world : {kWith, kWithout}) {
    for (const char* state : model::kStateNames) {
      names.push_back(std::string(world) + "running_" + state);
    }
    for (const model::WorldFlow& f : model::kWorldFlows) {
      names.push_back(std::string(world) + std::string(f.name));
    }
  }
  names.emplace_back(kArrived);
  return names;
}

const std::vector<double>& monthly_series(const model::ReplicationResult& r,
                                          std::string_view name) {
  if (name.substr(0, kWith.size()) == kWith) {
    return world_series(r.with_service, name.substr(kWith.size()), name);
  }
  if (name.substr(0, kWithout.size()) == kWithout) {
    return world_series(r.without_service, name.substr(kWithout.size()), name);
  }
  if (name == kArrived) return r.arrived_by_month_end;
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    if (name == model::kIndicatorNames[i]) {
      return r.service.row(static_cast<model::Indicator>(i));
    }
  }
  throw std::invalid_argument("unknown series \"" + std::string(name) + "\"");
}

std::vector<double> cumulative(const std::vector<double>& values) {
  std::vector<double> out(values.size());
  double total = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    total += values[i];
    out[i] = total;
  }
  return out;
}

Band monthly_band(const experiment::ScenarioResults& s, std::string_view name, bool running_total,
                  double low_p, double high_p) {
  std::vector<std::vector<double>> rows;
  rows.reserve(s.replications.size());
  for (const model::ReplicationResult& r : s.replications) {
    const std::vector<double>& values = monthly_series(r, name);
    rows.push_back(running_total ? cumulative(values) : values);
  }
  return band_of(rows, low_p, high_p);
}

Band summed_band(const experiment::ScenarioResults& s, const std::vector<std::string>& names,
                 double low_p, double high_p) {
  std::vector<std::vector<double>> rows;
  rows.reserve(s.replications.size());
  for (const model::ReplicationResult& r : s.replications) {
    std::vector<double> total;
    for (const std::string& name : names) {
      const std::vector<double>& values = monthly_series(r, name);
      if (total.empty()) total.assign(values.size(), 0.0);
      for (std::size_t m = 0; m < std::min(total.size(), values.size()); ++m) {
        total[m] += values[m];
      }
    }
    rows.push_back(std::move(total));
  }
  return band_of(rows, low_p, high_p);
}

std::vector<KpiRow> kpi_rows(const std::vector<experiment::ScenarioResults>& results,
                             const std::vector<std::string>& kpis) {
  const auto has = [](const experiment::ScenarioResults& s, const std::string& kpi) {
    if (s.replications.empty()) return false;
    return std::all_of(s.replications.begin(), s.replications.end(),
                       [&](const model::ReplicationResult& r) { return r.kpis.count(kpi) > 0; });
  };
  std::vector<KpiRow> rows;
  for (const std::string& kpi : kpis) {
    KpiRow row;
    row.kpi = kpi;
    for (std::size_t s = 0; s < results.size(); ++s) {
      const bool present = has(results[s], kpi);
      row.per_scenario.push_back(
          present ? std::optional(kernel::replication_band(experiment::kpi_values(results[s], kpi)))
                  : std::nullopt);
      std::optional<kernel::ReplicationBand> diff;
      // A conditional figure exists in different replications of the two scenarios: no pairs.
      const model::MetricInfo* info = model::find_metric(kpi);
      const bool conditional = info != nullptr && info->conditional;
      if (s > 0 && present && !conditional && has(results[0], kpi) &&
          results[s].replications.size() == results[0].replications.size()) {
        diff = kernel::paired_band(experiment::kpi_values(results[0], kpi),
                                   experiment::kpi_values(results[s], kpi));
      }
      row.versus_first.push_back(diff);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

const std::vector<std::string>& table_kpis() {
  static const std::vector<std::string> kpis = {"placements",
                                                "placements_deadweight",
                                                "prevented_ww_inflow",
                                                "prevented_ww_new_inflow",
                                                "prevented_ww_returns",
                                                "prevented_pw_inflow",
                                                "benefit_eur_saved",
                                                "benefit_eur_displaced",
                                                "cost_eur",
                                                "cost_per_placement_eur",
                                                "net_savings_eur",
                                                "instrument_budget_exhausted",
                                                "instrument_budget_exhausted_month",
                                                "max_waiting_list",
                                                "wait_p90_working_days",
                                                "wait_p90_worst_month"};
  return kpis;
}

}  // namespace werkstroom::viz
