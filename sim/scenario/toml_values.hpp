#pragma once
// Internal to the scenario loader: typed reads of single TOML values with the loader's error
// messages, shared by the file reader and the --set override. Not part of the public API (it
// exposes toml++, which only the loader's own translation units see).

#include <cstddef>
#include <string>
#include <vector>

#include "kernel/calendar.hpp"
#include "scenario/parameter_visitor.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/toml_document.hpp"

namespace werkstroom::scenario::detail {

/// The file being read; column_shift is subtracted from columns on the first line (the --set
/// value is parsed behind a "value = " prefix).
struct ReadContext {
  std::string file;
  std::size_t column_shift = 0;

  [[nodiscard]] SourcePosition at(const toml::source_region& region) const;
  [[nodiscard]] SourcePosition at(const toml::node& node) const { return at(node.source()); }
};

/// Shortest text that reads back as the same double ("0.1", "200000", "1e-12").
[[nodiscard]] std::string format_number(double value);
/// A number computed from numbers of the file (a relative range: 0.35 x 0.8), for reading: at
/// most 12 significant digits, so the product's rounding noise in the 16th-17th digit does not
/// show ("0.28", not "0.27999999999999997"). Not for values that must read back exactly.
[[nodiscard]] std::string format_derived(double value);
/// A TOML basic string with the necessary escapes.
[[nodiscard]] std::string quote(const std::string& text);
/// "a number in [0, 1]", "an integer >= 0", "a number > 0", "a number".
[[nodiscard]] std::string range_text(Range range, bool integer);
/// What a node is, for "found": `a string "x"`, `an integer 3`, `a table`.
[[nodiscard]] std::string describe_node(const toml::node& node);

/// Throws ScenarioError (with "did you mean") for the first key of `table` not in `valid`.
void check_known_keys(const ReadContext& ctx, const toml::table& table, const std::string& path,
                      const std::vector<std::string>& valid);

double read_number(const ReadContext& ctx, const toml::node& node, const std::string& path,
                   Range range);
int read_integer(const ReadContext& ctx, const toml::node& node, const std::string& path,
                 Range range);
bool read_boolean(const ReadContext& ctx, const toml::node& node, const std::string& path);
std::string read_text(const ReadContext& ctx, const toml::node& node, const std::string& path);
kernel::Date read_date(const ReadContext& ctx, const toml::node& node, const std::string& path);
int read_choice(const ReadContext& ctx, const toml::node& node, const std::string& path,
                const std::vector<std::string>& names);
/// Lists: element errors name "path[i]"; positions (if given) receive each element's position.
std::vector<double> read_number_list(const ReadContext& ctx, const toml::node& node,
                                     const std::string& path, Range range,
                                     std::vector<SourcePosition>* positions);
std::vector<kernel::Date> read_date_list(const ReadContext& ctx, const toml::node& node,
                                         const std::string& path,
                                         std::vector<SourcePosition>* positions);

/// A source label: one of the prefixes seed, public, derived, assumption, calibrated, then ':'
/// and a non-empty description.
std::string read_label(const ReadContext& ctx, const toml::node& node, const std::string& path);
[[nodiscard]] bool is_valid_label(const std::string& label);

}  // namespace werkstroom::scenario::detail
