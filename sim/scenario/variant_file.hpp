#pragma once
// Saving a changed scenario as a variant file: it `extends` the scenario the changes were
// applied to and states only the changed parameters, each labelled with the label's source
// (the viewer's levers: "assumption: set in werkstroom-viz"; a calibration: "calibrated: ...").
// An array of tables (instruments, bankruptcy shocks) with any change is written whole, since a
// variant replaces such an array.

#include <filesystem>
#include <string>
#include <vector>

#include "scenario/loader.hpp"

namespace werkstroom::scenario {

/// Who saved a variant and how its changed values are labelled.
struct VariantLabel {
  std::string source;       // e.g. "assumption: set in werkstroom-viz", "calibrated: fit.h5"
  std::string saved_by;     // e.g. "werkstroom-viz", "werkstroom calibrate"
  std::string description;  // the variant's description
};

/// Parameters whose value differs between `base` and `variant` (or that only `variant` has),
/// in binding order: what a variant file must state.
[[nodiscard]] std::vector<ParameterEntry> changed_parameters(const LoadedScenario& base,
                                                             const LoadedScenario& variant);

/// The TOML text of the variant of `base` (loaded from base.files.front()) that gives
/// `variant`, to be stored at `target` (the `extends` path is relative to its folder).
[[nodiscard]] std::string variant_text(const LoadedScenario& base, const LoadedScenario& variant,
                                       const std::filesystem::path& target,
                                       const VariantLabel& label);

/// Writes variant_text to `target` atomically (a temporary file renamed when complete), then
/// loads it back and checks that it gives the same parameters as `variant`. Throws
/// std::runtime_error (or ScenarioError) naming the file; leaves no file on error.
void save_variant(const LoadedScenario& base, const LoadedScenario& variant,
                  const std::filesystem::path& target, const VariantLabel& label);

}  // namespace werkstroom::scenario
