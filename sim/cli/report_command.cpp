#include "report_command.hpp"

#include <fmt/core.h>

#include <stdexcept>

#include "experiment/language.hpp"
#include "io/output_file.hpp"
#include "report/report_files.hpp"
#include "results/results.hpp"
#include "results/robustness_files.hpp"

namespace werkstroom::cli {

void add_report_command(CLI::App& parent, ReportCommand& command) {
  command.app = parent.add_subcommand(
      "report",
      "run a comparison (the first scenario is the baseline) and write the board report: "
      "self-contained HTML, and PDF with --pdf");
  command.app->add_option("scenarios", command.scenarios, "scenario files")
      ->required()
      ->check(CLI::ExistingFile);
  command.app->add_option("--out", command.html, "the HTML report to write")->required();
  command.app->add_option("--pdf", command.pdf, "also write the report as PDF (A4)");
  command.app
      ->add_option("--robustness", command.robustness,
                   "a file of `werkstroom robustness --out`: lists the assumptions that matter "
                   "most")
      ->check(CLI::ExistingFile);
  command.app->add_option("--results", command.results,
                          "also write the run's results to this HDF5 file");
  command.app->add_option("--lang", command.lang, "language of the report: nl or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"nl", "en"}));
}

report::ReportContext prepare_report(const ReportCommand& command,
                                     const std::vector<std::string>& names,
                                     const std::vector<model::ModelParameters>& parameters,
                                     const std::vector<std::vector<std::string>>& files_read,
                                     const std::vector<std::string>& changes, std::uint64_t seed,
                                     int replications,
                                     std::chrono::system_clock::time_point started) {
  io::check_output_file(command.html, "report");
  if (!command.pdf.empty()) io::check_output_file(command.pdf, "PDF report");
  std::vector<report::ScenarioInfo> scenarios;
  for (std::size_t i = 0; i < command.scenarios.size(); ++i) {
    scenarios.push_back(report::scenario_info(
        i < names.size() ? names[i] : command.scenarios[i],
        i < files_read.size() ? files_read[i] : std::vector<std::string>{command.scenarios[i]},
        i < parameters.size() ? parameters[i] : model::ModelParameters{}, changes));
  }
  report::ReportContext context =
      report::run_context(experiment::parse_language(command.lang), std::move(scenarios), seed,
                          replications, results::iso8601_utc(started));
  if (!command.robustness.empty()) {
    try {
      context.robustness = results::read_robustness_tornado(command.robustness);
    } catch (const std::runtime_error& e) {
      throw std::invalid_argument(std::string("--robustness: ") + e.what());
    }
    context.robustness_file = command.robustness;
  }
  return context;
}

void write_report(const ReportCommand& command,
                  const std::vector<experiment::ScenarioResults>& results,
                  const report::ReportContext& context) {
  report::write_report_files(results, context, command.html, command.pdf);
  fmt::print("report written to {}\n", command.html);
  if (!command.pdf.empty()) fmt::print("PDF report written to {}\n", command.pdf);
}

}  // namespace werkstroom::cli
