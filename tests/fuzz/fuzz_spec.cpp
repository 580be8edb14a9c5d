// libFuzzer harness: the calibration spec. The input is the spec's text, read as if it were a
// file beside the test data (tests/calibration/data), so `scenario = "spec-scenario.toml"` and
// `data = "monitor-good.csv"` resolve. Contract: parse_spec returns or throws ScenarioError
// (the monitor data's own errors reach it as ScenarioError or DataError).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "calibration/monitor_data.hpp"
#include "calibration/spec.hpp"
#include "fuzz_support.hpp"
#include "scenario/scenario_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace werkstroom;
  static const std::filesystem::path file =
      std::filesystem::path(WERKSTROOM_FUZZ_CALIBRATION_DATA) / "fuzz-spec.toml";
  try {
    (void)calibration::parse_spec(std::string(fuzz::as_text(data, size)), file);
  } catch (const scenario::ScenarioError&) {
  } catch (const calibration::DataError&) {
  }
  return 0;
}
