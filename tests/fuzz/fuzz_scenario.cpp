// libFuzzer harness: the scenario loader with `extends`. The input is one to three files cut at
// lines starting with "# ---- " (the separator LoadedScenario::text uses): the first is loaded
// as s0.toml, the others are written as s1.toml and s2.toml, which it may extend. Contract:
// load_scenario returns or throws ScenarioError; a loaded scenario can be described.

#include <cstddef>
#include <cstdint>
#include <string>
#include <system_error>

#include "fuzz_support.hpp"
#include "scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace werkstroom;
  constexpr std::size_t kFiles = 3;
  const auto parts = fuzz::split_parts(fuzz::as_text(data, size), "# ---- ", kFiles);
  const auto& dir = fuzz::scratch_dir();
  for (std::size_t i = 0; i < kFiles; ++i) {
    const auto file = dir / ("s" + std::to_string(i) + ".toml");
    if (i < parts.size()) {
      fuzz::write_file(file, parts[i]);
    } else {
      std::error_code ignored;
      std::filesystem::remove(file, ignored);
    }
  }
  try {
    const scenario::LoadedScenario s = scenario::load_scenario(dir / "s0.toml");
    (void)scenario::describe_scenario(s);
  } catch (const scenario::ScenarioError&) {
  }
  return 0;
}
