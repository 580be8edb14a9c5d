// The key-figure table: per scenario the mean with the 5%-95% band of the replications
// (kernel::ReplicationBand: with the scenario's draws, where the outcome may fall), and for every
// scenario after the first the paired difference against it (common random numbers), coloured
// when at least 95% of the replications agree on its sign (the band excludes zero).

#include <cmath>
#include <string>

#include "charts/chart_math.hpp"
#include "core/series_extraction.hpp"
#include "core/translations.hpp"
#include "experiment/number_format.hpp"
#include "model/metric_registry.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

/// +1 when more is better, -1 when less is better, 0 when neither (the registry's `better`).
int direction(const std::string& kpi) {
  const model::MetricInfo* m = model::find_metric(kpi);
  return m != nullptr ? m->better : 0;
}

bool is_money(const std::string& kpi) {
  const model::MetricInfo* m = model::find_metric(kpi);
  return m != nullptr && m->unit == "EUR";
}

std::string number(const std::string& kpi, double v, Language lang) {
  std::string text = is_money(kpi) ? "\u20ac " : "";
  text += charts::format_value(v, lang);
  return text;
}

std::string month_text(double index, const std::vector<std::string>* months, Language lang) {
  if (months == nullptr || months->empty()) return charts::format_value(index, lang);
  const auto m = static_cast<std::size_t>(std::max(0.0, std::round(index)));
  return charts::month_label((*months)[std::min(m, months->size() - 1)], lang);
}

const model::MetricInfo* info_of(const std::string& kpi) { return model::find_metric(kpi); }

}  // namespace

void kpi_panel(const FinishedRun* run, const ViewState& view) {
  const Language lang = view.language;
  if (run == nullptr || run->results.empty()) {
    ImGui::TextDisabled("%s", tr("No results yet", lang));
    return;
  }
  const std::vector<KpiRow> rows = kpi_rows(run->results, table_kpis());
  const std::size_t scenarios = run->results.size();
  const std::vector<std::string>* months =
      run->results.front().replications.empty()
          ? nullptr
          : &run->results.front().replications.front().month_labels;
  const int columns = 1 + static_cast<int>(scenarios) + static_cast<int>(scenarios - 1);
  // A value with its interval ("EUR 492.470 [463.870, 521.069]") needs about this many
  // characters; with more scenarios than fit, the table scrolls sideways and the key figure
  // column stays put instead of every column being cut.
  constexpr float kValueColumnChars = 30.0F;
  const float value_width = kValueColumnChars * ImGui::GetFontSize() * 0.5F;
  const bool scroll_x =
      static_cast<float>(columns) * value_width > ImGui::GetContentRegionAvail().x;
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                          ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
  flags |= scroll_x ? ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit
                    : ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("kpis", columns, flags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  const auto setup = [&](const char* label, float stretch) {
    if (scroll_x) {
      ImGui::TableSetupColumn(label, ImGuiTableColumnFlags_WidthFixed, value_width * stretch);
    } else {
      ImGui::TableSetupColumn(label, ImGuiTableColumnFlags_WidthStretch, stretch);
    }
  };
  setup(tr("Key figure", lang), 1.4F);
  for (std::size_t s = 0; s < scenarios; ++s) setup(run->results[s].name.c_str(), 1.0F);
  std::vector<std::string> diff_names;
  for (std::size_t s = 1; s < scenarios; ++s) {
    diff_names.push_back(std::string("\u0394 ") + run->results[s].name + " " + tr("vs", lang) +
                         " " + run->results[0].name);
  }
  for (const std::string& n : diff_names) setup(n.c_str(), 1.0F);
  // Headers coloured by scenario.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    const auto s = static_cast<std::size_t>(c - 1);
    const bool scenario_column = c >= 1 && s < scenarios;
    if (scenario_column) {
      ImGui::PushStyleColor(ImGuiCol_Text,
                            ImGui::ColorConvertU32ToFloat4(style::scenario_colour(s)));
    }
    ImGui::TableHeader(ImGui::TableGetColumnName(c));
    if (scenario_column) ImGui::PopStyleColor();
  }

  for (const KpiRow& row : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(kpi_name(row.kpi, lang).c_str());
    const model::MetricInfo* info = info_of(row.kpi);
    // A conditional month (model::MetricInfo::conditional): the median month among the
    // replications where it happens, and in how many; a 0/1 flag: its probability.
    const bool month_kpi = info != nullptr && info->conditional && info->unit == "month";
    const bool flag_kpi = info != nullptr && info->unit == "0/1";
    for (std::size_t s = 0; s < scenarios; ++s) {
      ImGui::TableNextColumn();
      if (!row.per_scenario[s]) {
        ImGui::TextDisabled("-");
        continue;
      }
      const kernel::ReplicationBand& v = *row.per_scenario[s];
      if (month_kpi) {
        if (v.present == 0) {
          ImGui::TextUnformatted(tr("never", lang));
          continue;
        }
        ImGui::TextUnformatted(month_text(v.median, months, lang).c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("(%s %zu %s %zu)", tr("in", lang), v.present, tr("of", lang),
                            v.replications);
        continue;
      }
      if (flag_kpi) {
        ImGui::Text("%s %.0f%%", tr("probability", lang), v.mean * 100.0);
        continue;
      }
      ImGui::TextUnformatted(number(row.kpi, v.mean, lang).c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("%s",
                          experiment::format_interval(charts::format_value(v.low, lang),
                                                      charts::format_value(v.high, lang), lang)
                              .c_str());
    }
    for (std::size_t s = 1; s < scenarios; ++s) {
      ImGui::TableNextColumn();
      if (!row.versus_first[s]) {
        ImGui::TextDisabled("-");
        continue;
      }
      const kernel::ReplicationBand& d = *row.versus_first[s];
      const bool clear = d.replications > 1 && (d.low > 0.0 || d.high < 0.0);
      const int sign = d.mean > 0.0 ? 1 : (d.mean < 0.0 ? -1 : 0);
      ImU32 colour = style::kText;
      if (clear && direction(row.kpi) != 0) {
        colour = sign * direction(row.kpi) > 0 ? style::kGood : style::kBad;
      }
      std::string text = d.mean > 0.0 ? "+" : "";
      if (flag_kpi) {
        text += charts::format_value(d.mean * 100.0, lang) + " " + tr("pp", lang);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s", text.c_str());
        continue;
      }
      text += number(row.kpi, d.mean, lang);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour), "%s", text.c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("%s",
                          experiment::format_interval(charts::format_value(d.low, lang),
                                                      charts::format_value(d.high, lang), lang)
                              .c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace werkstroom::viz::panels
