// describe: every parameter with its value, unit and source, driven by bind_parameters.

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "scenario/loader.hpp"
#include "scenario/parameter_visitor.hpp"
#include "scenario/schema.hpp"
#include "scenario/toml_values.hpp"

namespace werkstroom::scenario {

namespace {

class ParameterLister final : public PathTrackingVisitor {
 public:
  std::vector<ParameterEntry> entries;

  void number(const std::string& key, double& value, const char* unit, Range range) override {
    add(key, detail::format_number(value), unit, ParameterKind::number, range);
  }
  void integer(const std::string& key, int& value, const char* unit, Range range) override {
    add(key, std::to_string(value), unit, ParameterKind::integer, range);
  }
  void boolean(const std::string& key, bool& value) override {
    add(key, value ? "true" : "false", "", ParameterKind::boolean);
  }
  void text(const std::string& key, std::string& value) override {
    add(key, detail::quote(value), "", ParameterKind::text);
  }
  void date(const std::string& key, kernel::Date& value) override {
    add(key, value.to_string(), "", ParameterKind::date);
  }
  void number_list(const std::string& key, std::vector<double>& value, const char* unit,
                   Range range) override {
    std::string text = "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) text += ", ";
      text += detail::format_number(value[i]);
    }
    add(key, text + "]", unit, ParameterKind::number_list, range);
  }
  void date_list(const std::string& key, std::vector<kernel::Date>& value) override {
    std::string text = "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) text += ", ";
      text += value[i].to_string();
    }
    add(key, text + "]", "", ParameterKind::date_list);
  }
  void choice(const std::string& key, int& index, const std::vector<std::string>& names) override {
    const bool valid = index >= 0 && static_cast<std::size_t>(index) < names.size();
    add(key, valid ? detail::quote(names[static_cast<std::size_t>(index)]) : std::to_string(index),
        "", ParameterKind::choice);
  }

 private:
  void add(const std::string& key, std::string value, const char* unit, ParameterKind kind,
           Range range = {0.0, 0.0}) {
    entries.push_back({path_of(key), std::move(value), unit, kind, range.min, range.max});
  }
};

}  // namespace

std::vector<ParameterEntry> list_parameters(const model::ModelParameters& parameters) {
  model::ModelParameters copy = parameters;  // the binding needs mutable access
  ParameterLister lister;
  bind_parameters(lister, copy);
  return std::move(lister.entries);
}

namespace {

/// The bounds of each drawn range's ends ([[uncertainty.parameters]] lower and upper), by key
/// path: the schema only keeps them finite (kDrawBound); what holds is validation's rule, that
/// the drawn values lie within the drawn parameter's own bounds, so describe states that rule
/// in the drawn parameter's unit (no ", ": the bracket has no unit of its own).
std::map<std::string, std::string> draw_bound_texts(const model::ModelParameters& parameters,
                                                    const std::vector<ParameterEntry>& entries) {
  std::map<std::string, std::string> out;
  const auto& drawn = parameters.uncertainty.parameters;
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    const auto entry = std::find_if(entries.begin(), entries.end(), [&](const ParameterEntry& e) {
      return e.key_path == drawn[i].key;
    });
    if (entry == entries.end()) continue;  // validation names the unknown key
    std::string text = drawn[i].mode == 1 ? "a factor >= 0: factor x value within the bounds of "
                                          : "within the bounds of ";
    text += drawn[i].key + ": " + detail::format_number(entry->min) + " to " +
            detail::format_number(entry->max);
    if (!entry->unit.empty()) text += " " + entry->unit;
    const std::string prefix = "uncertainty.parameters[" + std::to_string(i) + "].";
    out[prefix + "lower"] = text;
    out[prefix + "upper"] = text;
  }
  return out;
}

}  // namespace

std::string describe_scenario(const LoadedScenario& scenario) {
  std::string out;
  const std::vector<ParameterEntry> entries = list_parameters(scenario.parameters);
  const std::map<std::string, std::string> draw_bounds =
      draw_bound_texts(scenario.parameters, entries);
  for (const ParameterEntry& entry : entries) {
    out += entry.key_path + " = " + entry.value;
    const bool numeric = entry.kind == ParameterKind::number ||
                         entry.kind == ParameterKind::integer ||
                         entry.kind == ParameterKind::number_list;
    std::string bracket = entry.unit;
    if (const auto draw = draw_bounds.find(entry.key_path); draw != draw_bounds.end()) {
      bracket = draw->second;
    } else if (numeric) {
      bracket += std::string(bracket.empty() ? "" : ", ") +
                 (entry.kind == ParameterKind::number_list ? "each " : "") +
                 detail::format_number(entry.min) + " to " + detail::format_number(entry.max);
    }
    if (!bracket.empty()) out += "  [" + bracket + "]";
    const auto source = scenario.sources.find(entry.key_path);
    out += "  (" + (source != scenario.sources.end() ? source->second : "no source");
    const auto range = scenario.ranges.find(entry.key_path);
    if (range != scenario.ranges.end()) {
      out += "; range [" + detail::format_number(range->second.lo) + ", " +
             detail::format_number(range->second.hi) + "]";
    }
    const auto relative = scenario.relative_ranges.find(entry.key_path);
    if (relative != scenario.relative_ranges.end()) {
      const RelativeRange& r = relative->second;
      out += "; range [" + detail::format_derived(r.range.lo) + ", " +
             detail::format_derived(r.range.hi) + "] = x[" + detail::format_number(r.factor_lo) +
             ", " + detail::format_number(r.factor_hi) + "] of " + r.group;
    }
    const auto published = scenario.published.find(entry.key_path);
    if (published != scenario.published.end()) out += "; published " + published->second.text;
    out += ")\n";
  }
  return out;
}

}  // namespace werkstroom::scenario
