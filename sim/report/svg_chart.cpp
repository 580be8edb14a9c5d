#include "report/svg_chart.hpp"

#include <fmt/core.h>

#include <cmath>

#include "report/chart_layout.hpp"

namespace werkstroom::report {

namespace {

constexpr double kWidth = 760.0;
constexpr double kFont = 12.0;

std::string num(double v) { return fmt::format("{:.1f}", v); }

}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string svg_chart(const Chart& chart, experiment::Language language) {
  const ChartLayout l = layout_chart(chart, kWidth, kFont, language);
  std::string s;
  s += fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" )"
      R"(font-family="DejaVu Sans, Arial, sans-serif" font-size="{}"><title>{}</title>)"
      "\n",
      num(l.width), num(l.height), num(kFont), escape_xml(chart.title));
  const std::string grid = hex({0.85, 0.85, 0.85});
  const std::string ink = hex({0.2, 0.2, 0.2});
  // Grid and value ticks.
  for (std::size_t i = 0; i < l.y_ticks.size(); ++i) {
    const double y = l.y(l.y_ticks[i]);
    s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>)",
                     num(l.left), num(y), num(l.right), num(y),
                     l.y_ticks[i] == 0.0 ? hex(grey()) : grid, l.y_ticks[i] == 0.0 ? 1.2 : 0.8);
    s += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>)"
                     "\n",
                     num(l.left - kFont * 0.4), num(y + kFont * 0.35), ink,
                     escape_xml(l.y_tick_labels[i]));
  }
  // Month ticks.
  for (std::size_t m = 0; m < l.months; ++m) {
    const double x = l.x(static_cast<double>(m));
    s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>)", num(x),
                     num(l.bottom), num(x), num(l.bottom + kFont * 0.3), ink);
    if (l.labelled(m)) {
      s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>)", num(x),
                       num(l.month_label_y), ink, escape_xml(chart.months[m]));
    }
    if (l.year_shown[m]) {
      s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>)", num(x),
                       num(l.year_label_y), ink, escape_xml(chart.years[m]));
    }
    s += "\n";
  }
  s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>)", num(l.left),
                   num(l.bottom), num(l.right), num(l.bottom), ink);
  s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>)"
                   "\n",
                   num(l.left), num(l.top), num(l.left), num(l.bottom), ink);
  // Axis labels.
  s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>)"
                   "\n",
                   num((l.left + l.right) / 2.0), num(l.x_label_y), ink, escape_xml(chart.x_label));
  s += fmt::format(
      R"~(<text transform="translate({},{}) rotate(-90)" text-anchor="middle" fill="{}">{}</text>)~"
      "\n",
      num(kFont * 1.1), num((l.top + l.bottom) / 2.0), ink, escape_xml(chart.y_label));
  // The service end.
  if (chart.marker_month) {
    const double x = l.x(static_cast<double>(*chart.marker_month) + 0.5);
    s += fmt::format(
        R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}" stroke-dasharray="2 3"/>)"
        R"(<text x="{4}" y="{5}" text-anchor="middle" fill="{3}">{6}</text>)"
        "\n",
        num(x), num(l.top), num(l.bottom), hex(grey()), num(x), num(l.top - kFont * 0.5),
        escape_xml(chart.marker_label));
  }
  // Bands first, then lines on top.
  for (const ChartSeries& series : chart.series) {
    if (!series.band) continue;
    for (const auto& [first, last] : finite_runs(series.low, series.high)) {
      std::string points;
      for (std::size_t m = first; m <= last; ++m) {
        points += num(l.x(static_cast<double>(m))) + "," + num(l.y(series.high[m])) + " ";
      }
      for (std::size_t m = last + 1; m-- > first;) {
        points += num(l.x(static_cast<double>(m))) + "," + num(l.y(series.low[m])) + " ";
      }
      s += fmt::format(R"(<polygon points="{}" fill="{}" fill-opacity="0.18" stroke="none"/>)"
                       "\n",
                       points, hex(palette(series.colour)));
    }
  }
  for (const ReferenceLine& r : chart.lines) {
    const std::string colour = r.colour ? hex(palette(*r.colour)) : hex(grey());
    s += fmt::format(
        R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.4" stroke-dasharray="7 4"/>)"
        "\n",
        num(l.left), num(l.y(r.value)), num(l.right), num(l.y(r.value)), colour);
  }
  for (const ChartSeries& series : chart.series) {
    for (const auto& [first, last] : finite_runs(series.mean, series.mean)) {
      std::string points;
      for (std::size_t m = first; m <= last; ++m) {
        points += num(l.x(static_cast<double>(m))) + "," + num(l.y(series.mean[m])) + " ";
      }
      s += fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2.2"{}/>)"
                       "\n",
                       points, hex(palette(series.colour)),
                       series.dashed ? R"( stroke-dasharray="5 3")" : "");
    }
  }
  // Legend.
  for (const LegendEntry& e : l.legend) {
    const std::string colour = e.colour ? hex(palette(*e.colour)) : hex(grey());
    const double mid = e.y - kFont * 0.35;
    if (e.band) {
      s += fmt::format(
          R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.18"/>)", num(e.x),
          num(mid - kFont * 0.5), num(kFont * 2.2), num(kFont), colour);
    }
    s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.2"{}/>)",
                     num(e.x), num(mid), num(e.x + kFont * 2.2), num(mid), colour,
                     e.dashed ? R"( stroke-dasharray="5 3")" : "");
    s += fmt::format(R"(<text x="{}" y="{}" fill="{}">{}</text>)"
                     "\n",
                     num(e.x + kFont * 2.7), num(e.y), ink, escape_xml(e.text));
  }
  s += "</svg>\n";
  return s;
}

}  // namespace werkstroom::report
