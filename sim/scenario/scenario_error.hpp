#pragma once
// The one error type of the scenario loader: every problem with a scenario file or a --set
// override names where it is (file, line, column), which parameter (key path), what was
// expected and what was found.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace werkstroom::scenario {

/// A place in a scenario file: 1-based line and column, 0 when unknown.
struct SourcePosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
};

/// what() is "<file>:<line>:<column>: <key_path>: expected <expected>, found <found>"; the line
/// and column are left out when unknown, the key path when there is none (a syntax error).
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(SourcePosition position, std::string key_path, std::string expected,
                std::string found);

  [[nodiscard]] const SourcePosition& position() const { return position_; }
  [[nodiscard]] const std::string& file() const { return position_.file; }
  [[nodiscard]] std::size_t line() const { return position_.line; }
  [[nodiscard]] std::size_t column() const { return position_.column; }
  [[nodiscard]] const std::string& key_path() const { return key_path_; }
  [[nodiscard]] const std::string& expected() const { return expected_; }
  [[nodiscard]] const std::string& found() const { return found_; }

 private:
  SourcePosition position_;
  std::string key_path_;
  std::string expected_;
  std::string found_;
};

}  // namespace werkstroom::scenario
