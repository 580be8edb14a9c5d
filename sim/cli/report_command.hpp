#pragma once
// `werkstroom report A.toml B.toml [...] --out report.html [--pdf report.pdf] [--lang nl|en]`:
// runs the comparison as `compare` does (main.cpp adds the same simulation options) and writes
// the board report (sim/report) as self-contained HTML and, on request, as PDF. Both files are
// written atomically and checked before anything is simulated.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/parameters.hpp"
#include "report/report_model.hpp"

namespace werkstroom::cli {

struct ReportCommand {
  std::vector<std::string> scenarios;
  std::string html;        // --out: the HTML report
  std::string pdf;         // --pdf: the PDF report ("" none)
  std::string robustness;  // --robustness: a file of `werkstroom robustness --out` ("" none)
  std::string results;     // --results: the run's results as HDF5 ("" none)
  std::string lang = "nl";
  CLI::App* app = nullptr;
};

/// Adds the subcommand with its scenarios and its own options (--out, --pdf, --robustness,
/// --results, --lang) to `parent`; the caller adds the simulation options.
void add_report_command(CLI::App& parent, ReportCommand& command);

/// Before the run: checks that the report files can be written (io::check_output_file, a usage
/// error otherwise), reads the robustness file, and takes every scenario file's SHA-256 and
/// those of the files it extends. `parameters` per scenario as loaded (with --set and
/// --posterior applied); `files_read` per scenario its file and then its bases
/// (scenario::LoadedScenario::files); `changes` what the command line set on top of every
/// scenario's files (--set, --posterior, --no-uncertainty). Throws
/// io::OutputPathError, or std::invalid_argument for a robustness file that cannot be read.
[[nodiscard]] report::ReportContext prepare_report(
    const ReportCommand& command, const std::vector<std::string>& names,
    const std::vector<model::ModelParameters>& parameters,
    const std::vector<std::vector<std::string>>& files_read,
    const std::vector<std::string>& changes, std::uint64_t seed, int replications,
    std::chrono::system_clock::time_point started);

/// After the run: builds the report from `results` and writes the HTML (and PDF) files, saying
/// so on stdout.
void write_report(const ReportCommand& command,
                  const std::vector<experiment::ScenarioResults>& results,
                  const report::ReportContext& context);

}  // namespace werkstroom::cli
