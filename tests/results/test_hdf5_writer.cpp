// The HDF5 results file against its contract, docs/results-schema.md: written from a small
// experiment, read back with HDF5's C++ API, every promise checked.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "build_info.hpp"
#include "hdf5_read.hpp"
#include "kernel/statistics.hpp"
#include "model/metric_registry.hpp"
#include "model/person.hpp"
#include "results/catalogue.hpp"
#include "results/results.hpp"
#include "results_test_support.hpp"

namespace werkstroom::test {
namespace {

namespace fs = std::filesystem;
using results::RunMetadata;

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// [replication x month] in the file equals `series` of every replication, value for value.
template <class Series>
void check_matrix(const H5::Group& group, const std::string& name,
                  const experiment::ScenarioResults& r, const results::SeriesInfo& info,
                  Series series) {
  INFO("series " << name);
  const Numbers n = number_dataset(group, name);
  const std::size_t months = r.replications.front().month_labels.size();
  REQUIRE(n.shape == std::vector<hsize_t>{r.replications.size(), months});
  std::size_t mismatches = 0;
  for (std::size_t rep = 0; rep < r.replications.size(); ++rep) {
    const std::vector<double>& expected = series(r.replications[rep]);
    for (std::size_t m = 0; m < months; ++m) {
      mismatches += same(n.values[rep * months + m], expected[m]) ? 0 : 1;
    }
  }
  CHECK(mismatches == 0);
  const H5::DataSet ds = group.openDataSet(name);
  CHECK(text_attribute(ds, "unit") == info.unit);
  CHECK(text_attribute(ds, "description") == info.description);
}

// Every dataset below `group` has the attributes `unit` and `description`; returns how many
// datasets there are.
std::size_t check_described(const H5::Group& group, const std::string& path) {
  std::size_t datasets = 0;
  for (const std::string& name : members(group)) {
    const std::string child = path + "/" + name;
    INFO("object " << child);
    const H5O_type_t type = group.childObjType(name);
    if (type == H5O_TYPE_GROUP) {
      datasets += check_described(group.openGroup(name), child);
    } else {
      REQUIRE(type == H5O_TYPE_DATASET);
      const H5::DataSet ds = group.openDataSet(name);
      CHECK(ds.attrExists("unit"));
      CHECK(ds.attrExists("description"));
      if (ds.attrExists("description")) CHECK_FALSE(text_attribute(ds, "description").empty());
      ++datasets;
    }
  }
  return datasets;
}

struct Written {
  TempDir dir;
  fs::path file;
};

void write_small(Written& w) {
  w.file = w.dir.path() / "results.h5";
  results::write_hdf5(w.file, small_run().results, small_run().meta);
}

TEST_CASE("HDF5 results: root attributes and months", "[results]") {
  Written w;
  write_small(w);
  const SmallRun& run = small_run();
  const H5::H5File f(w.file.string(), H5F_ACC_RDONLY);
  CHECK(text_attribute(f, "format") == "werkstroom-results");
  CHECK(int_attribute(f, "format_version") == 1);
  CHECK(text_attribute(f, "version") == werkstroom::version());
  CHECK(text_attribute(f, "revision") == werkstroom::revision());
  CHECK(uint_attribute(f, "master_seed") == run.meta.master_seed);
  CHECK(int_attribute(f, "replications") == 3);
  CHECK(int_attribute(f, "threads") == 2);
  CHECK(text_attribute(f, "started_at") == run.meta.started_at);
  CHECK(text_attribute(f, "command_line") == run.meta.command_line);
  CHECK(text_list_attribute(f, "scenarios") ==
        std::vector<std::string>{"gooi-en-vechtstreek", "scale-up-3fte"});
  CHECK(text_list_attribute(f, "key_figures") == results::key_figure_names());
  CHECK(text_list_attribute(f, "key_figures").size() == model::key_figures().size());

  const std::vector<std::string> months = text_dataset(f, "months");
  CHECK(months == run.results.front().replications.front().month_labels);
  CHECK(months.size() == 24);  // 12 months of service and 12 of follow-up
  CHECK(months.front() == "2020-11");
  CHECK(months.back() == "2022-10");
  CHECK(text_attribute(f.openDataSet("months"), "unit") == "month");

  CHECK(members(f) == std::vector<std::string>{"differences", "marginal", "months", "scenarios"});
  CHECK(members(f.openGroup("marginal")) == std::vector<std::string>{"scale-up-3fte"});
  CHECK(members(f.openGroup("scenarios")) ==
        std::vector<std::string>{"gooi-en-vechtstreek", "scale-up-3fte"});
}

TEST_CASE("HDF5 results: scenario groups hold every monthly series", "[results]") {
  Written w;
  write_small(w);
  const SmallRun& run = small_run();
  const H5::H5File f(w.file.string(), H5F_ACC_RDONLY);
  const auto& indicators = results::indicator_catalogue();
  const auto& worlds = results::world_series_catalogue();
  REQUIRE(indicators.size() == model::kIndicatorCount);
  REQUIRE(worlds.size() == model::kStateCount + 11);  // the running counts and 11 flows
  for (std::size_t s = 0; s < run.results.size(); ++s) {
    const experiment::ScenarioResults& r = run.results[s];
    INFO("scenario " << r.name);
    const H5::Group g = f.openGroup("scenarios/" + r.name);
    CHECK(text_attribute(g, "name") == r.name);
    CHECK(text_attribute(g, "file") == run.meta.scenario_files[s]);
    CHECK(text_attribute(g, "scenario_text") == run.meta.scenario_texts[s]);
    CHECK(text_attribute(g, "scenario_text").find("# ---- ") != std::string::npos);
    CHECK(int_attribute(g, "index") == static_cast<std::int64_t>(s));
    CHECK(text_dataset(g, "months") == r.replications.front().month_labels);
    CHECK(members(g) == std::vector<std::string>{"arrived_by_month_end", "kpis", "monthly",
                                                 "months", "summary", "with_service",
                                                 "without_service"});

    const H5::Group monthly = g.openGroup("monthly");
    CHECK(monthly.getNumObjs() == model::kIndicatorCount);
    for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
      const auto indicator = static_cast<model::Indicator>(i);
      REQUIRE(indicators[i].name == model::kIndicatorNames[i]);
      check_matrix(monthly, model::kIndicatorNames[i], r, indicators[i],
                   [indicator](const model::ReplicationResult& rep) -> const std::vector<double>& {
                     return rep.service.row(indicator);
                   });
    }
    for (const bool with : {true, false}) {
      const H5::Group world = g.openGroup(with ? "with_service" : "without_service");
      CHECK(world.getNumObjs() == worlds.size());
      for (std::size_t k = 0; k < worlds.size(); ++k) {
        check_matrix(world, worlds[k].name, r, worlds[k],
                     [with, k](const model::ReplicationResult& rep) -> const std::vector<double>& {
                       return results::world_series_values(
                           with ? rep.with_service : rep.without_service, k);
                     });
      }
      for (std::size_t st = 0; st < model::kStateCount; ++st) {
        CHECK(world.nameExists(std::string("running_") + model::kStateNames[st]));
      }
    }
    check_matrix(g, "arrived_by_month_end", r, results::arrived_info(),
                 [](const model::ReplicationResult& rep) -> const std::vector<double>& {
                   return rep.arrived_by_month_end;
                 });
  }
  // A spot check by hand, independent of the catalogue: running WW without the service.
  const Numbers ww =
      number_dataset(f.openGroup("scenarios/scale-up-3fte/without_service"), "running_ww");
  const auto& rep2 = run.results[1].replications[2];
  CHECK(ww.values[2 * 24 + 5] ==
        rep2.without_service.running[static_cast<std::size_t>(model::State::ww)][5]);
  CHECK(ww.values[2 * 24 + 5] > 0.0);
}

TEST_CASE("HDF5 results: key figures and their summary", "[results]") {
  Written w;
  write_small(w);
  const SmallRun& run = small_run();
  const H5::H5File f(w.file.string(), H5F_ACC_RDONLY);
  for (const experiment::ScenarioResults& r : run.results) {
    INFO("scenario " << r.name);
    const H5::Group g = f.openGroup("scenarios/" + r.name);
    const H5::Group kpis = g.openGroup("kpis");
    const auto& keys = r.replications.front().kpis;
    CHECK(kpis.getNumObjs() == keys.size());
    for (const auto& [key, value] : keys) {
      INFO("kpi " << key);
      const Numbers n = number_dataset(kpis, key);
      REQUIRE(n.shape == std::vector<hsize_t>{3});
      for (std::size_t rep = 0; rep < 3; ++rep) {
        CHECK(same(n.values[rep], r.replications[rep].kpis.at(key)));
      }
      const model::MetricInfo* info = model::find_metric(key);
      REQUIRE(info != nullptr);
      CHECK(text_attribute(kpis.openDataSet(key), "unit") == info->unit);
      CHECK(text_attribute(kpis.openDataSet(key), "description") == *model::describe_metric(key));
    }
    const std::vector<StatisticsRecord> summary = statistics_table(g, "summary");
    REQUIRE(summary.size() == keys.size());
    // The key figures come first, in report order.
    for (std::size_t i = 0; i < model::key_figures().size(); ++i) {
      CHECK(summary[i].kpi == model::key_figures()[i].name);
      CHECK(summary[i].unit == model::key_figures()[i].unit);
    }
    std::set<std::string> seen;
    for (const StatisticsRecord& row : summary) {
      INFO("kpi " << row.kpi);
      seen.insert(row.kpi);
      const kernel::ReplicationSummary expected =
          kernel::summarise(experiment::kpi_values(r, row.kpi));
      CHECK(same(row.mean, expected.mean));
      CHECK(same(row.sd, expected.sd));
      CHECK(same(row.lower95, expected.lower()));
      CHECK(same(row.upper95, expected.upper()));
      // Replications where the figure exists (NaN elsewhere: MetricInfo::conditional).
      CHECK(row.replications == static_cast<std::int64_t>(expected.replications));
    }
    CHECK(seen.size() == keys.size());
    CHECK(text_attribute(g.openDataSet("summary"), "unit").empty());
  }
}

TEST_CASE("HDF5 results: the national sum of a set of regions", "[results]") {
  const SmallRun& run = small_run();
  Written w;
  write_small(w);  // variants of one region: no national sum
  {
    const H5::H5File f(w.file.string(), H5F_ACC_RDONLY);
    CHECK_FALSE(f.nameExists("national_sum"));
    CHECK(f.nameExists("marginal"));  // options of one region: what each buys
  }
  results::RunMetadata meta = run.meta;
  meta.regions = {"Region A", "Region B"};
  results::write_hdf5(w.file, run.results, meta);
  const H5::H5File f(w.file.string(), H5F_ACC_RDONLY);
  REQUIRE(f.nameExists("national_sum"));
  CHECK_FALSE(f.nameExists("marginal"));  // distinct regions are no options of each other
  const H5::Group g = f.openGroup("national_sum");
  CHECK(text_list_attribute(g, "scenarios") ==
        std::vector<std::string>{run.results[0].name, run.results[1].name});
  CHECK(text_attribute(f.openGroup("scenarios/" + run.results[1].name), "region") == "Region B");
  const H5::Group kpis = g.openGroup("kpis");
  std::size_t additive = 0;
  for (const auto& [key, value] : run.results[0].replications.front().kpis) {
    INFO("kpi " << key);
    const model::MetricInfo* info = model::find_metric(key);
    REQUIRE(info != nullptr);
    if (!info->additive) {
      CHECK_FALSE(kpis.nameExists(key));
      continue;
    }
    ++additive;
    const Numbers n = number_dataset(kpis, key);
    REQUIRE(n.shape == std::vector<hsize_t>{3});
    for (std::size_t rep = 0; rep < 3; ++rep) {
      CHECK(n.values[rep] == Approx(run.results[0].replications[rep].kpis.at(key) +
                                    run.results[1].replications[rep].kpis.at(key))
                                 .epsilon(1e-12));
    }
    CHECK(text_attribute(kpis.openDataSet(key), "unit") == info->unit);
  }
  CHECK(kpis.getNumObjs() == additive);
  CHECK(statistics_table(g, "summary").size() == additive);
}

TEST_CASE("HDF5 results: paired differences against the first scenario", "[results]") {
  Written w;
  write_small(w);
  const SmallRun& run = small_run();
  const H5::H5File f(w.file.string(), H5F_ACC_RDONLY);
  const H5::Group differences = f.openGroup("differences");
  CHECK(members(differences) == std::vector<std::string>{"scale-up-3fte"});
  CHECK(text_attribute(differences.openDataSet("scale-up-3fte"), "versus") ==
        "gooi-en-vechtstreek");
  const std::vector<StatisticsRecord> rows = statistics_table(differences, "scale-up-3fte");
  REQUIRE(rows.size() == run.results[1].replications.front().kpis.size());
  bool some_nonzero = false;
  for (const StatisticsRecord& row : rows) {
    INFO("kpi " << row.kpi);
    const kernel::ReplicationSummary expected =
        kernel::summarise_paired_difference(experiment::kpi_values(run.results[0], row.kpi),
                                            experiment::kpi_values(run.results[1], row.kpi));
    CHECK(same(row.mean, expected.mean));
    CHECK(same(row.sd, expected.sd));
    CHECK(same(row.lower95, expected.lower()));
    CHECK(same(row.upper95, expected.upper()));
    CHECK(row.replications == static_cast<std::int64_t>(expected.replications));
    CHECK(row.unit == results::kpi_catalogue(row.kpi).unit);
    some_nonzero = some_nonzero || row.mean != 0.0;
  }
  CHECK(some_nonzero);
  // The sign: scale-up minus baseline; a third advisor works off more intakes.
  for (const StatisticsRecord& row : rows) {
    if (row.kpi == "intakes") {
      const auto a = experiment::kpi_values(run.results[0], "intakes");
      const auto b = experiment::kpi_values(run.results[1], "intakes");
      CHECK(row.mean == Approx(((b[0] - a[0]) + (b[1] - a[1]) + (b[2] - a[2])) / 3.0));
    }
  }
}

TEST_CASE("HDF5 results: every dataset has a unit and a description", "[results]") {
  Written w;
  write_small(w);
  const H5::H5File f(w.file.string(), H5F_ACC_RDONLY);
  const std::size_t per_scenario = 1 + model::kIndicatorCount +
                                   2 * results::world_series_catalogue().size() + 1 +
                                   small_run().results.front().replications.front().kpis.size() + 1;
  // The marginal table of the second scenario: figure, mean, lower95, upper95, share_better,
  // the two cost ratios and the probability of saving money.
  constexpr std::size_t kMarginal = 8;
  CHECK(check_described(f, "") == 1 + 2 * per_scenario + 1 + kMarginal);
}

TEST_CASE("HDF5 results: written atomically with no temporary file left", "[results]") {
  const SmallRun& run = small_run();
  TempDir dir;
  const fs::path file = dir.path() / "run.h5";
  results::write_hdf5(file, run.results, run.meta);
  CHECK(dir.entries() == std::vector<std::string>{"run.h5"});
  const auto first_size = fs::file_size(file);

  SECTION("a second write replaces the file") {
    std::vector<experiment::ScenarioResults> one = {run.results.front()};
    RunMetadata meta = run.meta;
    meta.scenario_files.resize(1);
    meta.scenario_texts.resize(1);
    results::write_hdf5(file, one, meta);
    CHECK(dir.entries() == std::vector<std::string>{"run.h5"});
    CHECK(fs::file_size(file) < first_size);
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    CHECK(text_list_attribute(f, "scenarios") == std::vector<std::string>{"gooi-en-vechtstreek"});
    CHECK(f.openGroup("differences").getNumObjs() == 0);
  }
  SECTION("a folder that does not exist is made") {
    const fs::path deeper = dir.path() / "new-dir" / "run.h5";
    results::write_hdf5(deeper, run.results, run.meta);
    CHECK(fs::file_size(deeper) == first_size);
  }
  SECTION("a folder that cannot be made: an error naming the path and nothing written") {
    std::ofstream(dir.path() / "plain-file") << "x";
    const fs::path below_file = dir.path() / "plain-file" / "run.h5";
    try {
      results::write_hdf5(below_file, run.results, run.meta);
      FAIL("no exception");
    } catch (const std::invalid_argument& e) {  // io::OutputPathError: a usage error
      CHECK_THAT(e.what(), Catch::Contains(below_file.string()));
      CHECK_THAT(e.what(), Catch::Contains("cannot make the folder"));
    }
    CHECK(dir.entries() == std::vector<std::string>{"plain-file", "run.h5"});
  }
  SECTION("a failure after the temporary file exists removes it and keeps the target") {
    // Renaming onto a non-empty directory fails after the whole file has been written.
    const fs::path target = dir.path() / "occupied";
    fs::create_directory(target);
    std::ofstream(target / "keep.txt") << "keep";
    CHECK_THROWS_WITH(results::write_hdf5(target, run.results, run.meta),
                      Catch::Contains(target.string()));
    CHECK(dir.entries() == std::vector<std::string>{"occupied", "run.h5"});
    CHECK(fs::is_directory(target));
    CHECK(fs::exists(target / "keep.txt"));
  }
  SECTION("incomplete results: an error before anything is written") {
    std::vector<experiment::ScenarioResults> broken = run.results;
    broken[1].replications.pop_back();
    CHECK_THROWS_WITH(results::write_hdf5(dir.path() / "broken.h5", broken, run.meta),
                      Catch::Contains("broken.h5") && Catch::Contains("replications"));
    broken = run.results;
    broken[0].replications[1].with_service.ww_inflow.pop_back();
    CHECK_THROWS_WITH(results::write_hdf5(dir.path() / "broken.h5", broken, run.meta),
                      Catch::Contains("with_service/ww_inflow"));
    broken = run.results;
    broken[1].replications[0].kpis.erase("placements");
    CHECK_THROWS_WITH(results::write_hdf5(dir.path() / "broken.h5", broken, run.meta),
                      Catch::Contains("key figure"));
    RunMetadata meta = run.meta;
    meta.scenario_texts.pop_back();
    CHECK_THROWS_WITH(results::write_hdf5(dir.path() / "broken.h5", run.results, meta),
                      Catch::Contains("scenario texts"));
    CHECK_THROWS_AS(results::write_hdf5(dir.path() / "broken.h5", {}, meta), std::runtime_error);
    CHECK(dir.entries() == std::vector<std::string>{"run.h5"});
  }
}

TEST_CASE("HDF5 results: awkward scenario names become unique group names", "[results]") {
  const SmallRun& run = small_run();
  std::vector<experiment::ScenarioResults> named = {run.results[0], run.results[1], run.results[1]};
  named[0].name = "regio/basis";
  named[1].name = "regio/basis";
  named[2].name = "..";
  RunMetadata meta = run.meta;
  meta.scenario_files.push_back("third.toml");
  meta.scenario_texts.push_back("# third");
  const std::vector<std::string> expected = {"regio_basis", "regio_basis_2", "scenario_.."};
  CHECK(results::file_names(named) == expected);

  TempDir dir;
  const fs::path file = dir.path() / "names.h5";
  results::write_hdf5(file, named, meta);
  const H5::H5File f(file.string(), H5F_ACC_RDONLY);
  CHECK(text_list_attribute(f, "scenarios") == expected);
  CHECK(members(f.openGroup("scenarios")) == expected);
  CHECK(text_attribute(f.openGroup("scenarios/regio_basis_2"), "name") == "regio/basis");
  CHECK(int_attribute(f.openGroup("scenarios/scenario_.."), "index") == 2);
  CHECK(members(f.openGroup("differences")) ==
        std::vector<std::string>{"regio_basis_2", "scenario_.."});
  CHECK(text_attribute(f.openDataSet("differences/scenario_.."), "versus") == "regio_basis");
}

TEST_CASE("The results catalogue describes every series", "[results]") {
  for (const auto* table : {&results::indicator_catalogue(), &results::world_series_catalogue()}) {
    for (const results::SeriesInfo& info : *table) {
      INFO("series " << info.name);
      CHECK_FALSE(info.unit.empty());
      CHECK_FALSE(info.description.empty());
    }
  }
  const SmallRun& run = small_run();
  for (const auto& entry : run.results.front().replications.front().kpis) {
    INFO("kpi " << entry.first);
    CHECK_FALSE(results::kpi_catalogue(entry.first).unit.empty());
  }
  CHECK(results::kpi_catalogue("no_such_figure").unit.empty());
  CHECK(results::iso8601_utc(std::chrono::system_clock::time_point{}) == "1970-01-01T00:00:00Z");
  CHECK(results::iso8601_utc(std::chrono::system_clock::from_time_t(1606780800) +
                             std::chrono::milliseconds(999)) == "2020-12-01T00:00:00Z");
}

/// The marker line "<!-- table: name -->" of a schema table: its name (letters, digits, _).
std::optional<std::string> table_marker(const std::string& line) {
  const std::string open = "<!-- table: ";
  const std::string close = " -->";
  if (line.size() <= open.size() + close.size() || line.rfind(open, 0) != 0 ||
      line.compare(line.size() - close.size(), close.size(), close) != 0) {
    return std::nullopt;
  }
  std::string name = line.substr(open.size(), line.size() - open.size() - close.size());
  const bool word = std::all_of(name.begin(), name.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
  });
  return word ? std::optional<std::string>(name) : std::nullopt;
}

/// A row "| `name` | unit | description |" (a unit without '|') as "name | unit | description".
/// (Parsed by hand: std::regex trips GCC 12's -Wmaybe-uninitialized under the sanitizers.)
std::optional<std::string> table_row(const std::string& line) {
  if (line.rfind("| `", 0) != 0 || line.size() < 6 || line.compare(line.size() - 2, 2, " |") != 0) {
    return std::nullopt;
  }
  const std::size_t name_end = line.find('`', 3);
  if (name_end == std::string::npos || name_end == 3 || line.compare(name_end, 4, "` | ") != 0) {
    return std::nullopt;
  }
  const std::size_t unit_begin = name_end + 4;
  const std::size_t bar = line.find('|', unit_begin);
  if (bar == std::string::npos || bar == unit_begin || line[bar - 1] != ' ' ||
      bar + 2 > line.size() - 2 || line[bar + 1] != ' ') {
    return std::nullopt;
  }
  return line.substr(3, name_end - 3) + " | " + line.substr(unit_begin, bar - 1 - unit_begin) +
         " | " + line.substr(bar + 2, line.size() - 2 - (bar + 2));
}

/// The name tables of the schema page, read as notebooks-data/check_results.py reads them: the
/// rows "| `name` | unit | description |" after a line "<!-- table: marker -->", up to the first
/// line that is not a table line. Each row as "name | unit | description".
std::map<std::string, std::vector<std::string>> schema_tables(const std::string& doc) {
  std::map<std::string, std::vector<std::string>> tables;
  std::vector<std::string>* current = nullptr;
  std::istringstream lines(doc);
  std::string line;
  while (std::getline(lines, line)) {
    if (const auto marker = table_marker(line)) {
      current = &tables[*marker];
    } else if (const auto row = current != nullptr ? table_row(line) : std::nullopt) {
      current->push_back(*row);
    } else if (line.rfind('|', 0) != 0) {
      current = nullptr;
    }
  }
  return tables;
}

/// The rows the schema page must have for registry entries, as schema_tables gives them; a route
/// figure's name as route.<route>.<figure>.
std::vector<std::string> registry_rows(std::span<const model::MetricInfo> entries) {
  std::vector<std::string> rows;
  for (const model::MetricInfo& m : entries) {
    const std::string name =
        m.kind == model::MetricKind::route_figure   ? model::route_key("<route>", m.name)
        : m.kind == model::MetricKind::party_figure ? model::party_key("<party>", m.name)
                                                    : std::string(m.name);
    rows.push_back(name + " | " + std::string(m.unit) + " | " + std::string(m.description));
  }
  return rows;
}

std::string schema_doc() {
  std::ifstream in(WERKSTROOM_SCHEMA_DOC);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("The schema page lists every series with its unit", "[results]") {
  const std::string doc = schema_doc();
  const auto listed = [&doc](const results::SeriesInfo& info) {
    const std::string row =
        "| `" + info.name + "` | " + info.unit + " | " + info.description + " |\n";
    INFO("row " << row);
    CHECK(doc.find(row) != std::string::npos);
  };
  for (const auto& info : results::indicator_catalogue()) listed(info);
  for (const auto& info : results::world_series_catalogue()) {
    // running_<state> is one row for all states.
    if (info.name.rfind("running_", 0) != 0) listed(info);
  }
  CHECK(doc.find("| `running_<state>` | people | people in state `<state>` at the month end") !=
        std::string::npos);
  for (const char* state : model::kStateNames) {
    CHECK(doc.find(std::string("`") + state + "`") != std::string::npos);
  }
  listed(results::arrived_info());
}

// The key-figure tables of the schema page are the registry's, row for row and in order, so a
// figure added to the registry without documentation (or documented but not registered) fails.
TEST_CASE("The schema page's key-figure tables are the metric registry", "[results]") {
  const std::string doc = schema_doc();
  const auto tables = schema_tables(doc);
  REQUIRE(tables.count("key_figures") == 1);
  REQUIRE(tables.count("diagnostic_kpis") == 1);
  REQUIRE(tables.count("route_kpis") == 1);
  REQUIRE(tables.count("party_kpis") == 1);
  CHECK(tables.at("key_figures") == registry_rows(model::key_figures()));
  CHECK(tables.at("diagnostic_kpis") == registry_rows(model::diagnostic_figures()));
  CHECK(tables.at("route_kpis") == registry_rows(model::route_figures()));
  CHECK(tables.at("party_kpis") == registry_rows(model::party_figures()));
  // The root attribute key_figures: "| `key_figures` | string [N] |" with N the registry's.
  const std::string root_row =
      "| `key_figures` | string [" + std::to_string(model::key_figures().size()) + "] |";
  INFO("row " << root_row);
  CHECK(doc.find(root_row) != std::string::npos);
}

}  // namespace
}  // namespace werkstroom::test
