// The main menu: files, exports, view options, language. The shortcuts shown here are handled
// by the viewer, so they work without opening the menu.

#include <string>

#include "core/translations.hpp"
#include "panels/panels.hpp"

namespace werkstroom::viz::panels {

MenuAction menu_bar(ViewState& view) {
  const Language lang = view.language;
  MenuAction action = MenuAction::none;
  if (!ImGui::BeginMenuBar()) return action;
  if (ImGui::BeginMenu(tr("File", lang))) {
    if (ImGui::MenuItem(tr("Open scenarios...", lang), "Ctrl+O")) action = MenuAction::open;
    if (ImGui::MenuItem(tr("Save variant as TOML...", lang), "Ctrl+S")) {
      action = MenuAction::save_variant;
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Export...", lang), "Ctrl+E")) action = MenuAction::export_all;
    if (ImGui::MenuItem(tr("Export charts as PNG", lang))) action = MenuAction::export_png;
    if (ImGui::MenuItem(tr("Export tables as CSV", lang))) action = MenuAction::export_csv;
    if (ImGui::MenuItem(tr("Export run as HDF5", lang))) action = MenuAction::export_hdf5;
    if (ImGui::MenuItem(tr("Export report (HTML + PDF)", lang))) {
      action = MenuAction::export_report;
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("Quit", lang), "Ctrl+Q")) action = MenuAction::quit;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("Simulation", lang))) {
    if (ImGui::MenuItem(tr("Run again", lang), "F5")) action = MenuAction::rerun;
    static const int kChoices[] = {20, 50, 100, 200, 500};
    for (const int n : kChoices) {
      const std::string label = std::to_string(n) + " " + tr("replications", lang);
      if (ImGui::MenuItem(label.c_str(), nullptr, view.replications == n)) {
        view.replications = n;
        action = MenuAction::rerun;
      }
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("View", lang))) {
    ImGui::MenuItem(tr("Show 5%-95% bands", lang), nullptr, &view.show_bands);
    if (ImGui::MenuItem(tr("Nederlands / English", lang), "Ctrl+L")) {
      action = MenuAction::toggle_language;
    }
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
  return action;
}

}  // namespace werkstroom::viz::panels
