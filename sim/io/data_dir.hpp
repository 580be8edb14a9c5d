#pragma once
// Where werkstroom finds the data it reads at run time (the scenario library, `scenarios/`).
//
// Contract: the data folder is the first of these that exists:
//  1. the folder named by the environment variable WERKSTROOM_DATA, when it is set and not
//     empty; it must hold `scenarios/`, else DataDirError (a set variable that points nowhere
//     is a mistake to report, never a reason to quietly read other files);
//  2. the installed layout beside the running program: `<folder of the executable>/` +
//     `installed_relative` (`../share/werkstroom` for bin/ and share/ under one prefix), when
//     it holds `scenarios/`;
//  3. the source tree the program was built from (running from the build tree), when it holds
//     `scenarios/` and the source fallback is allowed: setting WERKSTROOM_NO_SOURCE_DATA to a
//     non-empty value forbids it, so an installed program is tested without the tree's help.
// If none holds `scenarios/`, DataDirError names every folder tried. Relative `extends` in the
// scenario files keep working because the whole `scenarios/` tree is found as one folder.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace werkstroom::io {

/// No data folder could be found, or WERKSTROOM_DATA names one without `scenarios/`.
class DataDirError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Which rule of the contract chose the data folder.
enum class DataDirOrigin { environment, installed, source_tree };

struct DataDir {
  std::filesystem::path path;  // holds scenarios/
  DataDirOrigin origin = DataDirOrigin::source_tree;

  [[nodiscard]] std::filesystem::path scenarios() const { return path / "scenarios"; }
};

/// What the lookup looks at, so that it can be tested without touching the process.
struct DataDirInputs {
  std::optional<std::string> environment;  // WERKSTROOM_DATA, if set
  std::filesystem::path executable;        // the running program (empty: unknown)
  std::filesystem::path installed_relative = "../share/werkstroom";
  std::filesystem::path source_tree;  // empty: none
  bool allow_source_tree = true;      // false when WERKSTROOM_NO_SOURCE_DATA is set
};

/// Applies the contract above to `inputs`. Throws DataDirError.
DataDir find_data_dir(const DataDirInputs& inputs);

/// The inputs of this process: the environment, /proc/self/exe, the compiled-in install layout
/// and source tree.
DataDirInputs process_data_dir_inputs();

/// find_data_dir(process_data_dir_inputs()).
DataDir find_data_dir();

}  // namespace werkstroom::io
