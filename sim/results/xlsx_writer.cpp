#include "results/xlsx_writer.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/output_file.hpp"
#include "kernel/statistics.hpp"
#include "model/metric_registry.hpp"
#include "results/catalogue.hpp"

namespace werkstroom::results {

namespace {

constexpr std::size_t kMaxSheetName = 31;  // Excel's limit, in characters

// The workbook's own words (column heads and titles); the figures' labels are the registries'.
struct Words {
  const char* key_figures_sheet;
  const char* title;  // {replications}, {base}
  const char* title_single;
  const char* figure;
  const char* key;
  const char* unit;
  const char* mean;
  const char* difference;  // {scenario}, {base}
  const char* lower;
  const char* upper;
  const char* month;
};

const Words& words(experiment::Language language) {
  static const Words en{
      "Key figures",
      "Key figures over the horizon: mean, 5% and 95% of {0} replications; difference: the "
      "paired mean difference against {1} (common random numbers) with its 95% confidence "
      "interval",
      "Key figures over the horizon: mean, 5% and 95% of {0} replications",
      "figure",
      "key",
      "unit",
      "mean",
      "{0} minus {1}",
      "lower 95%",
      "upper 95%",
      "month"};
  static const Words nl{
      "Kerncijfers",
      "Kerncijfers over de horizon: gemiddelde, 5% en 95% van {0} replicaties; verschil: het "
      "gepaarde gemiddelde verschil met {1} (gemeenschappelijke toevalsgetallen) met het "
      "95%-betrouwbaarheidsinterval",
      "Kerncijfers over de horizon: gemiddelde, 5% en 95% van {0} replicaties",
      "cijfer",
      "sleutel",
      "eenheid",
      "gemiddelde",
      "{0} min {1}",
      "ondergrens 95%",
      "bovengrens 95%",
      "maand"};
  return language == experiment::Language::nl ? nl : en;
}

// The unit as shown; the registries' units are English words.
std::string shown_unit(std::string_view unit, experiment::Language language) {
  if (language == experiment::Language::en) return std::string(unit);
  static const std::vector<std::pair<std::string_view, std::string_view>> dutch = {
      {"people", "personen"},
      {"months", "maanden"},
      {"month", "maand (index)"},
      {"working days", "werkdagen"},
      {"share", "aandeel"},
      {"0/1", "kans"},
      {"employers", "werkgevers"},
      {"advices", "adviezen"},
      {"instruments", "instrumenten"},
      {"requests", "verzoeken"},
      {"arrangements", "arrangementen"},
      {"advisors", "adviseurs"},
      {"vacancies", "vacatures"},
  };
  for (const auto& [from, to] : dutch) {
    if (unit == from) return std::string(to);
  }
  return std::string(unit);
}

// Excel number format codes (stored in the en-US syntax; Excel shows them in its locale).
const char* number_format(std::string_view unit) {
  if (unit == "EUR") return "#,##0";
  if (unit == "share") return "0.0%";
  if (unit == "0/1") return "0%";
  return "#,##0.0";
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// `text` cut to at most `limit` UTF-8 code points.
std::string cut(std::string text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation_byte(text[i])) continue;
    if (points == limit) {
      text.resize(i);
      break;
    }
    ++points;
  }
  return text;
}

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The workbook and its formats; closes (or frees) the workbook on every path.
class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& file)
      : book_(workbook_new(file.c_str())), path_(file) {
    if (book_ == nullptr) fail("cannot create the workbook");
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    month_ = workbook_add_format(book_);
    format_set_num_format(month_, "mmm yyyy");
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    if (book_ != nullptr) workbook_close(book_);  // only after a failure: the file is discarded
  }

  lxw_worksheet* add_sheet(const std::string& name) {
    if (workbook_validate_sheet_name(book_, name.c_str()) != LXW_NO_ERROR) {
      fail(fmt::format("invalid sheet name \"{}\"", name));
    }
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (sheet == nullptr) fail(fmt::format("cannot add sheet \"{}\"", name));
    return sheet;
  }

  // A format per number format code, made once.
  lxw_format* number(const char* code) {
    for (const auto& [c, f] : numbers_) {
      if (c == code) return f;
    }
    lxw_format* f = workbook_add_format(book_);
    format_set_num_format(f, code);
    numbers_.emplace_back(code, f);
    return f;
  }
  [[nodiscard]] lxw_format* bold() const { return bold_; }
  [[nodiscard]] lxw_format* month() const { return month_; }

  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR) fail(lxw_strerror(error));
  }

  void close() {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR) fail(lxw_strerror(error));
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw std::runtime_error(fmt::format("libxlsxwriter: {} ({})", reason, path_.string()));
  }

 private:
  lxw_workbook* book_;
  std::filesystem::path path_;
  lxw_format* bold_ = nullptr;
  lxw_format* month_ = nullptr;
  std::vector<std::pair<std::string, lxw_format*>> numbers_;
};

// Writes cells of one sheet, checking every call.
class Sheet {
 public:
  Sheet(Workbook& book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {}

  void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format = nullptr) {
    book_.check(worksheet_write_string(sheet_, row, col, value.c_str(), format));
  }
  // A number cell; a NaN or infinite value (a figure that does not exist) stays empty.
  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    if (!std::isfinite(value)) return;
    book_.check(worksheet_write_number(sheet_, row, col, value, format));
  }
  void date(lxw_row_t row, lxw_col_t col, int year, int month) {
    lxw_datetime when{year, month, 1, 0, 0, 0.0};
    book_.check(worksheet_write_datetime(sheet_, row, col, &when, book_.month()));
  }
  void width(lxw_col_t first, lxw_col_t last, double characters) {
    book_.check(worksheet_set_column(sheet_, first, last, characters, nullptr));
  }
  void freeze(lxw_row_t row, lxw_col_t col) { worksheet_freeze_panes(sheet_, row, col); }

 private:
  Workbook& book_;
  lxw_worksheet* sheet_;
};

// "YYYY-MM" as year and month; throws on anything else.
std::pair<int, int> parse_month(const std::string& label) {
  int year = 0;
  int month = 0;
  char dash = 0;
  char rest = 0;
  if (label.size() != 7 ||
      std::sscanf(label.c_str(), "%4d%c%2d%c", &year, &dash, &month, &rest) != 3 || dash != '-' ||
      month < 1 || month > 12) {
    throw std::runtime_error(fmt::format("month label \"{}\" is not YYYY-MM", label));
  }
  return {year, month};
}

// Columns per scenario in both kinds of sheet: mean, 5%, 95%.
constexpr lxw_col_t kBandColumns = 3;

void write_band_heads(Sheet& sheet, lxw_row_t group_row, lxw_col_t col, const std::string& group,
                      const Words& w, lxw_format* bold) {
  sheet.text(group_row, col, group, bold);
  sheet.text(group_row + 1, col, w.mean, bold);
  sheet.text(group_row + 1, col + 1, "5%", bold);
  sheet.text(group_row + 1, col + 2, "95%", bold);
}

void write_key_figures(Workbook& book, const std::vector<experiment::ScenarioResults>& results,
                       const std::vector<std::string>& names, experiment::Language language,
                       std::vector<std::string>& taken) {
  const Words& w = words(language);
  Sheet sheet(book, book.add_sheet(unique_sheet_name(w.key_figures_sheet, taken)));
  const std::size_t reps = results.front().replications.size();
  sheet.text(0, 0,
             results.size() > 1 ? fmt::format(fmt::runtime(w.title), reps, names.front())
                                : fmt::format(fmt::runtime(w.title_single), reps),
             book.bold());
  sheet.text(2, 0, w.figure, book.bold());
  sheet.text(2, 1, w.key, book.bold());
  sheet.text(2, 2, w.unit, book.bold());
  // Column of each scenario's band and of each difference.
  std::vector<lxw_col_t> band_col(results.size());
  std::vector<lxw_col_t> diff_col(results.size());
  lxw_col_t col = 3;
  for (std::size_t s = 0; s < results.size(); ++s) {
    band_col[s] = col;
    write_band_heads(sheet, 1, col, names[s], w, book.bold());
    col += kBandColumns;
    if (s > 0) {
      diff_col[s] = col;
      sheet.text(1, col, fmt::format(fmt::runtime(w.difference), names[s], names.front()),
                 book.bold());
      sheet.text(2, col, w.mean, book.bold());
      sheet.text(2, col + 1, w.lower, book.bold());
      sheet.text(2, col + 2, w.upper, book.bold());
      col += kBandColumns;
    }
  }
  lxw_row_t row = 3;
  for (const model::MetricInfo& info : model::key_figures()) {
    const std::string key(info.name);
    const std::string label(language == experiment::Language::nl ? info.label_nl : info.label_en);
    lxw_format* format = book.number(number_format(info.unit));
    sheet.text(row, 0, label);
    sheet.text(row, 1, key);
    sheet.text(row, 2, shown_unit(info.unit, language));
    const std::vector<double> base = experiment::kpi_values(results.front(), key);
    for (std::size_t s = 0; s < results.size(); ++s) {
      const std::vector<double> values = experiment::kpi_values(results[s], key);
      const kernel::ReplicationBand band = kernel::replication_band(values);
      sheet.number(row, band_col[s], band.mean, format);
      sheet.number(row, band_col[s] + 1, band.low, format);
      sheet.number(row, band_col[s] + 2, band.high, format);
      if (s > 0 && !info.conditional) {
        const kernel::ReplicationSummary d = kernel::summarise_paired_difference(base, values);
        sheet.number(row, diff_col[s], d.mean, format);
        sheet.number(row, diff_col[s] + 1, d.lower(), format);
        sheet.number(row, diff_col[s] + 2, d.upper(), format);
      }
    }
    ++row;
  }
  sheet.width(0, 0, 40);
  sheet.width(1, 2, 16);
  sheet.width(3, col, 14);
  sheet.freeze(3, 1);
}

void write_indicator(Workbook& book, const std::vector<experiment::ScenarioResults>& results,
                     const std::vector<std::string>& names, std::size_t indicator,
                     experiment::Language language, std::vector<std::string>& taken) {
  const Words& w = words(language);
  const SeriesInfo& info = indicator_catalogue()[indicator];
  const SeriesTitle& titles = indicator_titles()[indicator];
  const std::string& label = language == experiment::Language::nl ? titles.nl : titles.en;
  Sheet sheet(book, book.add_sheet(unique_sheet_name(label, taken)));
  std::string title = fmt::format("{} ({})", label, shown_unit(info.unit, language));
  if (language == experiment::Language::en) title += ": " + info.description;
  sheet.text(0, 0, title, book.bold());
  sheet.text(2, 0, w.month, book.bold());
  lxw_format* format = book.number(number_format(info.unit));
  const std::vector<std::string>& months = months_of(results.front());
  for (std::size_t m = 0; m < months.size(); ++m) {
    const auto [year, month] = parse_month(months[m]);
    sheet.date(static_cast<lxw_row_t>(3 + m), 0, year, month);
  }
  const auto which = static_cast<model::Indicator>(indicator);
  for (std::size_t s = 0; s < results.size(); ++s) {
    const auto col = static_cast<lxw_col_t>(1 + kBandColumns * s);
    write_band_heads(sheet, 1, col, names[s], w, book.bold());
    const std::vector<model::ReplicationResult>& reps = results[s].replications;
    std::vector<double> values(reps.size());
    for (std::size_t m = 0; m < months.size(); ++m) {
      for (std::size_t r = 0; r < reps.size(); ++r) values[r] = reps[r].service.row(which)[m];
      const kernel::ReplicationBand band = kernel::replication_band(values);
      const auto row = static_cast<lxw_row_t>(3 + m);
      sheet.number(row, col, band.mean, format);
      sheet.number(row, col + 1, band.low, format);
      sheet.number(row, col + 2, band.high, format);
    }
  }
  sheet.width(0, 0, 12);
  sheet.width(1, static_cast<lxw_col_t>(kBandColumns * results.size()), 14);
  sheet.freeze(3, 1);
}

}  // namespace

std::string unique_sheet_name(std::string_view label, std::vector<std::string>& taken) {
  std::string base(label);
  for (char& c : base) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
  }
  const auto trim = [](std::string& text) {
    const auto keep = [](char c) { return c != ' ' && c != '\''; };
    const auto first = std::find_if(text.begin(), text.end(), keep);
    const auto last = std::find_if(text.rbegin(), text.rend(), keep).base();
    text = first < last ? std::string(first, last) : std::string();
  };
  trim(base);
  base = cut(base, kMaxSheetName);
  trim(base);
  if (base.empty()) base = "Sheet";
  const auto is_taken = [&taken](const std::string& name) {
    const std::string lower = lower_ascii(name);
    return std::any_of(taken.begin(), taken.end(),
                       [&lower](const std::string& t) { return lower_ascii(t) == lower; });
  };
  std::string name = base;
  for (int n = 2; is_taken(name); ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    std::string stem = cut(base, kMaxSheetName - suffix.size());
    trim(stem);
    name = stem + suffix;
  }
  taken.push_back(name);
  return name;
}

void write_xlsx(const std::filesystem::path& path,
                const std::vector<experiment::ScenarioResults>& results,
                experiment::Language language) {
  io::PendingFile pending(path,
                          "workbook");  // refuses a device, a folder; removed unless committed
  try {
    if (results.empty() || results.front().replications.empty()) {
      throw std::runtime_error("no results to write");
    }
    const std::vector<std::string> names = file_names(results);
    std::vector<std::string> taken;
    {
      // libxlsxwriter writes the temporary file itself (by name: the same file PendingFile made).
      Workbook book(pending.temporary());
      write_key_figures(book, results, names, language, taken);
      for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
        write_indicator(book, results, names, i, language, taken);
      }
      book.close();
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("cannot write workbook {}: {}", path.string(), e.what()));
  }
  pending.commit();
}

}  // namespace werkstroom::results
