// The console reports in Dutch are wholly Dutch and their columns line up: every text they ask
// for is in the one translation table (experiment/language.hpp untranslated_keys), numbers are
// written the Dutch way, no label is cut, and every row of a table ends at the same column.

#include <fmt/core.h>
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "experiment/advice_report.hpp"
#include "experiment/console_report.hpp"
#include "experiment/experiment.hpp"
#include "experiment/language.hpp"
#include "experiment/marginal.hpp"
#include "experiment/staffing_advisor.hpp"
#include "experiment/text_table.hpp"
#include "model/metric_registry.hpp"
#include "scenario/loader.hpp"
#include "scenario/replication_draws.hpp"

using namespace werkstroom;

namespace {

std::vector<experiment::ScenarioResults> small_comparison() {
  const auto a =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml");
  const auto b =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/scale-up-3fte.toml");
  experiment::ExperimentSettings settings;
  settings.replications = 3;
  settings.threads = 1;
  return experiment::run_experiment({{a.name, a.parameters}, {b.name, b.parameters}}, settings);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("every console report in Dutch asks only for texts the table has",
          "[experiment][language]") {
  const auto results = small_comparison();
  const experiment::Language nl = experiment::Language::nl;
  std::string all = experiment::kpi_table(results, nl);
  for (const auto& r : results) {
    all += experiment::monthly_table(r, nl) + experiment::route_table(r, nl) +
           experiment::party_table(r, nl);
  }
  all += experiment::marginal_table(experiment::marginal_options(results), nl);
  all += experiment::variance_reduction_table(results, nl);
  all += experiment::national_sum_table(results.front(), 2, nl);
  // The staffing advice on the same two options (2 and 3 advisors), every criterion on.
  experiment::AdviceCriteria criteria;
  criteria.max_wait_p90_working_days = 10.0;
  criteria.min_placements = 1.0;
  criteria.budget_lasts_service = true;
  const experiment::StaffingAdvice advice = experiment::evaluate_advice(
      {{2, 250000.0}, {3, 250000.0}}, results, criteria, experiment::Objective::placements);
  all += experiment::advice_table(advice, criteria, nl);
  const auto base =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml");
  const std::vector<std::string> sources = scenario::uncertainty_sources(base.parameters, true);
  REQUIRE(sources.size() > 2);  // the default draws the economy and parameters
  CHECK(sources[0].rfind("het eigen toeval van de simulatie:", 0) == 0);
  CHECK(sources[1].rfind("de economie:", 0) == 0);
  CHECK(sources[1].find("het spanningspad maal exp(") != std::string::npos);
  CHECK(sources[2].find(" op [") != std::string::npos);
  CHECK(experiment::untranslated_keys().empty());
  for (const std::string& key : experiment::untranslated_keys()) UNSCOPED_INFO(key);
  // English words of the old half-translated report do not appear.
  for (const char* english : {"WW with", "WW w/o", "people waiting", "Common random numbers",
                              "vs base", "probability that", "figure "}) {
    CHECK(all.find(english) == std::string::npos);
  }
  // Every key figure's full Dutch label appears (none cut).
  for (const model::MetricInfo& info : model::key_figures()) {
    CHECK(all.find(std::string(info.report_label_nl)) != std::string::npos);
  }
}

TEST_CASE("the Dutch key-figure table writes Dutch numbers and its rows line up",
          "[experiment][language]") {
  const auto results = small_comparison();
  const std::string table = experiment::kpi_table(results, experiment::Language::nl);
  const std::vector<std::string> lines = lines_of(table);
  // The header line (after the title and a blank line) and the key-figure rows: every row is as
  // wide as the header or narrower only where its last cell is shorter, and each row's last
  // cell ends exactly at the header's end (right-aligned figures).
  REQUIRE(lines.size() > 3);
  const std::size_t width = experiment::display_width(lines[2]);
  const std::size_t figures = model::key_figures().size();
  for (std::size_t i = 3; i < 3 + figures; ++i) {
    CHECK(experiment::display_width(lines[i]) == width);
  }
  // Dutch number forms: costs grouped by '.', fractions after ',' and no decimal points such as
  // "268.4" (a digit, '.', one digit, then a non-digit).
  bool costs_grouped = false;
  for (const std::string& line : lines) {
    // Costs of 2 and 3 advisors over a year are hundreds of thousands: "444.911 [400.123;
    // ...]", the interval's ends apart by ';' (',' is the decimal mark).
    if (line.rfind("kosten EUR ", 0) == 0) {
      INFO(line);
      costs_grouped = line.find_first_of("0123456789") != std::string::npos &&
                      line.find('.') != std::string::npos && line.find("; ") != std::string::npos;
    }
  }
  CHECK(costs_grouped);
  bool decimal_point = false;
  for (std::size_t i = 1; i + 2 < table.size(); ++i) {
    const auto digit = [&](std::size_t k) { return table[k] >= '0' && table[k] <= '9'; };
    if (table[i] == '.' && digit(i - 1) && digit(i + 1) && !digit(i + 2) && table[i + 2] != '.') {
      decimal_point = true;
    }
  }
  CHECK_FALSE(decimal_point);
}

TEST_CASE("a text table sizes every column to its widest cell, counting characters",
          "[experiment][language]") {
  experiment::TextTable t({"label", "€ figure"});
  t.add_row({"a long label that is not cut", "€ 1.234"});
  t.add_row({"short", "€ 12.345.678"});
  const std::string expected =
      "label                             € figure\n"
      "a long label that is not cut       € 1.234\n"
      "short                         € 12.345.678\n";
  CHECK(t.render() == expected);
  CHECK(experiment::display_width("€ 1") == 3);
}
