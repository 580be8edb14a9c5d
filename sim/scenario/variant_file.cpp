#include "scenario/variant_file.hpp"

#include "io/output_file.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace werkstroom::scenario {

namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string labelled(const std::string& value, const std::string& source) {
  return "{ value = " + value + ", source = " + quoted(source) + " }";
}

/// The array of tables a key path lies in ("instruments" for "instruments[2].cost_eur"), or "".
std::string array_of(const std::string& key_path) {
  const std::size_t open = key_path.find('[');
  if (open == std::string::npos) return "";
  const std::size_t close = key_path.find(']', open);
  // A list element ("horizon.holidays[1]") ends at its bracket; a table element goes on.
  if (close == std::string::npos || close + 1 >= key_path.size()) return "";
  return key_path.substr(0, open);
}

std::string source_for(const LoadedScenario& variant, const std::string& key,
                       const std::set<std::string>& changed, const std::string& label) {
  if (changed.count(key) > 0) return label;
  const auto it = variant.sources.find(key);
  if (it == variant.sources.end() || it->second == kOverrideLabel) return label;
  return it->second;
}

}  // namespace

std::vector<ParameterEntry> changed_parameters(const LoadedScenario& base,
                                               const LoadedScenario& variant) {
  std::map<std::string, std::string> before;
  for (const ParameterEntry& e : list_parameters(base.parameters)) before[e.key_path] = e.value;
  std::vector<ParameterEntry> changed;
  for (ParameterEntry& e : list_parameters(variant.parameters)) {
    const auto it = before.find(e.key_path);
    if (it == before.end() || it->second != e.value) changed.push_back(std::move(e));
  }
  return changed;
}

std::string variant_text(const LoadedScenario& base, const LoadedScenario& variant,
                         const std::filesystem::path& target, const VariantLabel& label) {
  const std::string& description = label.description;
  if (base.files.empty()) throw std::runtime_error("the base scenario has no file");
  const std::filesystem::path base_file = std::filesystem::absolute(base.files.front());
  const std::filesystem::path folder = std::filesystem::absolute(target).parent_path();
  std::filesystem::path extends = base_file.lexically_relative(folder);
  if (extends.empty()) extends = base_file;

  const std::vector<ParameterEntry> changed = changed_parameters(base, variant);
  std::set<std::string> changed_keys;
  std::set<std::string> arrays;
  for (const ParameterEntry& e : changed) {
    changed_keys.insert(e.key_path);
    const std::string array = array_of(e.key_path);
    if (!array.empty()) arrays.insert(array);
  }

  std::string text;
  text += "# Variant of " + base_file.filename().string() + ", saved by " + label.saved_by + ".\n";
  text += "# It states only what differs from the base; every changed value is labelled\n";
  text += "# \"" + label.source + "\".\n";
  text += "extends = " + quoted(extends.generic_string()) + "\n";
  text += "description = " + quoted(description) + "\n";

  // Plain keys grouped by table, in binding order of their first key.
  std::vector<std::string> tables;
  std::map<std::string, std::vector<const ParameterEntry*>> by_table;
  for (const ParameterEntry& e : changed) {
    if (!array_of(e.key_path).empty()) continue;
    std::string path = e.key_path;
    if (const std::size_t bracket = path.find('['); bracket != std::string::npos) {
      path = path.substr(0, bracket);  // an element of a list: the list is written whole
    }
    const std::size_t dot = path.rfind('.');
    const std::string table = dot == std::string::npos ? "" : path.substr(0, dot);
    auto& entries = by_table[table];
    if (entries.empty()) tables.push_back(table);
    entries.push_back(&e);
  }
  // Top-level keys must come before the first table header.
  std::stable_partition(tables.begin(), tables.end(),
                        [](const std::string& t) { return t.empty(); });
  for (const std::string& table : tables) {
    if (!table.empty()) text += "\n[" + table + "]\n";
    for (const ParameterEntry* e : by_table[table]) {
      const std::string key = table.empty() ? e->key_path : e->key_path.substr(table.size() + 1);
      text += key + " = " + labelled(e->value, label.source) + "\n";
    }
  }

  // Whole arrays of tables.
  const std::vector<ParameterEntry> all = list_parameters(variant.parameters);
  for (const std::string& array : arrays) {
    text += "\n# The whole array (a variant replaces it).";
    std::string current_element;
    for (const ParameterEntry& e : all) {
      if (array_of(e.key_path) != array) continue;
      const std::size_t close = e.key_path.find(']', array.size());
      const std::string element = e.key_path.substr(0, close + 1);
      if (element != current_element) {
        text += "\n[[" + array + "]]\n";
        current_element = element;
      }
      text += e.key_path.substr(close + 2) + " = " +
              labelled(e.value, source_for(variant, e.key_path, changed_keys, label.source)) + "\n";
    }
  }
  return text;
}

void save_variant(const LoadedScenario& base, const LoadedScenario& variant,
                  const std::filesystem::path& target, const VariantLabel& label) {
  const std::string text = variant_text(base, variant, target, label);
  io::PendingFile file(target, "scenario file");  // removed again unless committed
  file.write(text);
  // The file must give back exactly the variant's parameters before it takes the final name.
  const LoadedScenario reloaded = load_scenario(file.temporary());
  const auto mismatch = changed_parameters(variant, reloaded);
  if (!mismatch.empty()) {
    throw std::runtime_error(target.string() + ": the saved variant differs at " +
                             mismatch.front().key_path);
  }
  file.commit();
}

}  // namespace werkstroom::scenario
