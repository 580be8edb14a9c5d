#pragma once
// The board report (report_model.hpp) as a PDF: A4 portrait pages drawn with Cairo, text laid
// out with Pango (wrapped paragraphs, tables whose cells wrap, headings kept with what
// follows), the same sections in the same order as the HTML and the same charts as vector
// graphics (chart_layout.hpp). Written atomically (io::PendingFile).

#include <filesystem>

#include "report/report_model.hpp"

namespace werkstroom::report {

/// Writes `model` to `path`. Throws io::OutputPathError or io::WriteError naming the file, or
/// std::runtime_error when Cairo fails; the old file then stays as it was.
void write_pdf_report(const std::filesystem::path& path, const ReportModel& model);

}  // namespace werkstroom::report
