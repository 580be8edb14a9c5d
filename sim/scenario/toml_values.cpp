#include "scenario/toml_values.hpp"

#include <algorithm>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <system_error>

#include "scenario/schema.hpp"

namespace werkstroom::scenario::detail {

namespace {

constexpr std::array<const char*, 5> kLabelPrefixes = {"seed", "public", "derived", "assumption",
                                                       "calibrated"};

std::string label_expectation() {
  std::string text = "a source label starting with ";
  for (std::size_t i = 0; i < kLabelPrefixes.size(); ++i) {
    if (i > 0) text += i + 1 == kLabelPrefixes.size() ? " or " : ", ";
    text += "\"" + std::string(kLabelPrefixes[i]) + ":\"";
  }
  return text + " and a description";
}

std::string names_text(const std::vector<std::string>& names) {
  std::string text = "one of ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += ", ";
    text += quote(names[i]);
  }
  return text;
}

std::string date_text(const toml::date& d) {
  return kernel::Date{d.year, d.month, d.day}.to_string();
}

bool in_range(double value, Range range) { return value >= range.min && value <= range.max; }

}  // namespace

SourcePosition ReadContext::at(const toml::source_region& region) const {
  SourcePosition position{file, region.begin.line, region.begin.column};
  if (position.line == 1 && position.column > column_shift) position.column -= column_shift;
  return position;
}

std::string format_number(double value) {
  // Plain decimals while they are short ("10000000", "0.000001"), else the shortest form
  // ("1e+300"); both read back as the same double.
  constexpr std::size_t kMaxFixedLength = 17;
  std::array<char, 512> buffer{};
  const auto fixed =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  if (fixed.ec == std::errc() &&
      static_cast<std::size_t>(fixed.ptr - buffer.data()) <= kMaxFixedLength) {
    return {buffer.data(), fixed.ptr};
  }
  const auto shortest = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), shortest.ptr};
}

std::string format_derived(double value) {
  constexpr int kSignificantDigits = 12;
  std::array<char, 64> buffer{};
  const auto rounded = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                     std::chars_format::general, kSignificantDigits);
  double shown = value;  // kept where the text does not read back (not finite)
  if (rounded.ec == std::errc()) (void)std::from_chars(buffer.data(), rounded.ptr, shown);
  return format_number(shown);
}

std::string quote(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          std::array<char, 8> buffer{};
          const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                            static_cast<unsigned char>(c), 16);
          const std::string hex(buffer.data(), result.ptr);
          out += "\\u" + std::string(4 - hex.size(), '0') + hex;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string range_text(Range range, bool integer) {
  std::string what = integer ? "an integer" : "a number";
  const bool low = range.min > kAnyNumber.min;
  const bool high = range.max < kAnyNumber.max;
  if (low && high) {
    return what + " in [" + format_number(range.min) + ", " + format_number(range.max) + "]";
  }
  if (low) {
    if (range.min == kPositive.min) return what + " > 0";
    return what + " >= " + format_number(range.min);
  }
  if (high) return what + " <= " + format_number(range.max);
  return what;
}

std::string describe_node(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string " + quote(node.as_string()->get());
    case toml::node_type::integer:
      return "an integer " + std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point:
      return "a floating-point number " + format_number(node.as_floating_point()->get());
    case toml::node_type::boolean:
      return std::string("a boolean ") + (node.as_boolean()->get() ? "true" : "false");
    case toml::node_type::date:
      return "a date " + date_text(node.as_date()->get());
    case toml::node_type::time:
      return "a time of day";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

double read_number(const ReadContext& ctx, const toml::node& node, const std::string& path,
                   Range range) {
  double value = 0.0;
  if (const auto* i = node.as_integer()) {
    value = static_cast<double>(i->get());
  } else if (const auto* f = node.as_floating_point()) {
    value = f->get();
  } else {
    throw ScenarioError(ctx.at(node), path, range_text(range, false), describe_node(node));
  }
  if (!in_range(value, range)) {
    throw ScenarioError(ctx.at(node), path, range_text(range, false), format_number(value));
  }
  return value;
}

int read_integer(const ReadContext& ctx, const toml::node& node, const std::string& path,
                 Range range) {
  double value = 0.0;
  std::string found;
  if (const auto* i = node.as_integer()) {
    const std::int64_t v = i->get();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      throw ScenarioError(ctx.at(node), path, range_text(range, true), std::to_string(v));
    }
    value = static_cast<double>(v);
    found = std::to_string(v);
  } else if (const auto* f = node.as_floating_point()) {
    value = f->get();
    // A float is accepted only when it is integral (3.0), never rounded.
    if (!std::isfinite(value) || value != std::floor(value) ||
        std::fabs(value) > static_cast<double>(std::numeric_limits<int>::max())) {
      throw ScenarioError(ctx.at(node), path, range_text(range, true), describe_node(node));
    }
    found = format_number(value);
  } else {
    throw ScenarioError(ctx.at(node), path, range_text(range, true), describe_node(node));
  }
  if (!in_range(value, range)) {
    throw ScenarioError(ctx.at(node), path, range_text(range, true), found);
  }
  return static_cast<int>(value);
}

bool read_boolean(const ReadContext& ctx, const toml::node& node, const std::string& path) {
  if (const auto* b = node.as_boolean()) return b->get();
  throw ScenarioError(ctx.at(node), path, "a boolean (true or false)", describe_node(node));
}

std::string read_text(const ReadContext& ctx, const toml::node& node, const std::string& path) {
  if (const auto* s = node.as_string()) return s->get();
  throw ScenarioError(ctx.at(node), path, "a string", describe_node(node));
}

kernel::Date read_date(const ReadContext& ctx, const toml::node& node, const std::string& path) {
  static const std::string expected = "a date (2020-11-01 or \"2020-11-01\")";
  if (const auto* d = node.as_date()) {
    const toml::date value = d->get();
    const kernel::Date date{value.year, value.month, value.day};
    if (!date.is_valid()) throw ScenarioError(ctx.at(node), path, expected, describe_node(node));
    return date;
  }
  if (const auto* s = node.as_string()) {
    try {
      return kernel::Date::parse(s->get());
    } catch (const std::invalid_argument&) {
      throw ScenarioError(ctx.at(node), path, expected, describe_node(node));
    }
  }
  throw ScenarioError(ctx.at(node), path, expected, describe_node(node));
}

int read_choice(const ReadContext& ctx, const toml::node& node, const std::string& path,
                const std::vector<std::string>& names) {
  const auto* s = node.as_string();
  if (s == nullptr) throw ScenarioError(ctx.at(node), path, names_text(names), describe_node(node));
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == s->get()) return static_cast<int>(i);
  }
  throw ScenarioError(ctx.at(node), path, names_text(names), quote(s->get()));
}

std::vector<double> read_number_list(const ReadContext& ctx, const toml::node& node,
                                     const std::string& path, Range range,
                                     std::vector<SourcePosition>* positions) {
  const auto* array = node.as_array();
  if (array == nullptr) {
    throw ScenarioError(ctx.at(node), path,
                        "an array of numbers (each " + range_text(range, false) + ")",
                        describe_node(node));
  }
  std::vector<double> values;
  values.reserve(array->size());
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    values.push_back(read_number(ctx, element, path + "[" + std::to_string(i) + "]", range));
    if (positions != nullptr) positions->push_back(ctx.at(element));
  }
  return values;
}

std::vector<kernel::Date> read_date_list(const ReadContext& ctx, const toml::node& node,
                                         const std::string& path,
                                         std::vector<SourcePosition>* positions) {
  const auto* array = node.as_array();
  if (array == nullptr) {
    throw ScenarioError(ctx.at(node), path, "an array of dates", describe_node(node));
  }
  std::vector<kernel::Date> values;
  values.reserve(array->size());
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    values.push_back(read_date(ctx, element, path + "[" + std::to_string(i) + "]"));
    if (positions != nullptr) positions->push_back(ctx.at(element));
  }
  return values;
}

bool is_valid_label(const std::string& label) {
  const std::size_t colon = label.find(':');
  if (colon == std::string::npos) return false;
  const std::string prefix = label.substr(0, colon);
  bool known = false;
  for (const char* p : kLabelPrefixes) known = known || prefix == p;
  return known && label.find_first_not_of(" \t", colon + 1) != std::string::npos;
}

std::string read_label(const ReadContext& ctx, const toml::node& node, const std::string& path) {
  const auto* s = node.as_string();
  if (s == nullptr) {
    throw ScenarioError(ctx.at(node), path, label_expectation(), describe_node(node));
  }
  if (!is_valid_label(s->get())) {
    throw ScenarioError(ctx.at(node), path, label_expectation(), quote(s->get()));
  }
  return s->get();
}

void check_known_keys(const ReadContext& ctx, const toml::table& table, const std::string& path,
                      const std::vector<std::string>& valid) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
      throw ScenarioError(ctx.at(key.source()), join_path(path, name),
                          unknown_key_expectation(name, valid), "'" + name + "'");
    }
  }
}

}  // namespace werkstroom::scenario::detail
