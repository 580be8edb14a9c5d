#pragma once
// What the viewer remembers between sessions: the last opened set of scenario files, the
// language and the number of replications, in a small ini file (key=value lines) at
// $XDG_CONFIG_HOME/werkstroom/viz.ini, else ~/.config/werkstroom/viz.ini.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "experiment/language.hpp"

namespace werkstroom::viz {

struct Settings {
  std::vector<std::string> last_files;
  std::optional<experiment::Language> language;
  std::optional<int> replications;
};

/// The settings file's path; empty when neither XDG_CONFIG_HOME nor HOME is set.
[[nodiscard]] std::filesystem::path settings_path();

/// Reads `path`; a missing or unreadable file gives empty settings, unknown keys and bad values
/// are skipped (settings are a convenience, never a reason to fail).
[[nodiscard]] Settings load_settings(const std::filesystem::path& path);

/// Writes `path` (creating its folder) through a temporary file; returns false on failure.
bool save_settings(const std::filesystem::path& path, const Settings& settings);

}  // namespace werkstroom::viz
