// Key figures kept as columns (experiment::KpiColumns), in memory or in a scratch file
// (io/scratch_columns.hpp): the scratch file gives back exactly what was added, across block
// boundaries, by column, after copies; it leaves nothing in the temporary folder; and a folder
// it cannot use is an error naming the folder. Independent check: the same values kept in a
// plain std::vector per key.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/national_sum.hpp"
#include "io/scratch_columns.hpp"

using namespace werkstroom;

namespace {

// A temporary folder of the test's own, as TMPDIR while it lives.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kpi-columns-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
    const char* old = std::getenv("TMPDIR");
    if (old != nullptr) old_ = old;
    had_old_ = old != nullptr;
    setenv("TMPDIR", path_.c_str(), 1);
  }
  ~TemporaryFolder() {
    if (had_old_) {
      setenv("TMPDIR", old_.c_str(), 1);
    } else {
      unsetenv("TMPDIR");
    }
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] bool empty() const { return std::filesystem::is_empty(path_); }

 private:
  std::filesystem::path path_;
  std::string old_;
  bool had_old_ = false;
};

// Replication r's key figures: distinct, not round values, so a misplaced one shows.
model::ReplicationResult replication(std::size_t r) {
  model::ReplicationResult rep;
  rep.month_labels = {"2021-01", "2021-02"};
  rep.kpis["a_placements"] = 0.5 + static_cast<double>(r);
  rep.kpis["b_cost_eur"] = 1000.0 / (1.0 + static_cast<double>(r));
  rep.kpis["c_wait"] = -static_cast<double>(r * r) / 7.0;
  return rep;
}

std::vector<std::vector<double>> expected(std::size_t n) {
  std::vector<std::vector<double>> out(3);
  for (std::size_t r = 0; r < n; ++r) {
    std::size_t k = 0;
    for (const auto& entry : replication(r).kpis) out[k++].push_back(entry.second);
  }
  return out;
}

}  // namespace

TEST_CASE("kpi columns: a scratch file gives back every value, across block boundaries",
          "[experiment][streaming]") {
  const TemporaryFolder tmp;
  // Around the block size: less than one block, exactly one, more than two with a rest.
  for (const std::size_t n : {std::size_t{1}, experiment::KpiColumns::kBlockRows,
                              2 * experiment::KpiColumns::kBlockRows + 37}) {
    auto columns = experiment::KpiColumns::in_scratch_file(n);
    experiment::KpiColumns memory;
    for (std::size_t r = 0; r < n; ++r) {
      columns.add(replication(r));
      memory.add(replication(r));
    }
    CHECK(columns.in_scratch_file());
    CHECK_FALSE(memory.in_scratch_file());
    CHECK(columns.replications() == n);
    CHECK(columns.keys() == std::vector<std::string>{"a_placements", "b_cost_eur", "c_wait"});
    CHECK(columns.month_labels() == std::vector<std::string>{"2021-01", "2021-02"});
    const auto want = expected(n);
    for (std::size_t k = 0; k < 3; ++k) {
      CHECK(columns.column(k) == want[k]);
      CHECK(memory.column(k) == want[k]);
    }
    // Only the descriptor holds the file: nothing in the folder even while it is in use.
    CHECK(tmp.empty());
  }
  CHECK(tmp.empty());
}

TEST_CASE("kpi columns: a copy has its own values", "[experiment][streaming]") {
  const TemporaryFolder tmp;
  const std::size_t n = experiment::KpiColumns::kBlockRows + 5;
  auto original = experiment::KpiColumns::in_scratch_file(n + 1);
  for (std::size_t r = 0; r < n; ++r) original.add(replication(r));
  experiment::KpiColumns copy = original;
  original.add(replication(n));  // changes the original only
  const auto want = expected(n);
  CHECK(copy.replications() == n);
  CHECK(copy.column(2) == want[2]);
  CHECK(original.column(2) == expected(n + 1)[2]);
  experiment::KpiColumns assigned;
  assigned = copy;
  CHECK(assigned.column(0) == want[0]);
  CHECK(tmp.empty());
}

TEST_CASE("kpi columns: refuse what does not fit", "[experiment][streaming]") {
  const TemporaryFolder tmp;
  auto columns = experiment::KpiColumns::in_scratch_file(2);
  columns.add(replication(0));
  model::ReplicationResult other = replication(1);
  other.kpis["d_more"] = 1.0;
  CHECK_THROWS_WITH(columns.add(other), "replication 1: key figures differ from replication 0");
  other = replication(1);
  other.month_labels.pop_back();
  CHECK_THROWS_WITH(columns.add(other), "replication 1: month labels differ from replication 0");
  columns.add(replication(1));
  CHECK_THROWS_WITH(columns.add(replication(2)),
                    "replication 2: more replications than the scratch file holds");
  CHECK_THROWS_AS(columns.column(3), std::out_of_range);
}

TEST_CASE("kpi columns: by column (the national sum), in a scratch file or in memory",
          "[experiment][streaming]") {
  const TemporaryFolder tmp;
  const std::size_t n = 2 * experiment::KpiColumns::kBlockRows + 3;
  // Two regions streamed (scratch files): their sum is in a scratch file too and adds up
  // replication by replication.
  std::vector<experiment::ScenarioResults> regions(2);
  for (std::size_t s = 0; s < 2; ++s) {
    regions[s].name = s == 0 ? "Twente" : "Drenthe";
    regions[s].columns.emplace(experiment::KpiColumns::in_scratch_file(n));
    for (std::size_t r = 0; r < n; ++r) {
      model::ReplicationResult rep;
      rep.month_labels = {"2021-01"};
      rep.kpis["placements"] = static_cast<double>(r + 10 * s);
      rep.kpis["cost_eur"] = 0.25 * static_cast<double>(r);
      rep.kpis["wait_p90_working_days"] = 3.0;  // not additive: left out of the sum
      regions[s].columns->add(rep);
    }
  }
  const experiment::ScenarioResults sum = experiment::national_sum(regions);
  REQUIRE(sum.columns);
  CHECK(sum.columns->in_scratch_file());
  CHECK(sum.columns->replications() == n);
  CHECK(sum.columns->keys() == std::vector<std::string>{"cost_eur", "placements"});
  CHECK(sum.columns->month_labels() == std::vector<std::string>{"2021-01"});
  const std::vector<double> placements = experiment::kpi_values(sum, "placements");
  const std::vector<double> cost = experiment::kpi_values(sum, "cost_eur");
  REQUIRE(placements.size() == n);
  for (std::size_t r = 0; r < n; ++r) {
    CHECK(placements[r] == static_cast<double>(2 * r + 10));
    CHECK(cost[r] == 0.5 * static_cast<double>(r));
  }
  // Columns must come in key order, of one length, never after replications.
  experiment::KpiColumns memory;
  memory.add_column("b", {1.0, 2.0});
  CHECK(memory.column(0) == std::vector<double>{1.0, 2.0});
  CHECK_THROWS_AS(memory.add_column("a", {1.0, 2.0}), std::invalid_argument);
  CHECK_THROWS_AS(memory.add_column("c", {1.0}), std::invalid_argument);
  CHECK_THROWS_AS(memory.add(replication(0)), std::runtime_error);
  CHECK(tmp.empty());
}

TEST_CASE("scratch columns: rows never written read as 0, out of range is refused",
          "[experiment][streaming]") {
  const TemporaryFolder tmp;
  io::ScratchColumns scratch(4);
  const std::vector<double> written{1.5, -2.5};
  scratch.write(3, 1, written);  // column 3, rows 1-2: columns 0-2 and row 0, 3 never written
  std::vector<double> out(4, 9.0);
  scratch.read(3, 0, out);
  CHECK(out == std::vector<double>{0.0, 1.5, -2.5, 0.0});
  scratch.read(0, 0, out);
  CHECK(out == std::vector<double>{0.0, 0.0, 0.0, 0.0});
  std::vector<double> five(5);
  CHECK_THROWS_AS(scratch.read(0, 0, five), std::out_of_range);
  CHECK_THROWS_AS(scratch.write(0, 3, written), std::out_of_range);
  io::ScratchColumns moved = std::move(scratch);
  moved.read(3, 1, std::span<double>(out.data(), 2));
  CHECK(out[0] == 1.5);
}

TEST_CASE("scratch columns: a temporary folder that cannot take the file is named",
          "[experiment][streaming]") {
  const TemporaryFolder tmp;
  const std::filesystem::path missing = tmp.path() / "no-such-folder";
  setenv("TMPDIR", missing.c_str(), 1);
  // std::filesystem::temp_directory_path itself refuses a TMPDIR that is no folder; either way
  // the error names it.
  try {
    io::ScratchColumns scratch(10);
    FAIL("a scratch file was made in a missing folder");
  } catch (const std::exception& e) {
    CHECK_THAT(e.what(), Catch::Contains("no-such-folder"));
  }
}
