#include "scenario/scenario_error.hpp"

#include <utility>

namespace werkstroom::scenario {

namespace {

std::string format_message(const SourcePosition& position, const std::string& key_path,
                           const std::string& expected, const std::string& found) {
  std::string message = position.file;
  if (position.line > 0) {
    message += ":" + std::to_string(position.line);
    if (position.column > 0) message += ":" + std::to_string(position.column);
  }
  if (!message.empty()) message += ": ";
  if (!key_path.empty()) message += key_path + ": ";
  message += "expected " + expected + ", found " + found;
  return message;
}

}  // namespace

ScenarioError::ScenarioError(SourcePosition position, std::string key_path, std::string expected,
                             std::string found)
    : std::runtime_error(format_message(position, key_path, expected, found)),
      position_(std::move(position)),
      key_path_(std::move(key_path)),
      expected_(std::move(expected)),
      found_(std::move(found)) {}

}  // namespace werkstroom::scenario
