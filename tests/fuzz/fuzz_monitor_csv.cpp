// libFuzzer harness: the monitor data CSV (calibration/monitor_data.hpp). Contract:
// parse_monitor_data returns rows that satisfy the documented checks, or throws DataError.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "calibration/monitor_data.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace werkstroom;
  try {
    const calibration::MonitorData d =
        calibration::parse_monitor_data(fuzz::as_text(data, size), "fuzz.csv");
    for (const calibration::Observation& o : d.rows) {
      // The parser's promises (monitor_data.hpp): finite, not negative, positive errors.
      if (!std::isfinite(o.value) || o.value < 0.0) std::abort();
      if (o.standard_error && !(*o.standard_error > 0.0)) std::abort();
      if (o.month.size() != 7) std::abort();
    }
  } catch (const calibration::DataError&) {
  }
  return 0;
}
