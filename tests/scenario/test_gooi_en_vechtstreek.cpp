// The default scenario of the project loads without errors.

#include <catch2/catch.hpp>

#include <filesystem>

#include "scenario/loader.hpp"

using namespace werkstroom::scenario;

TEST_CASE("the Gooi en Vechtstreek scenario loads", "[scenario]") {
  const std::filesystem::path file =
      std::filesystem::path(WERKSTROOM_SCENARIOS_DIR) / "gooi-en-vechtstreek.toml";
  try {
    const LoadedScenario s = load_scenario(file);
    CHECK(s.name == "gooi-en-vechtstreek");
    CHECK(s.sources.size() == s.units.size());
    CHECK_FALSE(describe_scenario(s).empty());
  } catch (const ScenarioError& e) {
    FAIL(e.what());
  }
}
