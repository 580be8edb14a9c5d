#pragma once
// The console's two languages: Dutch for the policy staff and board, English for everyone
// else. Only presentation text is translated; key names in files stay English.

#include <string>
#include <string_view>
#include <vector>

namespace werkstroom::experiment {

enum class Language { en, nl };

/// Parses "en" or "nl"; throws std::invalid_argument otherwise.
[[nodiscard]] Language parse_language(std::string_view text);

/// The text for `key` in `language` (the English text is the key itself). A key the Dutch
/// table lacks comes back in English and is recorded (untranslated_keys).
[[nodiscard]] std::string translate(std::string_view key, Language language);

/// Every key asked for in Dutch that the table lacks, since the program started, sorted: the
/// test that runs every console report in Dutch requires none.
[[nodiscard]] std::vector<std::string> untranslated_keys();

/// A key figure's label in the console report: its name in English, in Dutch the registry's
/// report_label_nl (model/metric_registry.hpp), or the name when the registry has none.
[[nodiscard]] std::string kpi_label(std::string_view kpi, Language language);

}  // namespace werkstroom::experiment
