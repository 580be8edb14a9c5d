#include "app/viewer.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "build_info.hpp"
#include "core/series_extraction.hpp"
#include "core/translations.hpp"
#include "experiment/sweep.hpp"
#include "panels/style.hpp"
#include "report/report_files.hpp"
#include "results/results.hpp"
#include "scenario/variant_file.hpp"

namespace werkstroom::viz {

namespace {

void copy_text(char* target, std::size_t size, const std::string& text) {
  std::strncpy(target, text.c_str(), size - 1);
  target[size - 1] = '\0';
}

constexpr float kSidebarWidth = 400.0F;

}  // namespace

Viewer::Viewer(ViewerOptions options) : options_(std::move(options)) {
  view_.language = options_.language;
  view_.replications = options_.replications;
  view_.threads = options_.threads;
  copy_text(dialogs_.export_dir, sizeof dialogs_.export_dir, "viz-export");
}

bool Viewer::open(const std::vector<std::filesystem::path>& paths) {
  try {
    // HDF5 files by their schema (core/scenario_set.hpp): a results file brings its scenarios.
    const ViewerInputs inputs = sort_viewer_inputs(paths);
    if (inputs.robustness) {
      throw std::runtime_error(inputs.robustness->string() +
                               ": a robustness file; start the viewer with --robustness to see it");
    }
    std::vector<ScenarioSlot> slots = load_scenario_set(expand_scenario_paths(inputs.scenarios));
    if (slots.empty()) {
      message_ = tr("No scenario files found", view_.language);
      return false;
    }
    slots_ = std::move(slots);
  } catch (const std::exception& e) {
    message_ = e.what();
    return false;
  }
  view_.levers.clear();
  for (const ScenarioSlot& slot : slots_) view_.levers.push_back(levers_of(slot.base));
  view_.selected_scenario = std::min<std::size_t>(1, slots_.size() - 1);
  scaleup_.run.reset();
  sweep_tried_ = false;
  message_.clear();
  if (options_.remember_settings) {
    Settings s;
    for (const ScenarioSlot& slot : slots_) {
      s.last_files.push_back(std::filesystem::absolute(slot.file).string());
    }
    s.language = view_.language;
    s.replications = view_.replications;
    save_settings(options_.settings_file, s);
  }
  rerun();
  return true;
}

void Viewer::rerun() {
  if (slots_.empty()) return;
  job_.submit(job_request(slots_, view_));
}

bool Viewer::apply_levers_and_rerun() {
  if (view_.selected_scenario >= slots_.size()) return false;
  ScenarioSlot& slot = slots_[view_.selected_scenario];
  const bool ok = update_levers(slot, view_.levers[view_.selected_scenario]);
  if (ok) rerun();
  return ok;
}

bool Viewer::results_current() const {
  const JobStatus s = job_.status();
  // A staffing sweep that was started counts too: its curves are part of what is shown.
  const bool sweep_settled = sweep_generation_ == 0 || sweep_job_.status().idle();
  return s.idle() && s.finished == s.requested && s.finished > 0 && sweep_settled;
}

std::optional<PngRequest> Viewer::take_png_request() {
  std::optional<PngRequest> r = std::move(png_request_);
  png_request_.reset();
  return r;
}

void Viewer::png_written(const std::filesystem::path& path, bool ok) {
  message_ = std::string(ok ? tr("Saved", view_.language) : tr("Could not write", view_.language)) +
             " " + path.string();
}

std::string Viewer::export_run(const std::filesystem::path& dir, bool csv, bool hdf5) {
  const std::shared_ptr<const FinishedRun> run = job_.results();
  if (!run) return tr("No results yet", view_.language);
  results::RunMetadata meta;
  for (std::size_t i = 0; i < run->results.size(); ++i) {
    const ScenarioSlot* slot = i < slots_.size() ? &slots_[i] : nullptr;
    meta.scenario_files.push_back(slot != nullptr ? slot->file.string() : run->results[i].name);
    std::string text = slot != nullptr ? slot->base.text : "";
    if (slot != nullptr) {
      const auto changed = changed_parameters(slot->base, slot->applied);
      if (!changed.empty()) {
        text += "# ---- werkstroom-viz levers (applied on top of the files above)\n";
        for (const auto& e : changed) text += "# " + e.key_path + " = " + e.value + "\n";
      }
    }
    meta.scenario_texts.push_back(text);
  }
  meta.master_seed = run->master_seed;
  meta.replications = run->replications;
  meta.threads = run->threads;
  meta.version = werkstroom::version();
  meta.revision = werkstroom::revision();
  meta.started_at = run->started_at;
  meta.command_line = options_.command_line;
  try {
    std::filesystem::create_directories(dir);
    if (csv) results::write_csv(dir / "csv", run->results, meta);
    if (hdf5) results::write_hdf5(dir / "run.h5", run->results, meta);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

std::string Viewer::export_report(const std::filesystem::path& dir) {
  const std::shared_ptr<const FinishedRun> run = job_.results();
  if (!run) return tr("No results yet", view_.language);
  try {
    std::vector<report::ScenarioInfo> scenarios;
    for (std::size_t i = 0; i < run->results.size(); ++i) {
      const ScenarioSlot* slot = i < slots_.size() ? &slots_[i] : nullptr;
      if (slot == nullptr || i >= run->runs.size()) {
        return tr("No results yet", view_.language);
      }
      std::vector<std::string> changes;
      for (const auto& e : changed_parameters(slot->base, slot->applied)) {
        changes.push_back(e.key_path + " = " + e.value + " (werkstroom-viz)");
      }
      scenarios.push_back(report::scenario_info(run->results[i].name, slot->base.files,
                                                run->runs[i].parameters, std::move(changes)));
    }
    report::ReportContext context = report::run_context(
        view_.language, std::move(scenarios), run->master_seed, run->replications, run->started_at);
    context.robustness = options_.robustness;
    context.robustness_file = options_.robustness_file;
    std::filesystem::create_directories(dir);
    report::write_report_files(run->results, context, dir / "report.html", dir / "report.pdf");
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

std::string Viewer::save_variant_file(const std::filesystem::path& target,
                                      const std::string& description) {
  if (view_.selected_scenario >= slots_.size()) {
    return tr("No scenarios open (Ctrl+O)", view_.language);
  }
  const ScenarioSlot& slot = slots_[view_.selected_scenario];
  try {
    scenario::save_variant(slot.base, slot.applied, target,
                           {kVizSourceLabel, "werkstroom-viz", description});
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

void Viewer::start_scaleup_sweep() {
  if (view_.selected_scenario >= slots_.size()) return;
  const ScenarioSlot& slot = slots_[view_.selected_scenario];
  JobRequest request;
  std::vector<experiment::OptionLevel> levels;
  try {
    // The levels `advise` tries: 1..N advisors, the centre budget raised to pay them.
    levels = experiment::advice_levels(slot.applied, scaleup_.max_advisors, {});
    request.runs = experiment::advice_runs(slot.applied, levels);
  } catch (const std::exception& e) {
    message_ = e.what();
    return;
  }
  request.replications = scaleup_.replications;
  request.master_seed = view_.master_seed;
  request.threads = view_.threads;
  scaleup_.scenario_name = slot.base.name;
  scaleup_.levels = std::move(levels);
  // The scenario's own wait target, until the user sets another.
  if (!scaleup_.run) {
    scaleup_.criteria.max_wait_p90_working_days =
        slot.applied.parameters.targets.max_wait_p90_working_days;
  }
  sweep_generation_ = sweep_job_.submit(std::move(request));
}

void Viewer::collect_sweep() {
  const JobStatus s = sweep_job_.status();
  if (sweep_generation_ != 0 && s.finished == sweep_generation_ &&
      (!scaleup_.run || scaleup_.run->generation != s.finished)) {
    scaleup_.run = sweep_job_.results();
  }
}

void Viewer::prepare_dialog_defaults() {
  if (dialogs_.open_folder[0] == '\0') {
    const std::filesystem::path folder =
        slots_.empty() ? std::filesystem::current_path() : slots_.front().file.parent_path();
    copy_text(dialogs_.open_folder, sizeof dialogs_.open_folder, folder.string());
  }
  if (view_.selected_scenario < slots_.size()) {
    const ScenarioSlot& slot = slots_[view_.selected_scenario];
    const std::filesystem::path target = slot.file.parent_path() / (slot.base.name + "-viz.toml");
    copy_text(dialogs_.save_path, sizeof dialogs_.save_path, target.string());
    copy_text(dialogs_.save_description, sizeof dialogs_.save_description,
              slot.base.name + ": " + tr("variant set in werkstroom-viz", view_.language));
  }
}

void Viewer::handle_menu(panels::MenuAction action) {
  using panels::MenuAction;
  switch (action) {
    case MenuAction::none:
      break;
    case MenuAction::open:
      prepare_dialog_defaults();
      dialogs_.open_requested = true;
      break;
    case MenuAction::save_variant:
      prepare_dialog_defaults();
      dialogs_.save_requested = true;
      break;
    case MenuAction::export_all:
      dialogs_.export_requested = true;
      break;
    case MenuAction::export_png:
      png_request_ =
          PngRequest{std::filesystem::path(dialogs_.export_dir) / "charts.png", charts_rect_};
      break;
    case MenuAction::export_csv:
    case MenuAction::export_hdf5: {
      const std::string error = export_run(dialogs_.export_dir, action == MenuAction::export_csv,
                                           action == MenuAction::export_hdf5);
      message_ = error.empty()
                     ? std::string(tr("Exported to", view_.language)) + " " + dialogs_.export_dir
                     : error;
      break;
    }
    case MenuAction::export_report: {
      const std::string error = export_report(dialogs_.export_dir);
      message_ = error.empty()
                     ? std::string(tr("Exported to", view_.language)) + " " + dialogs_.export_dir
                     : error;
      break;
    }
    case MenuAction::rerun:
      rerun();
      break;
    case MenuAction::toggle_language:
      view_.language = view_.language == experiment::Language::nl ? experiment::Language::en
                                                                  : experiment::Language::nl;
      break;
    case MenuAction::quit:
      quit_ = true;
      break;
  }
}

void Viewer::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  const ShortcutKeys& k = options_.keys;
  const auto pressed = [](int key) { return key >= 0 && ImGui::IsKeyPressed(key, false); };
  if (pressed(k.rerun)) handle_menu(panels::MenuAction::rerun);
  if (!io.KeyCtrl) return;
  if (pressed(k.open)) handle_menu(panels::MenuAction::open);
  if (pressed(k.save)) handle_menu(panels::MenuAction::save_variant);
  if (pressed(k.export_all)) handle_menu(panels::MenuAction::export_all);
  if (pressed(k.language)) handle_menu(panels::MenuAction::toggle_language);
  if (pressed(k.quit)) handle_menu(panels::MenuAction::quit);
}

void Viewer::draw_dialogs() {
  if (panels::open_dialog(dialogs_, view_)) {
    const std::vector<std::filesystem::path> files = panels::chosen_files(dialogs_);
    if (!files.empty()) open(files);
  }
  if (panels::save_dialog(dialogs_, view_)) {
    const std::string error = save_variant_file(dialogs_.save_path, dialogs_.save_description);
    message_ =
        error.empty() ? std::string(tr("Saved", view_.language)) + " " + dialogs_.save_path : error;
  }
  if (panels::export_dialog(dialogs_, view_)) {
    const std::filesystem::path dir = dialogs_.export_dir;
    std::string error;
    if (dialogs_.export_csv || dialogs_.export_hdf5) {
      error = export_run(dir, dialogs_.export_csv, dialogs_.export_hdf5);
    }
    if (error.empty() && dialogs_.export_report) error = export_report(dir);
    message_ =
        error.empty() ? std::string(tr("Exported to", view_.language)) + " " + dir.string() : error;
    if (error.empty() && dialogs_.export_png) {
      png_request_ = PngRequest{dir / "charts.png", charts_rect_};
    }
  }
}

void Viewer::frame() {
  handle_shortcuts();
  collect_sweep();
  const Language lang = view_.language;
  const std::shared_ptr<const FinishedRun> run = job_.results();
  const JobStatus status = job_.status();

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 // The frame is cleared to WindowBg already (main.cpp).
                                 ImGuiWindowFlags_NoBackground;
  ImGui::Begin("werkstroom-viz", nullptr, flags);
  handle_menu(panels::menu_bar(view_));

  const float status_height = ImGui::GetFrameHeightWithSpacing() + 4.0F;
  const float body_height = ImGui::GetContentRegionAvail().y - status_height;

  // Sidebar: scenarios above, levers below.
  ImGui::BeginChild("sidebar", {kSidebarWidth, body_height}, false);
  style::begin_panel_child("scenarios", {0.0F, body_height * 0.42F});
  panels::scenario_panel(slots_, view_);
  style::end_panel_child();
  style::begin_panel_child("levers", {0.0F, 0.0F});
  if (view_.selected_scenario < slots_.size()) {
    if (view_.levers.size() != slots_.size()) {
      view_.levers.clear();
      for (const ScenarioSlot& slot : slots_) view_.levers.push_back(levers_of(slot.base));
    }
    if (panels::levers_panel(slots_[view_.selected_scenario], view_.levers[view_.selected_scenario],
                             view_)) {
      apply_levers_and_rerun();
    }
  }
  style::end_panel_child();
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("main", {0.0F, body_height}, false);
  if (ImGui::BeginTabBar("tabs")) {
    const auto tab = [&](const char* label, MainTab t) {
      const ImGuiTabItemFlags tab_flags =
          view_.requested_tab == t ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
      if (ImGui::BeginTabItem(tr(label, lang), nullptr, tab_flags)) {
        view_.tab = t;
        ImGui::EndTabItem();
      }
    };
    tab("Service", MainTab::charts);
    tab("Monitor", MainTab::monitor);
    tab("Explorer", MainTab::explorer);
    tab("Scale-up", MainTab::scale_up);
    if (options_.robustness) tab("Robustness", MainTab::robustness);
    view_.requested_tab.reset();
    ImGui::EndTabBar();
  }
  if (view_.tab == MainTab::robustness && options_.robustness) {
    ImGui::BeginChild("robustness", {0.0F, 0.0F}, false);
    panels::robustness_panel(*options_.robustness, view_);
    ImGui::EndChild();
  } else if (view_.tab == MainTab::scale_up) {
    // The first visit to the tab starts the sweep of the selected scenario (later ones are
    // started with the panel's button, after its settings changed).
    if (!sweep_tried_ && !scaleup_.run) {
      sweep_tried_ = true;
      start_scaleup_sweep();
    }
    ImGui::BeginChild("scaleup", {0.0F, 0.0F}, false);
    // The board's page: the loaded options side by side, the tornado when a robustness file
    // is open, then the staffing sweep of the selected scenario.
    panels::decision_panel(run.get(), view_);
    if (options_.robustness) {
      ImGui::Separator();
      ImGui::BeginChild("tornado", {0.0F, ImGui::GetFontSize() * 18.0F}, false);
      panels::robustness_panel(*options_.robustness, view_);
      ImGui::EndChild();
    }
    ImGui::Separator();
    ImGui::BeginChild(
        "sweep", {0.0F, std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFontSize() * 22.0F)},
        false);
    if (panels::scaleup_panel(scaleup_, sweep_job_.status(), view_)) start_scaleup_sweep();
    ImGui::EndChild();
    ImGui::EndChild();
  } else {
    const float avail = ImGui::GetContentRegionAvail().y;
    // The table as tall as its rows (header included), at most 45% of the height.
    const float row_height =
        ImGui::GetTextLineHeight() + 2.0F * ImGui::GetStyle().CellPadding.y + 1.0F;
    const float table_height =
        std::min(avail * 0.45F, static_cast<float>(table_kpis().size() + 1) * row_height + 10.0F);
    ImGui::BeginChild("charts", {0.0F, avail - table_height - ImGui::GetStyle().ItemSpacing.y},
                      false);
    charts_rect_ = panels::charts_panel(run.get(), slots_, view_);
    ImGui::EndChild();
    style::begin_panel_child("kpis", {0.0F, 0.0F}, false);
    panels::kpi_panel(run.get(), view_);
    style::end_panel_child();
  }
  ImGui::EndChild();

  ImGui::Separator();
  panels::status_bar(status, run.get(), view_, message_);
  draw_dialogs();
  ImGui::End();
}

}  // namespace werkstroom::viz
