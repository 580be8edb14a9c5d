// The board report's content (report/report_model.hpp) on hand-built results: the verdict says
// a difference is not distinguishable from 0 exactly when its 95% interval contains 0 and
// states it otherwise; numbers read as Dutch in Dutch; the key-figure table's colours follow
// the registry's direction; the charts carry the series of the results; the HTML and PDF
// documents are whole and self-contained.

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"
#include "experiment/marginal.hpp"
#include "model/metric_registry.hpp"
#include "model/person.hpp"
#include "report/chart_layout.hpp"
#include "report/html_report.hpp"
#include "report/pdf_report.hpp"
#include "report/report_model.hpp"

using namespace werkstroom;
using experiment::Language;

namespace {

constexpr std::size_t kMonths = 3;

/// A scenario of six replications with every key figure 0 except those given (per replication).
experiment::ScenarioResults hand(const std::string& name, const std::vector<double>& cost,
                                 const std::vector<double>& placements,
                                 const std::vector<double>& net) {
  experiment::ScenarioResults r;
  r.name = name;
  for (std::size_t i = 0; i < cost.size(); ++i) {
    model::ReplicationResult rep;
    rep.month_labels = {"2020-11", "2020-12", "2021-01"};
    rep.service = model::IndicatorTable(kMonths);
    for (std::size_t m = 0; m < kMonths; ++m) {
      rep.service.set(model::Indicator::placements_clients, m, placements[i] / 3.0);
      rep.service.set(model::Indicator::waiting_list_end, m, static_cast<double>(m + i));
    }
    for (auto& running : rep.with_service.running) running.assign(kMonths, 0.0);
    for (auto& running : rep.without_service.running) running.assign(kMonths, 0.0);
    const auto ww = static_cast<std::size_t>(model::State::ww);
    rep.with_service.running[ww] = {10.0, 12.0, 14.0};
    rep.without_service.running[ww] = {10.0, 15.0, 20.0};
    for (const model::MetricInfo& info : model::key_figures()) {
      rep.kpis[std::string(info.name)] = 0.0;
    }
    rep.kpis["cost_eur"] = cost[i];
    rep.kpis["placements"] = placements[i];
    rep.kpis["net_savings_eur"] = net[i];
    rep.kpis["extra_in_work_at_end"] = placements[i] / 2.0;
    r.replications.push_back(rep);
  }
  return r;
}

report::ReportContext context_for(const std::vector<experiment::ScenarioResults>& results,
                                  Language language) {
  report::ReportContext c;
  c.language = language;
  for (const auto& r : results) c.scenarios.push_back({r.name, r.name + ".toml", "ab", {}, {}});
  c.seed = 7;
  c.replications = static_cast<int>(results.front().replications.size());
  c.version = "0.1.0";
  c.revision = "abc";
  c.created_at = "2026-12-01T00:00:00Z";
  return c;
}

const std::vector<double> kBaseCost = {200000, 200000, 200000, 200000, 200000, 200000};
const std::vector<double> kBasePlaced = {100, 104, 98, 102, 96, 100};
const std::vector<double> kBaseNet = {0, 0, 0, 0, 0, 0};
// 106,000 more in every replication, about 34 more placements.
const std::vector<double> kCost = {306000, 306000, 306000, 306000, 306000, 306000};
const std::vector<double> kPlaced = {130, 140, 128, 138, 132, 136};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("The verdict calls net savings whose interval contains 0 not distinguishable from 0",
          "[report][verdict]") {
  // Net savings differences of mean 0 and spread: the 95% interval contains 0.
  const std::vector<experiment::ScenarioResults> results = {
      hand("basis", kBaseCost, kBasePlaced, kBaseNet),
      hand("drie fte", kCost, kPlaced, {-30000, 20000, -10000, 25000, -5000, 0})};
  const auto options = experiment::marginal_options(results);
  REQUIRE(options.size() == 1);
  const auto& net = options.front().differences.back();
  REQUIRE(net.kpi == "net_savings_eur");
  REQUIRE(net.summary.lower() < 0.0);
  REQUIRE(net.summary.upper() > 0.0);

  const report::OptionVerdict v = report::option_verdict(options.front(), Language::nl);
  INFO(v.headline);
  CHECK(contains(v.headline, "'drie fte' kost € 106.000 meer [95%: € +106.000; € +106.000]"));
  CHECK(contains(v.headline, "voor 34 extra plaatsingen ["));
  CHECK(contains(v.headline, "per extra plaatsing € 3.100"));
  CHECK(contains(v.headline, "de netto besparing verandert met"));
  CHECK(contains(v.headline, ": niet van nul te onderscheiden; kans dat de optie geld bespaart"));
  // Only the net savings are said to be indistinguishable: cost and placements are clear.
  CHECK(v.headline.find("niet van nul") == v.headline.rfind("niet van nul"));
  // The reasons judge every marginal figure.
  CHECK(v.reasons.size() == experiment::marginal_figures().size() + 1);
}

TEST_CASE("The verdict states a difference whose interval excludes 0", "[report][verdict]") {
  const std::vector<experiment::ScenarioResults> results = {
      hand("basis", kBaseCost, kBasePlaced, kBaseNet),
      hand("drie fte", kCost, kPlaced, {41000, 39000, 40000, 42000, 38000, 40000})};
  const auto options = experiment::marginal_options(results);
  const report::OptionVerdict nl = report::option_verdict(options.front(), Language::nl);
  INFO(nl.headline);
  CHECK(contains(nl.headline, "de netto besparing verandert met € +40.000 [95%: € +"));
  CHECK(contains(nl.headline, ": hoger, buiten toeval"));
  CHECK_FALSE(contains(nl.headline, "niet van nul"));
  CHECK(contains(nl.headline, "kans dat de optie geld bespaart: 100%"));

  const report::OptionVerdict en = report::option_verdict(options.front(), Language::en);
  INFO(en.headline);
  CHECK(contains(en.headline, "'drie fte' costs €106,000 more"));
  CHECK(contains(en.headline, "the net savings change by +€40,000"));
  CHECK(contains(en.headline, "higher, beyond chance"));
}

TEST_CASE("Extra placements that may be none leave the cost per placement unbounded",
          "[report][verdict]") {
  const std::vector<experiment::ScenarioResults> results = {
      hand("a", kBaseCost, kBasePlaced, kBaseNet),
      hand("b", kCost, {103, 101, 95, 107, 93, 103}, kBaseNet)};
  const report::OptionVerdict v =
      report::option_verdict(experiment::marginal_options(results).front(), Language::nl);
  INFO(v.headline);
  CHECK(contains(v.headline, "extra plaatsingen [-"));
  CHECK(contains(v.headline,
                 "(niet van nul te onderscheiden); de kosten per extra plaatsing zijn "
                 "niet begrensd"));
}

TEST_CASE("Report numbers and months read as Dutch in Dutch", "[report][format]") {
  CHECK(report::round_for_board(106423.0) == 106000.0);
  CHECK(report::round_for_board(3087.0) == 3100.0);
  CHECK(report::round_for_board(-28740.0) == -29000.0);
  CHECK(report::round_for_board(512.0) == 510.0);
  CHECK(report::month_name("2021-03", Language::nl) == "mrt 2021");
  CHECK(report::month_name("2021-05", Language::en) == "May 2021");
  CHECK(report::month_name("2021-10", Language::nl) == "okt 2021");

  const std::vector<experiment::ScenarioResults> results = {
      hand("basis", kBaseCost, {24, 24.5, 24, 24.5, 24, 24.5}, kBaseNet),
      hand("optie", kCost, kPlaced, kBaseNet)};
  const report::ReportModel m = report::build_report(results, context_for(results, Language::nl));
  bool found = false;
  for (const report::Section& s : m.sections) {
    for (const report::Block& b : s.blocks) {
      const auto* t = std::get_if<report::Table>(&b);
      if (t == nullptr) continue;
      for (const auto& row : t->rows) {
        if (row.front().text != "Plaatsingen (personen)") continue;
        found = true;
        INFO(row.at(1).text + " | " + row.at(2).text + " | " + row.at(3).text);
        CHECK(row.at(1).text.rfind("24,2 [24,0; 24,5]", 0) == 0);
        CHECK(row.at(2).text.rfind("134,0 [128,5; 139,5]", 0) == 0);
        CHECK(row.at(3).tone == report::Tone::better);
        CHECK(row.at(3).text.rfind("+110 [", 0) == 0);
      }
    }
  }
  CHECK(found);
}

TEST_CASE("The key-figure table colours a worse difference red and an unclear one grey",
          "[report][table]") {
  // Fewer placements at a clear cost: the placements difference is worse beyond chance, the
  // net savings difference (0 everywhere) is not distinguishable.
  const std::vector<experiment::ScenarioResults> results = {
      hand("a", kBaseCost, kPlaced, kBaseNet), hand("b", kCost, kBasePlaced, kBaseNet)};
  const report::ReportModel m = report::build_report(results, context_for(results, Language::en));
  int checked = 0;
  for (const report::Section& s : m.sections) {
    for (const report::Block& b : s.blocks) {
      const auto* t = std::get_if<report::Table>(&b);
      if (t == nullptr || t->header.size() != 4) continue;
      for (const auto& row : t->rows) {
        if (row.front().text == "Placements (people)") {
          CHECK(row.at(3).tone == report::Tone::worse);
          ++checked;
        }
        if (row.front().text == "Net savings") {
          CHECK(row.at(3).tone == report::Tone::unclear);
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 2);
}

TEST_CASE("The charts carry the results' monthly series with Dutch month ticks",
          "[report][chart]") {
  const std::vector<experiment::ScenarioResults> results = {
      hand("a", kBaseCost, kBasePlaced, kBaseNet), hand("b", kCost, kPlaced, kBaseNet)};
  const report::ReportModel m = report::build_report(results, context_for(results, Language::nl));
  std::vector<report::Chart> charts;
  for (const report::Section& s : m.sections) {
    for (const report::Block& b : s.blocks) {
      if (const auto* c = std::get_if<report::Chart>(&b)) charts.push_back(*c);
    }
  }
  REQUIRE(charts.size() == 5);
  for (const report::Chart& c : charts) {
    CHECK(c.months == std::vector<std::string>{"nov", "dec", "jan"});
    CHECK(c.years == std::vector<std::string>{"2020", "", "2021"});
    CHECK_FALSE(c.series.empty());
  }
  // Cumulative placements: the last month holds the mean total.
  const report::Chart& placed = charts.at(2);
  CHECK(placed.series.at(1).mean.back() == Approx(134.0));
  // Running WW without minus with the centre.
  const report::Chart& ww = charts.at(4);
  CHECK(ww.series.at(0).mean == std::vector<double>{0.0, 3.0, 6.0});
  // The p90 wait chart draws the target.
  REQUIRE(charts.at(1).lines.size() == 1);
  CHECK(charts.at(1).lines.front().label == "norm: 10,0 werkdagen");
}

TEST_CASE("Numbers are told from hashes and words, and times are written for people",
          "[report][format]") {
  CHECK(report::reads_as_number("5.373 [4.385, 6.982]"));
  CHECK(report::reads_as_number("€ -21.000 [€ -116.000, € +74.000]"));
  CHECK(report::reads_as_number("+17 %-punt [-62 %-punt, +96 %-punt]"));
  CHECK_FALSE(
      report::reads_as_number("50db3f8d4f209ecb99d5816b1201152f4bdb7cb3e251601f420f8ccb5bb2c4c"));
  CHECK_FALSE(report::reads_as_number("kans 50%"));
  CHECK_FALSE(report::reads_as_number(""));
  CHECK(report::readable_time("2026-12-01T09:30:05Z", Language::nl) == "1 dec 2026, 09:30 UTC");
  CHECK(report::readable_time("2026-03-11T19:00:00Z", Language::en) == "11 Mar 2026, 19:00 UTC");
  CHECK(report::readable_time("later", Language::nl) == "later");
}

TEST_CASE("Month labels are thinned so that they never overlap on a long horizon",
          "[report][chart]") {
  report::Chart c;
  c.months.assign(24, "mrt");
  c.years.assign(24, "");
  c.years[0] = "2020";  // sparse year labels do not thin the months
  CHECK(report::layout_chart(c, 760.0, 12.0, Language::nl).label_every == 1);
  c.months.assign(120, "mrt");
  c.years.assign(120, "");
  const report::ChartLayout l = report::layout_chart(c, 760.0, 12.0, Language::nl);
  CHECK(l.label_every > 1);
  // The first month's year is left out when a January follows right after it.
  c.years[0] = "2020";
  c.years[1] = "2021";
  c.years[13] = "2022";
  const report::ChartLayout years = report::layout_chart(c, 760.0, 12.0, Language::nl);
  CHECK(years.year_shown[0]);
  CHECK_FALSE(years.year_shown[1]);
  CHECK(years.year_shown[13]);
  // Neighbouring labels are at least a label's width apart.
  CHECK(l.x(static_cast<double>(l.label_every)) - l.x(0.0) >= 3 * 12.0 * 0.56);
}

TEST_CASE("Chart ticks are round numbers covering the data", "[report][chart]") {
  CHECK(report::nice_ticks(0.0, 9.3, 5) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(report::nice_ticks(0.0, 480000.0, 5) ==
        std::vector<double>{0, 100000, 200000, 300000, 400000, 500000});
  const auto ticks = report::nice_ticks(-3.0, 17.0, 5);
  CHECK(ticks.front() <= -3.0);
  CHECK(ticks.back() >= 17.0);
}

TEST_CASE("The HTML report is one self-contained document and the PDF a whole file",
          "[report][html][pdf]") {
  const std::vector<experiment::ScenarioResults> results = {
      hand("a", kBaseCost, kBasePlaced, kBaseNet), hand("b", kCost, kPlaced, kBaseNet)};
  const report::ReportModel m = report::build_report(results, context_for(results, Language::nl));
  const std::string html = report::html_report(m);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(html, "<html lang=\"nl\">"));
  CHECK(contains(html, "@page { size: A4"));
  CHECK(contains(html, "<svg "));
  for (const char* fetch : {"<script", "<link", "src=", "url(", "@import"}) {
    INFO(fetch);
    CHECK_FALSE(contains(html, fetch));
  }

  const test::TempDir dir;
  const auto pdf = dir.path() / "report.pdf";
  report::write_pdf_report(pdf, m);
  std::ifstream in(pdf, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  CHECK(contains(bytes, "%%EOF"));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 1);  // no temporary file left beside it
}
