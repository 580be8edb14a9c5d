#include "report/chart_layout.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "experiment/number_format.hpp"

namespace werkstroom::report {

namespace {

constexpr double kGlyph = 0.56;       // average glyph width in font sizes
constexpr double kPlotAspect = 0.36;  // plot height over chart width
constexpr double kSwatch = 2.2;       // legend swatch width in font sizes

double text_width(const std::string& text, double font) {
  // UTF-8 continuation bytes take no room of their own.
  const auto glyphs = std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  });
  return static_cast<double>(glyphs) * font * kGlyph;
}

int decimals_of(double step) {
  int d = 0;
  while (d < 6 &&
         std::abs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-9) {
    ++d;
  }
  return d;
}

}  // namespace

Rgb palette(std::size_t index) {
  // Okabe-Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue.
  static constexpr std::array<Rgb, 6> kColours = {Rgb{0.0, 0.447, 0.698}, Rgb{0.835, 0.369, 0.0},
                                                  Rgb{0.0, 0.620, 0.451}, Rgb{0.800, 0.475, 0.655},
                                                  Rgb{0.902, 0.624, 0.0}, Rgb{0.337, 0.706, 0.914}};
  return kColours.at(index % kColours.size());
}

Rgb grey() { return {0.45, 0.45, 0.45}; }

std::string hex(Rgb c) {
  const auto byte = [](double v) {
    return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b));
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  const double raw = (hi - lo) / std::max(target, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power * 10.0;
  for (const double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (f * power >= raw) {
      step = f * power;
      break;
    }
  }
  std::vector<double> out;
  const double first = std::floor(lo / step) * step;
  for (double v = first; v < hi + step * 0.999; v += step) {
    out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    if (out.size() > 50) break;
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> finite_runs(const std::vector<double>& a,
                                                             const std::vector<double>& b) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n) {
    if (!std::isfinite(a[i]) || !std::isfinite(b[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < n && std::isfinite(a[j + 1]) && std::isfinite(b[j + 1])) ++j;
    runs.emplace_back(i, j);
    i = j + 1;
  }
  return runs;
}

double ChartLayout::x(double m) const {
  if (months <= 1) return (left + right) / 2.0;
  return left + (right - left) * m / static_cast<double>(months - 1);
}

double ChartLayout::y(double v) const {
  return bottom - (bottom - top) * (v - y_min) / (y_max - y_min);
}

ChartLayout layout_chart(const Chart& chart, double width, double font,
                         experiment::Language language) {
  ChartLayout l;
  l.width = width;
  l.font = font;
  l.months = chart.months.size();

  double lo = 0.0;
  double hi = 0.0;
  bool any = false;
  const auto take = [&](double v) {
    if (!std::isfinite(v)) return;
    lo = any ? std::min(lo, v) : std::min(0.0, v);
    hi = any ? std::max(hi, v) : std::max(0.0, v);
    any = true;
  };
  for (const ChartSeries& s : chart.series) {
    for (const double v : s.mean) take(v);
    if (s.band) {
      for (const double v : s.low) take(v);
      for (const double v : s.high) take(v);
    }
  }
  for (const ReferenceLine& r : chart.lines) take(r.value);
  if (!(hi > lo)) hi = lo + 1.0;
  l.y_ticks = nice_ticks(lo, hi, 5);
  l.y_min = l.y_ticks.front();
  l.y_max = l.y_ticks.back();
  const int decimals = l.y_ticks.size() > 1 ? decimals_of(l.y_ticks[1] - l.y_ticks[0]) : 0;
  double widest = 0.0;
  for (const double v : l.y_ticks) {
    l.y_tick_labels.push_back(experiment::format_fixed(v, decimals, language));
    widest = std::max(widest, text_width(l.y_tick_labels.back(), font));
  }

  l.top = font * 1.6;  // room for the service-end label
  l.left = font * 2.2 + widest + font * 0.6;
  l.right = width - font * 1.0;
  l.bottom = l.top + width * kPlotAspect;
  double widest_month = 0.0;
  for (const std::string& m : chart.months) {
    widest_month = std::max(widest_month, text_width(m, font));
  }
  const double spacing =
      l.months > 1 ? (l.right - l.left) / static_cast<double>(l.months - 1) : 0.0;
  while (spacing > 0.0 &&
         spacing * static_cast<double>(l.label_every) < widest_month + font * 0.4) {
    ++l.label_every;
  }
  l.year_shown.assign(l.months, false);
  double last_year_end = -1.0e9;
  for (std::size_t m = 0; m < l.months && m < chart.years.size(); ++m) {
    if (chart.years[m].empty()) continue;
    const double half = text_width(chart.years[m], font) / 2.0;
    const double x = l.x(static_cast<double>(m));
    if (x - half < last_year_end + font * 0.5) continue;
    l.year_shown[m] = true;
    last_year_end = x + half;
  }
  l.month_label_y = l.bottom + font * 1.4;
  l.year_label_y = l.month_label_y + font * 1.2;
  l.x_label_y = l.year_label_y + font * 1.6;

  // The legend: entries left to right, wrapped to the width.
  double x = l.left;
  double y = l.x_label_y + font * 2.0;
  const auto add = [&](const std::string& text, std::optional<std::size_t> colour, bool dashed,
                       bool band) {
    const double w = font * kSwatch + font * 0.5 + text_width(text, font) + font * 1.5;
    if (x + w > width && x > l.left) {
      x = l.left;
      y += font * 1.5;
    }
    l.legend.push_back({x, y, text, colour, dashed, band});
    x += w;
  };
  for (const ChartSeries& s : chart.series) add(s.name, s.colour, s.dashed, s.band);
  for (const ReferenceLine& r : chart.lines) add(r.label, r.colour, true, false);
  l.height = y + font * 1.0;
  return l;
}

}  // namespace werkstroom::report
