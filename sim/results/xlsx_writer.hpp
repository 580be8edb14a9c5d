#pragma once
// The Excel workbook of a run (`--xlsx FILE`), for policy staff who open results in Excel in a
// Dutch or English locale. Every number is a numeric cell with a number format (no text), so
// Excel shows it in its own locale ("1.234,5" in Dutch); months are date cells. Layout
// (docs/results-schema.md, "Excel workbook"):
//  - sheet "Kerncijfers" (nl) / "Key figures" (en): per key figure of model::key_figures() one
//    row: label, key, unit, then per scenario mean, 5% and 95% over the replications
//    (kernel::replication_band), and for every scenario after the first the paired difference
//    against the first: mean and 95% interval (kernel::summarise_paired_difference, as
//    differences.csv; left empty for a conditional figure);
//  - one sheet per service indicator (indicator_catalogue, named by its title in the language):
//    per month one row: the month, then per scenario mean, 5% and 95%.
// Labels come from the registries: model::metric_registry() for the key figures, the results
// catalogue for the indicators.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/language.hpp"

namespace werkstroom::results {

/// Writes the workbook to `path` atomically (io::PendingFile: whole or not at all; missing
/// folders are made; a device node or folder at `path` is refused with io::OutputPathError).
/// `results` must pass check_complete. Throws std::runtime_error naming the path on any error.
void write_xlsx(const std::filesystem::path& path,
                const std::vector<experiment::ScenarioResults>& results,
                experiment::Language language);

/// A sheet name Excel accepts made from `label`: the characters []:*?/\ become ' ', leading and
/// trailing apostrophes and spaces go, it is cut to 31 characters (UTF-8 code points), an empty
/// result becomes "Sheet"; when it equals (ignoring ASCII case) a name in `taken`, " (2)",
/// " (3)", ... is put at its end (cutting the name to keep 31). The result is added to `taken`.
[[nodiscard]] std::string unique_sheet_name(std::string_view label,
                                            std::vector<std::string>& taken);

}  // namespace werkstroom::results
