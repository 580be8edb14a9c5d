// Reference targets ([[targets.references]], model/parameters.hpp ReferenceTarget): read as
// written, shown by describe, changing nobody's path; a figure that is not a key figure or a
// missing label is an error naming file, line, key, expected and found.

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;

namespace {
const std::string kTarget = "max_wait_p90_working_days = 10.0";
std::string with_reference(const std::string& figure, const std::string& label) {
  return base_with(kTarget, kTarget +
                                "\n\n[[targets.references]]\nsource = \"public: test "
                                "programme plan\"\nfigure = \"" +
                                figure + "\"\nvalue = 520\nlabel = \"" + label + "\"\n");
}
}  // namespace

TEST_CASE("a reference target is read as written and shown by describe", "[scenario]") {
  const TempDir dir;
  const auto file =
      dir.write("ref.toml", with_reference("placements", "programme 2021-2023, whole programme"));
  const LoadedScenario s = load_scenario(file);
  REQUIRE(s.parameters.targets.references.size() == 1);
  const auto& r = s.parameters.targets.references.front();
  CHECK(r.figure == "placements");
  CHECK(r.value == 520.0);
  CHECK(r.label == "programme 2021-2023, whole programme");
  CHECK_THAT(describe_scenario(s), Catch::Contains("targets.references[0].value = 520"));
  // The base file states none.
  CHECK(load_scenario(minimal_base_path()).parameters.targets.references.empty());
}

TEST_CASE("a reference target must name a key figure and say whose it is", "[scenario]") {
  SECTION("not a key figure") {
    const std::string text = with_reference("plaatsingen", "programme");
    expect_load_error(text, "figure = \"plaatsingen\"", "targets.references[0].figure",
                      {"the name of a key figure", "found \"plaatsingen\""});
  }
  SECTION("no label") {
    const std::string text = with_reference("placements", "");
    expect_load_error(text, "label = \"\"", "targets.references[0].label",
                      {"whose target it is", "found \"\""});
  }
}
