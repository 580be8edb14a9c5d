// The robustness tornado (tab Robuustheid): the net savings difference B - A with each of the
// top assumptions at the low and the high end of its plausible range, as horizontal bars from
// the baseline difference, read from a `werkstroom robustness --out` file
// (results::read_robustness_tornado). The viewer computes nothing here: the screening takes a
// minute and belongs to the command line.

#include <algorithm>
#include <cmath>
#include <string>

#include "charts/chart_math.hpp"
#include "core/translations.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"

namespace werkstroom::viz::panels {

namespace {

constexpr float kLabelWidth = 330.0F;
constexpr float kRowHeight = 26.0F;
constexpr float kBarHeight = 16.0F;
constexpr float kRightMargin = 90.0F;

}  // namespace

void robustness_panel(const results::RobustnessTornado& tornado, const ViewState& view) {
  const Language lang = view.language;
  ImGui::TextUnformatted(tr("Which assumptions can flip the choice", lang));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(style::kMutedText), "%s",
                     (std::string(tr("Net savings difference", lang)) + " " + tornado.name_b +
                      " - " + tornado.name_a + " (EUR); " +
                      tr("each assumption alone at the low and the high end of its range", lang))
                         .c_str());
  if (tornado.keys.empty()) {
    ImGui::TextUnformatted(tr("The file holds no assumption taken to its extremes.", lang));
    return;
  }
  double lo = std::min(tornado.baseline, 0.0);
  double hi = std::max(tornado.baseline, 0.0);
  for (std::size_t i = 0; i < tornado.keys.size(); ++i) {
    lo = std::min({lo, tornado.at_lo[i], tornado.at_hi[i]});
    hi = std::max({hi, tornado.at_lo[i], tornado.at_hi[i]});
  }
  if (hi <= lo) hi = lo + 1.0;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, kLabelWidth + 200.0F);
  const float left = origin.x + kLabelWidth;
  const float right = origin.x + width - kRightMargin;
  const auto x_of = [&](double v) {
    return left + static_cast<float>((v - lo) / (hi - lo)) * (right - left);
  };
  const float top = origin.y + ImGui::GetTextLineHeightWithSpacing();
  const float bottom = top + kRowHeight * static_cast<float>(tornado.keys.size());

  // Axis labels at both ends, the zero line and the baseline.
  draw->AddText({left, origin.y}, style::kMutedText, charts::format_value(lo, lang).c_str());
  const std::string hi_text = charts::format_value(hi, lang);
  draw->AddText({right - ImGui::CalcTextSize(hi_text.c_str()).x, origin.y}, style::kMutedText,
                hi_text.c_str());
  draw->AddLine({x_of(0.0), top}, {x_of(0.0), bottom}, style::kAxis, 1.0F);
  for (std::size_t i = 0; i < tornado.keys.size(); ++i) {
    const float y = top + kRowHeight * static_cast<float>(i);
    const float mid = y + kRowHeight * 0.5F;
    const ImU32 label_colour = tornado.can_flip[i] ? style::kBad : style::kText;
    draw->AddText({origin.x, mid - ImGui::GetTextLineHeight() * 0.5F}, label_colour,
                  tornado.keys[i].c_str());
    const auto bar = [&](double to, ImU32 colour) {
      const float a = x_of(tornado.baseline);
      const float b = x_of(to);
      draw->AddRectFilled({std::min(a, b), mid - kBarHeight * 0.5F},
                          {std::max(a, b) + 1.0F, mid + kBarHeight * 0.5F}, colour);
    };
    bar(tornado.at_lo[i], style::scenario_colour(0));
    bar(tornado.at_hi[i], style::scenario_colour(1));
  }
  draw->AddLine({x_of(tornado.baseline), top}, {x_of(tornado.baseline), bottom}, style::kText,
                2.0F);
  ImGui::Dummy({width, bottom - origin.y + 4.0F});

  // Legend.
  const auto swatch = [&](ImU32 colour, const char* text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    draw->AddRectFilled(p, {p.x + h, p.y + h}, colour);
    ImGui::Dummy({h, h});
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
    ImGui::SameLine();
  };
  swatch(style::scenario_colour(0), tr("at the low end", lang));
  swatch(style::scenario_colour(1), tr("at the high end", lang));
  ImGui::NewLine();
  ImGui::TextColored(
      ImGui::ColorConvertU32ToFloat4(style::kMutedText), "%s",
      (std::string(tr("Black line: the difference at the scenarios' own values", lang)) + " (" +
       charts::format_value(tornado.baseline, lang) + "). " +
       tr("Red: can flip the recommendation (at an end of its range the difference is clearly "
          "of the other sign).",
          lang))
          .c_str());
}

}  // namespace werkstroom::viz::panels
