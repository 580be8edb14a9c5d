#pragma once
// A report chart (report_model.hpp) as inline SVG for the HTML report: mean lines with their
// 5-95% bands per scenario, reference lines, month ticks, axis labels with units and a legend,
// laid out by chart_layout.hpp. Self-contained: no fonts, styles or scripts from elsewhere.

#include <string>
#include <string_view>

#include "experiment/language.hpp"
#include "report/report_model.hpp"

namespace werkstroom::report {

/// `text` with &, <, >, " and ' escaped, for XML and HTML text and attributes.
[[nodiscard]] std::string escape_xml(std::string_view text);

/// An <svg> element, scaling to its container's width (viewBox), with a <title> for readers.
[[nodiscard]] std::string svg_chart(const Chart& chart, experiment::Language language);

}  // namespace werkstroom::report
