#pragma once
// Where everything of a report chart goes: the plot area, the value scale with its ticks, the
// month ticks and the legend, in a coordinate system of `width` units wide (SVG user units or
// PDF points divided by a scale). The SVG renderer (svg_chart.hpp) and the PDF renderer
// (pdf_report.hpp) both draw from one layout, so the charts of the two documents agree.
//
// Contract: text widths are estimated from the number of characters (an average glyph of
// 0.56 font sizes), generous enough for the sans-serif faces both renderers use.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "experiment/language.hpp"
#include "report/report_model.hpp"

namespace werkstroom::report {

struct Rgb {
  double r = 0.0;
  double g = 0.0;
  double b = 0.0;
};
/// The colour of scenario `index` (cycles through a palette readable in print and by most
/// colour-blind readers), and the grey of reference lines and grids.
[[nodiscard]] Rgb palette(std::size_t index);
[[nodiscard]] Rgb grey();
/// "#rrggbb".
[[nodiscard]] std::string hex(Rgb c);

struct LegendEntry {
  double x = 0.0;  // left of the swatch
  double y = 0.0;  // the text's baseline
  std::string text;
  std::optional<std::size_t> colour;  // nullopt: grey
  bool dashed = false;
  bool band = false;
};

struct ChartLayout {
  double width = 0.0;
  double height = 0.0;
  double font = 0.0;
  double left = 0.0;  // the plot area
  double right = 0.0;
  double top = 0.0;
  double bottom = 0.0;
  double y_min = 0.0;
  double y_max = 1.0;
  std::vector<double> y_ticks;
  std::vector<std::string> y_tick_labels;
  std::size_t months = 0;
  /// Month labels go on every label_every-th month (from the first), so that they never
  /// overlap on a long horizon (the sparse year labels do not count); a year label goes on its
  /// month whenever that month has one.
  std::size_t label_every = 1;
  /// Per month whether its year label (Chart::years) is drawn: not when it would run into the
  /// one drawn before (the first month's year right before a January).
  std::vector<bool> year_shown;
  double month_label_y = 0.0;  // baselines of the month and year tick labels
  double year_label_y = 0.0;
  double x_label_y = 0.0;
  std::vector<LegendEntry> legend;

  /// Whether month `m` gets its tick label.
  [[nodiscard]] bool labelled(std::size_t m) const { return m % label_every == 0; }
  /// The x of month `m` (0-based), the y of value `v`.
  [[nodiscard]] double x(double m) const;
  [[nodiscard]] double y(double v) const;
};

/// Lays `chart` out `width` units wide with text of `font` units; tick labels in `language`.
[[nodiscard]] ChartLayout layout_chart(const Chart& chart, double width, double font,
                                       experiment::Language language);

/// Tick values from at most about `target` steps covering [lo, hi]: multiples of 1, 2, 2.5 or 5
/// times a power of ten, the first <= lo and the last >= hi. lo < hi.
[[nodiscard]] std::vector<double> nice_ticks(double lo, double hi, int target);

/// The index ranges [first, last] of a series' runs of points that are all numbers (for lines
/// and bands broken where a value is NaN).
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> finite_runs(
    const std::vector<double>& a, const std::vector<double>& b);

}  // namespace werkstroom::report
