#pragma once
// The scenario loader: reads a TOML scenario file (and the base files it extends) into
// ModelParameters, checking every value against bind_parameters (known keys, types, ranges,
// names, source labels) and the cross-field rules, and records where each value came from.
// Errors are ScenarioError naming file, line, column, key path, expected and found; on an error
// nothing is returned or changed.

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/parameters.hpp"
#include "scenario/publication.hpp"
#include "scenario/scenario_error.hpp"

namespace werkstroom::scenario {

/// A value's plausible range, `range = [lo, hi]` beside its `source` in an inline labelled
/// value: what a decision analysis (`werkstroom robustness`) varies it over. Only a number key
/// takes one, with lo <= value <= hi inside the key's valid range. It belongs to the value it is
/// written beside: a table-level `source` line labels many keys but gives none a range, and a
/// variant or --set that sets the value again without a range drops it.
struct PlausibleRange {
  double lo = 0.0;
  double hi = 0.0;
};

/// A relative plausible range, `relative_range = [lo, hi]` beside a table-level
/// `source = "assumption: ..."` line (0 <= lo <= 1 <= hi): every number key that this label
/// covers (the table's keys and those of its sub-tables, down to the next `source` line) and
/// that has neither a label nor a range of its own varies over [lo v, hi v] of its value v,
/// clipped to the key's valid range. `werkstroom robustness` moves such a table's values
/// together as one group (all by the same fraction of their ranges).
struct RelativeRange {
  double factor_lo = 1.0;
  double factor_hi = 1.0;
  /// Key path of the table whose source line gives it: "time_norms", "instruments[2]".
  std::string group;
  /// This key's range: [lo v, hi v], ordered and clipped to the key's valid range.
  PlausibleRange range;
};

struct LoadedScenario {
  model::ModelParameters parameters;
  /// Every key path -> its source label, e.g. "staff.advisors" -> "seed: oplegger (2 fte)";
  /// elements of arrays of tables as "instruments[2].cost_eur".
  std::map<std::string, std::string> sources;
  /// Every key path -> unit from the binding ("" for texts, booleans, dates and names).
  std::map<std::string, std::string> units;
  /// Every key path (and list element, "horizon.holidays[1]") -> where it was set.
  std::map<std::string, SourcePosition> positions;
  /// Key path -> when its figure was published, for the values (or tables) that say so. Every
  /// one is before the start date (the information cut-off, publication.hpp).
  std::map<std::string, Publication> published;
  /// Key path -> plausible range, for the number values that give one.
  std::map<std::string, PlausibleRange> ranges;
  /// Key path -> relative range, for the number values that take one from their table's
  /// `relative_range` (none of them has a range of its own).
  std::map<std::string, RelativeRange> relative_ranges;
  std::string name;                // file stem of the loaded file
  std::vector<std::string> files;  // the loaded file first, then its bases (extends chain)
  /// All those files' text, base first, each preceded by a line "# ---- <path>".
  std::string text;
};

/// Label of a list (number_list, date_list) that a base file leaves out: it is empty.
inline constexpr const char* kNotSetLabel = "not set: empty list";
/// Label of a value set by apply_override.
inline constexpr const char* kOverrideLabel = "override: --set";

/// Loads a scenario file. Throws ScenarioError, also for a value published on or after the
/// scenario's start date.
LoadedScenario load_scenario(const std::filesystem::path& file);

/// --set key=value. key_path as in `sources` ("staff.advisors", "instruments[1].cost_eur");
/// value_text is one TOML value ("3", "0.5", "true", "\"text\"", "[1, 2]", "2021-03-01"). Type,
/// range and cross-field rules are checked as for a file (file name "--set"); the source becomes
/// "override: --set" and it has no publication date. Type,
/// range, cross-field rules and the information cut-off (a new start date) are checked again.
/// Throws ScenarioError and leaves `scenario` unchanged on error.
void apply_override(LoadedScenario& scenario, const std::string& key_path,
                    const std::string& value_text);

/// `base` with several overrides applied in order, each checked as apply_override
/// checks it, and the cross-field rules and the information cut-off checked once, on the
/// result (so a pair of values that only together satisfy a rule is accepted). No copy of the
/// scenario per override (apply_override makes one): the calibrator sets its values so for
/// every evaluation, where the copies cost a third of a replication. Throws ScenarioError.
[[nodiscard]] LoadedScenario with_overrides(
    LoadedScenario base, const std::vector<std::pair<std::string, std::string>>& overrides);

/// What with_overrides needs of a scenario to set values and to report a broken rule: its
/// parameters, positions, publication dates and file names; no sources, units, ranges or text.
/// with_overrides gives the same parameters from it as from the whole scenario, at a fifth of
/// the copy (0.08 against 0.38 ms for the calibration's region scenario): for code that applies
/// values many times and keeps only the parameters (the calibrator's evaluations).
[[nodiscard]] LoadedScenario for_overrides_only(const LoadedScenario& scenario);

/// Reads the posterior file `file` (scenario/posterior_file.hpp), checks it against `p` and
/// makes it p's posterior (uncertainty.posterior and its sample). Throws ScenarioError.
void attach_posterior(model::ModelParameters& p, const std::filesystem::path& file);

/// Every parameter, one per line, in binding order: "key_path = value  [unit, lo to hi]  (source)"
/// where lo and hi are the schema's plausibility bounds of a number (of each element of a list),
/// with
/// "; range [lo, hi]" after the source for a value with a plausible range (with
/// " = x[0.5, 1.5] of time_norms" when it comes from a table's relative range) and
/// "; published 2020-10-15" for a value with a publication date; the bracket is left out for
/// parameters without a unit or bounds (texts, dates, booleans). Values are written as TOML values,
/// so they can be given back to apply_override.
std::string describe_scenario(const LoadedScenario& scenario);

/// What kind of value a parameter takes (the binding's visitor call).
enum class ParameterKind { number, integer, boolean, text, date, choice, number_list, date_list };

/// One parameter of describe: key path, value as TOML text, unit ("" when none), kind, and for
/// numbers (integers, number lists: each element) the schema's inclusive bounds.
struct ParameterEntry {
  std::string key_path;
  std::string value;
  std::string unit;
  ParameterKind kind = ParameterKind::number;
  double min = 0.0;
  double max = 0.0;
};
/// The parameters of `parameters` in binding order, as describe prints them.
std::vector<ParameterEntry> list_parameters(const model::ModelParameters& parameters);

}  // namespace werkstroom::scenario
