#pragma once
// Readable names of scenario parameters, for people who do not read key paths: the board report,
// the console's list of what the bands contain, the robustness tables and the viewer's tornado.
// "hazards.ww_find_work.rate_per_month" reads "kans per maand dat iemand in de WW werk vindt".
//
// One list (parameter_names.cpp) keyed by schema path (element indices dropped,
// "instruments[].effect_after"), with a Dutch and an English name; an element of an array of
// tables is named by its own `name` ("instrument 'coaching': ..."). A table's path names the
// table as a whole (a group of values screened together: "time_norms", "instruments[2]").
// Names are for reading; files, the command line and `describe` keep the key paths.

#include <string>
#include <string_view>

#include "model/parameters.hpp"

namespace werkstroom::scenario {

/// The readable name of `key_path` (a parameter's or a table's) in Dutch (`dutch`) or English,
/// elements named from `p`; the key path itself when the list has no name for it.
[[nodiscard]] std::string readable_name(std::string_view key_path, const model::ModelParameters& p,
                                        bool dutch);

/// Whether the list has a name for `key_path` (tests: every value a report can show has one).
[[nodiscard]] bool has_readable_name(std::string_view key_path);

/// "name (key.path)": the readable name followed by the key path (and `note`, if any: "name
/// (key.path, note)"), or the key path alone when there is no name; for lists where a reader may
/// want to find the value in the file. A name that ends in brackets gets one pair: "effect
/// (elasticiteit; economy.inflow_elasticity)".
[[nodiscard]] std::string readable_name_with_key(std::string_view key_path,
                                                 const model::ModelParameters& p, bool dutch,
                                                 std::string_view note = {});

}  // namespace werkstroom::scenario
