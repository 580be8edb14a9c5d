#pragma once
// The arithmetic of the charts, kept apart from ImGui so that it can be unit tested: readable
// tick values (nice numbers 1-2-5), value <-> pixel mapping, the hovered month, month labels
// and the herijking markers.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "experiment/language.hpp"

namespace werkstroom::viz::charts {

/// A closed value interval shown on an axis.
struct AxisRange {
  double lo = 0.0;
  double hi = 1.0;
};

/// The smallest "nice" step (1, 2 or 5 times a power of ten) that divides `span` into at most
/// `max_ticks` intervals. `span` > 0 and `max_ticks` >= 1.
[[nodiscard]] double nice_step(double span, int max_ticks);

/// The range widened outward to whole multiples of the nice step for at most `max_ticks`
/// intervals, so the end ticks sit on the frame. An empty or flat range becomes [v - 1, v + 1]
/// (or [0, 1] for 0); with `include_zero` the range always contains 0.
[[nodiscard]] AxisRange nice_range(double lo, double hi, int max_ticks, bool include_zero);

/// Tick values from range.lo to range.hi inclusive in steps of `step` (rounding noise removed).
[[nodiscard]] std::vector<double> ticks(AxisRange range, double step);

/// A tick label: thousands as "k", millions as "mln" ("M" in English), with as many decimals
/// as the step needs; e.g. 1500 with step 500 -> "1.5k", 0.25 with step 0.05 -> "0.25".
[[nodiscard]] std::string format_tick(double value, double step, experiment::Language language);

/// A number for a table or tooltip with about three significant digits and a thousands
/// separator (Dutch "12.345", English "12,345").
[[nodiscard]] std::string format_value(double value, experiment::Language language);

/// Linear map of `value` from [range.lo, range.hi] onto [p0, p1] (p1 < p0 for a y axis).
[[nodiscard]] float to_pixel(double value, AxisRange range, float p0, float p1);
/// The inverse of to_pixel.
[[nodiscard]] double from_pixel(float pixel, AxisRange range, float p0, float p1);

/// The x pixel of month `index` of `count` months spread evenly over [x0, x1].
[[nodiscard]] float month_x(std::size_t index, std::size_t count, float x0, float x1);

/// The month nearest to mouse x over a plot spanning [x0, x1] with `count` months; empty when
/// the mouse is outside [x0, x1] or there are no months.
[[nodiscard]] std::optional<std::size_t> hover_index(float mouse_x, float x0, float x1,
                                                     std::size_t count);

/// Every `every`th month index (every >= 1), starting at 0, so that labels of width
/// `label_width` pixels fit beside each other in `plot_width`.
[[nodiscard]] std::size_t label_stride(std::size_t count, float plot_width, float label_width);

/// "YYYY-MM" -> "nov '20" (nl) / "Nov '20" (en); other text is returned unchanged.
[[nodiscard]] std::string month_label(const std::string& year_month, experiment::Language language);

/// Month indices of the quarterly herijking: every three months from the start (3, 6, ...),
/// strictly inside the service period of `service_months` months, below `count`.
[[nodiscard]] std::vector<std::size_t> herijking_months(std::size_t service_months,
                                                        std::size_t count);

}  // namespace werkstroom::viz::charts
