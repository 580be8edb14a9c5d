// The CSV tables against docs/results-schema.md: files, headers, row counts and values.

#include <algorithm>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "build_info.hpp"
#include "kernel/statistics.hpp"
#include "model/indicators.hpp"
#include "model/metric_registry.hpp"
#include "results/catalogue.hpp"
#include "results/results.hpp"
#include "results_test_support.hpp"

namespace werkstroom::test {
namespace {

namespace fs = std::filesystem;

struct Csv {
  std::string header;
  std::vector<std::vector<std::string>> rows;
};

// A small RFC 4180 reader (quoted fields may hold commas, quotes and line breaks).
Csv read_csv(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  REQUIRE(in);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string f;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        f += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        f += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(f);
      f.clear();
    } else if (c == '\n') {
      record.push_back(f);
      f.clear();
      records.push_back(record);
      record.clear();
    } else {
      f += c;
    }
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(f.empty());  // every record ends with a line break
  REQUIRE_FALSE(records.empty());
  Csv csv;
  for (std::size_t i = 0; i < records.front().size(); ++i) {
    csv.header += (i > 0 ? "," : "") + records.front()[i];
  }
  const std::size_t columns = records.front().size();
  for (std::size_t i = 1; i < records.size(); ++i) {
    INFO(file.filename().string() << " record " << i);
    REQUIRE(records[i].size() == columns);
    csv.rows.push_back(records[i]);
  }
  return csv;
}

double number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  REQUIRE(end == text.c_str() + text.size());
  return value;
}

std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  REQUIRE(it != names.end());
  return static_cast<std::size_t>(it - names.begin());
}

const std::vector<double>& expected_series(const model::ReplicationResult& rep,
                                           const std::string& indicator) {
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    if (indicator == model::kIndicatorNames[i])
      return rep.service.row(static_cast<model::Indicator>(i));
  }
  if (indicator == results::arrived_info().name) return rep.arrived_by_month_end;
  const std::size_t dot = indicator.find('.');
  REQUIRE(dot != std::string::npos);
  const std::string world = indicator.substr(0, dot);
  REQUIRE((world == "with_service" || world == "without_service"));
  const auto& catalogue = results::world_series_catalogue();
  for (std::size_t k = 0; k < catalogue.size(); ++k) {
    if (catalogue[k].name == indicator.substr(dot + 1)) {
      return results::world_series_values(
          world == "with_service" ? rep.with_service : rep.without_service, k);
    }
  }
  FAIL("unknown indicator " << indicator);
  throw std::logic_error("unreachable");
}

TEST_CASE("CSV results: files headers row counts and values", "[results]") {
  const SmallRun& run = small_run();
  TempDir tmp;
  const fs::path dir = tmp.path() / "new" / "csv";  // created by the writer
  results::write_csv(dir, run.results, run.meta);
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"differences.csv", "kpis.csv", "metadata.csv",
                                          "monthly.csv", "monthly_summary.csv", "national_sum.csv",
                                          "national_summary.csv", "summary.csv"});

  const std::vector<std::string> names = {"gooi-en-vechtstreek", "scale-up-3fte"};
  const std::size_t scenarios = 2;
  const std::size_t reps = 3;
  const std::size_t months = 24;
  const std::size_t kpis = run.results.front().replications.front().kpis.size();
  const std::size_t series =
      model::kIndicatorCount + 2 * results::world_series_catalogue().size() + 1;

  SECTION("monthly.csv") {
    const Csv csv = read_csv(dir / "monthly.csv");
    CHECK(csv.header == "scenario,replication,month,indicator,value");
    CHECK(csv.rows.size() == scenarios * reps * months * series);
    std::set<std::tuple<std::string, std::string, std::string, std::string>> keys;
    std::size_t mismatches = 0;
    for (const auto& row : csv.rows) {
      keys.emplace(row[0], row[1], row[2], row[3]);
      const experiment::ScenarioResults& r = run.results[index_of(names, row[0])];
      const model::ReplicationResult& rep = r.replications.at(std::stoul(row[1]));
      const std::size_t m = index_of(rep.month_labels, row[2]);
      mismatches += number(row[4]) == expected_series(rep, row[3])[m] ? 0 : 1;
    }
    CHECK(mismatches == 0);
    CHECK(keys.size() == csv.rows.size());
    CHECK(csv.rows.front() == std::vector<std::string>{"gooi-en-vechtstreek", "0", "2020-11",
                                                       "employers_called", csv.rows.front()[4]});
  }
  SECTION("kpis.csv") {
    const Csv csv = read_csv(dir / "kpis.csv");
    CHECK(csv.header == "scenario,replication,kpi,value");
    CHECK(csv.rows.size() == scenarios * reps * kpis);
    for (const auto& row : csv.rows) {
      INFO(row[0] << " " << row[1] << " " << row[2]);
      const auto& rep = run.results[index_of(names, row[0])].replications.at(std::stoul(row[1]));
      // A figure that does not exist in the replication (NaN) is an empty cell.
      if (std::isnan(rep.kpis.at(row[2]))) {
        CHECK(row[3].empty());
      } else {
        CHECK(number(row[3]) == rep.kpis.at(row[2]));
      }
    }
  }
  SECTION("summary.csv") {
    const Csv csv = read_csv(dir / "summary.csv");
    CHECK(csv.header == "scenario,kpi,mean,sd,lower95,upper95,replications");
    CHECK(csv.rows.size() == scenarios * kpis);
    for (const auto& row : csv.rows) {
      INFO(row[0] << " " << row[1]);
      const auto s =
          kernel::summarise(experiment::kpi_values(run.results[index_of(names, row[0])], row[1]));
      // A figure that exists in no replication (MetricInfo::conditional) summarises to NaN.
      const auto same = [](double a, double b) {
        return a == b || (std::isnan(a) && std::isnan(b));
      };
      CHECK(same(number(row[2]), s.mean));
      CHECK(same(number(row[3]), s.sd));
      CHECK(same(number(row[4]), s.lower()));
      CHECK(same(number(row[5]), s.upper()));
      CHECK(row[6] == std::to_string(s.replications));
    }
  }
  SECTION("differences.csv") {
    const Csv csv = read_csv(dir / "differences.csv");
    CHECK(csv.header == "scenario,versus,kpi,mean,sd,lower95,upper95");
    CHECK(csv.rows.size() == (scenarios - 1) * kpis);
    for (const auto& row : csv.rows) {
      INFO(row[2]);
      CHECK(row[0] == "scale-up-3fte");
      CHECK(row[1] == "gooi-en-vechtstreek");
      const auto d =
          kernel::summarise_paired_difference(experiment::kpi_values(run.results[0], row[2]),
                                              experiment::kpi_values(run.results[1], row[2]));
      const auto same = [](double a, double b) {
        return a == b || (std::isnan(a) && std::isnan(b));
      };
      CHECK(same(number(row[3]), d.mean));
      CHECK(same(number(row[4]), d.sd));
      CHECK(same(number(row[5]), d.lower()));
      CHECK(same(number(row[6]), d.upper()));
    }
  }
  SECTION("metadata.csv") {
    const Csv csv = read_csv(dir / "metadata.csv");
    CHECK(csv.header == "key,value");
    std::map<std::string, std::string> meta;
    for (const auto& row : csv.rows) meta[row[0]] = row[1];
    CHECK(meta.at("format") == "werkstroom-results");
    CHECK(meta.at("format_version") == "1");
    CHECK(meta.at("version") == werkstroom::version());
    CHECK(meta.at("revision") == werkstroom::revision());
    CHECK(meta.at("master_seed") == "4242");
    CHECK(meta.at("replications") == "3");
    CHECK(meta.at("threads") == "2");
    CHECK(meta.at("started_at") == run.meta.started_at);
    CHECK(meta.at("command_line") == run.meta.command_line);
    CHECK(meta.at("scenario.1.name") == "scale-up-3fte");
    CHECK(meta.at("scenario.1.file") == run.meta.scenario_files[1]);
    CHECK(csv.rows.size() == 9 + 2 * scenarios);
  }
}

TEST_CASE("CSV results: fields with commas and quotes are quoted", "[results]") {
  const SmallRun& run = small_run();
  std::vector<experiment::ScenarioResults> named = run.results;
  named[0].name = "base, \"2 fte\"";
  results::RunMetadata meta = run.meta;
  meta.command_line = "werkstroom compare \"a b.toml\",c.toml";
  TempDir tmp;
  results::write_csv(tmp.path(), named, meta);
  const Csv kpis = read_csv(tmp.path() / "kpis.csv");
  CHECK(kpis.rows.front()[0] == "base, \"2 fte\"");
  const Csv diffs = read_csv(tmp.path() / "differences.csv");
  CHECK(diffs.rows.front()[1] == "base, \"2 fte\"");
  const Csv m = read_csv(tmp.path() / "metadata.csv");
  bool found = false;
  for (const auto& row : m.rows) found = found || row[1] == meta.command_line;
  CHECK(found);
}

TEST_CASE("CSV results: the national sum of a set of regions", "[results]") {
  const SmallRun& run = small_run();
  TempDir tmp;
  SECTION("variants of one region: only the headers") {
    results::write_csv(tmp.path(), run.results, run.meta);
    const Csv sum = read_csv(tmp.path() / "national_sum.csv");
    CHECK(sum.header == "replication,kpi,value");
    CHECK(sum.rows.empty());
    const Csv summary = read_csv(tmp.path() / "national_summary.csv");
    CHECK(summary.header == "kpi,mean,sd,lower95,upper95,replications");
    CHECK(summary.rows.empty());
  }
  SECTION("distinct regions: per replication the sum of the additive figures") {
    results::RunMetadata meta = run.meta;
    meta.regions = {"Region A", "Region B"};
    results::write_csv(tmp.path(), run.results, meta);
    const Csv sum = read_csv(tmp.path() / "national_sum.csv");
    std::set<std::string> keys;
    for (const auto& row : sum.rows) {
      INFO("replication " << row[0] << ", " << row[1]);
      const auto r = static_cast<std::size_t>(number(row[0]));
      const model::MetricInfo* info = model::find_metric(row[1]);
      REQUIRE(info != nullptr);
      CHECK(info->additive);
      keys.insert(row[1]);
      const double expected = run.results[0].replications[r].kpis.at(row[1]) +
                              run.results[1].replications[r].kpis.at(row[1]);
      CHECK(number(row[2]) == Approx(expected).epsilon(1e-12));
    }
    CHECK(keys.contains("placements"));
    CHECK_FALSE(keys.contains("wait_p90_working_days"));
    CHECK(sum.rows.size() == 3 * keys.size());
    const Csv summary = read_csv(tmp.path() / "national_summary.csv");
    CHECK(summary.rows.size() == keys.size());
    const Csv metadata = read_csv(tmp.path() / "metadata.csv");
    bool region_listed = false;
    for (const auto& row : metadata.rows) {
      region_listed = region_listed || (row[0] == "scenario.1.region" && row[1] == "Region B");
    }
    CHECK(region_listed);
  }
}

TEST_CASE("CSV results: atomic files and errors naming the path", "[results]") {
  const SmallRun& run = small_run();
  TempDir tmp;
  SECTION("rewriting leaves no temporary files") {
    results::write_csv(tmp.path(), run.results, run.meta);
    std::vector<experiment::ScenarioResults> one = {run.results.front()};
    results::RunMetadata meta = run.meta;
    meta.scenario_files.resize(1);
    meta.scenario_texts.resize(1);
    results::write_csv(tmp.path(), one, meta);
    CHECK(tmp.entries() == std::vector<std::string>{"differences.csv", "kpis.csv", "metadata.csv",
                                                    "monthly.csv", "monthly_summary.csv",
                                                    "national_sum.csv", "national_summary.csv",
                                                    "summary.csv"});
    CHECK(read_csv(tmp.path() / "differences.csv").rows.empty());
    CHECK(read_csv(tmp.path() / "kpis.csv").rows.size() ==
          3 * run.results.front().replications.front().kpis.size());
  }
  SECTION("a directory below a regular file cannot be made") {
    std::ofstream(tmp.path() / "plain-file") << "x";
    const fs::path dir = tmp.path() / "plain-file" / "csv";
    CHECK_THROWS_WITH(results::write_csv(dir, run.results, run.meta),
                      Catch::Contains(dir.string()));
    CHECK(tmp.entries() == std::vector<std::string>{"plain-file"});
  }
  SECTION("a file that cannot be replaced: the error names it and nothing is written") {
    fs::create_directories(tmp.path() / "summary.csv" / "occupied");
    CHECK_THROWS_WITH(results::write_csv(tmp.path(), run.results, run.meta),
                      Catch::Contains((tmp.path() / "summary.csv").string()));
    // Every table's place is checked before the first is written: no table, no temporary.
    CHECK(tmp.entries() == std::vector<std::string>{"summary.csv"});
    CHECK(fs::is_directory(tmp.path() / "summary.csv"));
  }
}

}  // namespace
}  // namespace werkstroom::test
