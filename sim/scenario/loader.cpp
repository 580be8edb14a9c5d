#include "scenario/loader.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>
#include <system_error>
#include <utility>

#include "scenario/parameter_visitor.hpp"
#include "scenario/posterior_file.hpp"
#include "scenario/schema.hpp"
#include "scenario/toml_reader.hpp"
#include "scenario/toml_values.hpp"
#include "scenario/validation.hpp"

namespace werkstroom::scenario {

namespace {

using detail::check_toml_text;
using detail::parse_toml;
using detail::ReadContext;

struct Document {
  std::filesystem::path path;
  std::string display;  // the path as written, for messages
  std::string text;
  toml::table root;
};

Document parse_document(const std::filesystem::path& path) {
  Document doc{path, path.string(), {}, {}};
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw ScenarioError(
        {doc.display}, "", "a scenario file",
        std::filesystem::exists(path, error) ? "something that is not a file" : "no such file");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in) throw ScenarioError({doc.display}, "", "a readable scenario file", "a read error");
  doc.text = buffer.str();
  doc.root = parse_toml(doc.text, doc.display);
  return doc;
}

/// Identity of a file for cycle detection.
std::filesystem::path identity(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  if (error) return std::filesystem::absolute(path).lexically_normal();
  return canonical;
}

/// The file and its bases, the loaded file first.
std::vector<Document> load_chain(const std::filesystem::path& file) {
  std::vector<Document> chain;
  std::vector<std::filesystem::path> seen;
  std::filesystem::path current = file;
  while (true) {
    chain.push_back(parse_document(current));
    seen.push_back(identity(current));
    const Document& doc = chain.back();
    const toml::node* extends = doc.root.get("extends");
    if (extends == nullptr) return chain;
    const ReadContext ctx{doc.display, 0};
    const std::string target = detail::read_text(ctx, *extends, "extends");
    const std::filesystem::path base = (current.parent_path() / target).lexically_normal();
    if (std::find(seen.begin(), seen.end(), identity(base)) != seen.end()) {
      std::string names;
      for (const Document& d : chain) names += d.display + " -> ";
      throw ScenarioError(ctx.at(*extends), "extends", "a chain of base scenarios without a cycle",
                          "the cycle " + names + base.string());
    }
    std::error_code error;
    if (target.empty() || !std::filesystem::is_regular_file(base, error)) {
      throw ScenarioError(
          ctx.at(*extends), "extends",
          "an existing scenario file (relative to the folder of " + doc.display + ")",
          detail::quote(target) + " (" + base.string() + " does not exist)");
    }
    current = base;
  }
}

/// Applies one --set to the parameter it names; the search follows bind_parameters.
class OverrideVisitor final : public ParameterVisitor {
 public:
  OverrideVisitor(ReadContext ctx, std::string target, const toml::node& value)
      : ctx_(std::move(ctx)), target_(std::move(target)), value_(value) {}

  std::vector<SourcePosition> element_positions;

  void number(const std::string& key, double& value, const char* /*unit*/, Range range) override {
    if (match(key)) value = detail::read_number(ctx_, value_, target_, range);
  }
  void integer(const std::string& key, int& value, const char* /*unit*/, Range range) override {
    if (match(key)) value = detail::read_integer(ctx_, value_, target_, range);
  }
  void boolean(const std::string& key, bool& value) override {
    if (match(key)) value = detail::read_boolean(ctx_, value_, target_);
  }
  void text(const std::string& key, std::string& value) override {
    if (match(key)) value = detail::read_text(ctx_, value_, target_);
  }
  void date(const std::string& key, kernel::Date& value) override {
    if (match(key)) value = detail::read_date(ctx_, value_, target_);
  }
  void number_list(const std::string& key, std::vector<double>& value, const char* /*unit*/,
                   Range range) override {
    if (match(key)) {
      value = detail::read_number_list(ctx_, value_, target_, range, &element_positions);
    }
  }
  void date_list(const std::string& key, std::vector<kernel::Date>& value) override {
    if (match(key)) value = detail::read_date_list(ctx_, value_, target_, &element_positions);
  }
  void choice(const std::string& key, int& index, const std::vector<std::string>& names) override {
    if (match(key)) index = detail::read_choice(ctx_, value_, target_, names);
  }

  void table(const std::string& key, const std::function<void()>& body) override {
    note(key);
    const std::string path = detail::join_path(prefix_, key);
    if (target_ == path) {
      throw ScenarioError({ctx_.file}, target_, "the key path of one parameter",
                          "a table (" + path + ")");
    }
    if (starts_with(target_, path + ".")) descend(path, body);
  }

  void table_array(const std::string& key, std::size_t count,
                   const std::function<void(std::size_t)>& /*resize*/,
                   const std::function<void(std::size_t)>& element) override {
    note(key);
    const std::string path = detail::join_path(prefix_, key);
    if (target_ == path) {
      throw ScenarioError({ctx_.file}, target_,
                          "the key path of one parameter, such as " + path + "[0].<key>",
                          "an array of tables (" + path + ")");
    }
    if (!starts_with(target_, path + "[")) return;
    const std::size_t open = path.size();
    const std::size_t close = target_.find(']', open);
    const std::string digits =
        close == std::string::npos ? "" : target_.substr(open + 1, close - open - 1);
    const bool well_formed = !digits.empty() && digits.size() < 10 &&
                             digits.find_first_not_of("0123456789") == std::string::npos &&
                             close + 1 < target_.size() && target_[close + 1] == '.';
    if (!well_formed) {
      throw ScenarioError({ctx_.file}, target_, "an element key such as " + path + "[0].<key>",
                          "'" + target_ + "'");
    }
    const std::size_t index = std::stoul(digits);
    if (index >= count) {
      throw ScenarioError({ctx_.file}, target_,
                          "an index below " + std::to_string(count) + " (" + path + " has " +
                              std::to_string(count) + " elements)",
                          std::to_string(index));
    }
    descend(path + "[" + std::to_string(index) + "]", [&] { element(index); });
  }

  /// Throws when no parameter matched, suggesting a key valid where the path went astray.
  void finish() const {
    if (found_) return;
    const std::string rest = scope_.empty() ? target_ : target_.substr(scope_.size() + 1);
    const std::string segment = rest.substr(0, rest.find_first_of(".["));
    if (std::find(scope_keys_.begin(), scope_keys_.end(), segment) != scope_keys_.end()) {
      throw ScenarioError({ctx_.file}, target_,
                          "the key path of one parameter (" + detail::join_path(scope_, segment) +
                              " takes no index or sub-key)",
                          "'" + target_ + "'");
    }
    throw ScenarioError({ctx_.file}, target_, detail::unknown_key_expectation(segment, scope_keys_),
                        "'" + segment + "'");
  }

 private:
  ReadContext ctx_;
  std::string target_;
  const toml::node& value_;
  bool found_ = false;
  std::string prefix_;                   // the table being walked
  std::string scope_;                    // the deepest table on the target's path
  std::vector<std::string> scope_keys_;  // the keys valid there

  static bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
  }

  void note(const std::string& key) {
    if (prefix_ == scope_) scope_keys_.push_back(key);
  }

  bool match(const std::string& key) {
    note(key);
    if (detail::join_path(prefix_, key) != target_) return false;
    found_ = true;
    return true;
  }

  void descend(const std::string& path, const std::function<void()>& body) {
    const std::string saved = prefix_;
    prefix_ = path;
    scope_ = path;
    scope_keys_.clear();
    body();
    prefix_ = saved;
  }
};

}  // namespace

void attach_posterior(model::ModelParameters& p, const std::filesystem::path& file) {
  auto sample = std::make_shared<model::PosteriorSample>(read_posterior_csv(file));
  check_posterior(p, *sample);
  p.uncertainty.posterior = file.string();
  p.uncertainty.posterior_sample = std::move(sample);
}

LoadedScenario load_scenario(const std::filesystem::path& file) {
  const std::vector<Document> chain = load_chain(file);
  detail::ReadState state;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const bool is_base = it == chain.rbegin();
    detail::read_document(it->root, it->display,
                          is_base ? detail::ReadMode::base : detail::ReadMode::variant,
                          it->path.filename().string(), state);
  }
  std::vector<std::string> files;
  files.reserve(chain.size());
  for (const Document& doc : chain) files.push_back(doc.display);
  detail::check_cross_field_rules(state.parameters, state.positions, files);
  check_information_cutoff(state.published, state.parameters.horizon.start_date);

  // A posterior named by a file is read relative to the file that names it.
  const std::string& posterior = state.parameters.uncertainty.posterior;
  if (!posterior.empty()) {
    const std::string& named_in = state.positions["uncertainty.posterior"].file;
    std::filesystem::path dir;
    for (const Document& doc : chain) {
      if (doc.display == named_in) dir = doc.path.parent_path();
    }
    attach_posterior(state.parameters, dir / posterior);
  }

  LoadedScenario result;
  for (const ParameterEntry& entry : list_parameters(state.parameters)) {
    result.units[entry.key_path] = entry.unit;
  }
  result.parameters = std::move(state.parameters);
  result.sources = std::move(state.sources);
  result.positions = std::move(state.positions);
  result.published = std::move(state.published);
  result.ranges = std::move(state.ranges);
  result.relative_ranges = std::move(state.relative_ranges);
  result.name = file.stem().string();
  result.files = std::move(files);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    result.text += "# ---- " + it->display + "\n" + it->text;
    if (!it->text.empty() && it->text.back() != '\n') result.text += '\n';
  }
  return result;
}

namespace {

/// One override on `scenario` in place: type and range checked, the bookkeeping of sources,
/// publications, ranges and positions updated. The cross-field rules and the information
/// cut-off are the caller's (once for several overrides). Throws ScenarioError, leaving
/// `scenario` partly changed: callers work on a copy.
void apply_one(LoadedScenario& scenario, const std::string& key_path,
               const std::string& value_text) {
  static const std::string kPrefix = "value = ";
  const ReadContext ctx{"--set", kPrefix.size()};
  const std::string document = kPrefix + value_text;
  try {
    check_toml_text(document, ctx.file, ctx.column_shift);
  } catch (const ScenarioError& e) {
    throw ScenarioError(e.position(), key_path, e.expected(),
                        e.found() + " in " + detail::quote(value_text));
  }
  toml::table parsed;
  try {
    parsed = toml::parse(std::string_view{document}, std::string_view{ctx.file});
  } catch (const toml::parse_error& e) {
    throw ScenarioError(ctx.at(e.source()), key_path,
                        "a TOML value (3, 0.5, true, \"text\", [1, 2], 2021-03-01)",
                        std::string(e.description()) + " in " + detail::quote(value_text));
  }
  const toml::node* value = parsed.get("value");
  if (value == nullptr || parsed.size() != 1) {
    throw ScenarioError({ctx.file}, key_path, "a single TOML value", detail::quote(value_text));
  }

  OverrideVisitor visitor(ctx, key_path, *value);
  bind_parameters(visitor, scenario.parameters);
  visitor.finish();
  scenario.sources[key_path] = kOverrideLabel;
  scenario.published.erase(key_path);
  scenario.ranges.erase(key_path);  // the override's value has no plausible range of its own
  scenario.relative_ranges.erase(key_path);
  detail::erase_prefix(scenario.positions, key_path + "[");
  scenario.positions[key_path] = ctx.at(*value);
  for (std::size_t i = 0; i < visitor.element_positions.size(); ++i) {
    scenario.positions[key_path + "[" + std::to_string(i) + "]"] = visitor.element_positions[i];
  }
}

/// The checks of the whole scenario after its overrides, and a posterior named by one.
void finish_overrides(LoadedScenario& scenario, bool posterior_set) {
  detail::check_cross_field_rules(scenario.parameters, scenario.positions, scenario.files);
  check_information_cutoff(scenario.published, scenario.parameters.horizon.start_date);
  if (posterior_set) {
    // --set uncertainty.posterior="file": relative to the working directory; "" drops it.
    scenario.parameters.uncertainty.posterior_sample.reset();
    if (!scenario.parameters.uncertainty.posterior.empty()) {
      attach_posterior(scenario.parameters, scenario.parameters.uncertainty.posterior);
    }
  }
}

constexpr const char* kPosteriorKey = "uncertainty.posterior";

}  // namespace

void apply_override(LoadedScenario& scenario, const std::string& key_path,
                    const std::string& value_text) {
  LoadedScenario copy = scenario;
  apply_one(copy, key_path, value_text);
  finish_overrides(copy, key_path == kPosteriorKey);
  scenario = std::move(copy);
}

LoadedScenario for_overrides_only(const LoadedScenario& scenario) {
  LoadedScenario out;
  out.parameters = scenario.parameters;
  out.positions = scenario.positions;
  out.published = scenario.published;
  out.name = scenario.name;
  out.files = scenario.files;
  return out;
}

LoadedScenario with_overrides(LoadedScenario base,
                              const std::vector<std::pair<std::string, std::string>>& overrides) {
  LoadedScenario out = std::move(base);
  bool posterior_set = false;
  for (const auto& [key_path, value_text] : overrides) {
    apply_one(out, key_path, value_text);
    posterior_set = posterior_set || key_path == kPosteriorKey;
  }
  finish_overrides(out, posterior_set);
  return out;
}

}  // namespace werkstroom::scenario
