#include "io/data_dir.hpp"

#include <cstdlib>
#include <system_error>

#ifndef WERKSTROOM_INSTALLED_DATA_RELATIVE
#define WERKSTROOM_INSTALLED_DATA_RELATIVE "../share/werkstroom"
#endif
#ifndef WERKSTROOM_SOURCE_DIR
#define WERKSTROOM_SOURCE_DIR ""
#endif

namespace werkstroom::io {
namespace {

bool holds_scenarios(const std::filesystem::path& folder) {
  std::error_code error;
  return !folder.empty() && std::filesystem::is_directory(folder / "scenarios", error);
}

/// The folder without "." and ".." parts, resolving symbolic links where it exists, so that
/// the reported path is the one a user would type.
std::filesystem::path tidy(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(folder, error);
  return error ? folder.lexically_normal() : canonical;
}

}  // namespace

DataDir find_data_dir(const DataDirInputs& inputs) {
  if (inputs.environment && !inputs.environment->empty()) {
    const std::filesystem::path folder = *inputs.environment;
    if (!holds_scenarios(folder)) {
      throw DataDirError("WERKSTROOM_DATA is " + folder.string() +
                         ", which holds no scenarios/ folder");
    }
    return {tidy(folder), DataDirOrigin::environment};
  }
  std::string tried;
  if (!inputs.executable.empty()) {
    const std::filesystem::path folder =
        inputs.executable.parent_path() / inputs.installed_relative;
    if (holds_scenarios(folder)) return {tidy(folder), DataDirOrigin::installed};
    tried += " " + folder.lexically_normal().string();
  }
  if (!inputs.source_tree.empty()) {
    if (inputs.allow_source_tree && holds_scenarios(inputs.source_tree)) {
      return {tidy(inputs.source_tree), DataDirOrigin::source_tree};
    }
    tried += " " + inputs.source_tree.string() +
             (inputs.allow_source_tree ? "" : " (not used: WERKSTROOM_NO_SOURCE_DATA is set)");
  }
  throw DataDirError("cannot find the werkstroom data (a folder holding scenarios/); tried:" +
                     (tried.empty() ? std::string(" nothing") : tried) +
                     "; set WERKSTROOM_DATA to the folder that holds scenarios/");
}

DataDirInputs process_data_dir_inputs() {
  DataDirInputs inputs;
  if (const char* data = std::getenv("WERKSTROOM_DATA")) inputs.environment = data;
  std::error_code error;
  inputs.executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) inputs.executable.clear();
  inputs.installed_relative = WERKSTROOM_INSTALLED_DATA_RELATIVE;
  inputs.source_tree = WERKSTROOM_SOURCE_DIR;
  const char* no_source = std::getenv("WERKSTROOM_NO_SOURCE_DATA");
  inputs.allow_source_tree = no_source == nullptr || *no_source == '\0';
  return inputs;
}

DataDir find_data_dir() { return find_data_dir(process_data_dir_inputs()); }

}  // namespace werkstroom::io
