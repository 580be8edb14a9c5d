#pragma once
// What both producers of the board report share — the `werkstroom report` command and the
// viewer's "Export report" — so that the two write the same report of the same run: the
// context of a run (scenario files with their SHA-256, the changes made on top of them,
// version, seed) and the writing of the HTML and PDF files.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace werkstroom::report {

/// One scenario of a report: `files` is the file read first, then the files it extends
/// (scenario::LoadedScenario::files); every one is hashed (SHA-256). `changes` lists what was
/// set on top of the files ("staff.advisors = 5"), shown in the provenance. Throws
/// std::runtime_error naming a file that cannot be read.
[[nodiscard]] ScenarioInfo scenario_info(const std::string& name,
                                         const std::vector<std::string>& files,
                                         const model::ModelParameters& parameters,
                                         std::vector<std::string> changes = {});

/// The context of a run of `replications` per scenario with `seed`, started at `created_at`
/// (ISO 8601 UTC), made by this build of werkstroom (its version and revision).
[[nodiscard]] ReportContext run_context(experiment::Language language,
                                        std::vector<ScenarioInfo> scenarios, std::uint64_t seed,
                                        int replications, std::string created_at);

/// Builds the report and writes it as HTML to `html` and, unless `pdf` is empty, as PDF. Each
/// file is written atomically: on an error (io::OutputPathError, io::WriteError, or
/// std::runtime_error from Cairo) the file keeps its old content. Throws std::invalid_argument
/// as build_report does.
void write_report_files(const std::vector<experiment::ScenarioResults>& results,
                        const ReportContext& context, const std::filesystem::path& html,
                        const std::filesystem::path& pdf);

}  // namespace werkstroom::report
