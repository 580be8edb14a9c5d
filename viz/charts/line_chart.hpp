#pragma once
// A monthly line chart drawn on ImDrawList: one mean line per series with its 5%-95% band,
// nice 1-2-5 ticks, month labels, a legend, horizontal reference lines (e.g. the budget
// available), vertical markers (the quarterly herijking) and a tooltip with every series'
// value at the hovered month. The chart only reads the bands it is given.

#include <imgui.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/series_extraction.hpp"
#include "experiment/language.hpp"

namespace werkstroom::viz::charts {

struct ChartSeries {
  std::string label;
  ImU32 colour = 0;
  const Band* band = nullptr;
  bool dashed = false;
  bool show_band = true;
};

struct ReferenceLine {
  std::string label;
  double value = 0.0;
  ImU32 colour = 0;
};

struct ChartSpec {
  std::string title;
  std::string unit;                                        // shown after the title, e.g. "people"
  const std::vector<std::string>* month_labels = nullptr;  // "YYYY-MM"
  std::vector<ChartSeries> series;
  std::vector<ReferenceLine> references;
  std::vector<std::size_t> markers;  // month indices with a vertical marker
  std::string marker_label;          // e.g. "herijking"
  bool include_zero = true;
  double y_max_at_least = 0.0;  // e.g. 1 for a utilisation share
  bool percent = false;         // show 0..1 values as 0..100%
};

/// Draws the chart into a rectangle of `size` at the cursor (advancing it); `id` must be
/// unique in the window. Returns whether the mouse hovers the plot.
bool line_chart(const char* id, const ChartSpec& spec, ImVec2 size, experiment::Language language);

}  // namespace werkstroom::viz::charts
