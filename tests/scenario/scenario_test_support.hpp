#pragma once
// Helpers of the scenario loader tests: the minimal base scenario, temporary directories for
// derived (mostly broken) scenario files, and checks on ScenarioError messages.

#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#include "../support/file_text.hpp"
#include "../support/temp_dir.hpp"
#include "scenario/loader.hpp"

namespace werkstroom::scenario::testing {

inline std::filesystem::path minimal_base_path() {
  return std::filesystem::path(WERKSTROOM_SCENARIO_TEST_DATA) / "minimal-base.toml";
}

using werkstroom::test::file_text;  // tests/support/file_text.hpp

inline const std::string& minimal_base_text() {
  static const std::string text = file_text(minimal_base_path());
  return text;
}

using TempDir = werkstroom::test::TempDir;  // tests/support/temp_dir.hpp

/// `text` with the first occurrence of `from` replaced by `to`; `from` must occur.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  INFO("substitution of: " << from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// The minimal base with one substitution.
inline std::string base_with(const std::string& from, const std::string& to) {
  return replace_once(minimal_base_text(), from, to);
}

/// 1-based line of the first occurrence of `needle` in `text`.
inline std::size_t line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  INFO("line of: " << needle);
  REQUIRE(at != std::string::npos);
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

/// The ScenarioError that loading `file` throws (the test fails when none is thrown).
inline ScenarioError load_error(const std::filesystem::path& file) {
  try {
    (void)load_scenario(file);
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("loading " << file.string() << " did not throw a ScenarioError");
  throw std::logic_error("unreachable");
}

/// The message names the file, the line, the key path and contains every fragment.
inline void check_message(const ScenarioError& e, const std::string& file_name, std::size_t line,
                          const std::string& key_path,
                          std::initializer_list<std::string> fragments) {
  const std::string message = e.what();
  INFO("message: " << message);
  CHECK_THAT(message, Catch::Contains(file_name + ":" + std::to_string(line) + ":"));
  CHECK(e.line() == line);
  CHECK(e.key_path() == key_path);
  CHECK_THAT(message, Catch::Contains(": " + key_path + ": expected "));
  for (const std::string& fragment : fragments) CHECK_THAT(message, Catch::Contains(fragment));
}

/// Writes `text` as bad.toml, loads it and checks the error: at the line of `line_needle`, for
/// `key_path`, with every fragment in the message.
inline void expect_load_error(const std::string& text, const std::string& line_needle,
                              const std::string& key_path,
                              std::initializer_list<std::string> fragments) {
  const TempDir dir;
  const std::filesystem::path file = dir.write("bad.toml", text);
  const ScenarioError e = load_error(file);
  check_message(e, "bad.toml", line_of(text, line_needle), key_path, fragments);
}

/// The ScenarioError of apply_override (the test fails when none is thrown).
inline ScenarioError override_error(LoadedScenario& scenario, const std::string& key_path,
                                    const std::string& value_text) {
  try {
    apply_override(scenario, key_path, value_text);
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("--set " << key_path << "=" << value_text << " did not throw a ScenarioError");
  throw std::logic_error("unreachable");
}

}  // namespace werkstroom::scenario::testing
