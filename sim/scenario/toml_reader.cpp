#include "scenario/toml_reader.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "scenario/loader.hpp"
#include "scenario/parameter_visitor.hpp"
#include "scenario/schema.hpp"
#include "scenario/toml_values.hpp"

namespace werkstroom::scenario::detail {

namespace {

class TomlReader final : public ParameterVisitor {
 public:
  TomlReader(const toml::table& root, const std::string& file, ReadMode mode,
             std::string variant_name, ReadState& state)
      : ctx_{file, 0}, mode_(mode), variant_name_(std::move(variant_name)), state_(state) {
    if (const toml::node* description = root.get("description")) {
      (void)read_text(ctx_, *description, "description");
    }
    if (const toml::node* extends = root.get("extends")) (void)read_text(ctx_, *extends, "extends");
    enter(&root, "", mode == ReadMode::base, "", ctx_.at(root));
  }

  void number(const std::string& key, double& value, const char* /*unit*/, Range range) override {
    std::string path;
    if (const toml::node* node = find(key, true, path)) {
      value = read_number(ctx_, *node, path, range);
      if (range_ != nullptr) {
        state_.ranges[path] = read_plausible_range(path, value, range);
      } else if (!own_label_ && frames_.back().relative) {
        state_.relative_ranges[path] = relative_range_of(*frames_.back().relative, value, range);
      }
    }
  }

  void integer(const std::string& key, int& value, const char* /*unit*/, Range range) override {
    std::string path;
    if (const toml::node* node = find(key, true, path)) {
      refuse_range(path);
      value = read_integer(ctx_, *node, path, range);
    }
  }

  void boolean(const std::string& key, bool& value) override {
    std::string path;
    if (const toml::node* node = find(key, true, path)) {
      refuse_range(path);
      value = read_boolean(ctx_, *node, path);
    }
  }

  void text(const std::string& key, std::string& value) override {
    std::string path;
    if (const toml::node* node = find(key, true, path)) {
      refuse_range(path);
      value = read_text(ctx_, *node, path);
    }
  }

  void date(const std::string& key, kernel::Date& value) override {
    std::string path;
    if (const toml::node* node = find(key, true, path)) {
      refuse_range(path);
      value = read_date(ctx_, *node, path);
    }
  }

  void choice(const std::string& key, int& index, const std::vector<std::string>& names) override {
    std::string path;
    if (const toml::node* node = find(key, true, path)) {
      refuse_range(path);
      index = read_choice(ctx_, *node, path, names);
    }
  }

  void number_list(const std::string& key, std::vector<double>& value, const char* /*unit*/,
                   Range range) override {
    read_list(key, value,
              [this, range](const toml::node& node, const std::string& path,
                            std::vector<SourcePosition>* positions) {
                return read_number_list(ctx_, node, path, range, positions);
              });
  }

  void date_list(const std::string& key, std::vector<kernel::Date>& value) override {
    read_list(key, value,
              [this](const toml::node& node, const std::string& path,
                     std::vector<SourcePosition>* positions) {
                return read_date_list(ctx_, node, path, positions);
              });
  }

  /// A list parameter: absent in a base file it is empty; its elements' positions are kept.
  template <typename T, typename Read>
  void read_list(const std::string& key, std::vector<T>& value, const Read& read) {
    std::string path;
    const toml::node* node = find(key, false, path);
    if (node == nullptr) {
      if (frames_.back().strict) value.clear();
      return;
    }
    refuse_range(path);
    std::vector<SourcePosition> positions;
    value = read(*node, path, &positions);
    record_elements(path, positions);
  }

  void table(const std::string& key, const std::function<void()>& body) override {
    const Frame parent = frames_.back();
    const std::string path = join_path(parent.path, key);
    const toml::table* table = nullptr;
    if (parent.table != nullptr) {
      if (const toml::node* node = parent.table->get(key)) {
        table = node->as_table();
        if (table == nullptr) {
          throw ScenarioError(ctx_.at(*node), path, "a table", describe_node(*node));
        }
      }
    }
    enter(table, path, parent.strict, parent.label,
          table != nullptr ? ctx_.at(*table) : parent.position, parent.published);
    body();
    frames_.pop_back();
  }

  void table_array(const std::string& key, std::size_t /*count*/,
                   const std::function<void(std::size_t)>& resize,
                   const std::function<void(std::size_t)>& element) override {
    const Frame parent = frames_.back();
    const std::string path = join_path(parent.path, key);
    const toml::node* node = parent.table != nullptr ? parent.table->get(key) : nullptr;
    if (node == nullptr) return;  // base: stays empty; variant: keeps the base's array
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      throw ScenarioError(ctx_.at(*node), path, "an array of tables ([[" + path + "]])",
                          describe_node(*node));
    }
    // Replaces the whole array: nothing of the previous elements survives.
    erase_prefix(state_.sources, path + "[");
    erase_prefix(state_.positions, path + "[");
    erase_prefix(state_.published, path + "[");
    erase_prefix(state_.ranges, path + "[");
    erase_prefix(state_.relative_ranges, path + "[");
    resize(0);
    resize(array->size());
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      const toml::table* table = item.as_table();
      if (table == nullptr) {
        throw ScenarioError(ctx_.at(item), item_path, "a table", describe_node(item));
      }
      enter(table, item_path, true, parent.label, ctx_.at(*table), parent.published);
      element(i);
      frames_.pop_back();
    }
  }

 private:
  struct Frame {
    const toml::table* table = nullptr;    // null: the table is absent from this file
    std::string path;                      // key path of the table, "" at the top level
    bool strict = false;                   // every scalar key must be present
    std::string label;                     // table-level source label in force ("" none)
    SourcePosition position;               // of the table, or of the nearest present ancestor
    std::optional<Publication> published;  // table-level publication date in force
    /// The relative range in force with `label` (loader.hpp, RelativeRange; range unset).
    std::optional<RelativeRange> relative;
  };

  ReadContext ctx_;
  ReadMode mode_;
  std::string variant_name_;
  ReadState& state_;
  std::vector<Frame> frames_;
  /// The `range` of the value find() returned last (null: none given).
  const toml::node* range_ = nullptr;
  /// Whether the value find() returned last has a label of its own (not its table's).
  bool own_label_ = false;

  /// A table's `relative_range = [lo, hi]` (loader.hpp, RelativeRange): two factors with
  /// 0 <= lo <= 1 <= hi, beside a `source = "assumption: ..."` line of the same table.
  RelativeRange read_relative_range(const toml::node& node, const std::string& table_path,
                                    const toml::node* source, const std::string& label) const {
    const std::string path = join_path(table_path, "relative_range");
    static const std::string kExpected =
        "a relative range [lo, hi] of two factors with 0 <= lo <= 1 <= hi";
    if (source == nullptr) {
      throw ScenarioError(ctx_.at(node), path,
                          "relative_range beside a table-level source = \"assumption: ...\" in "
                          "the same table (the range goes with that label)",
                          "a relative range in a table without a source line");
    }
    if (label.rfind("assumption:", 0) != 0) {
      throw ScenarioError(ctx_.at(node), path,
                          "relative_range beside a table-level source = \"assumption: ...\" (only "
                          "assumptions take a plausible range)",
                          "a relative range beside source = " + quote(label));
    }
    const toml::array* array = node.as_array();
    if (array == nullptr || array->size() != 2) {
      throw ScenarioError(ctx_.at(node), path, kExpected, describe_node(node));
    }
    const double lo = read_number(ctx_, *array->get(0), path + "[0]", kNonNegative);
    const double hi = read_number(ctx_, *array->get(1), path + "[1]", kNonNegative);
    const std::string found = "[" + format_number(lo) + ", " + format_number(hi) + "]";
    if (lo > hi) throw ScenarioError(ctx_.at(node), path, kExpected + " (lo <= hi)", found);
    if (lo > 1.0 || hi < 1.0) {
      throw ScenarioError(ctx_.at(node), path,
                          "a relative range that contains 1 (the value itself: lo <= 1 <= hi)",
                          found);
    }
    RelativeRange out;
    out.factor_lo = lo;
    out.factor_hi = hi;
    out.group = table_path;
    return out;
  }

  /// The relative range `relative` applied to a value: [lo v, hi v], ordered (a negative value
  /// turns it round) and clipped to the key's valid range.
  static RelativeRange relative_range_of(RelativeRange relative, double value, Range valid) {
    const double a = relative.factor_lo * value;
    const double b = relative.factor_hi * value;
    relative.range.lo = std::clamp(std::min(a, b), valid.min, valid.max);
    relative.range.hi = std::clamp(std::max(a, b), valid.min, valid.max);
    return relative;
  }

  /// A plausible range [lo, hi] (loader.hpp, PlausibleRange): two numbers in the key's valid
  /// range with lo <= value <= hi.
  PlausibleRange read_plausible_range(const std::string& path, double value, Range valid) {
    const std::string range_path = path + ".range";
    static const std::string kExpected = "a plausible range [lo, hi] of two numbers";
    const toml::array* array = range_->as_array();
    if (array == nullptr || array->size() != 2) {
      throw ScenarioError(ctx_.at(*range_), range_path, kExpected, describe_node(*range_));
    }
    const double lo = read_number(ctx_, *array->get(0), range_path + "[0]", valid);
    const double hi = read_number(ctx_, *array->get(1), range_path + "[1]", valid);
    if (lo > hi) {
      throw ScenarioError(ctx_.at(*range_), range_path, kExpected + " with lo <= hi",
                          "[" + format_number(lo) + ", " + format_number(hi) + "]");
    }
    if (value < lo || value > hi) {
      throw ScenarioError(ctx_.at(*range_), range_path,
                          "a range that contains the value " + format_number(value),
                          "[" + format_number(lo) + ", " + format_number(hi) + "]");
    }
    return {lo, hi};
  }

  /// Only a number key takes a plausible range: what could vary an integer, a name or a date
  /// over an interval is not defined.
  void refuse_range(const std::string& path) const {
    if (range_ == nullptr) return;
    throw ScenarioError(ctx_.at(*range_), path + ".range",
                        "no range (only a number key takes a plausible range)",
                        "a range on a key that is not a number");
  }

  void enter(const toml::table* table, const std::string& path, bool strict,
             const std::string& inherited_label, SourcePosition position,
             std::optional<Publication> inherited_published = std::nullopt) {
    Frame frame{table,
                path,
                strict,
                inherited_label,
                std::move(position),
                std::move(inherited_published),
                frames_.empty() ? std::nullopt : frames_.back().relative};
    if (table != nullptr) {
      check_keys(*table, path);
      const toml::node* source = table->get("source");
      if (source != nullptr) {
        frame.label = read_label(ctx_, *source, join_path(path, "source"));
        frame.published.reset();  // a new label speaks for itself
        frame.relative.reset();   // and has no range unless it gives one
      }
      if (const toml::node* relative = table->get("relative_range")) {
        frame.relative = read_relative_range(*relative, path, source, frame.label);
      }
      if (const toml::node* published = table->get("published")) {
        frame.published = read_publication(*published, join_path(path, "published"));
      }
    }
    frames_.push_back(std::move(frame));
  }

  /// A `published` entry: a date, "YYYY-MM-DD" or "YYYY-MM" (publication.hpp).
  Publication read_publication(const toml::node& node, const std::string& path) {
    static const std::string expected =
        "a publication date (2020-10-15, \"2020-10-15\" or \"2020-10\" for a month)";
    if (const auto* d = node.as_date()) {
      const toml::date value = d->get();
      const kernel::Date date{value.year, value.month, value.day};
      if (!date.is_valid()) throw ScenarioError(ctx_.at(node), path, expected, describe_node(node));
      return {date.to_string(), date, ctx_.at(node)};
    }
    if (const auto* text = node.as_string()) {
      try {
        return parse_publication(text->get(), ctx_.at(node));
      } catch (const std::invalid_argument&) {
        throw ScenarioError(ctx_.at(node), path, expected, describe_node(node));
      }
    }
    throw ScenarioError(ctx_.at(node), path, expected, describe_node(node));
  }

  /// Every key of `table` must be valid at this place.
  void check_keys(const toml::table& table, const std::string& path) {
    if (const toml::node* range = table.get("range")) {
      throw ScenarioError(ctx_.at(*range), join_path(path, "range"),
                          "a range beside one value (key = { value = ..., range = [lo, hi], "
                          "source = \"...\" }), or relative_range = [lo, hi] beside the table's "
                          "source = \"assumption: ...\" for all its keys",
                          "a table-level range");
    }
    std::vector<std::string> valid = schema_keys().at(schema_path(path));
    valid.emplace_back("source");
    valid.emplace_back("published");
    valid.emplace_back("relative_range");
    if (path.empty()) {
      valid.emplace_back("extends");
      valid.emplace_back("description");
    }
    check_known_keys(ctx_, table, path, valid);
  }

  /// The node of `key` in the current table, unwrapping { value = ..., source = "..." }, with
  /// its label and position recorded; null when absent (an error for a required scalar).
  const toml::node* find(const std::string& key, bool scalar, std::string& path) {
    const Frame& frame = frames_.back();
    path = join_path(frame.path, key);
    const toml::node* node = frame.table != nullptr ? frame.table->get(key) : nullptr;
    range_ = nullptr;
    if (node == nullptr) {
      if (frame.strict && scalar) throw missing(frame, key, path);
      if (frame.strict) {  // a list a base file leaves out is empty
        state_.sources[path] = kNotSetLabel;
        state_.positions.erase(path);
        erase_prefix(state_.positions, path + "[");
        state_.published.erase(path);
      }
      return nullptr;
    }
    std::string label;
    std::optional<Publication> published;
    if (const toml::table* labelled = node->as_table()) {
      static const std::vector<std::string> kLabelledKeys = {"value", "source", "published",
                                                             "range"};
      for (const auto& [k, v] : *labelled) {
        const std::string name(k.str());
        if (std::find(kLabelledKeys.begin(), kLabelledKeys.end(), name) == kLabelledKeys.end()) {
          throw ScenarioError(ctx_.at(k.source()), join_path(path, name),
                              unknown_key_expectation(name, kLabelledKeys), "'" + name + "'");
        }
      }
      const toml::node* source = labelled->get("source");
      const toml::node* date = labelled->get("published");
      node = labelled->get("value");
      if (node == nullptr) {
        throw ScenarioError(ctx_.at(*labelled), path,
                            "a value, or a labelled value { value = ..., source = \"...\" }",
                            "a table without key 'value'");
      }
      if (source != nullptr) label = read_label(ctx_, *source, path + ".source");
      if (date != nullptr) published = read_publication(*date, path + ".published");
      range_ = labelled->get("range");
    }
    // A value's own label speaks for itself; one without takes its table's date with the
    // table's label.
    if (label.empty() && !published) published = frame.published;
    if (published) {
      state_.published[path] = *published;
    } else {
      state_.published.erase(path);
    }
    own_label_ = !label.empty();
    if (label.empty()) label = frame.label;
    if (label.empty()) {
      if (mode_ == ReadMode::base) {
        throw ScenarioError(ctx_.at(*node), path,
                            "a source label (key = { value = ..., source = \"seed: ...\" } or "
                            "source = \"...\" in its table)",
                            "an unlabelled value in a base scenario");
      }
      label = "variant: " + variant_name_;
    }
    state_.sources[path] = label;
    state_.ranges.erase(path);  // a range belongs to the value it is written beside
    state_.relative_ranges.erase(path);
    state_.positions[path] = ctx_.at(*node);
    erase_prefix(state_.positions, path + "[");
    return node;
  }

  void record_elements(const std::string& path, const std::vector<SourcePosition>& positions) {
    for (std::size_t i = 0; i < positions.size(); ++i) {
      state_.positions[path + "[" + std::to_string(i) + "]"] = positions[i];
    }
  }

  [[nodiscard]] ScenarioError missing(const Frame& frame, const std::string& key,
                                      const std::string& path) const {
    std::string where = frame.path.empty() ? "the top-level table" : "table [" + frame.path + "]";
    if (frame.table == nullptr) where += ", which is missing";
    const char* expected = mode_ == ReadMode::base
                               ? "a value (a base scenario sets every parameter)"
                               : "a value (an array of tables given in a variant replaces the "
                                 "base's array, so each element sets every key)";
    return {frame.position, path, expected, "no key '" + key + "' in " + where};
  }
};

}  // namespace

void read_document(const toml::table& root, const std::string& file, ReadMode mode,
                   const std::string& variant_name, ReadState& state) {
  TomlReader reader(root, file, mode, variant_name, state);
  bind_parameters(reader, state.parameters);
}

}  // namespace werkstroom::scenario::detail
