// The fit simulates up to its last data month (issue 17 item 3): the cut horizon is worked out
// by hand; a cut evaluation agrees with the whole horizon's, bit for bit, in every month up to
// the last data month, so D and everything the fit decides are unchanged; a scenario whose
// earlier months the cut would change is simulated whole, and the fit says so.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"
#include "calibration/evaluator.hpp"
#include "calibration/fit_horizon.hpp"
#include "calibration/monitor_data.hpp"
#include "calibration/spec.hpp"
#include "model/region_model.hpp"
#include "scenario/loader.hpp"
#include "two_month_spec.hpp"

using namespace werkstroom;

namespace {

const std::filesystem::path kDataDir = WERKSTROOM_CALIBRATION_TEST_DATA;
const std::filesystem::path kScenarios = WERKSTROOM_SCENARIOS_DIR;

std::size_t month_count(const model::ModelParameters& p) {
  return model::month_boundaries(p).size() - 1;
}

/// A spec fitting the WW finding rate of `scenario` to two monthly figures, the last in
/// `last_month`.
calibration::CalibrationSpec spec_on(const test::TempDir& dir,
                                     const std::filesystem::path& scenario,
                                     const std::string& first_month,
                                     const std::string& last_month) {
  return test::two_month_spec(dir, scenario.generic_string(), 5, first_month, last_month);
}

}  // namespace

TEST_CASE("cut_horizon ends the horizon with the given month", "[calibration][horizon]") {
  model::ModelParameters p;
  p.horizon.start_date = {2019, 1, 1};
  p.horizon.service_end_date = {2021, 10, 15};  // month 33, mid-month
  p.horizon.follow_up_months = 3;               // 2021-11 to 2022-01: months 34 to 36
  p.horizon.holidays = {{2019, 4, 22}, {2019, 7, 1}, {2021, 10, 20}, {2022, 1, 3}};
  REQUIRE(month_count(p) == 37);

  SECTION("a month of the service: the service ends on its last day, no follow-up") {
    const model::ModelParameters cut = calibration::cut_horizon(p, 5);  // 2019-06
    CHECK(cut.horizon.service_end_date == kernel::Date{2019, 6, 30});
    CHECK(cut.horizon.follow_up_months == 0);
    CHECK(cut.horizon.holidays == std::vector<kernel::Date>{{2019, 4, 22}});
    CHECK(month_count(cut) == 6);
    const std::vector<double> whole = model::month_boundaries(p);
    CHECK(model::month_boundaries(cut) == std::vector<double>(whole.begin(), whole.begin() + 7));
  }
  SECTION("the service's own last month keeps its end date") {
    const model::ModelParameters cut = calibration::cut_horizon(p, 33);
    CHECK(cut.horizon.service_end_date == kernel::Date{2021, 10, 15});
    CHECK(cut.horizon.follow_up_months == 0);
    CHECK(cut.horizon.holidays.size() == 3);  // 2021-10-20 is in October
    CHECK(month_count(cut) == 34);
  }
  SECTION("a month of the follow-up shortens the follow-up") {
    const model::ModelParameters cut = calibration::cut_horizon(p, 35);  // 2021-12
    CHECK(cut.horizon.service_end_date == kernel::Date{2021, 10, 15});
    CHECK(cut.horizon.follow_up_months == 2);
    CHECK(cut.horizon.holidays.size() == 3);  // not 2022-01-03
    CHECK(month_count(cut) == 36);
  }
  SECTION("the last month or later: unchanged") {
    for (const int last : {36, 50}) {
      CHECK(calibration::cut_horizon(p, last).horizon == p.horizon);
    }
  }
}

TEST_CASE("a fit evaluation cut at the last data month equals the whole horizon's up to it",
          "[calibration][horizon]") {
  const test::TempDir dir("werkstroom-horizon");
  // The recovery scenario runs Jan 2019 - Dec 2020; the data end in Jun 2019 (month 5).
  const calibration::CalibrationSpec spec =
      spec_on(dir, kDataDir / "recovery-scenario.toml", "2019-03", "2019-06");
  calibration::Evaluator evaluator(spec, calibration::read_monitor_data(spec.data_file), 1);
  REQUIRE(evaluator.months().size() == 24);
  CHECK(evaluator.horizon_notes().empty());  // decided on the first fit evaluation

  for (const double rate : {0.04, 0.12}) {
    CAPTURE(rate);
    const calibration::Evaluation cut = evaluator.evaluate(std::vector<double>{rate}, 9, 2);
    const calibration::Evaluation whole =
        evaluator.evaluate(std::vector<double>{rate}, 9, 2, false, calibration::Span::whole);
    REQUIRE(cut.paths.size() == 1);
    for (std::size_t m = 0; m < 24; ++m) {
      CAPTURE(evaluator.months()[m]);
      if (m <= 5) {
        CHECK(cut.paths[0][m] == whole.paths[0][m]);
        CHECK(cut.paths[0][m] > 1000.0);
      } else {
        CHECK(std::isnan(cut.paths[0][m]));  // not simulated
        CHECK(whole.paths[0][m] > 1000.0);
      }
    }
    CHECK(cut.simulated == whole.simulated);
    CHECK(cut.distance == whole.distance);
  }
  CHECK(evaluator.horizon_notes() ==
        std::vector<std::string>{"the fit simulates 2019-01 to 2019-06, the last data month (the "
                                 "prediction to 2020-12)"});

  SECTION("data to the horizon's last month: nothing to cut") {
    const calibration::CalibrationSpec to_end =
        spec_on(dir, kDataDir / "recovery-scenario.toml", "2019-03", "2020-12");
    calibration::Evaluator e(to_end, calibration::read_monitor_data(to_end.data_file), 1);
    const calibration::Evaluation ev = e.evaluate(std::vector<double>{0.08}, 9, 1);
    for (const double v : ev.paths[0]) CHECK(std::isfinite(v));
    CHECK(e.horizon_notes().empty());
  }
}

TEST_CASE("a scenario whose earlier months change with the cut is simulated whole",
          "[calibration][horizon]") {
  // With the mobility centre on, its staffing plans to the service's end date: a cut changes
  // the months before it (here the WW stock of 2021 when cut after Aug 2021).
  const std::filesystem::path file = kScenarios / "gooi-en-vechtstreek.toml";
  model::ModelParameters p = scenario::load_scenario(file).parameters;
  p.uncertainty = {};
  const std::optional<std::string> change =
      calibration::cut_changes(p, 9, 5, {"ww_benefits_running"}, 1);
  REQUIRE(change.has_value());
  CHECK(change->find("ww_benefits_running in 2021-") == 0);
  CHECK(change->find(" over the whole horizon, ") != std::string::npos);

  const test::TempDir dir("werkstroom-horizon");
  const calibration::CalibrationSpec spec = spec_on(dir, file, "2020-12", "2021-01");
  calibration::Evaluator evaluator(spec, calibration::read_monitor_data(spec.data_file), 1);
  const calibration::Evaluation ev = evaluator.evaluate(std::vector<double>{0.08}, 9, 1);
  for (const double v : ev.paths[0]) CHECK(std::isfinite(v));
  CHECK(evaluator.horizon_notes() ==
        std::vector<std::string>{
            "the fit simulates 2020-11 to 2022-10: cutting it after the last data month 2021-01 "
            "would change what the mobility centre does: it plans to its service's end date"});
}
