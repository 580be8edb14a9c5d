#include "calibration/observables.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "model/indicators.hpp"
#include "results/catalogue.hpp"

namespace werkstroom::calibration {

namespace {

/// Prefixes of the two worlds' accounts, as in the CSV results (docs/results-schema.md).
constexpr const char* kWithServicePrefix = "with_service.";
constexpr const char* kWithoutServicePrefix = "without_service.";

/// Where an observable's monthly values are in a ReplicationResult.
struct Location {
  enum class Table { service, with_service, without_service };
  Table table = Table::service;
  std::size_t index = 0;  // model::Indicator, or index into results::world_series_catalogue()
};

/// The names of the results catalogue, without the aliases, in catalogue order: the service
/// indicators, then with_service.<series>, then without_service.<series>.
std::vector<std::pair<std::string, Location>> direct_observables() {
  std::vector<std::pair<std::string, Location>> out;
  const auto& indicators = results::indicator_catalogue();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    out.push_back({indicators[i].name, {Location::Table::service, i}});
  }
  const auto& series = results::world_series_catalogue();
  for (std::size_t s = 0; s < series.size(); ++s) {
    out.push_back({kWithServicePrefix + series[s].name, {Location::Table::with_service, s}});
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    out.push_back({kWithoutServicePrefix + series[s].name, {Location::Table::without_service, s}});
  }
  return out;
}

/// Every observable name (aliases included) -> its location. Built once; checks that every
/// alias stands for a direct observable and does not shadow one (std::logic_error otherwise:
/// the alias table is out of step with the results catalogue).
const std::unordered_map<std::string, Location>& locations() {
  static const std::unordered_map<std::string, Location> table = [] {
    std::unordered_map<std::string, Location> t;
    for (const auto& [name, location] : direct_observables()) t.emplace(name, location);
    for (const auto& [alias, target] : observable_aliases()) {
      const auto it = t.find(target);
      if (it == t.end()) {
        std::string message = "observable alias ";
        message += alias;
        message += " stands for unknown ";
        message += target;
        throw std::logic_error(message);
      }
      const Location location = it->second;
      if (!t.emplace(alias, location).second) {
        throw std::logic_error("observable alias " + alias + " shadows an observable");
      }
    }
    return t;
  }();
  return table;
}

const std::vector<double>& values_at(const model::ReplicationResult& result, const Location& l) {
  switch (l.table) {
    case Location::Table::service:
      return result.service.row(static_cast<model::Indicator>(l.index));
    case Location::Table::with_service:
      return results::world_series_values(result.with_service, l.index);
    case Location::Table::without_service:
      return results::world_series_values(result.without_service, l.index);
  }
  throw std::logic_error("unknown observable table");
}

}  // namespace

std::string canonical_observable(const std::string& name) {
  for (const auto& [alias, target] : observable_aliases()) {
    if (alias == name) return target;
  }
  return name;
}

const std::vector<std::pair<std::string, std::string>>& observable_aliases() {
  // The monitor's names (UWV / regional monitor figures) for series of the world as it is, i.e.
  // with the service. Keep this short: an alias is only worth having when monitor files use it.
  static const std::vector<std::pair<std::string, std::string>> aliases = {
      // WW benefits running at the month end (UWV "lopende WW-uitkeringen").
      {"ww_benefits_running", "with_service.running_ww"},
      // PW (bijstand) benefits running at the month end.
      {"pw_benefits_running", "with_service.running_pw"},
      // New WW benefits in the month.
      {"ww_inflow", "with_service.ww_inflow"},
      // Moves from WW into work in the month.
      {"work_after_ww", "with_service.work_after_ww"},
  };
  return aliases;
}

bool is_observable(const std::string& name) { return locations().count(name) > 0; }

std::vector<std::string> observable_names() {
  std::vector<std::string> names;
  for (const auto& [alias, target] : observable_aliases()) names.push_back(alias);
  for (const auto& [name, location] : direct_observables()) names.push_back(name);
  return names;
}

std::optional<double> observe(const model::ReplicationResult& result, const std::string& name,
                              const std::string& month) {
  const auto it = locations().find(name);
  if (it == locations().end()) {
    throw std::invalid_argument("unknown observable '" + name + "'");
  }
  const auto& labels = result.month_labels;
  const auto at = std::find(labels.begin(), labels.end(), month);
  if (at == labels.end()) return std::nullopt;
  const std::vector<double>& values = values_at(result, it->second);
  const auto index = static_cast<std::size_t>(at - labels.begin());
  if (index >= values.size()) {  // a result whose series are shorter than its month labels
    throw std::logic_error("observable '" + name + "' has " + std::to_string(values.size()) +
                           " months, the result " + std::to_string(labels.size()));
  }
  return values[index];
}

}  // namespace werkstroom::calibration
