// Joint calibration of several regions (issue 13, item 3): the [[regions]] spec form and its
// errors, the joint distance as the sum of the regions' own distances, recovery of shared and
// regional parameters from data simulated at known values, a joint fit of two identical
// copies of one region against the single-region fit, and the HDF5 file's per-region layout
// as the posterior reader sees it.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/core.h>

#include "../support/temp_dir.hpp"
#include "calibration/calibrate.hpp"
#include "calibration/observables.hpp"
#include "calibration/posterior_hdf5.hpp"
#include "model/region_model.hpp"
#include "scenario/loader.hpp"
#include "scenario/scenario_error.hpp"

using namespace werkstroom;
using werkstroom::scenario::ScenarioError;

namespace {

const std::filesystem::path kData = WERKSTROOM_CALIBRATION_TEST_DATA;
// 24 months Jan 2019 - Dec 2020, all WW inflow through cohort ww_inflow (the recovery test's).
const std::filesystem::path kScenario = kData / "recovery-scenario.toml";
// The base scenario: it has [[uncertainty.parameters]], which the recovery scenario has not.
const std::filesystem::path kBase = kData / "../../../scenarios/gooi-en-vechtstreek.toml";
constexpr double kTrueFindWork = 0.085;
constexpr double kTrueInflowA = 500.0;
constexpr double kTrueInflowB = 300.0;

/// One realisation of the recovery scenario at (inflow, find-work hazard), as monitor data of
/// the running WW benefits and the WW inflow.
std::string simulated_data(double inflow, double find_work, std::uint64_t data_seed) {
  scenario::LoadedScenario s = scenario::load_scenario(kScenario);
  std::string values = "[";
  const std::size_t n = s.parameters.cohorts[static_cast<std::size_t>(model::Cohort::ww_inflow)]
                            .inflow_per_month.size();
  for (std::size_t m = 0; m < n; ++m) values += (m > 0 ? ", " : "") + fmt::format("{}", inflow);
  scenario::apply_override(s, "cohorts.ww_inflow.inflow_per_month", values + "]");
  scenario::apply_override(s, "hazards.ww_find_work.rate_per_month", fmt::format("{}", find_work));
  const model::ReplicationResult r = model::run_replication(s.parameters, {data_seed, 0});
  std::string csv = "month,indicator,value\n";
  for (const std::string& month : r.month_labels) {
    for (const char* indicator : {"ww_benefits_running", "ww_inflow"}) {
      csv += fmt::format("{},{},{}\n", month, indicator,
                         calibration::observe(r, indicator, month).value());
    }
  }
  return csv;
}

/// The settings shared by the fits below: SMM only, small enough for a test of seconds.
const std::string kFitSettings = R"(
[[indicators]]
name = "ww_benefits_running"
relative_error = 0.03

[[indicators]]
name = "ww_inflow"
relative_error = 0.05

[smm]
restarts = 1
max_evaluations = 60
replications = 6

[predict]
draws = 10
)";

const std::string kFindWork = R"(
[[parameters]]
key = "hazards.ww_find_work.rate_per_month"
lower = 0.02
upper = 0.3
transform = "logit"
)";

/// The inflow over all 36 elements of the array, set in `regions` (a TOML array, or "" for the
/// single-region form).
std::string inflow_parameter(const std::string& name, const std::string& regions) {
  return fmt::format(R"(
[[parameters]]
key = "cohorts.ww_inflow.inflow_per_month"
elements = [0, 35]
name = "{}"
lower = 150.0
upper = 1000.0
transform = "log"
{}
)",
                     name, regions.empty() ? "" : "regions = " + regions);
}

std::string two_regions(const std::string& data_a, const std::string& data_b) {
  return fmt::format(R"(seed = 20201101
methods = ["smm"]

[[regions]]
name = "a"
scenario = "{0}"
data = "{1}"

[[regions]]
name = "b"
scenario = "{0}"
data = "{2}"
)",
                     kScenario.generic_string(), data_a, data_b);
}

ScenarioError spec_error(const std::string& text, const std::filesystem::path& file) {
  try {
    (void)calibration::parse_spec(text, file);
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("parsing did not throw a ScenarioError:\n" << text);
  throw std::logic_error("unreachable");
}

std::size_t line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

}  // namespace

TEST_CASE("regions: a two-region spec parses", "[calibration][regions]") {
  const test::TempDir dir("werkstroom-regions-spec");
  dir.write("a.csv", "month,indicator,value\n2019-03,ww_benefits_running,4000\n");
  dir.write("b.csv", "month,indicator,value\n2019-03,ww_benefits_running,3000\n");
  const std::string text = "fit_until = \"2020-06\"\n" + two_regions("a.csv", "b.csv") + kFindWork +
                           inflow_parameter("inflow_a", R"(["a"])") +
                           inflow_parameter("inflow_b", R"(["b"])") + kFitSettings;
  // b gets its own fit_until; a keeps the top-level one.
  const std::string with_own = text.substr(0, text.find("\n", text.find("data = \"b.csv\"")) + 1) +
                               "fit_until = \"2020-03\"\n" +
                               text.substr(text.find("\n", text.find("data = \"b.csv\"")) + 1);
  const calibration::CalibrationSpec spec =
      calibration::parse_spec(with_own, dir.path() / "spec.toml");
  CHECK(spec.multi_region());
  REQUIRE(spec.regions.size() == 2);
  CHECK(spec.regions[0].name == "a");
  CHECK(spec.regions[1].name == "b");
  CHECK(spec.regions[0].data_file == dir.path() / "a.csv");
  CHECK(spec.regions[0].scenario_file == kScenario.lexically_normal());
  CHECK(spec.regions[0].fit_until == "2020-06");
  CHECK(spec.regions[1].fit_until == "2020-03");
  CHECK(spec.scenario_file.empty());
  REQUIRE(spec.parameters.size() == 3);
  CHECK(spec.parameters[0].regions.empty());  // shared
  CHECK(spec.parameters[1].regions == std::vector<std::string>{"a"});
  CHECK(spec.parameters[2].regions == std::vector<std::string>{"b"});
  CHECK(calibration::applies_to(spec.parameters[0], "b"));
  CHECK_FALSE(calibration::applies_to(spec.parameters[1], "b"));
  CHECK(spec.fit_regions().size() == 2);

  // The single-region form is one unnamed region.
  const calibration::CalibrationSpec single = calibration::parse_spec(
      fmt::format("scenario = \"{}\"\ndata = \"a.csv\"\n", kScenario.generic_string()) + kFindWork +
          kFitSettings,
      dir.path() / "single.toml");
  CHECK_FALSE(single.multi_region());
  REQUIRE(single.fit_regions().size() == 1);
  CHECK(single.fit_regions()[0].name.empty());
  CHECK(single.fit_regions()[0].data_file == dir.path() / "a.csv");
}

TEST_CASE("regions: spec errors name the file, the line and the key", "[calibration][regions]") {
  const test::TempDir dir("werkstroom-regions-errors");
  dir.write("a.csv", "month,indicator,value\n2019-03,ww_benefits_running,4000\n");
  dir.write("b.csv", "month,indicator,value\n2019-03,ww_benefits_running,3000\n");
  const std::filesystem::path file = dir.path() / "bad.toml";
  const auto check = [&](const std::string& text, const std::string& needle,
                         const std::string& key_path,
                         std::initializer_list<std::string> fragments) {
    const ScenarioError e = spec_error(text, file);
    const std::string message = e.what();
    INFO("message: " << message);
    CHECK(e.line() == line_of(text, needle));
    CHECK_THAT(message, Catch::Contains("bad.toml:" + std::to_string(e.line()) + ":"));
    CHECK(e.key_path() == key_path);
    for (const std::string& f : fragments) CHECK_THAT(message, Catch::Contains(f));
  };
  const std::string base = two_regions("a.csv", "b.csv");

  SECTION("an unknown region in regions = [...]") {
    const std::string text =
        base + kFindWork + inflow_parameter("inflow_a", R"(["a", "c"])") + kFitSettings;
    check(text, R"(["a", "c"])", "parameters[1].regions[1]",
          {"the name of a region of the spec", "\"a\", \"b\"", "\"c\""});
  }
  SECTION("duplicate region names") {
    std::string text = base + kFindWork + kFitSettings;
    text.replace(text.find("name = \"b\""), 10, "name = \"a\"");
    const std::size_t second = text.find("name = \"a\"", text.find("name = \"a\"") + 1);
    const ScenarioError e = spec_error(text, file);
    INFO(e.what());
    CHECK(e.line() == line_of(text.substr(0, second) + "@", "@"));
    CHECK(e.key_path() == "regions[1].name");
    CHECK_THAT(std::string(e.what()), Catch::Contains("a name no other region has"));
    CHECK_THAT(std::string(e.what()),
               Catch::Contains("also the name of the region on line " +
                               std::to_string(line_of(text, "name = \"a\""))));
  }
  SECTION("a regional key missing from that region's scenario") {
    // The base scenario has [[uncertainty.parameters]]; the recovery scenario has none, so
    // uncertainty.parameters[0].upper is a key of the one and not of the other.
    std::string text = base + R"(
[[parameters]]
key = "uncertainty.parameters[0].upper"
regions = ["b"]
lower = 0.0
upper = 1.0
)" + kFitSettings;
    text.replace(text.find(kScenario.generic_string()), kScenario.generic_string().size(),
                 kBase.generic_string());  // region a: the base scenario
    check(text, "key = \"uncertainty", "parameters[0].key",
          {"a number parameter of the scenario", "recovery-scenario.toml (region \"b\")",
           "\"uncertainty.parameters[0].upper\""});
    // The same parameter set in region a (whose scenario has the key) is accepted.
    std::string in_a = text;
    in_a.replace(in_a.find(R"(regions = ["b"])"), 15, R"(regions = ["a"])");
    CHECK_NOTHROW(calibration::parse_spec(in_a, file));
  }
  SECTION("a shared key missing from one region's scenario") {
    std::string text = base + R"(
[[parameters]]
key = "uncertainty.parameters[0].upper"
lower = 0.0
upper = 1.0
)" + kFitSettings;
    text.replace(text.find(kScenario.generic_string()), kScenario.generic_string().size(),
                 kBase.generic_string());
    check(text, "key = \"uncertainty", "parameters[0].key", {"(region \"b\")"});
  }
  SECTION("two parameters fit one value of a region") {
    const std::string text = base + kFindWork + inflow_parameter("inflow", "") +
                             inflow_parameter("inflow_a", R"(["a"])") + kFitSettings;
    check(text, "elements = [0, 35]\nname = \"inflow_a\"", "parameters[2].elements",
          {"a scenario value fitted by one parameter only"});
  }
  SECTION("regions = [...] in the single-region form") {
    const std::string text =
        fmt::format("scenario = \"{}\"\ndata = \"a.csv\"\n", kScenario.generic_string()) +
        inflow_parameter("inflow", R"(["a"])") + kFitSettings;
    check(text, R"(regions = ["a"])", "parameters[0].regions",
          {"no regions (the spec has a single scenario"});
  }
  SECTION("a top-level scenario beside [[regions]]") {
    const std::string text = fmt::format("scenario = \"{}\"\n", kScenario.generic_string()) + base +
                             kFindWork + kFitSettings;
    check(text, "scenario = ", "scenario", {"no top-level scenario when the spec lists"});
  }
  SECTION("a bad region name") {
    std::string text = base + kFindWork + kFitSettings;
    text.replace(text.find("name = \"b\""), 10, "name = \"b/c\"");
    check(text, "name = \"b/c\"", "regions[1].name", {"letters, digits", "\"b/c\""});
  }
}

TEST_CASE("regions: the joint distance is the sum of the regions' distances",
          "[calibration][regions]") {
  // Independent of the fit: a single-region evaluator of each region, run with the seed the
  // joint evaluator gives that region, and with that region's values only, must give the
  // joint evaluator's paths and distances bit for bit.
  const test::TempDir dir("werkstroom-regions-sum");
  dir.write("a.csv", simulated_data(kTrueInflowA, kTrueFindWork, 11));
  dir.write("b.csv", simulated_data(kTrueInflowB, kTrueFindWork, 12));
  const calibration::CalibrationSpec joint = calibration::parse_spec(
      two_regions("a.csv", "b.csv") + kFindWork + inflow_parameter("inflow_a", R"(["a"])") +
          inflow_parameter("inflow_b", R"(["b"])") + kFitSettings,
      dir.path() / "joint.toml");
  const std::vector<calibration::MonitorData> data = calibration::read_spec_data(joint);
  calibration::Evaluator evaluator(joint, data, 2);
  REQUIRE(evaluator.indicators() == std::vector<std::string>{"a:ww_benefits_running", "a:ww_inflow",
                                                             "b:ww_benefits_running",
                                                             "b:ww_inflow"});
  const std::vector<double> values{0.07, 450.0, 320.0};
  constexpr std::uint64_t kSeed = 99;
  const calibration::Evaluation both = evaluator.evaluate(values, kSeed, 3);

  double sum = 0.0;
  for (const auto& [region, value, file] :
       {std::tuple{"a", values[1], "a.csv"}, std::tuple{"b", values[2], "b.csv"}}) {
    const calibration::CalibrationSpec single = calibration::parse_spec(
        fmt::format("scenario = \"{}\"\ndata = \"{}\"\n", kScenario.generic_string(), file) +
            kFindWork + inflow_parameter("inflow", "") + kFitSettings,
        dir.path() / "single.toml");
    calibration::Evaluator one(single, calibration::read_spec_data(single), 2);
    const calibration::Evaluation e =
        one.evaluate({values[0], value}, calibration::region_seed(kSeed, region), 3);
    sum += e.distance;
    const std::size_t offset = std::string(region) == "a" ? 0 : 2;
    for (std::size_t i = 0; i < 2; ++i) {
      REQUIRE(e.paths[i].size() == both.paths[offset + i].size());
      CHECK(e.paths[i] == both.paths[offset + i]);
    }
  }
  CHECK(both.distance == Approx(sum).epsilon(1e-12));
  // The regions' seeds differ from each other (independent noise).
  CHECK(calibration::region_seed(kSeed, "a") != calibration::region_seed(kSeed, "b"));
  CHECK(calibration::region_seed(kSeed, "") == kSeed);
}

TEST_CASE("regions: a joint fit recovers shared and regional parameters",
          "[calibration][regions]") {
  const test::TempDir dir("werkstroom-regions-recovery");
  dir.write("a.csv", simulated_data(kTrueInflowA, kTrueFindWork, 777));
  dir.write("b.csv", simulated_data(kTrueInflowB, kTrueFindWork, 778));
  const calibration::CalibrationSpec spec = calibration::parse_spec(
      two_regions("a.csv", "b.csv") + kFindWork + inflow_parameter("inflow_a", R"(["a"])") +
          inflow_parameter("inflow_b", R"(["b"])") + kFitSettings,
      dir.path() / "joint.toml");
  calibration::CalibrateOptions options;
  options.threads = 2;
  const calibration::CalibrationRun run =
      calibration::calibrate(spec, calibration::read_spec_data(spec), options);
  REQUIRE(run.smm.has_value());
  const std::vector<double> truth{kTrueFindWork, kTrueInflowA, kTrueInflowB};
  for (std::size_t i = 0; i < truth.size(); ++i) {
    INFO(spec.parameters[i].name << ": estimate " << run.smm->estimate[i] << " +- "
                                 << run.smm->standard_errors[i] << ", truth " << truth[i]);
    // Within 10% of the truth (as the single-region recovery test), and within a few
    // standard errors: 3 for the shared hazard, 5 for a region's inflow, whose sandwich
    // standard error (a lower bound, docs/calibration.md) leaves out that the one data
    // realisation's inflow rows carry its Poisson noise (sd of a 24-month mean of ~300 a month:
    // ~3.5, the size of the standard error itself).
    CHECK(std::abs(run.smm->estimate[i] - truth[i]) <= 0.10 * truth[i]);
    REQUIRE(std::isfinite(run.smm->standard_errors[i]));
    const double bands = i == 0 ? 3.0 : 5.0;
    CHECK(std::abs(run.smm->estimate[i] - truth[i]) <= bands * run.smm->standard_errors[i]);
  }
  // Identification: every parameter is informed by the data (SMM standard errors).
  REQUIRE(run.identification.size() == 3);
  for (const calibration::IdentificationRow& row : run.identification) {
    INFO(row.parameter << " width ratio " << row.width_ratio);
    CHECK(row.verdict == "pinned by the data");
  }

  // The HDF5 file: per region its data and bands; the posterior reader gives all parameters,
  // or a region's (the shared ones and its own).
  const std::filesystem::path h5 = dir.path() / "joint.h5";
  calibration::write_calibration_hdf5(h5, run);
  const model::PosteriorSample all = calibration::read_posterior_hdf5(h5);
  CHECK(all.keys.size() == 3);
  const model::PosteriorSample b = calibration::read_posterior_hdf5(h5, "b");
  REQUIRE(b.keys == std::vector<std::string>{"hazards.ww_find_work.rate_per_month",
                                             "cohorts.ww_inflow.inflow_per_month"});
  REQUIRE(b.particles.size() == all.particles.size());
  for (std::size_t k = 0; k < b.particles.size(); ++k) {
    CHECK(b.particles[k][0] == all.particles[k][0]);
    CHECK(b.particles[k][1] == all.particles[k][2]);
  }
  CHECK_THROWS_AS(calibration::read_posterior_hdf5(h5, "c"), ScenarioError);
  // One calibrated scenario per region, each with its own inflow.
  const std::filesystem::path scenario_out = dir.path() / "calibrated.toml";
  calibration::write_calibrated_scenario(scenario_out, run, h5);
  const std::vector<std::filesystem::path> paths =
      calibration::calibrated_scenario_paths(scenario_out, run);
  REQUIRE(paths.size() == 2);
  CHECK(paths[1].filename() == "calibrated-b.toml");
  const scenario::LoadedScenario calibrated_b = scenario::load_scenario(paths[1]);
  CHECK(calibrated_b.parameters.cohorts[static_cast<std::size_t>(model::Cohort::ww_inflow)]
            .inflow_per_month.front() == Approx(run.point[2]));
}

TEST_CASE("regions: two identical copies of a region give the single-region estimate",
          "[calibration][regions]") {
  // Property: fitting one region's data twice over (two regions with the same scenario and the
  // same data, each with its own inflow) estimates the shared hazard as the single-region fit
  // does; the copies' independent simulation noise averages, so the two agree to well within
  // the single fit's standard error, and each copy's inflow agrees with the single inflow.
  const test::TempDir dir("werkstroom-regions-copies");
  dir.write("a.csv", simulated_data(kTrueInflowA, kTrueFindWork, 4242));
  const calibration::CalibrationSpec single = calibration::parse_spec(
      fmt::format("seed = 20201101\nmethods = [\"smm\"]\nscenario = \"{}\"\ndata = \"a.csv\"\n",
                  kScenario.generic_string()) +
          kFindWork + inflow_parameter("inflow", "") + kFitSettings,
      dir.path() / "single.toml");
  const calibration::CalibrationSpec joint = calibration::parse_spec(
      two_regions("a.csv", "a.csv") + kFindWork + inflow_parameter("inflow_a", R"(["a"])") +
          inflow_parameter("inflow_b", R"(["b"])") + kFitSettings,
      dir.path() / "joint.toml");
  calibration::CalibrateOptions options;
  options.threads = 2;
  const calibration::CalibrationRun one =
      calibration::calibrate(single, calibration::read_spec_data(single), options);
  const calibration::CalibrationRun two =
      calibration::calibrate(joint, calibration::read_spec_data(joint), options);
  REQUIRE(one.smm.has_value());
  REQUIRE(two.smm.has_value());
  const double se_hazard = one.smm->standard_errors[0];
  const double se_inflow = one.smm->standard_errors[1];
  REQUIRE(std::isfinite(se_hazard));
  INFO("single: hazard " << one.smm->estimate[0] << " +- " << se_hazard << ", inflow "
                         << one.smm->estimate[1] << " +- " << se_inflow << "; joint: hazard "
                         << two.smm->estimate[0] << ", inflows " << two.smm->estimate[1] << ", "
                         << two.smm->estimate[2]);
  CHECK(std::abs(two.smm->estimate[0] - one.smm->estimate[0]) <= se_hazard);
  CHECK(std::abs(two.smm->estimate[1] - one.smm->estimate[1]) <= se_inflow);
  CHECK(std::abs(two.smm->estimate[2] - one.smm->estimate[1]) <= se_inflow);
  // The data count twice: the joint distance at its optimum is about twice the single one
  // (the copies' simulation noise differs, so not exactly).
  CHECK(two.smm->distance == Approx(2.0 * one.smm->distance).epsilon(0.25));
}
