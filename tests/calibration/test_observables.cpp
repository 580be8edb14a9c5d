// Observables: the names the calibrator can compare with monitor data, and their monthly values
// in a replication's results, checked against the results' own series.

#include <catch2/catch.hpp>

#include <cstddef>
#include <set>
#include <stdexcept>
#include <string>

#include "calibration/observables.hpp"
#include "model/indicators.hpp"
#include "model/person.hpp"
#include "model/region_model.hpp"
#include "results/catalogue.hpp"
#include "scenario/loader.hpp"

using namespace werkstroom;
using calibration::observe;

namespace {

constexpr std::uint64_t kSeed = 7;

/// One replication of the Gooi en Vechtstreek baseline, simulated once for all tests.
const model::ReplicationResult& gooi_result() {
  static const model::ReplicationResult result = [] {
    const scenario::LoadedScenario s = scenario::load_scenario(
        std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml");
    return model::run_replication(s.parameters, model::ReplicationSettings{kSeed, 0});
  }();
  return result;
}

std::size_t state_index(model::State s) { return static_cast<std::size_t>(s); }

/// A two-month result whose every series holds distinct values.
model::ReplicationResult small_result() {
  constexpr std::size_t kMonths = 2;
  model::ReplicationResult r;
  r.month_labels = {"2021-01", "2021-02"};
  r.service = model::IndicatorTable(kMonths);
  double next = 1.0;
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    for (std::size_t m = 0; m < kMonths; ++m) {
      r.service.set(static_cast<model::Indicator>(i), m, next++);
    }
  }
  for (model::WorldSeries* w : {&r.with_service, &r.without_service}) {
    for (auto& series : w->running) series = {next++, next++};
    for (const model::WorldFlow& flow : model::kWorldFlows) w->*flow.member = {next++, next++};
  }
  return r;
}

}  // namespace

TEST_CASE("observables: names cover the results catalogue with aliases first",
          "[calibration][observables]") {
  const std::vector<std::string> names = calibration::observable_names();
  const auto& aliases = calibration::observable_aliases();
  REQUIRE(names.size() == aliases.size() + results::indicator_catalogue().size() +
                              2 * results::world_series_catalogue().size());
  for (std::size_t i = 0; i < aliases.size(); ++i) CHECK(names[i] == aliases[i].first);
  const std::set<std::string> unique(names.begin(), names.end());
  CHECK(unique.size() == names.size());
  for (const std::string& name : names) CHECK(calibration::is_observable(name));
  for (const auto& info : results::indicator_catalogue()) {
    CHECK(unique.count(info.name) == 1);
  }
  for (const auto& info : results::world_series_catalogue()) {
    CHECK(unique.count("with_service." + info.name) == 1);
    CHECK(unique.count("without_service." + info.name) == 1);
  }
  CHECK_FALSE(calibration::is_observable("ww_benefit_running"));
  CHECK_FALSE(calibration::is_observable("running_ww"));
  CHECK_FALSE(calibration::is_observable(""));
}

TEST_CASE("observables: the aliases stand for the world with the service",
          "[calibration][observables]") {
  const auto& aliases = calibration::observable_aliases();
  REQUIRE(aliases.size() == 4);
  CHECK(aliases[0] ==
        std::make_pair(std::string("ww_benefits_running"), std::string("with_service.running_ww")));
  CHECK(aliases[1] ==
        std::make_pair(std::string("pw_benefits_running"), std::string("with_service.running_pw")));
  CHECK(aliases[2] ==
        std::make_pair(std::string("ww_inflow"), std::string("with_service.ww_inflow")));
  CHECK(aliases[3] ==
        std::make_pair(std::string("work_after_ww"), std::string("with_service.work_after_ww")));
  for (const auto& [alias, target] : aliases) CHECK(calibration::is_observable(target));
}

TEST_CASE("observables: unknown names throw", "[calibration][observables]") {
  const model::ReplicationResult r = small_result();
  CHECK_THROWS_AS(observe(r, "ww_runing", "2021-01"), std::invalid_argument);
  CHECK_THROWS_WITH(observe(r, "ww_runing", "2021-01"), Catch::Contains("ww_runing"));
  CHECK_THROWS_AS(observe(r, "with_service.", "2021-01"), std::invalid_argument);
}

TEST_CASE("observables: every name reads its own series", "[calibration][observables]") {
  const model::ReplicationResult r = small_result();
  for (std::size_t m = 0; m < r.month_labels.size(); ++m) {
    const std::string& month = r.month_labels[m];
    for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
      CHECK(observe(r, model::kIndicatorNames[i], month) ==
            r.service.row(static_cast<model::Indicator>(i))[m]);
    }
    const auto& series = results::world_series_catalogue();
    for (std::size_t s = 0; s < series.size(); ++s) {
      CHECK(observe(r, "with_service." + series[s].name, month) ==
            results::world_series_values(r.with_service, s)[m]);
      CHECK(observe(r, "without_service." + series[s].name, month) ==
            results::world_series_values(r.without_service, s)[m]);
    }
    CHECK(observe(r, "ww_benefits_running", month) ==
          r.with_service.running[state_index(model::State::ww)][m]);
    CHECK(observe(r, "pw_benefits_running", month) ==
          r.with_service.running[state_index(model::State::pw)][m]);
    CHECK(observe(r, "ww_inflow", month) == r.with_service.ww_inflow[m]);
    CHECK(observe(r, "work_after_ww", month) == r.with_service.work_after_ww[m]);
  }
  CHECK_FALSE(observe(r, "intakes", "2020-12").has_value());
  CHECK_FALSE(observe(r, "intakes", "2021-03").has_value());
}

TEST_CASE("observables: a replication of Gooi en Vechtstreek", "[calibration][observables]") {
  const model::ReplicationResult& r = gooi_result();
  REQUIRE(r.month_labels.size() > 1);
  CHECK(r.month_labels.front() == "2020-11");
  const std::size_t ww = state_index(model::State::ww);
  double running_ww = 0.0;
  for (std::size_t m = 0; m < r.month_labels.size(); ++m) {
    const std::string& month = r.month_labels[m];
    INFO("month " << month);
    const std::optional<double> value = observe(r, "ww_benefits_running", month);
    REQUIRE(value.has_value());
    CHECK(*value == r.with_service.running[ww][m]);
    CHECK(*value == observe(r, "with_service.running_ww", month));
    running_ww += *value;
    CHECK(observe(r, "without_service.running_ww", month) == r.without_service.running[ww][m]);
    CHECK(observe(r, "intakes", month) == r.service.row(model::Indicator::intakes)[m]);
    CHECK(observe(r, "waiting_list_end", month) ==
          r.service.row(model::Indicator::waiting_list_end)[m]);
    CHECK(observe(r, "ww_inflow", month) == r.with_service.ww_inflow[m]);
    CHECK(observe(r, "work_after_ww", month) == r.with_service.work_after_ww[m]);
  }
  // The region has thousands of WW benefits running: the series is not empty.
  CHECK(running_ww > 0.0);
  // The monitor's figures of 2018-2020 lie before this scenario's horizon.
  CHECK_FALSE(observe(r, "ww_benefits_running", "2020-08").has_value());
  CHECK_FALSE(observe(r, "ww_benefits_running", "2018-12").has_value());
  CHECK_FALSE(observe(r, "intakes", "2099-01").has_value());
  CHECK_FALSE(observe(r, "intakes", "not a month").has_value());
}
