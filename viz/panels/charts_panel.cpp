// The monthly charts of the finished run: the service's own chart grid, the monitor's four
// indicators, and an explorer for any series. Every chart shows each scenario's mean with its
// 5%-95% band across replications and marks the quarterly herijking.

#include <algorithm>
#include <string>

#include "charts/chart_math.hpp"
#include "charts/line_chart.hpp"
#include "core/series_extraction.hpp"
#include "core/translations.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

using charts::ChartSpec;

/// The bands of one chart, kept alive while the chart is drawn.
struct ChartData {
  std::vector<Band> bands;
  ChartSpec spec;
};

const std::vector<std::string>* months_of(const FinishedRun& run) {
  for (const auto& s : run.results) {
    if (!s.replications.empty()) return &s.replications.front().month_labels;
  }
  return nullptr;
}

ChartSpec base_spec(const FinishedRun& run, const std::vector<ScenarioSlot>& slots,
                    const ViewState& view, const char* title, const char* unit) {
  ChartSpec spec;
  spec.title = tr(title, view.language);
  spec.unit = tr(unit, view.language);
  spec.month_labels = months_of(run);
  const std::size_t months = spec.month_labels != nullptr ? spec.month_labels->size() : 0;
  if (!run.runs.empty()) {
    spec.markers = charts::herijking_months(
        static_cast<std::size_t>(service_months(run.runs.front().parameters)), months);
  }
  spec.marker_label = tr("herijking", view.language);
  (void)slots;
  return spec;
}

/// Which months a chart shows.
enum class Period { horizon, service };

/// One series per scenario of `name` (summed over `names` when several). Period::service cuts
/// the series at the service end: indicators of the centre's own work (waits, the waiting list,
/// utilisation) have no values after it, and a line dropping to 0 would say otherwise.
ChartData per_scenario(const FinishedRun& run, const std::vector<ScenarioSlot>& slots,
                       const ViewState& view, const char* title, const char* unit,
                       const std::vector<std::string>& names, bool running_total = false,
                       Period period = Period::horizon) {
  ChartData d;
  d.spec = base_spec(run, slots, view, title, unit);
  d.bands.reserve(run.results.size());
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    const auto& s = run.results[i];
    Band band =
        names.size() == 1 ? monthly_band(s, names.front(), running_total) : summed_band(s, names);
    if (period == Period::service && i < run.runs.size()) {
      const auto months = static_cast<std::size_t>(service_months(run.runs[i].parameters));
      for (auto* v : {&band.mean, &band.low, &band.high}) {
        if (v->size() > months) v->resize(months);
      }
    }
    d.bands.push_back(std::move(band));
  }
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    d.spec.series.push_back(
        {run.results[i].name, style::scenario_colour(i), &d.bands[i], false, view.show_bands});
  }
  return d;
}

void draw(const char* id, const ChartData& d, ImVec2 size, const ViewState& view) {
  charts::line_chart(id, d.spec, size, view.language);
}

void grid(const std::vector<ChartData>& charts, int columns, ImVec2 area, const ViewState& view) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const int rows = (static_cast<int>(charts.size()) + columns - 1) / columns;
  const ImVec2 size{(area.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns),
                    (area.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows)};
  for (std::size_t i = 0; i < charts.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0.0F, gap);
    draw(("chart" + std::to_string(i)).c_str(), charts[i], size, view);
  }
}

std::vector<ChartData> service_charts(const FinishedRun& run,
                                      const std::vector<ScenarioSlot>& slots,
                                      const ViewState& view) {
  std::vector<ChartData> c;
  // The waiting list at month end (solid, with its band) and its peak within the month
  // (dashed): a month-end level can hide a peak in between.
  ChartData waiting =
      per_scenario(run, slots, view, "Waiting list for intake", "people; dashed: peak",
                   {"waiting_list_end"}, false, Period::service);
  const std::size_t scenarios = waiting.bands.size();
  waiting.bands.reserve(2 * scenarios);  // the series point into bands: no reallocation below
  for (std::size_t i = 0; i < scenarios; ++i) {
    Band peak = monthly_band(run.results[i], "waiting_list_max");
    const std::size_t months = waiting.bands[i].mean.size();
    for (auto* v : {&peak.mean, &peak.low, &peak.high}) {
      if (v->size() > months) v->resize(months);
    }
    waiting.bands.push_back(std::move(peak));
  }
  for (std::size_t i = 0; i < scenarios; ++i) {
    waiting.spec.series[i].band = &waiting.bands[i];
    waiting.spec.series.push_back({run.results[i].name + " " + tr("(peak)", view.language),
                                   style::scenario_colour(i), &waiting.bands[scenarios + i], true,
                                   false});
  }
  c.push_back(std::move(waiting));
  c.push_back(per_scenario(run, slots, view, "Wait to intake, p90", "working days",
                           {"wait_to_intake_p90_working_days"}, false, Period::service));
  c.push_back(per_scenario(run, slots, view, "Placements", "people, cumulative",
                           {"placements_clients"}, true));

  ChartData budget = per_scenario(
      run, slots, view, "Budget spent vs available", "EUR, cumulative",
      {"budget_centre_spent_eur", "budget_instruments_spent_eur", "budget_maatwerk_spent_eur"});
  for (std::size_t i = 0; i < run.runs.size(); ++i) {
    const model::BudgetParameters& b = run.runs[i].parameters.budget;
    budget.spec.references.push_back({std::string(tr("available", view.language)) +
                                          (run.runs.size() > 1 ? " " + run.runs[i].name : ""),
                                      b.centre_budget_eur + b.instrument_budget_eur,
                                      style::with_alpha(style::scenario_colour(i), 200)});
  }
  c.push_back(std::move(budget));

  ChartData utilisation = per_scenario(run, slots, view, "Staff utilisation", "% of time on shift",
                                       {"staff_utilisation"}, false, Period::service);
  utilisation.spec.percent = true;
  utilisation.spec.y_max_at_least = 1.0;
  c.push_back(std::move(utilisation));

  // Running WW: with the service per scenario (solid), without it (dashed).
  ChartData ww;
  ww.spec = base_spec(run, slots, view, "Running WW benefits", "people at month end");
  ww.spec.include_zero = false;
  ww.bands.reserve(run.results.size() * 2);
  for (const auto& s : run.results) {
    ww.bands.push_back(monthly_band(s, "with_service.running_ww"));
    ww.bands.push_back(monthly_band(s, "without_service.running_ww"));
  }
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    ww.spec.series.push_back(
        {run.results[i].name, style::scenario_colour(i), &ww.bands[2 * i], false, view.show_bands});
  }
  // Without the service, scenarios that share their people give the same world: then one grey
  // dashed line, else one per scenario (e.g. when an inflow lever differs).
  bool same_world = true;
  for (std::size_t i = 1; i < run.results.size(); ++i) {
    same_world = same_world && ww.bands[2 * i + 1].mean == ww.bands[1].mean;
  }
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    if (same_world && i > 0) break;
    const bool shared = same_world && run.results.size() > 1;
    ww.spec.series.push_back(
        {std::string(tr("without service", view.language)) +
             (run.results.size() > 1 && !shared ? " " + run.results[i].name : ""),
         shared ? style::kMutedText : style::with_alpha(style::scenario_colour(i), 160),
         &ww.bands[2 * i + 1], true, false});
  }
  c.push_back(std::move(ww));
  return c;
}

std::vector<ChartData> monitor_charts(const FinishedRun& run,
                                      const std::vector<ScenarioSlot>& slots,
                                      const ViewState& view) {
  std::vector<ChartData> c;
  // The monitor's activity counts: the centre's own work, so the service period only.
  c.push_back(per_scenario(run, slots, view, "Employer contacts", "conversations per month",
                           {"employers_spoken"}, false, Period::service));
  c.push_back(per_scenario(run, slots, view, "Advices to employers", "per month", {"advices"},
                           false, Period::service));
  c.push_back(
      per_scenario(run, slots, view, "Interventions started", "per month",
                   {"interventions_coaching", "interventions_training", "interventions_secondment",
                    "interventions_takeover", "interventions_other"},
                   false, Period::service));
  ChartData inventory;
  inventory.spec = base_spec(run, slots, view, "Inventory of employers", "% surplus / % shortage");
  for (const auto& s : run.results) {
    inventory.bands.push_back(monthly_band(s, "inventory_surplus_pct"));
    inventory.bands.push_back(monthly_band(s, "inventory_shortage_pct"));
  }
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    const std::string suffix = run.results.size() > 1 ? " " + run.results[i].name : "";
    inventory.spec.series.push_back({tr("surplus", view.language) + suffix,
                                     style::scenario_colour(i), &inventory.bands[2 * i], false,
                                     view.show_bands});
    inventory.spec.series.push_back({tr("shortage", view.language) + suffix,
                                     style::scenario_colour(i), &inventory.bands[2 * i + 1], true,
                                     false});
  }
  c.push_back(std::move(inventory));
  return c;
}

void explorer(const FinishedRun& run, const std::vector<ScenarioSlot>& slots, ViewState& view,
              ImVec2 area) {
  const std::vector<std::string> names = series_names();
  ImGui::SetNextItemWidth(360.0F);
  if (ImGui::BeginCombo(tr("Series", view.language), view.selected_indicator.c_str(),
                        ImGuiComboFlags_HeightLarge)) {
    for (const std::string& n : names) {
      if (ImGui::Selectable(n.c_str(), n == view.selected_indicator)) view.selected_indicator = n;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Checkbox(tr("cumulative", view.language), &view.explorer_cumulative);
  if (std::find(names.begin(), names.end(), view.selected_indicator) == names.end()) {
    view.selected_indicator = names.front();
  }
  const float used = ImGui::GetFrameHeightWithSpacing();
  ChartData d =
      per_scenario(run, slots, view, "", "", {view.selected_indicator}, view.explorer_cumulative);
  d.spec.title = view.selected_indicator;
  d.spec.include_zero = false;
  draw("explorer", d, {area.x, area.y - used}, view);
}

}  // namespace

ScreenRect charts_panel(const FinishedRun* run, const std::vector<ScenarioSlot>& slots,
                        ViewState& view) {
  const ImVec2 area = ImGui::GetContentRegionAvail();
  ScreenRect rect;
  rect.min = ImGui::GetCursorScreenPos();
  rect.max = {rect.min.x + area.x, rect.min.y + area.y};
  if (run == nullptr || run->results.empty()) {
    const char* text = tr("Simulating...", view.language);
    const ImVec2 ts = ImGui::CalcTextSize(text);
    ImGui::SetCursorScreenPos(
        {rect.min.x + (area.x - ts.x) * 0.5F, rect.min.y + (area.y - ts.y) * 0.5F});
    ImGui::TextDisabled("%s", text);
    return rect;
  }
  switch (view.tab) {
    case MainTab::monitor:
      grid(monitor_charts(*run, slots, view), 2, area, view);
      break;
    case MainTab::explorer:
      explorer(*run, slots, view, area);
      break;
    case MainTab::charts:
    case MainTab::scale_up:    // has its own panel; the service charts stand in
    case MainTab::robustness:  // likewise
      grid(service_charts(*run, slots, view), 3, area, view);
      break;
  }
  return rect;
}

}  // namespace werkstroom::viz::panels
