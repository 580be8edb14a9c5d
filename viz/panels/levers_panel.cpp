// The levers of the selected scenario: staffing, budgets, inflow per cohort, an extra
// bankruptcy, the selection threshold and the instruments' assignment probabilities. A lever
// takes effect when it is released: the viewer applies it (checked by the scenario rules) and
// re-simulates in the background.

#include <cstdio>
#include <string>

#include "charts/chart_math.hpp"
#include "core/translations.hpp"
#include "experiment/number_format.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

/// Marks the lever's label when it differs from the scenario's own value.
void changed_mark(bool changed) {
  if (!changed) return;
  ImGui::SameLine();
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(style::scenario_colour(5)), "*");
}

bool slider_double(const char* label, double& value, double lo, double hi, const char* format,
                   bool changed) {
  ImGui::TextUnformatted(label);
  changed_mark(changed);
  ImGui::SetNextItemWidth(-1.0F);
  ImGui::PushID(label);
  ImGui::SliderScalar("##v", ImGuiDataType_Double, &value, &lo, &hi, format);
  ImGui::PopID();
  return ImGui::IsItemDeactivatedAfterEdit();
}

bool slider_int(const char* label, int& value, int lo, int hi, const char* format, bool changed) {
  ImGui::TextUnformatted(label);
  changed_mark(changed);
  ImGui::SetNextItemWidth(-1.0F);
  ImGui::PushID(label);
  ImGui::SliderInt("##v", &value, lo, hi, format);
  ImGui::PopID();
  return ImGui::IsItemDeactivatedAfterEdit();
}

int month_index(const kernel::Date& start, const kernel::Date& d) {
  return (d.year - start.year) * 12 + (d.month - start.month);
}

kernel::Date month_date(const kernel::Date& start, int index) {
  const int m0 = start.month - 1 + index;
  return {start.year + m0 / 12, m0 % 12 + 1, 15};
}

}  // namespace

bool levers_panel(const ScenarioSlot& slot, Levers& levers, ViewState& view) {
  const Language lang = view.language;
  const Levers own = levers_of(slot.base);
  const model::ModelParameters& p = slot.base.parameters;
  bool released = false;

  ImGui::PushFont(style::bold_font());
  ImGui::TextUnformatted(tr("Levers", lang));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", slot.base.name.c_str());
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(tr("Reset", lang)).x -
                  ImGui::GetStyle().FramePadding.x * 2.0F);
  if (ImGui::SmallButton(tr("Reset", lang))) {
    levers = own;
    released = true;
  }
  if (!slot.lever_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(style::kBad));
    style::wrapped_text(slot.lever_error);
    ImGui::PopStyleColor();
  }

  released |= slider_int(tr("Advisors (fte)", lang), levers.advisors, 0, 10, "%d",
                         levers.advisors != own.advisors);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s",
                      tr("The centre budget is raised to pay the advisors if it is short", lang));
  }
  released |= slider_double(
      tr("Centre budget (EUR)", lang), levers.centre_budget_eur, 0.0, 1.0e6,
      style::literal_format(experiment::format_eur(levers.centre_budget_eur, lang)).c_str(),
      levers.centre_budget_eur != own.centre_budget_eur);
  // More advisors than the budget pays for raise the budget of the applied scenario
  // (experiment::set_staffing): say what is simulated, not only what the slider holds.
  if (const std::optional<double> raised = raised_centre_budget(slot, levers)) {
    ImGui::TextDisabled("%s: %s", tr("simulated, raised to pay the advisors", lang),
                        experiment::format_eur(*raised, lang).c_str());
  }
  released |= slider_double(
      tr("Instrument budget (EUR)", lang), levers.instrument_budget_eur, 0.0, 1.0e6,
      style::literal_format(experiment::format_eur(levers.instrument_budget_eur, lang)).c_str(),
      levers.instrument_budget_eur != own.instrument_budget_eur);
  released |= slider_double(
      tr("Selection threshold (points)", lang), levers.selection_threshold, 0.0, 6.0,
      style::literal_format(experiment::format_fixed(levers.selection_threshold, 2, lang)).c_str(),
      levers.selection_threshold != own.selection_threshold);

  ImGui::Spacing();
  if (ImGui::CollapsingHeader(tr("Extra bankruptcy", lang), ImGuiTreeNodeFlags_DefaultOpen)) {
    released |= slider_int(tr("Staff of the firm (0: none)", lang), levers.bankruptcy.staff, 0, 500,
                           "%d", levers.bankruptcy.staff != 0);
    const int months = service_months(p);
    int month = month_index(p.horizon.start_date, levers.bankruptcy.date);
    const std::string label =
        charts::month_label(levers.bankruptcy.date.to_string().substr(0, 7), lang);
    if (slider_int(tr("Month of the bankruptcy", lang), month, 0, months - 1, label.c_str(),
                   false)) {
      released = true;
    }
    levers.bankruptcy.date = month_date(p.horizon.start_date, month);
    ImGui::SetNextItemWidth(-1.0F);
    if (ImGui::BeginCombo("##sector", levers.bankruptcy.sector.c_str())) {
      for (const model::SectorParameters& s : p.sectors) {
        if (ImGui::Selectable(s.name.c_str(), s.name == levers.bankruptcy.sector)) {
          levers.bankruptcy.sector = s.name;
          released = true;
        }
      }
      ImGui::EndCombo();
    }
  }
  if (ImGui::CollapsingHeader(tr("Scaling rule", lang))) {
    ScalingLever& sc = levers.scaling;
    const ScalingLever& own_sc = own.scaling;
    if (ImGui::Checkbox(tr("Hire external advisors when the waiting list stays long", lang),
                        &sc.enabled)) {
      released = true;
    }
    changed_mark(sc.enabled != own_sc.enabled);
    released |=
        slider_double(tr("Waiting list that triggers hiring", lang), sc.trigger_waiting_list, 0.0,
                      300.0, "%.0f", sc.trigger_waiting_list != own_sc.trigger_waiting_list);
    released |= slider_int(tr("Weekly checks above it before hiring", lang), sc.trigger_weeks, 1,
                           12, "%d", sc.trigger_weeks != own_sc.trigger_weeks);
    released |= slider_double(tr("Lead time of a hire (weeks)", lang), sc.lead_time_weeks, 0.0,
                              26.0, "%.1f", sc.lead_time_weeks != own_sc.lead_time_weeks);
    released |= slider_int(tr("External advisors at most", lang), sc.max_external_advisors, 0, 10,
                           "%d", sc.max_external_advisors != own_sc.max_external_advisors);
    released |= slider_double(tr("Release one at a herijking below utilisation", lang),
                              sc.scale_down_utilisation, 0.0, 1.0, "%.2f",
                              sc.scale_down_utilisation != own_sc.scale_down_utilisation);
  }
  if (ImGui::CollapsingHeader(tr("Inflow per cohort", lang))) {
    for (std::size_t c = 0; c < model::kCohortCount; ++c) {
      released |= slider_double(model::kCohortNames[c], levers.inflow_multiplier[c], 0.0, 3.0,
                                "x %.2f", levers.inflow_multiplier[c] != 1.0);
    }
  }
  if (ImGui::CollapsingHeader(tr("Assignment probability per instrument", lang))) {
    for (std::size_t i = 0; i < levers.assign_probability.size() && i < p.instruments.size(); ++i) {
      released |= slider_double(p.instruments[i].name.c_str(), levers.assign_probability[i], 0.0,
                                1.0, "%.2f",
                                i < own.assign_probability.size() &&
                                    levers.assign_probability[i] != own.assign_probability[i]);
    }
  }
  return released;
}

}  // namespace werkstroom::viz::panels
