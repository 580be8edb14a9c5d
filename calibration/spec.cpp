#include "calibration/spec.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>

#include "calibration/observables.hpp"
#include "scenario/loader.hpp"
#include "scenario/parameter_visitor.hpp"
#include "scenario/schema.hpp"
#include "scenario/toml_values.hpp"

namespace werkstroom::calibration {

namespace {

using scenario::Range;
using scenario::ScenarioError;
using scenario::SourcePosition;
using scenario::detail::describe_node;
using scenario::detail::format_number;
using scenario::detail::join_path;
using scenario::detail::quote;
using scenario::detail::ReadContext;

// The keys of each table of a spec, in the order of spec.hpp.
const std::vector<std::string> kTopKeys = {"scenario", "data",    "fit_until",  "regions",
                                           "seed",     "methods", "parameters", "indicators",
                                           "smm",      "abc",     "predict"};
const std::vector<std::string> kRegionKeys = {"name", "scenario", "data", "fit_until"};
const std::vector<std::string> kParameterKeys = {"key",       "elements", "name",       "lower",
                                                 "upper",     "prior",    "prior_mean", "prior_sd",
                                                 "transform", "regions"};
const std::vector<std::string> kIndicatorKeys = {"name", "weight", "relative_error",
                                                 "absolute_error"};
const std::vector<std::string> kSmmKeys = {
    "algorithm",          "global",       "restarts",   "max_evaluations", "global_evaluations",
    "relative_tolerance", "replications", "seed_refits"};
const std::vector<std::string> kAbcKeys = {"particles",          "generations",  "quantile",
                                           "min_acceptance",     "replications", "max_simulations",
                                           "stop_at_error_model"};
const std::vector<std::string> kPredictKeys = {"draws"};

// Choices, in the order of the enums / the settings' documentation.
const std::vector<std::string> kMethods = {"smm", "abc"};
const std::vector<std::string> kPriors = {"uniform", "normal", "lognormal"};
const std::vector<std::string> kTransforms = {"none", "log", "logit"};
const std::vector<std::string> kLocalAlgorithms = {"bobyqa", "sbplx", "neldermead"};
const std::vector<std::string> kGlobalAlgorithms = {"none", "crs2", "isres"};

constexpr Range kAtLeastOne{1.0, 1e300};
constexpr Range kAtLeastZero{0.0, 1e300};
/// ABC-SMC perturbs particles with a kernel fitted to the previous generation's spread, which
/// needs at least two particles.
constexpr int kMinParticles = 2;
constexpr std::size_t kMonthLength = 7;  // "YYYY-MM"
constexpr std::size_t kMonthDash = 4;
constexpr int kLastMonth = 12;

/// What a scenario key path is, from bind_parameters.
struct ScenarioParameter {
  enum class Kind { number, integer, number_list, other };
  Kind kind = Kind::other;
  std::size_t size = 0;  // elements of a number list
  Range range{};
};

/// Every parameter of the scenario by key path (as in LoadedScenario::sources).
class ParameterKinds final : public scenario::PathTrackingVisitor {
 public:
  std::map<std::string, ScenarioParameter> parameters;

  void number(const std::string& key, double& /*value*/, const char* /*unit*/,
              Range range) override {
    add(key, {ScenarioParameter::Kind::number, 0, range});
  }
  void integer(const std::string& key, int& /*value*/, const char* /*unit*/, Range range) override {
    add(key, {ScenarioParameter::Kind::integer, 0, range});
  }
  void boolean(const std::string& key, bool& /*value*/) override { add(key, {}); }
  void text(const std::string& key, std::string& /*value*/) override { add(key, {}); }
  void date(const std::string& key, kernel::Date& /*value*/) override { add(key, {}); }
  void number_list(const std::string& key, std::vector<double>& value, const char* /*unit*/,
                   Range range) override {
    add(key, {ScenarioParameter::Kind::number_list, value.size(), range});
  }
  void date_list(const std::string& key, std::vector<kernel::Date>& /*value*/) override {
    add(key, {});
  }
  void choice(const std::string& key, int& /*index*/,
              const std::vector<std::string>& /*names*/) override {
    add(key, {});
  }

 private:
  void add(const std::string& key, ScenarioParameter p) { parameters[path_of(key)] = p; }
};

std::map<std::string, ScenarioParameter> scenario_parameters(const model::ModelParameters& p) {
  model::ModelParameters copy = p;  // the binding needs mutable access
  ParameterKinds kinds;
  scenario::bind_parameters(kinds, copy);
  return std::move(kinds.parameters);
}

bool is_month(std::string_view text) {
  if (text.size() != kMonthLength || text[kMonthDash] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != kMonthDash && (text[i] < '0' || text[i] > '9')) return false;
  }
  const int month = (text[kMonthDash + 1] - '0') * 10 + (text[kMonthDash + 2] - '0');
  return month >= 1 && month <= kLastMonth;
}

/// The observable an indicator name stands for (its alias target, or itself).
std::string canonical_observable(const std::string& name) {
  for (const auto& [alias, target] : observable_aliases()) {
    if (alias == name) return target;
  }
  return name;
}

std::string line_text(const SourcePosition& p) { return "line " + std::to_string(p.line); }

class SpecReader {
 public:
  SpecReader(std::string file, std::filesystem::path folder)
      : ctx_{std::move(file), 0}, folder_(std::move(folder)) {}

  CalibrationSpec read(const toml::table& root) {
    CalibrationSpec spec;
    check_keys(root, "", kTopKeys);
    if (const toml::node* node = root.get("fit_until")) {
      spec.fit_until = read_month(*node, "fit_until");
    }
    if (root.get("regions") != nullptr) {
      // Multi-region form: no top-level scenario or data (each region has its own).
      for (const char* key : {"scenario", "data"}) {
        if (const toml::node* node = root.get(key)) {
          throw ScenarioError(ctx_.at(*node), key,
                              std::string("no top-level ") + key +
                                  " when the spec lists [[regions]] (each region names its own)",
                              describe_node(*node));
        }
      }
      for_each_table(root, "regions", [&](const toml::table& t, const std::string& path) {
        spec.regions.push_back(read_region(t, path, spec.fit_until));
      });
    } else {
      spec.scenario_file = read_path(root, "", "scenario", "a scenario file");
      spec.data_file = read_path(root, "", "data", "a monitor data file (CSV)");
      spec.regions.push_back({"", spec.scenario_file, spec.data_file, spec.fit_until});
    }
    if (const toml::node* node = root.get("seed")) spec.seed = read_seed(*node);
    if (const toml::node* node = root.get("methods")) spec.methods = read_methods(*node);

    // The scenarios' errors name the scenario file; they are not the spec's to rephrase.
    for (const RegionSpec& region : spec.regions) {
      const scenario::LoadedScenario loaded = scenario::load_scenario(region.scenario_file);
      regions_.push_back(
          {region.name, region.scenario_file.string(), scenario_parameters(loaded.parameters)});
    }

    for_each_table(root, "parameters", [&](const toml::table& t, const std::string& path) {
      spec.parameters.push_back(read_parameter(t, path));
    });
    for_each_table(root, "indicators", [&](const toml::table& t, const std::string& path) {
      spec.indicators.push_back(read_indicator(t, path));
    });
    if (const toml::table* t = sub_table(root, "smm", kSmmKeys)) spec.smm = read_smm(*t);
    if (const toml::table* t = sub_table(root, "abc", kAbcKeys)) spec.abc = read_abc(*t);
    if (const toml::table* t = sub_table(root, "predict", kPredictKeys)) {
      spec.predict.draws = integer(*t, "predict", "draws", kAtLeastOne, spec.predict.draws);
    }
    return spec;
  }

 private:
  ReadContext ctx_;
  std::filesystem::path folder_;
  /// Each region's scenario parameters by key path (one unnamed region in the single form).
  struct RegionScenario {
    std::string name;
    std::string scenario;  // file, for messages
    std::map<std::string, ScenarioParameter> parameters;
  };
  std::vector<RegionScenario> regions_;
  std::map<std::string, SourcePosition> region_names_;
  /// Values fitted so far (key, elements first..last; 0..0 for a number, regions: empty for
  /// all) and where they were claimed (the key or its elements), so that no value of a region
  /// is fitted by two parameters.
  struct Claimed {
    std::string key;
    std::size_t first = 0;
    std::size_t last = 0;
    std::vector<std::string> regions;
    SourcePosition position;
  };
  std::vector<Claimed> claimed_;
  std::map<std::string, SourcePosition> names_;     // display names
  std::map<std::string, SourcePosition> observed_;  // canonical observables

  // ---- generic reads ------------------------------------------------------------------------

  void check_keys(const toml::table& table, const std::string& path,
                  const std::vector<std::string>& valid) const {
    scenario::detail::check_known_keys(ctx_, table, path, valid);
  }

  [[nodiscard]] ScenarioError missing(const toml::table& table, const std::string& path,
                                      const std::string& key, const std::string& expected) const {
    const std::string where = path.empty() ? "the top-level table" : "table " + path;
    return {ctx_.at(table), join_path(path, key), expected, "no key '" + key + "' in " + where};
  }

  const toml::node& required(const toml::table& table, const std::string& path,
                             const std::string& key, const std::string& expected) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) throw missing(table, path, key, expected);
    return *node;
  }

  double number(const toml::table& table, const std::string& path, const std::string& key,
                Range range, double fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    return scenario::detail::read_number(ctx_, *node, join_path(path, key), range);
  }

  int integer(const toml::table& table, const std::string& path, const std::string& key,
              Range range, int fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    return scenario::detail::read_integer(ctx_, *node, join_path(path, key), range);
  }

  int choice(const toml::table& table, const std::string& path, const std::string& key,
             const std::vector<std::string>& names, int fallback) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) return fallback;
    return scenario::detail::read_choice(ctx_, *node, join_path(path, key), names);
  }

  /// A path relative to the spec's folder that must name an existing file.
  std::filesystem::path read_path(const toml::table& table, const std::string& path,
                                  const std::string& key, const std::string& what) const {
    const std::string expected = "the path of " + what + " (relative to the spec's folder)";
    const toml::node& node = required(table, path, key, expected);
    const std::string target = scenario::detail::read_text(ctx_, node, join_path(path, key));
    std::filesystem::path resolved = (folder_ / target).lexically_normal();
    std::error_code error;
    if (target.empty() || !std::filesystem::is_regular_file(resolved, error)) {
      throw ScenarioError(ctx_.at(node), join_path(path, key),
                          "the path of an existing file: " + what,
                          quote(target) + " (" + resolved.string() + " does not exist)");
    }
    return resolved;
  }

  std::string read_month(const toml::node& node, const std::string& path) const {
    std::string month = scenario::detail::read_text(ctx_, node, path);
    if (!is_month(month)) {
      throw ScenarioError(ctx_.at(node), path, "a month \"YYYY-MM\" (month 01 to 12)",
                          quote(month));
    }
    return month;
  }

  /// A [[regions]] entry: a unique name of letters, digits, '-' and '_' (it names HDF5 groups
  /// and qualifies indicators), its scenario and data, and optionally its own fit_until.
  RegionSpec read_region(const toml::table& t, const std::string& path,
                         const std::optional<std::string>& default_fit_until) {
    check_keys(t, path, kRegionKeys);
    RegionSpec r;
    const std::string name_path = join_path(path, "name");
    const toml::node& name = required(t, path, "name", "a region name");
    r.name = scenario::detail::read_text(ctx_, name, name_path);
    const bool valid = !r.name.empty() && std::all_of(r.name.begin(), r.name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '-' || c == '_';
    });
    if (!valid) {
      throw ScenarioError(ctx_.at(name), name_path,
                          "a non-empty name of letters, digits, '-' and '_'", quote(r.name));
    }
    const auto [it, inserted] = region_names_.emplace(r.name, ctx_.at(name));
    if (!inserted) {
      throw ScenarioError(
          ctx_.at(name), name_path, "a name no other region has",
          quote(r.name) + " (also the name of the region on " + line_text(it->second) + ")");
    }
    r.scenario_file = read_path(t, path, "scenario", "a scenario file");
    r.data_file = read_path(t, path, "data", "a monitor data file (CSV)");
    r.fit_until = default_fit_until;
    if (const toml::node* node = t.get("fit_until")) {
      r.fit_until = read_month(*node, join_path(path, "fit_until"));
    }
    return r;
  }

  /// regions = ["name", ...]: known region names, each once (multi-region form only).
  std::vector<std::string> read_parameter_regions(const toml::node& node,
                                                  const std::string& path) const {
    std::string known;
    for (const RegionScenario& r : regions_) {
      if (!known.empty()) known += ", ";
      known += quote(r.name);
    }
    const std::string expected = "a non-empty array of region names (" + known + ")";
    if (regions_.front().name.empty()) {
      throw ScenarioError(ctx_.at(node), path,
                          "no regions (the spec has a single scenario; list [[regions]] to fit "
                          "several)",
                          describe_node(node));
    }
    const toml::array* array = node.as_array();
    if (array == nullptr || array->empty()) {
      throw ScenarioError(ctx_.at(node), path, expected,
                          array == nullptr ? describe_node(node) : "an empty array");
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string element_path = path + "[" + std::to_string(i) + "]";
      const std::string name = scenario::detail::read_text(ctx_, element, element_path);
      if (region_names_.count(name) == 0) {
        std::vector<std::string> names;
        for (const RegionScenario& r : regions_) names.push_back(r.name);
        std::string found = quote(name) + " (no [[regions]] entry has this name";
        if (const auto best = scenario::detail::suggest(name, names)) {
          found += "; did you mean '" + *best + "'?";
        }
        throw ScenarioError(ctx_.at(element), element_path,
                            "the name of a region of the spec (" + known + ")", found + ")");
      }
      if (std::find(out.begin(), out.end(), name) != out.end()) {
        throw ScenarioError(ctx_.at(element), element_path, "each region at most once",
                            quote(name) + " again");
      }
      out.push_back(name);
    }
    return out;
  }

  std::uint64_t read_seed(const toml::node& node) const {
    const auto* value = node.as_integer();
    if (value == nullptr || value->get() < 0) {
      throw ScenarioError(ctx_.at(node), "seed", "an integer >= 0",
                          value == nullptr ? describe_node(node) : std::to_string(value->get()));
    }
    return static_cast<std::uint64_t>(value->get());
  }

  std::vector<std::string> read_methods(const toml::node& node) const {
    const toml::array* array = node.as_array();
    const std::string expected = "a non-empty array of methods, each \"smm\" or \"abc\"";
    if (array == nullptr || array->empty()) {
      throw ScenarioError(ctx_.at(node), "methods", expected,
                          array == nullptr ? describe_node(node) : "an empty array");
    }
    std::vector<std::string> methods;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string path = "methods[" + std::to_string(i) + "]";
      const auto index =
          static_cast<std::size_t>(scenario::detail::read_choice(ctx_, element, path, kMethods));
      for (const std::string& m : methods) {
        if (m == kMethods[index]) {
          throw ScenarioError(ctx_.at(element), path, "each method at most once",
                              quote(m) + " again");
        }
      }
      methods.push_back(kMethods[index]);
    }
    return methods;
  }

  /// Calls `body` for every table of the required, non-empty array of tables `key`.
  void for_each_table(const toml::table& root, const std::string& key,
                      const std::function<void(const toml::table&, const std::string&)>& body) {
    const std::string expected = "at least one [[" + key + "]] table";
    const toml::node& node = required(root, "", key, expected);
    const toml::array* array = node.as_array();
    if (array == nullptr || array->empty()) {
      throw ScenarioError(ctx_.at(node), key, expected,
                          array == nullptr ? describe_node(node) : "an empty array");
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      const std::string path = key + "[" + std::to_string(i) + "]";
      const toml::table* table = item.as_table();
      if (table == nullptr) {
        throw ScenarioError(ctx_.at(item), path, "a table", describe_node(item));
      }
      body(*table, path);
    }
  }

  /// The optional table `key` of the root, its keys checked; null when absent.
  const toml::table* sub_table(const toml::table& root, const std::string& key,
                               const std::vector<std::string>& valid) const {
    const toml::node* node = root.get(key);
    if (node == nullptr) return nullptr;
    const toml::table* table = node->as_table();
    if (table == nullptr) {
      throw ScenarioError(ctx_.at(*node), key, "a table [" + key + "]", describe_node(*node));
    }
    check_keys(*table, key, valid);
    return table;
  }

  // ---- [[parameters]] ----------------------------------------------------------------------

  ParameterSpec read_parameter(const toml::table& t, const std::string& path) {
    check_keys(t, path, kParameterKeys);
    ParameterSpec p;
    const std::string key_path = join_path(path, "key");
    const toml::node& key_node = required(t, path, "key", "a scenario key path (a number)");
    p.key = scenario::detail::read_text(ctx_, key_node, key_path);
    if (const toml::node* regions = t.get("regions")) {
      p.regions = read_parameter_regions(*regions, join_path(path, "regions"));
    }
    // The key must be a number (array) of the scenario of every region it is set in, of the
    // same kind and size in each; the first such region's range bounds the parameter.
    const ScenarioParameter* first_target = nullptr;
    for (const RegionScenario& region : regions_) {
      if (!applies_to(p, region.name)) continue;
      const ScenarioParameter& target = scenario_parameter(key_node, key_path, p.key, region);
      if (first_target != nullptr &&
          (target.kind != first_target->kind || target.size != first_target->size)) {
        throw ScenarioError(ctx_.at(key_node), key_path,
                            "a key of the same kind and size in every region it is set in",
                            quote(p.key) + " (in region " + quote(region.name) + " " +
                                (target.kind == ScenarioParameter::Kind::number_list
                                     ? "an array of " + std::to_string(target.size)
                                     : std::string("a number")) +
                                ")");
      }
      if (first_target == nullptr) first_target = &target;
    }
    const ScenarioParameter& target = *first_target;

    std::size_t first = 0;
    std::size_t last = 0;
    const toml::node* elements = t.get("elements");
    if (target.kind == ScenarioParameter::Kind::number_list) {
      if (elements == nullptr) {
        throw missing(t, path, "elements",
                      "elements = [first, last] (" + p.key + " is an array of " +
                          std::to_string(target.size) + " numbers)");
      }
      std::tie(first, last) =
          read_elements(*elements, join_path(path, "elements"), p.key, target.size);
      p.elements = std::make_pair(static_cast<int>(first), static_cast<int>(last));
    } else {
      if (elements != nullptr) {
        throw ScenarioError(ctx_.at(*elements), join_path(path, "elements"),
                            "no elements (" + p.key + " is a number, not an array)",
                            describe_node(*elements));
      }
    }
    if (elements != nullptr) {
      claim(p.key, first, last, p.regions, ctx_.at(*elements), join_path(path, "elements"));
    } else {
      claim(p.key, first, last, p.regions, ctx_.at(key_node), key_path);
    }

    const std::string range_note =
        " (the valid range of " + p.key + ")";  // bounds must be values the scenario accepts
    const std::string range_text = scenario::detail::range_text(target.range, false);
    const toml::node& lower = required(t, path, "lower", range_text + range_note);
    const toml::node& upper = required(t, path, "upper", range_text + range_note);
    p.lower = read_bound(lower, join_path(path, "lower"), target.range, range_note);
    p.upper = read_bound(upper, join_path(path, "upper"), target.range, range_note);
    if (!(p.lower < p.upper)) {
      throw ScenarioError(ctx_.at(upper), join_path(path, "upper"),
                          "a number > lower (" + format_number(p.lower) + ")",
                          format_number(p.upper));
    }

    p.prior = static_cast<PriorKind>(
        choice(t, path, "prior", kPriors, static_cast<int>(PriorKind::uniform)));
    read_prior(t, path, p, lower);
    p.transform = static_cast<Transform>(
        choice(t, path, "transform", kTransforms, static_cast<int>(Transform::none)));
    check_transform(path, p, lower, upper);

    if (const toml::node* name = t.get("name")) {
      p.name = scenario::detail::read_text(ctx_, *name, join_path(path, "name"));
      if (p.name.empty()) {
        throw ScenarioError(ctx_.at(*name), join_path(path, "name"), "a non-empty name",
                            "an empty string");
      }
    } else {
      p.name = p.key;
      if (p.elements) p.name += "[" + std::to_string(first) + ".." + std::to_string(last) + "]";
    }
    const SourcePosition at = ctx_.at(t.get("name") != nullptr ? *t.get("name") : key_node);
    const auto [it, inserted] = names_.emplace(p.name, at);
    if (!inserted) {
      throw ScenarioError(
          at, join_path(path, "name"), "a name no other parameter has",
          quote(p.name) + " (also the name of the parameter on " + line_text(it->second) + ")");
    }
    return p;
  }

  /// The parameter `key` of a region's scenario (a number or an array of numbers).
  const ScenarioParameter& scenario_parameter(const toml::node& node, const std::string& path,
                                              const std::string& key,
                                              const RegionScenario& region) const {
    const auto& parameters = region.parameters;
    const std::string scenario_name =
        region.scenario + (region.name.empty() ? "" : " (region " + quote(region.name) + ")");
    const auto it = parameters.find(key);
    if (it == parameters.end()) {
      std::vector<std::string> numeric;
      for (const auto& [k, p] : parameters) {
        if (p.kind == ScenarioParameter::Kind::number ||
            p.kind == ScenarioParameter::Kind::number_list) {
          numeric.push_back(k);
        }
      }
      std::string found = quote(key);
      if (const auto best = scenario::detail::suggest(key, numeric)) {
        found += " (did you mean '" + *best + "'?)";
      }
      throw ScenarioError(ctx_.at(node), path,
                          "a number parameter of the scenario " + scenario_name, found);
    }
    if (it->second.kind != ScenarioParameter::Kind::number &&
        it->second.kind != ScenarioParameter::Kind::number_list) {
      const char* what = it->second.kind == ScenarioParameter::Kind::integer
                             ? " (an integer parameter: the search needs a continuous one)"
                             : " (not a number)";
      throw ScenarioError(ctx_.at(node), path,
                          "a number parameter or an array of numbers of the scenario",
                          quote(key) + what);
    }
    return it->second;
  }

  /// elements = [first, last] with 0 <= first <= last < size.
  std::pair<std::size_t, std::size_t> read_elements(const toml::node& node, const std::string& path,
                                                    const std::string& key,
                                                    std::size_t size) const {
    const std::string expected = "[first, last], integers with 0 <= first <= last < " +
                                 std::to_string(size) + " (" + key + " has " +
                                 std::to_string(size) + " elements)";
    const toml::array* array = node.as_array();
    if (array == nullptr || array->size() != 2) {
      throw ScenarioError(
          ctx_.at(node), path, expected,
          array == nullptr ? describe_node(node) : "an array of " + std::to_string(array->size()));
    }
    std::array<std::size_t, 2> index{};
    for (std::size_t i = 0; i < index.size(); ++i) {
      const toml::node& element = *array->get(i);
      const auto* value = element.as_integer();
      if (value == nullptr || value->get() < 0 ||
          static_cast<std::uint64_t>(value->get()) >= size) {
        throw ScenarioError(ctx_.at(element), path + "[" + std::to_string(i) + "]", expected,
                            describe_node(element));
      }
      index[i] = static_cast<std::size_t>(value->get());
    }
    if (index[0] > index[1]) {
      throw ScenarioError(ctx_.at(node), path, expected,
                          "[" + std::to_string(index[0]) + ", " + std::to_string(index[1]) + "]");
    }
    return {index[0], index[1]};
  }

  /// A key (or overlapping elements of an array) may be fitted by one parameter only.
  void claim(const std::string& key, std::size_t first, std::size_t last,
             const std::vector<std::string>& regions, const SourcePosition& position,
             const std::string& path) {
    // Two region sets overlap unless both are explicit and disjoint (empty: every region).
    const auto overlap = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
      if (a.empty() || b.empty()) return true;
      return std::any_of(a.begin(), a.end(), [&](const std::string& x) {
        return std::find(b.begin(), b.end(), x) != b.end();
      });
    };
    for (const Claimed& c : claimed_) {
      if (c.key == key && first <= c.last && c.first <= last && overlap(c.regions, regions)) {
        throw ScenarioError(
            position, path, "a scenario value fitted by one parameter only",
            quote(key) + " (also fitted by the parameter on " + line_text(c.position) + ")");
      }
    }
    claimed_.push_back({key, first, last, regions, position});
  }

  double read_bound(const toml::node& node, const std::string& path, Range range,
                    const std::string& note) const {
    double value = scenario::detail::read_number(ctx_, node, path, scenario::kAnyNumber);
    if (value < range.min || value > range.max) {
      throw ScenarioError(ctx_.at(node), path, scenario::detail::range_text(range, false) + note,
                          format_number(value));
    }
    return value;
  }

  /// prior_mean and prior_sd: required for normal and lognormal, not allowed for uniform.
  void read_prior(const toml::table& t, const std::string& path, ParameterSpec& p,
                  const toml::node& lower) const {
    const char* prior_name = kPriors[static_cast<std::size_t>(p.prior)].c_str();
    if (p.prior == PriorKind::uniform) {
      for (const char* key : {"prior_mean", "prior_sd"}) {
        if (const toml::node* node = t.get(key)) {
          throw ScenarioError(ctx_.at(*node), join_path(path, key),
                              std::string("no ") + key +
                                  " (the prior is uniform; give prior = \"normal\" or "
                                  "\"lognormal\" to use it)",
                              describe_node(*node));
        }
      }
      return;
    }
    const std::string of = p.prior == PriorKind::normal ? "of the value" : "of log(value)";
    const toml::node& mean =
        required(t, path, "prior_mean",
                 std::string("the mean ") + of + " (the prior is " + prior_name + ")");
    const toml::node& sd = required(t, path, "prior_sd",
                                    std::string("the standard deviation ") + of +
                                        ", a number > 0 (the prior is " + prior_name + ")");
    p.prior_mean = scenario::detail::read_number(ctx_, mean, join_path(path, "prior_mean"),
                                                 scenario::kAnyNumber);
    p.prior_sd =
        scenario::detail::read_number(ctx_, sd, join_path(path, "prior_sd"), scenario::kPositive);
    if (p.prior == PriorKind::lognormal && p.lower < 0.0) {
      throw ScenarioError(ctx_.at(lower), join_path(path, "lower"),
                          "a number >= 0 (a lognormal prior has no mass below 0)",
                          format_number(p.lower));
    }
  }

  /// log needs lower > 0; logit needs 0 <= lower < upper <= 1.
  void check_transform(const std::string& path, const ParameterSpec& p, const toml::node& lower,
                       const toml::node& upper) const {
    if (p.transform == Transform::log && !(p.lower > 0.0)) {
      throw ScenarioError(ctx_.at(lower), join_path(path, "lower"),
                          "a number > 0 (transform = \"log\")", format_number(p.lower));
    }
    if (p.transform == Transform::logit) {
      if (p.lower < 0.0) {
        throw ScenarioError(ctx_.at(lower), join_path(path, "lower"),
                            "a number >= 0 (transform = \"logit\" needs bounds in [0, 1])",
                            format_number(p.lower));
      }
      if (p.upper > 1.0) {
        throw ScenarioError(ctx_.at(upper), join_path(path, "upper"),
                            "a number <= 1 (transform = \"logit\" needs bounds in [0, 1])",
                            format_number(p.upper));
      }
    }
  }

  // ---- [[indicators]] ----------------------------------------------------------------------

  IndicatorSpec read_indicator(const toml::table& t, const std::string& path) {
    check_keys(t, path, kIndicatorKeys);
    IndicatorSpec s;
    const std::string name_path = join_path(path, "name");
    const toml::node& name = required(t, path, "name", "an observable");
    s.name = scenario::detail::read_text(ctx_, name, name_path);
    if (!is_observable(s.name)) {
      std::string found = quote(s.name);
      if (const auto best = scenario::detail::suggest(s.name, observable_names())) {
        found += " (did you mean '" + *best + "'?)";
      }
      throw ScenarioError(ctx_.at(name), name_path,
                          "an observable (ww_benefits_running, a service indicator such as "
                          "intakes, or with_service.<series> / without_service.<series>)",
                          found);
    }
    const auto [it, inserted] = observed_.emplace(canonical_observable(s.name), ctx_.at(name));
    if (!inserted) {
      throw ScenarioError(ctx_.at(name), name_path, "each observable in one [[indicators]] only",
                          quote(s.name) + " (also the indicator on " + line_text(it->second) + ")");
    }
    s.weight = number(t, path, "weight", scenario::kPositive, s.weight);
    s.relative_error = number(t, path, "relative_error", scenario::kNonNegative, s.relative_error);
    s.absolute_error = number(t, path, "absolute_error", scenario::kNonNegative, s.absolute_error);
    if (!(s.relative_error > 0.0) && !(s.absolute_error > 0.0)) {
      throw ScenarioError(ctx_.at(t), path,
                          "relative_error > 0 or absolute_error > 0 (the error model's floor: "
                          "sd = max(stderr, relative_error * |value|, absolute_error))",
                          "neither");
    }
    return s;
  }

  // ---- [smm], [abc] ------------------------------------------------------------------------

  SmmSettings read_smm(const toml::table& t) const {
    const std::string path = "smm";
    SmmSettings s;
    s.algorithm = kLocalAlgorithms[static_cast<std::size_t>(
        choice(t, path, "algorithm", kLocalAlgorithms, index_of(kLocalAlgorithms, s.algorithm)))];
    s.global = kGlobalAlgorithms[static_cast<std::size_t>(
        choice(t, path, "global", kGlobalAlgorithms, index_of(kGlobalAlgorithms, s.global)))];
    s.restarts = integer(t, path, "restarts", kAtLeastOne, s.restarts);
    s.max_evaluations = integer(t, path, "max_evaluations", kAtLeastOne, s.max_evaluations);
    s.global_evaluations =
        integer(t, path, "global_evaluations", kAtLeastOne, s.global_evaluations);
    s.relative_tolerance =
        number(t, path, "relative_tolerance", scenario::kPositive, s.relative_tolerance);
    s.replications = integer(t, path, "replications", kAtLeastOne, s.replications);
    s.seed_refits = integer(t, path, "seed_refits", kAtLeastZero, s.seed_refits);
    return s;
  }

  AbcSettings read_abc(const toml::table& t) const {
    const std::string path = "abc";
    AbcSettings s;
    s.particles = integer(t, path, "particles", {kMinParticles, 1e300}, s.particles);
    s.generations = integer(t, path, "generations", kAtLeastOne, s.generations);
    if (const toml::node* node = t.get("quantile")) {
      s.quantile = scenario::detail::read_number(ctx_, *node, "abc.quantile", scenario::kShare);
      if (s.quantile <= 0.0 || s.quantile >= 1.0) {
        throw ScenarioError(ctx_.at(*node), "abc.quantile", "a number in (0, 1)",
                            format_number(s.quantile));
      }
    }
    s.min_acceptance = number(t, path, "min_acceptance", scenario::kShare, s.min_acceptance);
    s.replications = integer(t, path, "replications", kAtLeastOne, s.replications);
    if (const toml::node* node = t.get("stop_at_error_model")) {
      s.stop_at_error_model =
          scenario::detail::read_boolean(ctx_, *node, "abc.stop_at_error_model");
    }
    if (const toml::node* node = t.get("max_simulations")) {
      const auto* value = node->as_integer();
      const std::string expected = "an integer >= particles (" + std::to_string(s.particles) + ")";
      if (value == nullptr || value->get() < s.particles) {
        throw ScenarioError(ctx_.at(*node), "abc.max_simulations", expected,
                            value == nullptr ? describe_node(*node) : std::to_string(value->get()));
      }
      if (value->get() > std::numeric_limits<long>::max()) {
        throw ScenarioError(ctx_.at(*node), "abc.max_simulations", expected,
                            std::to_string(value->get()));
      }
      s.max_simulations = static_cast<long>(value->get());
    }
    return s;
  }

  static int index_of(const std::vector<std::string>& names, const std::string& name) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<int>(i);
    }
    return 0;
  }
};

}  // namespace

bool applies_to(const ParameterSpec& p, const std::string& region) {
  return p.regions.empty() ||
         std::find(p.regions.begin(), p.regions.end(), region) != p.regions.end();
}

CalibrationSpec parse_spec(const std::string& text, const std::filesystem::path& file) {
  const std::string display = file.string();
  const toml::table root = scenario::detail::parse_toml(text, display);
  CalibrationSpec spec = SpecReader(display, file.parent_path()).read(root);
  spec.file = file;
  spec.text = text;
  return spec;
}

CalibrationSpec load_spec(const std::filesystem::path& file) {
  const std::string display = file.string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    throw ScenarioError(
        {display}, "", "a calibration spec file",
        std::filesystem::exists(file, error) ? "something that is not a file" : "no such file");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in) throw ScenarioError({display}, "", "a readable calibration spec file", "a read error");
  return parse_spec(buffer.str(), file);
}

}  // namespace werkstroom::calibration
