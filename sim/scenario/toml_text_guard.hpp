#pragma once
// Internal to the scenario loader: the check that keeps TOML text away from toml++ 3.3.0's
// undefined behaviour (scenario/toml_document.hpp says which defects). Free of toml++, so
// tests can call it directly.

#include <cstddef>
#include <string>
#include <string_view>

#include "scenario/scenario_error.hpp"

namespace werkstroom::scenario::detail {

/// Throws ScenarioError (file, line, column; expected, found) when `text` is not UTF-8, has a
/// non-ASCII character outside a string or comment, or has a non-ASCII character right after a
/// line-ending backslash in a multi-line basic string. `column_shift` is subtracted from columns
/// on the first line (the --set value is checked behind a "value = " prefix). Text that passes
/// may still be invalid TOML; toml++ reports that.
void check_toml_text(std::string_view text, const std::string& file, std::size_t column_shift = 0);

}  // namespace werkstroom::scenario::detail
