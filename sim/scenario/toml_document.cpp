#include "scenario/toml_document.hpp"

#include "scenario/toml_values.hpp"

namespace werkstroom::scenario::detail {

toml::table parse_toml(std::string_view text, const std::string& file) {
  check_toml_text(text, file);
  try {
    return toml::parse(text, std::string_view{file});
  } catch (const toml::parse_error& e) {
    throw ScenarioError(ReadContext{file, 0}.at(e.source()), "", "valid TOML",
                        std::string(e.description()));
  }
}

}  // namespace werkstroom::scenario::detail
