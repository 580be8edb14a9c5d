// Not run by default (hidden tag): writes the results file that tests/results/run_notebook.sh
// checks with notebooks-data/check_results.py and runs notebooks-data/compare.ipynb on.

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "results/results.hpp"
#include "results_test_support.hpp"

namespace werkstroom::test {
namespace {

TEST_CASE("Results file for the notebook", "[.notebook]") {
  const char* target = std::getenv("WERKSTROOM_NOTEBOOK_RESULTS");
  if (target == nullptr || *target == '\0') {
    FAIL("set WERKSTROOM_NOTEBOOK_RESULTS to the results file to write");
  }
  SmallRun run = make_run(20, 2);
  run.meta.started_at = results::iso8601_utc(std::chrono::system_clock::now());
  run.meta.command_line = "werkstroom_results_tests [notebook]";
  const std::filesystem::path file = target;
  results::write_hdf5(file, run.results, run.meta);
  CHECK(std::filesystem::exists(file));
  // The CSV tables next to it, for check_results.py --csv.
  std::filesystem::path csv_dir = file;
  csv_dir += ".csv";
  results::write_csv(csv_dir, run.results, run.meta);
  CHECK(std::filesystem::exists(csv_dir / "kpis.csv"));
}

}  // namespace
}  // namespace werkstroom::test
