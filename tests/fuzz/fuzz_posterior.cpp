// libFuzzer harness: a posterior file (scenario/posterior_file.hpp) attached to a valid
// scenario's parameters. Contract: attach_posterior returns or throws ScenarioError.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace werkstroom;
  static const scenario::LoadedScenario base =
      scenario::load_scenario(WERKSTROOM_FUZZ_BASE_SCENARIO);
  const auto file = fuzz::scratch_dir() / "posterior.csv";
  fuzz::write_file(file, fuzz::as_text(data, size));
  model::ModelParameters p = base.parameters;
  try {
    scenario::attach_posterior(p, file);
  } catch (const scenario::ScenarioError&) {
  }
  return 0;
}
