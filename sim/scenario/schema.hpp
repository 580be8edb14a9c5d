#pragma once
// Internal to the scenario loader: the keys valid in each table, taken from bind_parameters, and
// the "did you mean" suggestion for unknown keys.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace werkstroom::scenario::detail {

/// Valid keys per table, in binding order. Tables are named by key path with element indices
/// dropped: "" (top level), "staff", "cohorts.ww_inflow.attributes", "sectors[]",
/// "staff.schedule[]". The table-level "source" key and the top-level "extends" and
/// "description" are not included.
[[nodiscard]] const std::map<std::string, std::vector<std::string>>& schema_keys();

/// "instruments[2].cost_eur" -> "instruments[].cost_eur".
[[nodiscard]] std::string schema_path(const std::string& path);

[[nodiscard]] std::size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate closest to `word` within edit distance 3 (first in order on a tie).
[[nodiscard]] std::optional<std::string> suggest(const std::string& word,
                                                 const std::vector<std::string>& candidates);

/// The "expected" text for an unknown key: "a known key (did you mean 'x'?)" or a list.
[[nodiscard]] std::string unknown_key_expectation(const std::string& word,
                                                  const std::vector<std::string>& candidates);

/// "a.b" from "a" and "b"; "b" when the table path is empty.
[[nodiscard]] inline std::string join_path(const std::string& table, const std::string& key) {
  return table.empty() ? key : table + "." + key;
}

}  // namespace werkstroom::scenario::detail
