// libFuzzer harness: `--set key=value` on a valid scenario. The input's first line is the key
// path, the rest the value text. Contract: apply_override sets the value or throws
// ScenarioError and leaves the scenario as it was.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace werkstroom;
  static const scenario::LoadedScenario base =
      scenario::load_scenario(WERKSTROOM_FUZZ_BASE_SCENARIO);
  static const std::string base_description = scenario::describe_scenario(base);
  const std::string_view input = fuzz::as_text(data, size);
  const std::size_t newline = input.find('\n');
  const std::string key(input.substr(0, newline));
  const std::string value(newline == std::string_view::npos ? std::string_view{}
                                                            : input.substr(newline + 1));
  scenario::LoadedScenario s = base;
  try {
    scenario::apply_override(s, key, value);
    (void)scenario::describe_scenario(s);
  } catch (const scenario::ScenarioError&) {
    if (scenario::describe_scenario(s) != base_description) std::abort();  // changed on error
  }
  return 0;
}
