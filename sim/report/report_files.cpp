#include "report/report_files.hpp"

#include "build_info.hpp"
#include "io/output_file.hpp"
#include "report/html_report.hpp"
#include "report/pdf_report.hpp"
#include "report/sha256.hpp"

namespace werkstroom::report {

ScenarioInfo scenario_info(const std::string& name, const std::vector<std::string>& files,
                           const model::ModelParameters& parameters,
                           std::vector<std::string> changes) {
  ScenarioInfo info;
  info.name = name;
  info.parameters = parameters;
  info.changes = std::move(changes);
  if (!files.empty()) {
    info.file = files.front();
    info.sha256 = sha256_file_hex(files.front());
  }
  for (std::size_t b = 1; b < files.size(); ++b) {
    info.bases.emplace_back(files[b], sha256_file_hex(files[b]));
  }
  return info;
}

ReportContext run_context(experiment::Language language, std::vector<ScenarioInfo> scenarios,
                          std::uint64_t seed, int replications, std::string created_at) {
  ReportContext context;
  context.language = language;
  context.scenarios = std::move(scenarios);
  context.seed = seed;
  context.replications = replications;
  context.version = version();
  context.revision = revision();
  context.created_at = std::move(created_at);
  return context;
}

void write_report_files(const std::vector<experiment::ScenarioResults>& results,
                        const ReportContext& context, const std::filesystem::path& html,
                        const std::filesystem::path& pdf) {
  const ReportModel model = build_report(results, context);
  io::write_file_atomically(html, html_report(model), "report");
  if (!pdf.empty()) write_pdf_report(pdf, model);
}

}  // namespace werkstroom::report
