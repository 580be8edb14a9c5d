// The board's page, at the top of the Opschalen tab: the options of the loaded comparison side
// by side (what each costs and buys, the probability that it saves money against the first,
// the budget risk and the worst month's wait), each option's marginal figures against the
// first with their 95% intervals (experiment/marginal.hpp, as the console's table), and a
// legend for the colours. A difference is coloured only when its 95% interval excludes zero:
// green when the option does better, red when worse.

#include <cmath>
#include <string>

#include "charts/chart_math.hpp"
#include "core/translations.hpp"
#include "experiment/marginal.hpp"
#include "experiment/number_format.hpp"
#include "kernel/statistics.hpp"
#include "model/metric_registry.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

std::string euros(double v, Language lang) { return "\u20ac " + charts::format_value(v, lang); }

/// Whole percentages: the share of 20 to 200 replications carries no decimals.
std::string percent(double share, Language /*lang*/) {
  return std::to_string(static_cast<int>(std::lround(100.0 * share))) + "%";
}

double mean_of(const experiment::ScenarioResults& r, const std::string& kpi) {
  return kernel::replication_band(experiment::kpi_values(r, kpi)).mean;
}

/// The colour of a difference by its 95% interval and the figure's direction.
ImU32 difference_colour(const experiment::MarginalDifference& d) {
  const model::MetricInfo* info = model::find_metric(d.kpi);
  const int better = info != nullptr ? info->better : 0;
  const bool clear = d.summary.lower() > 0.0 || d.summary.upper() < 0.0;
  if (!clear || better == 0) return style::kText;
  return (d.summary.mean > 0.0) == (better > 0) ? style::kGood : style::kBad;
}

}  // namespace

void decision_panel(const FinishedRun* run, const ViewState& view) {
  const Language lang = view.language;
  ImGui::PushFont(style::bold_font());
  ImGui::TextUnformatted(tr("The options side by side", lang));
  ImGui::PopFont();
  if (run == nullptr || run->results.size() < 2) {
    ImGui::TextDisabled("%s", tr("Open two or more scenarios to compare them as options", lang));
    return;
  }
  const auto& results = run->results;
  const std::vector<experiment::MarginalOption> options = experiment::marginal_options(results);
  const int columns = 1 + static_cast<int>(results.size());
  if (ImGui::BeginTable("options", columns,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr("Key figure", lang), ImGuiTableColumnFlags_WidthStretch, 1.6F);
    for (const auto& r : results) {
      ImGui::TableSetupColumn(r.name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0F);
    }
    ImGui::TableHeadersRow();
    const auto row = [&](const char* label, const auto& cell) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(label, lang));
      for (std::size_t s = 0; s < results.size(); ++s) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell(s).c_str());
      }
    };
    row("Cost", [&](std::size_t s) { return euros(mean_of(results[s], "cost_eur"), lang); });
    row("Placements", [&](std::size_t s) {
      return charts::format_value(mean_of(results[s], "placements"), lang);
    });
    row("Extra in work after the follow-up", [&](std::size_t s) {
      return charts::format_value(mean_of(results[s], "extra_in_work_at_end"), lang);
    });
    row("Net savings",
        [&](std::size_t s) { return euros(mean_of(results[s], "net_savings_eur"), lang); });
    row("Probability of saving money against the first", [&](std::size_t s) {
      return s == 0 ? std::string("-") : percent(options[s - 1].probability_saves_money, lang);
    });
    row("Probability the instrument budget runs out", [&](std::size_t s) {
      return percent(mean_of(results[s], "instrument_budget_exhausted"), lang);
    });
    row("Worst month's wait p90 (working days)", [&](std::size_t s) {
      return charts::format_value(mean_of(results[s], "wait_p90_worst_month"), lang);
    });
    ImGui::EndTable();
  }

  for (const experiment::MarginalOption& o : options) {
    ImGui::Spacing();
    ImGui::PushFont(style::bold_font());
    ImGui::Text("%s %s %s", o.name.c_str(), tr("against", lang), o.baseline.c_str());
    ImGui::PopFont();
    for (const experiment::MarginalDifference& d : o.differences) {
      const bool money = d.kpi == "cost_eur" || d.kpi == "net_savings_eur";
      const auto value = [&](double v) {
        const std::string sign = v > 0.0 ? "+" : "";
        return sign + (money ? euros(v, lang) : charts::format_value(v, lang));
      };
      ImGui::TextUnformatted(kpi_name(d.kpi, lang).c_str());
      ImGui::SameLine(ImGui::GetFontSize() * 20.0F);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(difference_colour(d)), "%s",
                         value(d.summary.mean).c_str());
      ImGui::SameLine();
      ImGui::TextDisabled(
          "%s  %s %s",
          experiment::format_interval(value(d.summary.lower()), value(d.summary.upper()), lang)
              .c_str(),
          percent(d.share_better, lang).c_str(), tr("of replications better", lang));
    }
    const kernel::RatioInterval& r = o.cost_per_extra_placement;
    ImGui::TextUnformatted(tr("Cost per extra placement", lang));
    ImGui::SameLine(ImGui::GetFontSize() * 20.0F);
    if (std::isnan(r.ratio)) {
      ImGui::TextDisabled("-");
    } else if (!r.bounded) {
      ImGui::Text("%s", euros(r.ratio, lang).c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("[%s]", tr("not bounded: the extra placements may be none", lang));
    } else {
      ImGui::Text("%s", euros(r.ratio, lang).c_str());
      ImGui::SameLine();
      ImGui::TextDisabled(
          "%s",
          experiment::format_interval(euros(r.lower, lang), euros(r.upper, lang), lang).c_str());
    }
  }
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  style::wrapped_text(
      tr("Differences: mean [95% interval of the mean] over paired replications. Green: "
         "better, red: worse, when the interval excludes zero; otherwise not coloured.",
         lang));
  ImGui::PopStyleColor();
}

}  // namespace werkstroom::viz::panels
