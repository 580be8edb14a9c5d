#pragma once
// Internal to the scenario loader: reads one parsed TOML scenario document into parameters
// through bind_parameters, checking keys, types, ranges, names and source labels.

#include <map>
#include <string>

#include "model/parameters.hpp"
#include "scenario/loader.hpp"
#include "scenario/publication.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/toml_document.hpp"

namespace werkstroom::scenario::detail {

/// What the files read so far have set.
struct ReadState {
  model::ModelParameters parameters;
  std::map<std::string, std::string> sources;
  std::map<std::string, SourcePosition> positions;
  /// Key path -> when its figure was published, for the values that say so.
  std::map<std::string, Publication> published;
  /// Key path -> plausible range, for the number values that give one.
  std::map<std::string, PlausibleRange> ranges;
  /// Key path -> relative range, for the number values that take their table's.
  std::map<std::string, RelativeRange> relative_ranges;
};

/// base: every scalar parameter must be present and every value labelled; variant: only the
/// keys present are set, an unlabelled value gets "variant: <variant_name>". In both, an array
/// of tables that is present replaces the whole array and each of its elements sets every key.
enum class ReadMode { base, variant };

void read_document(const toml::table& root, const std::string& file, ReadMode mode,
                   const std::string& variant_name, ReadState& state);

/// Erases every entry whose key starts with `prefix`.
template <typename Map>
void erase_prefix(Map& map, const std::string& prefix) {
  auto it = map.lower_bound(prefix);
  while (it != map.end() && it->first.compare(0, prefix.size(), prefix) == 0) it = map.erase(it);
}

}  // namespace werkstroom::scenario::detail
