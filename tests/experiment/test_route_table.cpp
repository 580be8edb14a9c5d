// The console's table of effects by route: the prevented WW inflow of each route with its two
// parts beside it, new to WW and returns to WW, which add up to it.

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "experiment/console_report.hpp"
#include "experiment/experiment.hpp"
#include "experiment/language.hpp"
#include "kernel/statistics.hpp"
#include "model/metric_registry.hpp"
#include "scenario/loader.hpp"

using namespace werkstroom;

namespace {
// The cells of a rendered table row: columns are separated by two or more spaces.
std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> out;
  const std::regex gap("  +");
  for (std::sregex_token_iterator it(line.begin(), line.end(), gap, -1), end; it != end; ++it) {
    if (!it->str().empty()) out.push_back(it->str());
  }
  return out;
}

// The mean the console shows (kernel::summarise's, not a plain sum over n: the two can differ
// in the last bit and so in a rounded cell).
double mean_of(const experiment::ScenarioResults& r, const std::string& key) {
  return kernel::summarise(experiment::kpi_values(r, key)).mean;
}
}  // namespace

TEST_CASE("the route table shows the prevented WW inflow of each route and its two parts",
          "[experiment]") {
  const auto scenario =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml");
  experiment::ExperimentSettings settings;
  settings.replications = 4;
  settings.threads = 1;
  const auto results = experiment::run_experiment({{scenario.name, scenario.parameters}}, settings);
  REQUIRE(results.size() == 1);
  const experiment::ScenarioResults& r = results.front();
  const std::string table = experiment::route_table(r, experiment::Language::en);

  // The title, a blank line, the header, a row per route, a blank line and the note.
  std::istringstream in(table);
  std::vector<std::vector<std::string>> rows;
  bool in_table = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("route  ", 0) == 0) in_table = true;
    if (in_table && line.empty()) break;
    if (in_table) rows.push_back(cells_of(line));
  }
  CHECK(table.find("A negative 'of which returns' means that more people come back to WW with "
                   "the service") != std::string::npos);
  REQUIRE(!rows.empty());
  const std::size_t header = 0;
  CHECK(rows[header] == std::vector<std::string>{"route", "clients", "prev. WW", "of which new",
                                                 "of which returns", "EUR saved", "EUR displaced"});
  std::size_t routes = 0;
  bool some_returns = false;
  for (std::size_t i = header + 1; i < rows.size(); ++i) {
    const std::vector<std::string>& row = rows[i];
    REQUIRE(row.size() == 7);
    const std::string& route = row[0];
    const double total = mean_of(r, model::route_key(route, "prevented_ww_inflow"));
    const double fresh = mean_of(r, model::route_key(route, "prevented_ww_new_inflow"));
    const double returns = mean_of(r, model::route_key(route, "prevented_ww_returns"));
    // The parts add up to the whole in every replication (counts), so their means do too.
    CHECK(fresh + returns == Approx(total).margin(1e-9));
    CHECK(row[2] == experiment::report_number(total, experiment::Language::en));
    CHECK(row[3] == experiment::report_number(fresh, experiment::Language::en));
    CHECK(row[4] == experiment::report_number(returns, experiment::Language::en));
    if (returns != 0.0) some_returns = true;
    ++routes;
  }
  // A row for every route that changed some client's path, and for no other.
  std::size_t with_clients = 0;
  for (const std::string& key : experiment::kpi_names(r)) {
    const auto parts = model::split_route_key(key);
    if (parts && parts->figure == "clients" && mean_of(r, key) != 0.0) ++with_clients;
  }
  CHECK(routes == with_clients);
  CHECK(routes >= 3);
  // The parts are informative: in the default scenario some route brings people back to WW.
  CHECK(some_returns);
}
