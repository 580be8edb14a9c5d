// The scenario list: which scenarios are open, which one the levers change, and the key
// parameters of that one with the source label of each value.

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>

#include "core/translations.hpp"
#include "experiment/number_format.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

/// The description of the loaded file: the last `description = "..."` line of its text (the
/// loaded file comes last in LoadedScenario::text).
std::string description_of(const scenario::LoadedScenario& s) {
  const std::string key = "\ndescription = \"";
  const std::size_t at = s.text.rfind(key);
  if (at == std::string::npos) return "";
  const std::size_t start = at + key.size();
  const std::size_t stop = s.text.find('"', start);
  return stop == std::string::npos ? "" : s.text.substr(start, stop - start);
}

ImU32 source_colour(const std::string& source) {
  if (source.rfind("seed", 0) == 0) return style::rgba(0, 114, 178);
  if (source.rfind("public", 0) == 0) return style::rgba(0, 158, 115);
  if (source.rfind("derived", 0) == 0) return style::rgba(86, 140, 200);
  if (source.rfind("calibrated", 0) == 0) return style::rgba(204, 121, 167);
  if (source.rfind("override", 0) == 0) return style::rgba(213, 94, 0);
  return style::rgba(160, 120, 0);  // assumption
}

struct KeyParameter {
  const char* label;
  const char* key;
};
constexpr KeyParameter kKeyParameters[] = {
    {"Advisors", "staff.advisors"},
    {"Centre budget", "budget.centre_budget_eur"},
    {"Instrument budget", "budget.instrument_budget_eur"},
    {"Service starts", "horizon.start_date"},
    {"Service ends", "horizon.service_end_date"},
    {"Selection threshold", "selection.threshold"},
    {"Scaling rule", "scaling.enabled"},
    {"Intake patience", "staff.intake_patience_mean_days"},
};

/// A parameter's value as the reader writes it: euros as "€ 300.000", numbers with a decimal
/// comma in Dutch and their unit translated, flags as yes/no; dates and texts as they are.
std::string display_value(const scenario::ParameterEntry& e, Language lang) {
  if (e.value == "true" || e.value == "false") return tr(e.value == "true" ? "yes" : "no", lang);
  char* end = nullptr;
  const double x = std::strtod(e.value.c_str(), &end);
  if (end == e.value.c_str() || *end != '\0') {
    return e.value + (e.unit.empty() ? "" : " " + e.unit);
  }
  if (e.unit == "EUR") return experiment::format_eur(x, lang);
  std::string number = experiment::format_fixed(x, x == std::floor(x) ? 0 : 2, lang);
  if (e.unit.empty()) return number;
  // Units that are words are translated; symbols ("%", "1/month") stay as they are.
  for (const char* word : {"advisors", "days", "points"}) {
    if (e.unit == word) return number + " " + tr(word, lang);
  }
  return number + " " + e.unit;
}

/// The kind of a source label ("assumption: ..." -> "aanname" in Dutch).
std::string source_kind(const std::string& label, Language lang) {
  std::string kind = label.substr(0, label.find(':'));
  for (const char* known : {"seed", "public", "derived", "assumption", "calibrated"}) {
    if (kind == known) return tr(known, lang);
  }
  return kind;
}

}  // namespace

void scenario_panel(const std::vector<ScenarioSlot>& slots, ViewState& view) {
  const Language lang = view.language;
  ImGui::PushFont(style::bold_font());
  ImGui::TextUnformatted(tr("Scenarios", lang));
  ImGui::PopFont();
  if (slots.empty()) {
    ImGui::TextDisabled("%s", tr("No scenarios open (Ctrl+O)", lang));
    return;
  }
  for (std::size_t i = 0; i < slots.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled({pos.x, pos.y + 2.0F},
                                              {pos.x + 4.0F, pos.y + h * 2.0F + 2.0F},
                                              style::scenario_colour(i), 2.0F);
    ImGui::SetCursorScreenPos({pos.x + 10.0F, pos.y});
    std::string title = slots[i].base.name;
    if (i == 0) title += std::string("  (") + tr("baseline", lang) + ")";
    if (levers_changed(slots[i].base,
                       view.levers.size() > i ? view.levers[i] : levers_of(slots[i].base))) {
      title += std::string("  *");
    }
    if (ImGui::Selectable(title.c_str(), view.selected_scenario == i, 0, {0.0F, 0.0F})) {
      view.selected_scenario = i;
    }
    ImGui::SetCursorScreenPos({pos.x + 10.0F, ImGui::GetCursorScreenPos().y});
    const std::string description = description_of(slots[i].base);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(style::kMutedText));
    ImGui::BeginGroup();
    style::wrapped_text(description.empty() ? slots[i].file.filename().string() : description);
    ImGui::EndGroup();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", slots[i].file.string().c_str());
    ImGui::PopID();
    ImGui::Spacing();
  }

  if (view.selected_scenario >= slots.size()) view.selected_scenario = 0;
  const ScenarioSlot& slot = slots[view.selected_scenario];
  ImGui::Separator();
  ImGui::TextDisabled("%s: %s", tr("Key parameters of", lang), slot.base.name.c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("key_parameters", 3, flags)) {
    ImGui::TableSetupColumn(tr("Parameter", lang), ImGuiTableColumnFlags_WidthStretch, 1.6F);
    ImGui::TableSetupColumn(tr("Value", lang), ImGuiTableColumnFlags_WidthStretch, 1.0F);
    ImGui::TableSetupColumn(tr("Source", lang), ImGuiTableColumnFlags_WidthStretch, 0.9F);
    ImGui::TableHeadersRow();
    std::map<std::string, std::string> values;
    for (const scenario::ParameterEntry& e : scenario::list_parameters(slot.applied.parameters)) {
      values[e.key_path] = display_value(e, lang);
    }
    for (const KeyParameter& k : kKeyParameters) {
      const auto value = values.find(k.key);
      if (value == values.end()) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(k.label, lang));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", k.key);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(value->second.c_str());
      ImGui::TableNextColumn();
      const auto source = slot.applied.sources.find(k.key);
      const std::string label = source == slot.applied.sources.end() ? "" : source->second;
      const std::string kind = source_kind(label, lang);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(source_colour(label)));
      ImGui::TextUnformatted(kind.c_str());
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label.c_str());
    }
    ImGui::EndTable();
  }
  if (!slot.base.parameters.shocks.bankruptcies.empty()) {
    int staff = 0;
    for (const auto& b : slot.base.parameters.shocks.bankruptcies) staff += b.staff;
    ImGui::TextDisabled("%s: %zu (%d %s)", tr("Bankruptcies in the scenario", lang),
                        slot.base.parameters.shocks.bankruptcies.size(), staff, tr("staff", lang));
  }
}

}  // namespace werkstroom::viz::panels
