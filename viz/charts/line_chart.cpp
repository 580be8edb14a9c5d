#include "charts/line_chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "charts/chart_math.hpp"
#include "core/translations.hpp"
#include "experiment/number_format.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::charts {

namespace {

constexpr int kMaxYTicks = 6;
constexpr float kPad = 8.0F;

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float thickness,
                 float dash = 6.0F, float gap = 4.0F) {
  const float dx = b.x - a.x;
  const float dy = b.y - a.y;
  const float length = std::sqrt(dx * dx + dy * dy);
  if (length <= 0.0F) return;
  for (float t = 0.0F; t < length; t += dash + gap) {
    const float t1 = std::min(t + dash, length);
    dl->AddLine({a.x + dx * t / length, a.y + dy * t / length},
                {a.x + dx * t1 / length, a.y + dy * t1 / length}, colour, thickness);
  }
}

double shown(double v, bool percent) { return percent ? v * 100.0 : v; }

/// `text` cut to at most `width` pixels in `font`, whole UTF-8 characters, with "…" where it
/// was cut; the text itself when it fits. (A narrow chart must not draw its title over its
/// neighbour's.)
std::string fit_text(ImFont* font, const std::string& text, float width) {
  const auto text_width = [font](const std::string& t) {
    return font->CalcTextSizeA(font->FontSize, 1e6F, 0.0F, t.c_str()).x;
  };
  if (text_width(text) <= width) return text;
  static const std::string kEllipsis = "\u2026";
  std::string cut = text;
  while (!cut.empty()) {
    // Drop the last UTF-8 character (its continuation bytes are 10xxxxxx).
    do {
      cut.pop_back();
    } while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0U) == 0x80U);
    if (text_width(cut + kEllipsis) <= width) return cut + kEllipsis;
  }
  return "";
}

}  // namespace

bool line_chart(const char* id, const ChartSpec& spec, ImVec2 size, experiment::Language language) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 end{origin.x + size.x, origin.y + size.y};
  ImGui::InvisibleButton("##chart", size);
  const bool item_hovered = ImGui::IsItemHovered();

  // The chart is a border on the white page (no fill: see style::begin_panel_child).
  dl->AddRect(origin, end, style::kGrid, 4.0F);

  // Title and unit.
  const float line_h = ImGui::GetTextLineHeight();
  ImFont* bold = style::bold_font();
  const float title_room = size.x - 2.0F * kPad;
  const std::string title = fit_text(bold, spec.title, title_room);
  dl->AddText(bold, bold->FontSize, {origin.x + kPad, origin.y + 6.0F}, style::kText,
              title.c_str());
  const float title_width = bold->CalcTextSizeA(bold->FontSize, 1e6F, 0.0F, title.c_str()).x;
  const std::string unit =
      title == spec.title ? fit_text(ImGui::GetFont(), spec.unit, title_room - title_width - 8.0F)
                          : std::string();
  if (!unit.empty()) {
    dl->AddText({origin.x + kPad + title_width + 8.0F, origin.y + 7.0F}, style::kMutedText,
                unit.c_str());
  }
  // What did not fit is in a tooltip over the title line.
  const bool title_cut = title != spec.title || unit != spec.unit;
  if (title_cut && item_hovered && ImGui::GetIO().MousePos.y < origin.y + line_h + 8.0F) {
    ImGui::SetTooltip("%s %s", spec.title.c_str(), spec.unit.c_str());
  }

  // Legend: entries in rows under the title, wrapping when the chart is narrow.
  struct LegendEntry {
    std::string label;
    ImU32 colour;
    bool dashed;
    bool band;
  };
  std::vector<LegendEntry> legend;
  for (const ChartSeries& s : spec.series) {
    legend.push_back({s.label, s.colour, s.dashed, s.show_band && s.band != nullptr});
  }
  for (const ReferenceLine& r : spec.references) legend.push_back({r.label, r.colour, true, false});
  if (!spec.markers.empty() && !spec.marker_label.empty()) {
    legend.push_back({spec.marker_label, style::kMarker, true, false});
  }
  float lx = origin.x + kPad;
  float ly = origin.y + 8.0F + line_h + 4.0F;
  for (const LegendEntry& e : legend) {
    const float w = ImGui::CalcTextSize(e.label.c_str()).x;
    if (lx > origin.x + kPad && lx + 20.0F + w > end.x - kPad) {
      lx = origin.x + kPad;
      ly += line_h + 2.0F;
    }
    const float cy = ly + line_h * 0.5F;
    if (e.band) {
      dl->AddRectFilled({lx, cy - 5.0F}, {lx + 16.0F, cy + 5.0F}, style::with_alpha(e.colour, 50));
    }
    if (e.dashed) {
      dashed_line(dl, {lx, cy}, {lx + 16.0F, cy}, e.colour, 2.0F, 4.0F, 3.0F);
    } else {
      dl->AddLine({lx, cy}, {lx + 16.0F, cy}, e.colour, 2.5F);
    }
    dl->AddText({lx + 20.0F, ly}, style::kText, e.label.c_str());
    lx += 20.0F + w + 14.0F;
  }

  // Data extent.
  std::size_t months = 0;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  for (const ChartSeries& s : spec.series) {
    if (s.band == nullptr) continue;
    months = std::max(months, s.band->months());
    for (std::size_t m = 0; m < s.band->months(); ++m) {
      const bool band = s.show_band && m < s.band->low.size();
      lo = std::min(lo, shown(band ? s.band->low[m] : s.band->mean[m], spec.percent));
      hi = std::max(hi, shown(band ? s.band->high[m] : s.band->mean[m], spec.percent));
      lo = std::min(lo, shown(s.band->mean[m], spec.percent));
      hi = std::max(hi, shown(s.band->mean[m], spec.percent));
    }
  }
  for (const ReferenceLine& r : spec.references) {
    lo = std::min(lo, shown(r.value, spec.percent));
    hi = std::max(hi, shown(r.value, spec.percent));
  }
  if (spec.y_max_at_least > 0.0) hi = std::max(hi, shown(spec.y_max_at_least, spec.percent));
  if (months == 0) {
    const char* empty = tr("No results yet", language);
    const ImVec2 ts = ImGui::CalcTextSize(empty);
    dl->AddText({origin.x + (size.x - ts.x) * 0.5F, origin.y + (size.y - ts.y) * 0.5F},
                style::kMutedText, empty);
    ImGui::PopID();
    return false;
  }
  const AxisRange y = nice_range(lo, hi, kMaxYTicks, spec.include_zero);
  const double step = nice_step(y.hi - y.lo, kMaxYTicks);
  const std::vector<double> yticks = ticks(y, step);
  float label_w = 0.0F;
  std::vector<std::string> ylabels;
  for (const double t : yticks) {
    ylabels.push_back(format_tick(t, step, language) + (spec.percent ? "%" : ""));
    label_w = std::max(label_w, ImGui::CalcTextSize(ylabels.back().c_str()).x);
  }

  const float top = ly + line_h + 8.0F;
  const ImVec2 p0{origin.x + kPad + label_w + 6.0F, top};
  const ImVec2 p1{end.x - kPad - 4.0F, end.y - line_h - 10.0F};
  if (p1.x - p0.x < 20.0F || p1.y - p0.y < 20.0F) {
    ImGui::PopID();
    return false;
  }
  const auto px = [&](std::size_t m) { return month_x(m, months, p0.x, p1.x); };
  const auto py = [&](double v) { return to_pixel(shown(v, spec.percent), y, p1.y, p0.y); };

  // Grid and y labels.
  for (std::size_t i = 0; i < yticks.size(); ++i) {
    const float yy = to_pixel(yticks[i], y, p1.y, p0.y);
    dl->AddLine({p0.x, yy}, {p1.x, yy}, yticks[i] == 0.0 ? style::kAxis : style::kGrid, 1.0F);
    const float w = ImGui::CalcTextSize(ylabels[i].c_str()).x;
    dl->AddText({p0.x - 6.0F - w, yy - line_h * 0.5F}, style::kMutedText, ylabels[i].c_str());
  }

  // Month labels.
  const std::vector<std::string>* labels = spec.month_labels;
  const float month_w = ImGui::CalcTextSize("mmm '00").x + 10.0F;
  const std::size_t stride = label_stride(months, p1.x - p0.x, month_w);
  for (std::size_t m = 0; m < months; m += stride) {
    const float xx = px(m);
    dl->AddLine({xx, p1.y}, {xx, p1.y + 4.0F}, style::kAxis, 1.0F);
    if (labels == nullptr || m >= labels->size()) continue;
    const std::string text = month_label((*labels)[m], language);
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    const float tx = std::clamp(xx - w * 0.5F, origin.x + 2.0F, end.x - w - 2.0F);
    dl->AddText({tx, p1.y + 5.0F}, style::kMutedText, text.c_str());
  }
  dl->AddLine({p0.x, p1.y}, {p1.x, p1.y}, style::kAxis, 1.0F);

  dl->PushClipRect({p0.x - 1.0F, p0.y - 2.0F}, {p1.x + 1.0F, p1.y + 1.0F}, true);
  // Herijking markers.
  for (const std::size_t m : spec.markers) {
    if (m >= months) continue;
    dashed_line(dl, {px(m), p0.y}, {px(m), p1.y}, style::with_alpha(style::kMarker, 170), 1.0F,
                3.0F, 3.0F);
  }
  // Bands first (under every line), without anti-aliased fringes so neighbours join cleanly.
  const ImDrawListFlags saved_flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  for (const ChartSeries& s : spec.series) {
    if (s.band == nullptr || !s.show_band || s.band->low.size() < 2) continue;
    const ImU32 fill = style::with_alpha(s.colour, 45);
    for (std::size_t m = 0; m + 1 < s.band->months(); ++m) {
      dl->AddQuadFilled({px(m), py(s.band->high[m])}, {px(m + 1), py(s.band->high[m + 1])},
                        {px(m + 1), py(s.band->low[m + 1])}, {px(m), py(s.band->low[m])}, fill);
    }
  }
  dl->Flags = saved_flags;
  for (const ReferenceLine& r : spec.references) {
    const float yy = py(r.value);
    dashed_line(dl, {p0.x, yy}, {p1.x, yy}, r.colour, 1.5F);
  }
  for (const ChartSeries& s : spec.series) {
    if (s.band == nullptr || s.band->months() == 0) continue;
    std::vector<ImVec2> points;
    points.reserve(s.band->months());
    for (std::size_t m = 0; m < s.band->months(); ++m) {
      points.push_back({px(m), py(s.band->mean[m])});
    }
    if (s.dashed) {
      for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        dashed_line(dl, points[i], points[i + 1], s.colour, 2.0F, 5.0F, 4.0F);
      }
    } else {
      dl->AddPolyline(points.data(), static_cast<int>(points.size()), s.colour, 0, 2.25F);
    }
  }
  dl->PopClipRect();

  // Hover: a vertical rule, dots, and the values of every series at that month.
  bool plot_hovered = false;
  if (item_hovered) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const std::optional<std::size_t> hovered = mouse.y >= p0.y && mouse.y <= p1.y
                                                   ? hover_index(mouse.x, p0.x, p1.x, months)
                                                   : std::nullopt;
    if (hovered) {
      plot_hovered = true;
      const std::size_t m = *hovered;
      dl->AddLine({px(m), p0.y}, {px(m), p1.y}, style::with_alpha(style::kText, 90), 1.0F);
      for (const ChartSeries& s : spec.series) {
        if (s.band == nullptr || m >= s.band->months()) continue;
        dl->AddCircleFilled({px(m), py(s.band->mean[m])}, 4.0F, s.colour);
      }
      ImGui::BeginTooltip();
      ImGui::PushFont(bold);
      ImGui::TextUnformatted(labels != nullptr && m < labels->size()
                                 ? month_label((*labels)[m], language).c_str()
                                 : std::to_string(m).c_str());
      ImGui::PopFont();
      if (std::find(spec.markers.begin(), spec.markers.end(), m) != spec.markers.end()) {
        ImGui::TextDisabled("%s", spec.marker_label.c_str());
      }
      const std::string suffix = spec.percent ? "%" : "";
      for (const ChartSeries& s : spec.series) {
        if (s.band == nullptr || m >= s.band->months()) continue;
        ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(s.colour),
                           ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                           {10.0F, 10.0F});
        ImGui::SameLine();
        std::string text =
            s.label + ": " + format_value(shown(s.band->mean[m], spec.percent), language) + suffix;
        if (s.show_band && m < s.band->low.size()) {
          text += "   " + experiment::format_interval(
                              format_value(shown(s.band->low[m], spec.percent), language),
                              format_value(shown(s.band->high[m], spec.percent), language) + suffix,
                              language);
        }
        ImGui::TextUnformatted(text.c_str());
      }
      for (const ReferenceLine& r : spec.references) {
        ImGui::TextDisabled("%s: %s", r.label.c_str(),
                            format_value(shown(r.value, spec.percent), language).c_str());
      }
      ImGui::EndTooltip();
    }
  }
  ImGui::PopID();
  return plot_hovered;
}

}  // namespace werkstroom::viz::charts
