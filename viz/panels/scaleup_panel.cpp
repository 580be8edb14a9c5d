// The scale-up advisor: the selected scenario swept over 1..N advisors (the centre budget
// raised to pay them, experiment::advice_runs) with common random numbers; trade-off curves of
// placements, the worst month's p90 wait and cost per placement, and the advice of
// experiment::evaluate_advice (the criteria, the objective and the binding criterion) in one
// sentence, as `werkstroom advise` gives it.

#include <algorithm>
#include <string>

#include "charts/chart_math.hpp"
#include "charts/line_chart.hpp"
#include "core/translations.hpp"
#include "experiment/advice_report.hpp"
#include "experiment/number_format.hpp"
#include "kernel/statistics.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

constexpr double kZero = 0.0;
constexpr double kOne = 1.0;

/// Per staffing level the mean and 5%-95% band of a key figure over the replications.
Band kpi_band(const FinishedRun& run, const std::string& kpi) {
  Band b;
  for (const auto& s : run.results) {
    std::vector<double> v = experiment::kpi_values(s, kpi);
    std::sort(v.begin(), v.end());
    double sum = 0.0;
    for (const double x : v) sum += x;
    b.mean.push_back(v.empty() ? 0.0 : sum / static_cast<double>(v.size()));
    b.low.push_back(kernel::sorted_quantile(v, 0.05));
    b.high.push_back(kernel::sorted_quantile(v, 0.95));
  }
  return b;
}

}  // namespace

experiment::StaffingAdvice advice_from(const ScaleUpState& state) {
  if (!state.run) return {};
  return experiment::evaluate_advice(state.levels, state.run->results, state.criteria,
                                     static_cast<experiment::Objective>(state.objective));
}

std::vector<charts::ReferenceLine> target_lines(const model::TargetParameters& t,
                                                std::string_view figure) {
  std::vector<charts::ReferenceLine> out;
  for (const model::ReferenceTarget& r : t.references) {
    if (r.figure == figure) out.push_back({r.label, r.value, style::kReference});
  }
  return out;
}

bool scaleup_panel(ScaleUpState& state, const JobStatus& sweep_status, const ViewState& view) {
  const Language lang = view.language;
  bool requested = false;
  ImGui::PushFont(style::bold_font());
  ImGui::TextUnformatted(tr("Scale-up advisor", lang));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", state.scenario_name.c_str());

  const float w = 150.0F;
  ImGui::SetNextItemWidth(w);
  ImGui::InputDouble(tr("max p90 wait in every month (working days)", lang),
                     &state.criteria.max_wait_p90_working_days, 1.0, 5.0, "%.0f");
  ImGui::SameLine();
  ImGui::Checkbox(tr("instrument budget lasts the service", lang),
                  &state.criteria.budget_lasts_service);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  ImGui::InputDouble(tr("at least placements", lang), &state.criteria.min_placements, 10.0, 50.0,
                     "%.0f");
  ImGui::SetNextItemWidth(w);
  const std::string probability_format = style::literal_format(
      experiment::format_percent(state.criteria.required_probability, 0, lang));
  ImGui::SliderScalar(tr("required probability", lang), ImGuiDataType_Double,
                      &state.criteria.required_probability, &kZero, &kOne,
                      probability_format.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  const char* objectives[] = {tr("lowest cost", lang), tr("highest net savings", lang),
                              tr("most placements", lang)};
  ImGui::Combo(tr("objective", lang), &state.objective, objectives, 3);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  ImGui::SliderInt(tr("advisors up to", lang), &state.max_advisors, 1, 12);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  ImGui::SliderInt(tr("replications", lang), &state.replications, 5, 200);
  state.criteria.max_wait_p90_working_days =
      std::max(0.0, state.criteria.max_wait_p90_working_days);
  state.criteria.min_placements = std::max(0.0, state.criteria.min_placements);
  if (ImGui::Button(tr("Run the staffing sweep", lang))) requested = true;
  if (sweep_status.running) {
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(sweep_status.fraction()), {220.0F, 0.0F});
  }
  if (!sweep_status.error.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(style::kBad), "%s",
                       sweep_status.error.c_str());
  }
  if (!state.run) {
    ImGui::TextDisabled("%s", tr("No sweep yet", lang));
    return requested;
  }

  const experiment::StaffingAdvice advice = advice_from(state);
  ImGui::Spacing();
  ImGui::PushFont(style::bold_font());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(
                                           advice.recommended ? style::kGood : style::kBad));
  style::wrapped_text(experiment::advice_verdict(advice, state.criteria, lang));
  ImGui::PopStyleColor();
  ImGui::PopFont();

  std::vector<std::string> labels;
  for (const experiment::OptionLevel& l : state.levels) {
    labels.push_back(std::to_string(l.advisors) + " fte");
  }
  const Band placements = kpi_band(*state.run, "placements");
  const Band wait = kpi_band(*state.run, "wait_p90_worst_month");
  const Band cost = kpi_band(*state.run, "cost_per_placement_eur");
  Band probability;
  for (const auto& o : advice.options) {
    probability.mean.push_back(o.probability);
  }
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 size{(area.x - 3.0F * gap) / 4.0F, std::max(area.y, 160.0F)};
  const ImU32 colour = style::scenario_colour(0);
  // The scenario's own reference targets (the sweep varies staffing, not the targets).
  const model::TargetParameters* targets =
      state.run->runs.empty() ? nullptr : &state.run->runs.front().parameters.targets;
  const auto chart = [&](const char* id, const char* title, const char* unit, const Band& band,
                         bool percent, double target, std::string_view figure = {}) {
    charts::ChartSpec spec;
    spec.title = tr(title, lang);
    spec.unit = tr(unit, lang);
    spec.month_labels = &labels;
    spec.series.push_back({tr("mean, 5%-95%", lang), colour, &band, false, !band.low.empty()});
    spec.percent = percent;
    if (percent) spec.y_max_at_least = 1.0;
    if (target > 0.0) spec.references.push_back({tr("target", lang), target, style::kBad});
    if (targets != nullptr && !figure.empty()) {
      for (charts::ReferenceLine& line : target_lines(*targets, figure)) {
        spec.references.push_back(std::move(line));
      }
    }
    charts::line_chart(id, spec, size, lang);
  };
  chart("placements", "Placements", "people", placements, false, 0.0, "placements");
  ImGui::SameLine(0.0F, gap);
  chart("wait", "Worst month's wait to intake, p90", "working days", wait, false,
        state.criteria.max_wait_p90_working_days, "wait_p90_worst_month");
  ImGui::SameLine(0.0F, gap);
  chart("cost", "Cost per placement", "EUR", cost, false, 0.0, "cost_per_placement_eur");
  ImGui::SameLine(0.0F, gap);
  chart("probability", "Probability of meeting every criterion", "% of replications", probability,
        true, state.criteria.required_probability);
  return requested;
}

}  // namespace werkstroom::viz::panels
