#pragma once
// The content of the board report (`werkstroom report`), computed from the results of a
// comparison: every number already written as the reader's language writes it
// (experiment/number_format.hpp), every text in Dutch or English, every chart as series. The
// HTML and the PDF renderers (html_report.hpp, pdf_report.hpp) only lay this out, in the
// order given, so both documents say the same.
//
// Contracts:
//  - The verdict never claims more than the intervals support: a difference whose 95% interval
//    of the mean contains 0 is said to be not distinguishable from 0, whatever its mean.
//  - Colours (Tone) in the key-figure table come from the registry's `better` sign
//    (model/metric_registry.hpp) and the 95% interval of the paired mean difference.
//  - No policy figure is in this code: every number comes from the results or the scenarios.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/language.hpp"
#include "experiment/marginal.hpp"
#include "model/parameters.hpp"
#include "results/robustness_files.hpp"

namespace werkstroom::report {

/// How a table cell is coloured: a difference better or worse than the baseline beyond chance
/// (its 95% interval excludes 0, the direction by the registry's `better`), one that is not
/// distinguishable from 0, or no colour (not a difference, or neither direction is better).
enum class Tone : std::uint8_t { none, better, worse, unclear };

struct Cell {
  std::string text;
  Tone tone = Tone::none;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;  // each as wide as the header
};

/// One line of a chart: the mean per month and, when `band`, the 5% and 95% quantiles over the
/// replications. Values may be NaN (no point). `colour` indexes the report palette (a scenario's
/// index); `dashed` for a second line of the same scenario.
struct ChartSeries {
  std::string name;
  std::vector<double> mean;
  std::vector<double> low;
  std::vector<double> high;
  bool band = true;
  bool dashed = false;
  std::size_t colour = 0;
};

/// A horizontal line (a target, an available budget, zero). colour: the palette index, or
/// nullopt for grey.
struct ReferenceLine {
  double value = 0.0;
  std::string label;
  std::optional<std::size_t> colour;
};

struct Chart {
  std::string title;
  std::string y_label;              // with its unit: "personen", "€", "werkdagen"
  std::string x_label;              // "maand (einde)"
  std::vector<std::string> months;  // one tick label per month: "nov", "dec", ...
  std::vector<std::string> years;   // per month the year to show under it, or "" (first, jan)
  std::vector<ChartSeries> series;
  std::vector<ReferenceLine> lines;
  std::optional<std::size_t> marker_month;  // a vertical line after this month (service end)
  std::string marker_label;
  std::string caption;  // what the chart shows, one or two sentences
};

struct Paragraph {
  std::string text;
  bool emphasis = false;  // the verdict's headline
};
struct Bullets {
  std::vector<std::string> items;
};
struct Legend {
  std::vector<std::pair<Tone, std::string>> items;
};

using Block = std::variant<Paragraph, Bullets, Table, Chart, Legend>;

struct Section {
  std::string heading;
  std::vector<Block> blocks;
};

/// One option's verdict against the baseline, from experiment::marginal_options.
struct OptionVerdict {
  std::string option;
  std::string headline;              // one sentence, the board's answer
  std::vector<std::string> reasons;  // per marginal figure: difference, interval, judgement
};

struct ReportModel {
  std::string language_code;  // "nl" or "en" (the HTML lang attribute)
  std::string title;
  std::string subtitle;
  std::vector<OptionVerdict> verdicts;
  std::vector<Section> sections;
};

/// What the report needs to know about one scenario besides its results.
struct ScenarioInfo {
  std::string name;
  std::string file;
  std::string sha256;
  model::ModelParameters parameters;
  /// The files it extends (its `extends` chain, nearest first), each with its SHA-256.
  std::vector<std::pair<std::string, std::string>> bases = {};
  /// Values set on top of the files ("staff.advisors = 5": the viewer's levers), in the
  /// provenance so the files and the hashes do not claim more than they gave.
  std::vector<std::string> changes = {};
};

/// Everything besides the results.
struct ReportContext {
  experiment::Language language = experiment::Language::nl;
  std::vector<ScenarioInfo> scenarios;  // in the order of the results
  std::optional<results::RobustnessTornado> robustness;
  std::string robustness_file;  // where it was read from ("" none)
  std::uint64_t seed = 0;
  int replications = 0;
  std::string version;
  std::string revision;
  std::string created_at;  // ISO 8601 UTC
};

/// The whole report. `results` as run_experiment returns them (at least one scenario with
/// replications); `context.scenarios` one per result. Throws std::invalid_argument otherwise.
[[nodiscard]] ReportModel build_report(const std::vector<experiment::ScenarioResults>& results,
                                       const ReportContext& context);

/// The verdict of one option (exposed for tests).
[[nodiscard]] OptionVerdict option_verdict(const experiment::MarginalOption& option,
                                           experiment::Language language);

/// A euro amount rounded for the board: to 10 below € 1.000, to 100 below € 10.000, to 1.000
/// above (the precision the intervals support at best).
[[nodiscard]] double round_for_board(double eur);

/// An ISO 8601 UTC time "YYYY-MM-DDThh:mm:ssZ" as the reader writes it: nl "1 dec 2026, 09:30
/// UTC", en "1 Dec 2026, 09:30 UTC"; another text as it is.
[[nodiscard]] std::string readable_time(const std::string& iso, experiment::Language language);

/// Whether a table cell reads as a number (it starts with a digit, a sign or "€" and its first
/// word has no letters, unlike a hash): both renderers right-align such cells.
[[nodiscard]] bool reads_as_number(std::string_view text);

/// A month label "YYYY-MM" as the reader writes it: nl "aug 2021", en "Aug 2021".
[[nodiscard]] std::string month_name(const std::string& label, experiment::Language language);

}  // namespace werkstroom::report
