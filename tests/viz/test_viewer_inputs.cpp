// The viewer opens HDF5 files by their schema (issue 16, item 5): a results file brings the
// scenario files it was made from, a robustness file its tab, and any other file named .h5 is
// refused with a message naming it and what the viewer opens (it was parsed as TOML before).

#include <H5Cpp.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "../results/results_test_support.hpp"
#include "../support/temp_dir.hpp"
#include "core/scenario_set.hpp"
#include "results/results.hpp"

namespace werkstroom::test {
namespace {

namespace fs = std::filesystem;

const std::string kScenarios = WERKSTROOM_SCENARIOS_DIR;

TEST_CASE("Viewer inputs: a results file opens the scenarios it was made from", "[viz][inputs]") {
  const TempDir dir("werkstroom-viz-inputs");
  const SmallRun run = make_run(1, 1);
  const fs::path results_file = dir.path() / "run.h5";
  results::write_hdf5(results_file, run.results, run.meta);
  CHECK(results::hdf5_format(results_file) == std::string(results::kFormatName));

  const viz::ViewerInputs inputs =
      viz::sort_viewer_inputs({results_file, kScenarios + "/verification"});
  CHECK(inputs.scenarios == std::vector<fs::path>{kScenarios + "/gooi-en-vechtstreek.toml",
                                                  kScenarios + "/scale-up-3fte.toml",
                                                  kScenarios + "/verification"});
  CHECK_FALSE(inputs.robustness);
  REQUIRE(inputs.notes.size() == 1);
  CHECK_THAT(inputs.notes[0], Catch::Contains("a werkstroom results file; opening its scenarios"));
  // What was opened loads as scenarios.
  CHECK(viz::load_scenario_set(viz::expand_scenario_paths(inputs.scenarios)).size() >= 3);

  // Its scenario files gone: refused, naming them.
  SmallRun moved = run;
  moved.meta.scenario_files = {(dir.path() / "gone.toml").string(),
                               (dir.path() / "also-gone.toml").string()};
  results::write_hdf5(results_file, moved.results, moved.meta);
  CHECK_THROWS_WITH(viz::sort_viewer_inputs({results_file}),
                    Catch::Contains(results_file.string()) && Catch::Contains("gone.toml") &&
                        Catch::Contains("not found"));
  // ... unless they are beside the results file.
  fs::copy_file(kScenarios + "/gooi-en-vechtstreek.toml", dir.path() / "gone.toml");
  fs::copy_file(kScenarios + "/gooi-en-vechtstreek.toml", dir.path() / "also-gone.toml");
  CHECK(viz::sort_viewer_inputs({results_file}).scenarios.size() == 2);
}

TEST_CASE("Viewer inputs: other HDF5 files and .h5 files that are not HDF5 are refused by name",
          "[viz][inputs]") {
  const TempDir dir("werkstroom-viz-inputs");
  // An HDF5 file of another program: no format attribute.
  const fs::path other = dir.path() / "other.h5";
  { const H5::H5File file(other.string(), H5F_ACC_TRUNC); }
  CHECK(results::hdf5_format(other) == std::string());
  CHECK_THROWS_WITH(viz::sort_viewer_inputs({other}),
                    Catch::Contains(other.string()) &&
                        Catch::Contains("not a werkstroom results file") &&
                        Catch::Contains("werkstroom-results"));
  // A text file named .h5.
  const fs::path text = dir.write("notes.h5", "scenario = \"not HDF5\"\n");
  CHECK_FALSE(results::hdf5_format(text));
  CHECK_THROWS_WITH(viz::sort_viewer_inputs({text}),
                    Catch::Contains(text.string()) && Catch::Contains("not an HDF5 file"));
  // A scenario file stays a scenario file, whatever it holds.
  const fs::path toml = dir.write("a.toml", "not parsed here");
  CHECK(viz::sort_viewer_inputs({toml}).scenarios == std::vector<fs::path>{toml});
}

}  // namespace
}  // namespace werkstroom::test
