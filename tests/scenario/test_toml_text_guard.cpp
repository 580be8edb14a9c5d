// The guard in front of toml++ 3.3.0 (scenario/toml_document.hpp): text that would reach its
// undefined behaviour is refused with a position, and everything TOML allows outside those
// cases passes untouched. The reproducers are the upstream ones (marzer/tomlplusplus#295, #190)
// and the assertion input `[:a]`.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "scenario/loader.hpp"
#include "scenario/toml_text_guard.hpp"
#include "scenario_test_support.hpp"

using namespace werkstroom::scenario;
using namespace werkstroom::scenario::testing;
using werkstroom::scenario::detail::check_toml_text;

namespace {

ScenarioError guard_error(const std::string& text) {
  try {
    check_toml_text(text, "x.toml");
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("no error for: " << text);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("toml guard: non-ASCII outside strings and comments is refused where it stands",
          "[scenario][toml]") {
  const ScenarioError key_start = guard_error("\xcc\xaa");  // #295's two bytes, U+032A
  CHECK(key_start.line() == 1);
  CHECK(key_start.column() == 1);
  CHECK(key_start.found() == "the character U+032A");
  CHECK_THAT(key_start.expected(), Catch::Contains("ASCII outside strings and comments"));

  const ScenarioError second_line = guard_error("a = 1\nb\xc3\xa9 = 2\n");  // "bé"
  CHECK(second_line.line() == 2);
  CHECK(second_line.column() == 2);
  CHECK(second_line.found() == "the character U+00E9");

  // After a value, and after a multi-line string closed by five quotes (two are content).
  CHECK(guard_error("a = 1 \xe2\x82\xac\n").column() == 7);  // the euro sign
  const ScenarioError after_run = guard_error("s = \"\"\"a\"\"\"\"\"\n\xc3\xa9 = 1\n");
  CHECK(after_run.line() == 2);
  CHECK(after_run.column() == 1);
}

TEST_CASE("toml guard: strings, quoted keys and comments may hold any UTF-8", "[scenario][toml]") {
  for (const std::string text : {
           "s = \"caf\xc3\xa9\"  # \xe2\x82\xac 1.234,5\n", "\"sch\xc3\xa9ma\" = 1\n",
           "s = 'caf\xc3\xa9'\n", "s = '''\n\xc3\xa9\n'''\n",
           "s = \"\"\"\n\xc3\xa9 \\\"\"\" \xc3\xa9\"\"\"\n",
           "s = \"\"\"a \\\n  b \xc3\xa9\"\"\"\n",  // a line-ending backslash, then ASCII
           "s = \"\xcc\xaa\"\n",
           "s = \"a\\\"\xc3\xa9\"\n",  // an escaped quote does not end the string
       }) {
    INFO("text: " << text);
    CHECK_NOTHROW(check_toml_text(text, "x.toml"));
  }
}

TEST_CASE("toml guard: a non-ASCII character after a line-ending backslash is refused (#190)",
          "[scenario][toml]") {
  const ScenarioError e = guard_error("s = \"\"\"\\\n\xc2\xa7\"\"\"\n");
  CHECK(e.line() == 2);
  CHECK(e.column() == 1);
  CHECK(e.found() == "the character U+00A7");
  CHECK_THAT(e.expected(), Catch::Contains("line-ending backslash"));
  // With spaces and a CR LF between them too.
  CHECK(guard_error("s = \"\"\"x \\  \r\n   \xc2\xa7\"\"\"\n").line() == 2);
}

TEST_CASE("toml guard: text that is not UTF-8 is refused with the byte", "[scenario][toml]") {
  CHECK(guard_error("s = \"\xff\"\n").found() == "the byte 0xFF, which is not UTF-8 here");
  CHECK(guard_error("s = \"\xc0\xaf\"\n").found() ==
        "the byte 0xC0, which is not UTF-8 here");  // overlong '/'
  CHECK(guard_error("# \xed\xa0\x80\n").found() ==
        "the byte 0xED, which is not UTF-8 here");  // a surrogate
  CHECK(guard_error("s = \"\xe2\x82\"").found() ==
        "the byte 0xE2, which is not UTF-8 here");               // cut off at the end
  CHECK(guard_error("s = '\xf4\x90\x80\x80'\n").column() == 6);  // beyond U+10FFFF
}

TEST_CASE("toml guard: the loader and --set refuse the reproducers with file, line and key",
          "[scenario][toml]") {
  const TempDir dir;
  const auto file = dir.write("hostile.toml", minimal_base_text() + "\n\xcc\xaa = 1\n");
  const ScenarioError e = load_error(file);
  CHECK(e.file() == file.string());
  const auto base_lines = std::count(minimal_base_text().begin(), minimal_base_text().end(), '\n');
  CHECK(e.line() == static_cast<std::size_t>(base_lines) + 2);  // after the base and a blank
  CHECK(e.found() == "the character U+032A");

  // toml++'s assertion input: a parse error, not an abort, whatever the build type.
  const auto bracket = dir.write("bracket.toml", "[:a]\n");
  CHECK(load_error(bracket).expected() == "valid TOML");

  LoadedScenario s = load_scenario(minimal_base_path());
  const int advisors = s.parameters.staff.advisors;
  try {
    apply_override(s, "staff.advisors", "\xcc\xaa");
    FAIL("no error");
  } catch (const ScenarioError& error) {
    CHECK(error.file() == "--set");
    CHECK(error.key_path() == "staff.advisors");
    CHECK(error.column() == 1);
    CHECK_THAT(error.found(), Catch::StartsWith("the character U+032A"));
  }
  CHECK(s.parameters.staff.advisors == advisors);
}
