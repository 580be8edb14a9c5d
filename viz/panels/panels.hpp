#pragma once
// The viewer's panels, one per file (design.md, practice 12). Panels read the open scenarios
// and finished results and change only the ViewState; what they ask the viewer to do comes
// back as a return value.

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "charts/line_chart.hpp"
#include "core/scenario_set.hpp"
#include "core/simulation_job.hpp"
#include "core/view_state.hpp"
#include "experiment/staffing_advisor.hpp"
#include "results/robustness_files.hpp"

namespace werkstroom::viz::panels {

/// The scenario list: names, files, key parameters with their source labels; selecting one
/// makes it the levers' target.
void scenario_panel(const std::vector<ScenarioSlot>& slots, ViewState& view);

/// The levers of the selected scenario. Returns true when an edit finished (slider released,
/// field left) or a reset was pressed: the viewer then applies the levers and re-simulates.
bool levers_panel(const ScenarioSlot& slot, Levers& levers, ViewState& view);

/// The charts of the tab chosen in the view (charts, monitor, explorer) for the finished run.
/// Returns the screen rectangle the charts occupy (for the PNG export).
struct ScreenRect {
  ImVec2 min{0.0F, 0.0F};
  ImVec2 max{0.0F, 0.0F};
};
ScreenRect charts_panel(const FinishedRun* run, const std::vector<ScenarioSlot>& slots,
                        ViewState& view);

/// The key-figure table: per scenario mean and 95% interval, and the paired difference against
/// the first scenario.
void kpi_panel(const FinishedRun* run, const ViewState& view);
/// The board's page: the loaded comparison's options side by side and what each buys against
/// the first (experiment/marginal.hpp), with a legend for the colours.
void decision_panel(const FinishedRun* run, const ViewState& view);

/// Progress of the simulation in flight, the last run's size and time, and messages.
void status_bar(const JobStatus& status, const FinishedRun* run, const ViewState& view,
                const std::string& message);

enum class MenuAction {
  none,
  open,
  save_variant,
  export_png,
  export_csv,
  export_hdf5,
  export_report,
  export_all,
  rerun,
  toggle_language,
  quit
};
/// The main menu bar (inside a window with ImGuiWindowFlags_MenuBar).
MenuAction menu_bar(ViewState& view);

/// The scale-up sweep: staffing 1..max advisors for the selected scenario, with trade-off
/// curves and the advisor's recommendation.
struct ScaleUpState {
  experiment::AdviceCriteria criteria;
  /// Index into experiment::kObjectiveNames; placements by default, as `advise`.
  int objective = static_cast<int>(experiment::Objective::placements);
  int max_advisors = 6;
  int replications = 50;
  std::string scenario_name;                    // the scenario the sweep belongs to
  std::vector<experiment::OptionLevel> levels;  // per run of the sweep
  std::shared_ptr<const FinishedRun> run;       // finished sweep (the caller fills it)
};
/// Returns true when the user asks for a (new) sweep.
bool scaleup_panel(ScaleUpState& state, const JobStatus& sweep_status, const ViewState& view);
/// The advice computed from a finished sweep (experiment::evaluate_advice, as `advise`).
[[nodiscard]] experiment::StaffingAdvice advice_from(const ScaleUpState& state);
/// The reference lines of a chart of key figure `figure`: every `[[targets.references]]` entry
/// of the scenario that names it, labelled with its own label (whose target, period, scope).
[[nodiscard]] std::vector<charts::ReferenceLine> target_lines(const model::TargetParameters& t,
                                                              std::string_view figure);

/// The tornado of a `werkstroom robustness` file: the net savings difference with each top
/// assumption at the ends of its range, around the baseline difference.
void robustness_panel(const results::RobustnessTornado& tornado, const ViewState& view);

/// Modal dialogs. Each returns true on the frame the user confirms.
struct DialogState {
  bool open_requested = false;
  bool save_requested = false;
  bool export_requested = false;
  char open_folder[512] = {};
  std::vector<std::string> folder_files;  // *.toml in open_folder
  std::vector<char> folder_selected;      // per file
  char open_path[1024] = {};              // files or folders, separated by ';'
  char save_path[1024] = {};
  char save_description[256] = {};
  char export_dir[1024] = {};
  bool export_png = true;
  bool export_csv = true;
  bool export_hdf5 = true;
  bool export_report = true;
};
bool open_dialog(DialogState& state, const ViewState& view);
bool save_dialog(DialogState& state, const ViewState& view);
bool export_dialog(DialogState& state, const ViewState& view);

/// The files the open dialog's fields name.
[[nodiscard]] std::vector<std::filesystem::path> chosen_files(const DialogState& state);

}  // namespace werkstroom::viz::panels
