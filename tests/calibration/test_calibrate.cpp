// A whole calibration on a small problem: the same result for any thread count, a run resumed
// from its journal gives the same result without simulating again, the HDF5 file and the
// calibrated scenario hold what the run found, and Ctrl-C stops it.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <fmt/core.h>

#include "../results/hdf5_read.hpp"
#include "../support/temp_dir.hpp"
#include "calibration/calibrate.hpp"
#include "calibration/posterior_hdf5.hpp"
#include "experiment/experiment.hpp"
#include "scenario/loader.hpp"
#include "scenario/posterior_file.hpp"
#include "scenario/replication_draws.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kDataDir = WERKSTROOM_CALIBRATION_TEST_DATA;

/// The running WW of the recovery scenario (24 months) with three parameters, SMM and ABC with
/// few evaluations: what matters here is the machinery, not the fit.
calibration::CalibrationSpec small_spec(const test::TempDir& dir) {
  std::string csv = "month,indicator,value,stderr\n";
  const int running[] = {3900, 3700, 3600, 3500, 3450, 3400, 3380, 3370, 3360, 3350, 3345, 3340};
  for (int m = 0; m < 12; ++m) {
    csv += fmt::format("2019-{:02},ww_benefits_running,{},100\n", m + 1, running[m]);
  }
  dir.write("data.csv", csv);
  const std::string text = fmt::format(R"(scenario = "{}"
data = "data.csv"
seed = 7
methods = ["smm", "abc"]
[[parameters]]
key = "cohorts.ww_inflow.inflow_per_month"
elements = [0, 35]
lower = 200.0
upper = 900.0
transform = "log"
[[parameters]]
key = "hazards.ww_find_work.rate_per_month"
lower = 0.02
upper = 0.3
transform = "logit"
[[indicators]]
name = "ww_benefits_running"
absolute_error = 1.0
[smm]
restarts = 1
max_evaluations = 12
replications = 3
[abc]
particles = 24
generations = 2
[predict]
draws = 8
)",
                                       (kDataDir / "recovery-scenario.toml").generic_string());
  return calibration::parse_spec(text, dir.write("spec.toml", text));
}

void require_same(const calibration::CalibrationRun& a, const calibration::CalibrationRun& b) {
  REQUIRE(a.smm.has_value());
  REQUIRE(b.smm.has_value());
  CHECK(a.smm->estimate == b.smm->estimate);
  CHECK(a.smm->distance == b.smm->distance);
  REQUIRE(a.smm->standard_errors.size() == b.smm->standard_errors.size());
  for (std::size_t i = 0; i < a.smm->standard_errors.size(); ++i) {
    const double x = a.smm->standard_errors[i];
    const double y = b.smm->standard_errors[i];
    CHECK((x == y || (std::isnan(x) && std::isnan(y))));
  }
  REQUIRE(a.abc.has_value());
  REQUIRE(b.abc.has_value());
  CHECK(a.abc->particles == b.abc->particles);
  CHECK(a.abc->weights == b.abc->weights);
  CHECK(a.predictive.median == b.predictive.median);
  CHECK(a.point == b.point);
}

}  // namespace

TEST_CASE("a calibration gives the same result for any thread count", "[calibration]") {
  const test::TempDir dir("werkstroom-calibrate");
  const calibration::CalibrationSpec spec = small_spec(dir);
  const calibration::MonitorData data = calibration::read_monitor_data(spec.data_file);
  calibration::CalibrateOptions one;
  one.threads = 1;
  calibration::CalibrateOptions three;
  three.threads = 3;
  require_same(calibration::calibrate(spec, data, one), calibration::calibrate(spec, data, three));
}

TEST_CASE("a calibration resumed from its journal ends with the same result", "[calibration]") {
  const test::TempDir dir("werkstroom-calibrate");
  const calibration::CalibrationSpec spec = small_spec(dir);
  const calibration::MonitorData data = calibration::read_monitor_data(spec.data_file);
  calibration::CalibrateOptions options;
  options.threads = 2;
  options.journal = dir.path() / "journal.txt";
  const calibration::CalibrationRun first = calibration::calibrate(spec, data, options);
  // (Within a run, an evaluation asked for twice -- the estimate, say -- is reused too.)
  const calibration::CalibrationRun again = calibration::calibrate(spec, data, options);
  require_same(first, again);
  // Everything but the covariance sample at the estimate (always simulated) came from the file.
  CHECK(again.journal_hits > first.journal_hits);
  CHECK(again.simulations < first.simulations / 2);

  // A journal cut in the middle of a line (a killed run) still resumes.
  {
    std::string text;
    {
      std::ifstream in(*options.journal);
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::ofstream out(*options.journal, std::ios::trunc);
    out << text.substr(0, text.size() * 2 / 3);
  }
  require_same(first, calibration::calibrate(spec, data, options));

  // A journal of another calibration is refused.
  calibration::CalibrationSpec other = spec;
  other.indicators.push_back({"ww_inflow", 1.0, 0.05, 0.0});
  CHECK_THROWS_AS(calibration::calibrate(other, data, options), calibration::DataError);
}

TEST_CASE("the calibration file and the calibrated scenario hold the result", "[calibration]") {
  const test::TempDir dir("werkstroom-calibrate");
  const calibration::CalibrationSpec spec = small_spec(dir);
  const calibration::MonitorData data = calibration::read_monitor_data(spec.data_file);
  const calibration::CalibrationRun run = calibration::calibrate(spec, data, {});
  const std::filesystem::path h5 = dir.path() / "fit.h5";
  const std::filesystem::path toml = dir.path() / "fit-scenario.toml";
  calibration::write_calibration_hdf5(h5, run);
  calibration::write_calibrated_scenario(toml, run, h5);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);  // none left
  }

  const H5::H5File f(h5.string(), H5F_ACC_RDONLY);
  CHECK(test::text_attribute(f.openGroup("/"), "schema") == "werkstroom-calibration/1");
  CHECK(test::number_dataset(f.openGroup("/parameters"), "calibrated").values == run.point);
  CHECK(test::number_dataset(f.openGroup("/smm"), "estimate").values == run.smm->estimate);
  const test::Numbers particles = test::number_dataset(f.openGroup("/abc"), "particles");
  CHECK(particles.shape == std::vector<hsize_t>{24, 2});
  CHECK(test::number_dataset(f.openGroup("/abc"), "weights").values == run.abc->weights);
  const test::Numbers evals = test::number_dataset(f.openGroup("/evaluations"), "distance");
  CHECK(evals.values.size() == run.evaluations.size());
  CHECK(test::number_dataset(f.openGroup("/predictive/ww_benefits_running"), "median").values ==
        run.predictive.median[0]);
  CHECK(test::text_dataset(f.openGroup("/targets"), "month").size() == 12);

  // The calibrated scenario: the base with the calibrated values, labelled with the file.
  const scenario::LoadedScenario calibrated = scenario::load_scenario(toml);
  CHECK(calibrated.parameters.hazards.ww_find_work.rate_per_month == run.point[1]);
  CHECK(calibrated.parameters.cohorts[static_cast<std::size_t>(model::Cohort::ww_inflow)]
            .inflow_per_month.front() == run.point[0]);
  CHECK(calibrated.sources.at("hazards.ww_find_work.rate_per_month") == "calibrated: fit.h5");
  CHECK(calibrated.sources.at("cohorts.ww_inflow.inflow_per_month") == "calibrated: fit.h5");

  // The file's posterior is what a run draws from (--posterior fit.h5): the ABC particles with
  // their weights, under the spec's keys and element ranges.
  const model::PosteriorSample posterior = calibration::read_posterior_hdf5(h5);
  REQUIRE(posterior.keys.size() == spec.parameters.size());
  for (std::size_t k = 0; k < spec.parameters.size(); ++k) {
    CHECK(posterior.keys[k] == spec.parameters[k].key);
    const auto& elements = spec.parameters[k].elements;
    CHECK(posterior.first_element[k] == (elements ? elements->first : -1));
    CHECK(posterior.last_element[k] == (elements ? elements->second : -1));
  }
  CHECK(posterior.weights == run.abc->weights);
  REQUIRE(posterior.particles.size() == static_cast<std::size_t>(run.abc->particles.rows()));
  for (std::size_t i = 0; i < posterior.particles.size(); ++i) {
    for (std::size_t k = 0; k < posterior.keys.size(); ++k) {
      CHECK(posterior.particles[i][k] ==
            run.abc->particles(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)));
    }
  }
  scenario::LoadedScenario with_posterior = scenario::load_scenario(spec.scenario_file);
  scenario::check_posterior(with_posterior.parameters, posterior);
  with_posterior.parameters.uncertainty.posterior_sample =
      std::make_shared<const model::PosteriorSample>(posterior);
  const model::ModelParameters drawn =
      scenario::draw_replication_parameters(with_posterior.parameters, {3, 0});
  bool is_a_particle = false;
  for (const std::vector<double>& particle : posterior.particles) {
    is_a_particle = is_a_particle || particle.back() == drawn.hazards.ww_find_work.rate_per_month;
  }
  CHECK(is_a_particle);
}

TEST_CASE("a calibration stops when asked to", "[calibration]") {
  const test::TempDir dir("werkstroom-calibrate");
  const calibration::CalibrationSpec spec = small_spec(dir);
  const calibration::MonitorData data = calibration::read_monitor_data(spec.data_file);
  const std::atomic<bool> stop{true};
  calibration::CalibrateOptions options;
  options.stop = &stop;
  CHECK_THROWS_AS(calibration::calibrate(spec, data, options), experiment::Interrupted);
}

TEST_CASE("SMM with one replication per evaluation makes no seed refits", "[calibration]") {
  // One replication gives no Omega and so no standard errors: refits would be wasted work.
  const test::TempDir dir("werkstroom-calibrate");
  calibration::CalibrationSpec spec = small_spec(dir);
  spec.methods = {"smm"};
  spec.smm.replications = 1;
  const calibration::MonitorData data = calibration::read_monitor_data(spec.data_file);
  calibration::CalibrateOptions options;
  options.threads = 2;
  spec.smm.seed_refits = 3;
  const calibration::CalibrationRun with = calibration::calibrate(spec, data, options);
  spec.smm.seed_refits = 0;
  const calibration::CalibrationRun without = calibration::calibrate(spec, data, options);
  REQUIRE(with.smm.has_value());
  CHECK(with.smm->refit_estimates.empty());
  CHECK(with.simulations == without.simulations);
  CHECK(with.smm->estimate == without.smm->estimate);
  for (const double se : with.smm->standard_errors) CHECK(std::isnan(se));
  CHECK(std::count_if(with.smm->warnings.begin(), with.smm->warnings.end(),
                      [](const auto& w) { return w.find("no standard errors") == 0; }) == 1);

  // With two replications the refits run (the contrast that makes the check above mean
  // something).
  spec.smm.replications = 2;
  spec.smm.seed_refits = 2;
  const calibration::CalibrationRun two = calibration::calibrate(spec, data, options);
  CHECK(two.smm->refit_estimates.size() == 2);
}
