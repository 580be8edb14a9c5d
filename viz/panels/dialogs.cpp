// The modal dialogs: open scenario files (a folder's *.toml files to tick, or paths typed in),
// save the levers as a variant file, and export charts, tables and the run.

#include <algorithm>
#include <cstring>
#include <string>

#include "core/translations.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

void scan_folder(DialogState& state) {
  state.folder_files.clear();
  std::error_code error;
  if (std::filesystem::is_directory(state.open_folder, error)) {
    for (const auto& entry : std::filesystem::directory_iterator(state.open_folder, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".toml") {
        state.folder_files.push_back(entry.path().filename().string());
      }
    }
  }
  std::sort(state.folder_files.begin(), state.folder_files.end());
  state.folder_selected.assign(state.folder_files.size(), 0);
}

bool buttons(const char* confirm, Language lang) {
  bool confirmed = false;
  ImGui::Separator();
  if (ImGui::Button(confirm, {120.0F, 0.0F})) {
    confirmed = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr("Cancel", lang), {120.0F, 0.0F}) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
  }
  return confirmed;
}

}  // namespace

std::vector<std::filesystem::path> chosen_files(const DialogState& state) {
  std::vector<std::filesystem::path> files;
  for (std::size_t i = 0; i < state.folder_files.size(); ++i) {
    if (i < state.folder_selected.size() && state.folder_selected[i] != 0) {
      files.push_back(std::filesystem::path(state.open_folder) / state.folder_files[i]);
    }
  }
  std::string typed = state.open_path;
  std::size_t start = 0;
  while (start <= typed.size()) {
    const std::size_t stop = std::min(typed.find(';', start), typed.size());
    std::string part = typed.substr(start, stop - start);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) files.emplace_back(part);
    start = stop + 1;
  }
  return files;
}

bool open_dialog(DialogState& state, const ViewState& view) {
  const Language lang = view.language;
  const char* title = tr("Open scenarios", lang);
  if (state.open_requested) {
    state.open_requested = false;
    scan_folder(state);
    ImGui::OpenPopup(title);
  }
  bool confirmed = false;
  ImGui::SetNextWindowSize({640.0F, 460.0F}, ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(title, nullptr)) {
    ImGui::TextUnformatted(tr("Folder", lang));
    ImGui::SetNextItemWidth(-90.0F);
    if (ImGui::InputText("##folder", state.open_folder, sizeof state.open_folder,
                         ImGuiInputTextFlags_EnterReturnsTrue)) {
      scan_folder(state);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("List", lang), {80.0F, 0.0F})) scan_folder(state);
    ImGui::BeginChild("files", {0.0F, -ImGui::GetFrameHeightWithSpacing() * 4.0F}, true);
    for (std::size_t i = 0; i < state.folder_files.size(); ++i) {
      bool selected = state.folder_selected[i] != 0;
      if (ImGui::Checkbox(state.folder_files[i].c_str(), &selected)) {
        state.folder_selected[i] = selected ? 1 : 0;
      }
    }
    if (state.folder_files.empty()) ImGui::TextDisabled("%s", tr("No .toml files here", lang));
    ImGui::EndChild();
    ImGui::TextUnformatted(tr("Or type files or folders, separated by ';'", lang));
    ImGui::SetNextItemWidth(-1.0F);
    ImGui::InputText("##paths", state.open_path, sizeof state.open_path);
    ImGui::TextDisabled("%s", tr("The first scenario is the baseline of the differences", lang));
    confirmed = buttons(tr("Open", lang), lang);
    ImGui::EndPopup();
  }
  return confirmed;
}

bool save_dialog(DialogState& state, const ViewState& view) {
  const Language lang = view.language;
  const char* title = tr("Save variant", lang);
  if (state.save_requested) {
    state.save_requested = false;
    ImGui::OpenPopup(title);
  }
  bool confirmed = false;
  ImGui::SetNextWindowSize({640.0F, 0.0F}, ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(title, nullptr)) {
    style::wrapped_text(
        tr("The variant extends the selected scenario and states only the "
           "changed parameters, labelled as assumptions set in werkstroom-viz.",
           lang));
    ImGui::TextUnformatted(tr("File", lang));
    ImGui::SetNextItemWidth(-1.0F);
    ImGui::InputText("##save_path", state.save_path, sizeof state.save_path);
    ImGui::TextUnformatted(tr("Description", lang));
    ImGui::SetNextItemWidth(-1.0F);
    ImGui::InputText("##description", state.save_description, sizeof state.save_description);
    confirmed = buttons(tr("Save", lang), lang);
    ImGui::EndPopup();
  }
  return confirmed;
}

bool export_dialog(DialogState& state, const ViewState& view) {
  const Language lang = view.language;
  const char* title = tr("Export", lang);
  if (state.export_requested) {
    state.export_requested = false;
    ImGui::OpenPopup(title);
  }
  bool confirmed = false;
  ImGui::SetNextWindowSize({640.0F, 0.0F}, ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal(title, nullptr)) {
    ImGui::TextUnformatted(tr("Folder", lang));
    ImGui::SetNextItemWidth(-1.0F);
    ImGui::InputText("##export_dir", state.export_dir, sizeof state.export_dir);
    ImGui::Checkbox(tr("Charts as PNG (charts.png)", lang), &state.export_png);
    ImGui::Checkbox(tr("Tables as CSV (csv/)", lang), &state.export_csv);
    ImGui::Checkbox(tr("Run as HDF5 (run.h5)", lang), &state.export_hdf5);
    ImGui::Checkbox(tr("Board report (report.html, report.pdf)", lang), &state.export_report);
    confirmed = buttons(tr("Export", lang), lang);
    ImGui::EndPopup();
  }
  return confirmed;
}

}  // namespace werkstroom::viz::panels
