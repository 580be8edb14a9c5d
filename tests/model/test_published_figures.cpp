// The model's regional WW flow held against the published running WW benefits
// (notebooks-data/reference/gooi-vechtstreek-ww.csv). The figures end in Aug 2020, before the
// model's start in Nov 2020, so this is a plausibility check of the starting level, not a fit
// (calibration fits the parameters; see calibration/).

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "model/person.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;

namespace {
// The last row's value of the published series (month,indicator,value,source,reliability).
double last_published_ww() {
  std::ifstream in(std::string(WERKSTROOM_REFERENCE_DIR) + "/gooi-vechtstreek-ww.csv");
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);  // header
  double last = 0.0;
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string month;
    std::string indicator;
    std::string value;
    std::getline(fields, month, ',');
    std::getline(fields, indicator, ',');
    std::getline(fields, value, ',');
    if (indicator == "ww_benefits_running") last = std::stod(value);
  }
  return last;
}
}  // namespace

TEST_CASE("running WW at the start is near the last published regional figure", "[model]") {
  const double published = last_published_ww();  // 4,618 at the end of Aug 2020 (S-opl)
  REQUIRE(published > 4000.0);
  const auto p = test::default_parameters();
  double first_month = 0.0;
  constexpr int kReps = 5;
  for (int r = 0; r < kReps; ++r) {
    first_month += test::run(p, 3, static_cast<std::uint64_t>(r))
                       .without_service.running[static_cast<std::size_t>(model::State::ww)][0];
  }
  first_month /= kReps;
  INFO("model end Nov 2020: " << first_month << ", published end Aug 2020: " << published);
  CHECK(std::abs(first_month - published) / published < 0.10);
}
