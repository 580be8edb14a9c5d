#pragma once
// The viewer's texts in Dutch (the default, for policy staff and board) and English. Keys are
// the English texts, so code reads as English; a key missing from the table is shown as is and
// remembered, so a test can render every panel in Dutch and ask which texts were missed.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "experiment/language.hpp"

namespace werkstroom::viz {

using experiment::Language;

struct Translation {
  std::string_view key;  // also the English text
  std::string_view en;
  std::string_view nl;
};

/// Every text of the viewer.
[[nodiscard]] std::span<const Translation> translation_table();

/// The text for `key`; an unknown key is returned unchanged and recorded.
[[nodiscard]] const char* tr(std::string_view key, Language language);

/// Keys asked for that the table lacks, since the start or the last clear.
[[nodiscard]] std::vector<std::string> untranslated_keys();
void clear_untranslated_keys();

/// Short month name, e.g. "nov" (nl) or "Nov" (en), for month 1..12.
[[nodiscard]] std::string_view month_name(int month, Language language);

/// The label of a key figure for tables and legends: the registry's label_en or label_nl
/// (model/metric_registry.hpp), for a route key followed by ": <route>"; an unknown key is
/// shown as is.
[[nodiscard]] std::string kpi_name(std::string_view kpi, Language language);

}  // namespace werkstroom::viz
