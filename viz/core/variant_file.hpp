#pragma once
// Saving the levers as a scenario file: a variant that `extends` the scenario the levers were
// applied to and states only the changed parameters, each labelled
// `source = "assumption: set in werkstroom-viz"`. An array of tables (instruments, bankruptcy
// shocks) with any change is written whole, since a variant replaces such an array.

#include <filesystem>
#include <string>

#include "scenario/loader.hpp"

namespace werkstroom::viz {

inline constexpr const char* kVizSourceLabel = "assumption: set in werkstroom-viz";

/// The TOML text of the variant of `base` (loaded from base.files.front()) that gives
/// `variant`, to be stored at `target` (the `extends` path is relative to its folder).
[[nodiscard]] std::string variant_text(const scenario::LoadedScenario& base,
                                       const scenario::LoadedScenario& variant,
                                       const std::filesystem::path& target,
                                       const std::string& description);

/// Writes variant_text to `target` atomically (a temporary file renamed when complete), then
/// loads it back and checks that it gives the same parameters as `variant`. Throws
/// std::runtime_error (or scenario::ScenarioError) naming the file; leaves no file on error.
void save_variant(const scenario::LoadedScenario& base, const scenario::LoadedScenario& variant,
                  const std::filesystem::path& target, const std::string& description);

}  // namespace werkstroom::viz
