#pragma once
// The board report (report_model.hpp) as one self-contained HTML file: inline CSS and SVG
// charts, nothing fetched from elsewhere (no fonts, scripts or images), readable on a screen
// of 1366 pixels and printable on A4 (@page A4; charts and tables are not split over pages).

#include <string>

#include "report/report_model.hpp"

namespace werkstroom::report {

/// The whole document, "<!DOCTYPE html>" to "</html>", UTF-8.
[[nodiscard]] std::string html_report(const ReportModel& model);

}  // namespace werkstroom::report
