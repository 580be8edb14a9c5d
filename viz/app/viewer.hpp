#pragma once
// The viewer without its window: the open scenarios, the view state, the background
// simulation and what the menu and shortcuts do. frame() draws one ImGui frame; main.cpp owns
// the GLFW window and OpenGL, and the tests drive frame() headless.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario_set.hpp"
#include "core/settings.hpp"
#include "core/simulation_job.hpp"
#include "core/view_state.hpp"
#include "panels/panels.hpp"

namespace werkstroom::viz {

/// Key codes of the shortcuts as the platform backend reports them (GLFW's in the window;
/// GLFW uses the ASCII codes of letters, F5 is 294).
struct ShortcutKeys {
  int open = 'O';
  int save = 'S';
  int export_all = 'E';
  int language = 'L';
  int quit = 'Q';
  int rerun = 294;
};

struct ViewerOptions {
  experiment::Language language = experiment::Language::nl;
  int replications = 100;
  int threads = 0;
  bool remember_settings = true;  // write the settings file when a set is opened
  std::filesystem::path settings_file;
  std::string command_line;
  ShortcutKeys keys;
  /// The tornado of a robustness file (--robustness): shown in a tab of its own when given.
  std::optional<results::RobustnessTornado> robustness;
  std::string robustness_file;  // where it was read from, for the report's provenance
};

/// A request to save part of the framebuffer as PNG (done by the window, which owns OpenGL).
struct PngRequest {
  std::filesystem::path path;
  panels::ScreenRect rect;  // in ImGui screen coordinates
};

class Viewer {
 public:
  explicit Viewer(ViewerOptions options);

  /// Opens scenario files or folders (replacing the open set) and starts simulating them.
  /// Returns false and sets the status message when one cannot be loaded.
  bool open(const std::vector<std::filesystem::path>& paths);

  /// Submits the open scenarios (with their levers) to the background job.
  void rerun();

  /// Draws one frame (between ImGui::NewFrame and ImGui::Render).
  void frame();

  /// True when the newest request has finished and its results are shown.
  [[nodiscard]] bool results_current() const;

  /// A PNG the window should write after rendering this frame, if any.
  std::optional<PngRequest> take_png_request();
  /// Called by the window with the outcome of a PNG request.
  void png_written(const std::filesystem::path& path, bool ok);

  /// Writes the CSV tables and/or the HDF5 file of the shown run; returns an error message or "".
  std::string export_run(const std::filesystem::path& dir, bool csv, bool hdf5);
  /// Writes the board report of the shown comparison (the first scenario the baseline) as
  /// `dir`/report.html and `dir`/report.pdf, in the viewer's language: the report `werkstroom
  /// report` writes for the same files, seed and replications, with the levers moved away from
  /// the files listed in its provenance. Returns an error message or "".
  std::string export_report(const std::filesystem::path& dir);
  /// Saves the selected scenario's levers as a variant file; returns an error message or "".
  std::string save_variant_file(const std::filesystem::path& target,
                                const std::string& description);

  [[nodiscard]] ViewState& view() { return view_; }
  [[nodiscard]] const std::vector<ScenarioSlot>& scenarios() const { return slots_; }
  [[nodiscard]] SimulationJob& job() { return job_; }
  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] bool quit_requested() const { return quit_; }
  /// Applies the selected scenario's levers and re-simulates (what releasing a slider does).
  bool apply_levers_and_rerun();
  /// Runs the scale-up sweep of the selected scenario in the background.
  void start_scaleup_sweep();
  [[nodiscard]] const panels::ScaleUpState& scaleup() const { return scaleup_; }
  [[nodiscard]] SimulationJob& sweep_job() { return sweep_job_; }
  /// Parts reused and built, and the size, of the population cache the jobs share.
  [[nodiscard]] experiment::PopulationCache::Counts population_cache_counts() const {
    return populations_->counts();
  }

 private:
  void handle_shortcuts();
  void handle_menu(panels::MenuAction action);
  void prepare_dialog_defaults();
  void draw_dialogs();
  void collect_sweep();

  ViewerOptions options_;
  ViewState view_;
  std::vector<ScenarioSlot> slots_;
  // One population cache for the comparison and the scale-up sweep (they share populations).
  std::shared_ptr<experiment::PopulationCache> populations_ =
      std::make_shared<experiment::PopulationCache>(kPopulationCacheBytes);
  SimulationJob job_{populations_};
  SimulationJob sweep_job_{populations_};
  panels::ScaleUpState scaleup_;
  std::uint64_t sweep_generation_ = 0;
  bool sweep_tried_ = false;  // the scale-up tab started its first sweep (or tried to)
  panels::DialogState dialogs_;
  panels::ScreenRect charts_rect_;
  std::optional<PngRequest> png_request_;
  std::string message_;
  bool quit_ = false;
};

}  // namespace werkstroom::viz
