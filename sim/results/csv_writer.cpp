// The CSV tables of a run; the columns are the contract of docs/results-schema.md.

#include <array>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <cmath>

#include "io/csv_dialect.hpp"
#include "io/output_file.hpp"
#include "kernel/statistics.hpp"
#include "results/catalogue.hpp"
#include "results/results.hpp"

namespace werkstroom::results {

namespace {

// A field as RFC 4180 wants it: quoted when it holds a comma, quote or line break.
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// Writes one CSV file through a unique temporary file (io::PendingFile); `fill` appends the
// rows to a buffer, which is written out whenever it grows large.
class CsvFile {
 public:
  CsvFile(const std::filesystem::path& path, const char* header, io::CsvDialect dialect)
      : file_(path, "table"), dialect_(dialect) {
    line(header);
  }

  template <class... Args>
  void row(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    buffer_.push_back('\n');
    if (buffer_.size() > (1U << 20U)) flush();
  }
  void line(const char* text) {
    buffer_.append(std::string_view(text));
    buffer_.push_back('\n');
  }

  void commit() {
    flush();
    file_.commit();
  }

 private:
  // The buffer holds whole rows only, as io::convert_csv requires.
  void flush() {
    const std::string_view text(buffer_.data(), buffer_.size());
    if (dialect_ == io::CsvDialect::en) {
      file_.write(text);
    } else {
      file_.write(io::convert_csv(text, dialect_));
    }
    buffer_.clear();
  }
  io::PendingFile file_;  // removed unless committed
  io::CsvDialect dialect_;
  fmt::memory_buffer buffer_;
};

using Writer = void (*)(CsvFile&, const std::vector<experiment::ScenarioResults>&,
                        const std::vector<std::string>&, const RunMetadata&);

void monthly(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
             const std::vector<std::string>& names, const RunMetadata& /*meta*/) {
  for (std::size_t s = 0; s < results.size(); ++s) {
    const std::string scenario = field(names[s]);
    const std::vector<std::string>& months = months_of(results[s]);
    for (std::size_t r = 0; r < results[s].replications.size(); ++r) {
      for (const NamedSeries& series : monthly_series(results[s].replications[r])) {
        for (std::size_t m = 0; m < months.size(); ++m) {
          csv.row("{},{},{},{},{}", scenario, r, months[m], series.name, (*series.values)[m]);
        }
      }
    }
  }
}

// Per scenario, month and series of monthly.csv: the mean and the 5% and 95% quantiles over the
// replications (kernel::replication_band, the bands of the console and the viewer).
void monthly_summary(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
                     const std::vector<std::string>& names, const RunMetadata& /*meta*/) {
  for (std::size_t s = 0; s < results.size(); ++s) {
    const std::string scenario = field(names[s]);
    const std::vector<std::string>& months = months_of(results[s]);
    std::vector<std::vector<NamedSeries>> per_replication;
    per_replication.reserve(results[s].replications.size());
    for (const model::ReplicationResult& rep : results[s].replications) {
      per_replication.push_back(monthly_series(rep));
    }
    const std::size_t series_count = per_replication.front().size();
    std::vector<double> values(per_replication.size());
    for (std::size_t m = 0; m < months.size(); ++m) {
      for (std::size_t k = 0; k < series_count; ++k) {
        for (std::size_t r = 0; r < per_replication.size(); ++r) {
          values[r] = (*per_replication[r][k].values)[m];
        }
        const kernel::ReplicationBand band = kernel::replication_band(values);
        csv.row("{},{},{},{},{},{},{}", scenario, months[m], per_replication.front()[k].name,
                band.mean, band.low, band.high, band.present);
      }
    }
  }
}

/// A key figure's value; empty where it does not exist (NaN: MetricInfo::conditional), which
/// spreadsheets and pandas read as missing.
std::string cell(double value) {
  return std::isnan(value) ? std::string() : fmt::format("{}", value);
}

void kpis(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
          const std::vector<std::string>& names, const RunMetadata& /*meta*/) {
  for (std::size_t s = 0; s < results.size(); ++s) {
    const std::vector<std::string> keys = kpi_keys(results[s]);
    for (std::size_t r = 0; r < results[s].replications.size(); ++r) {
      for (const std::string& key : keys) {
        csv.row("{},{},{},{}", field(names[s]), r, key,
                cell(results[s].replications[r].kpis.at(key)));
      }
    }
  }
}

void summary(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
             const std::vector<std::string>& names, const RunMetadata& /*meta*/) {
  for (std::size_t s = 0; s < results.size(); ++s) {
    for (const StatisticsRow& row : summary_rows(results[s])) {
      const kernel::ReplicationSummary& x = row.summary;
      csv.row("{},{},{},{},{},{},{}", field(names[s]), row.kpi, x.mean, x.sd, x.lower(), x.upper(),
              x.replications);
    }
  }
}

void differences(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
                 const std::vector<std::string>& names, const RunMetadata& /*meta*/) {
  for (std::size_t s = 1; s < results.size(); ++s) {
    for (const StatisticsRow& row : difference_rows(results.front(), results[s])) {
      const kernel::ReplicationSummary& x = row.summary;
      csv.row("{},{},{},{},{},{},{}", field(names[s]), field(names.front()), row.kpi, x.mean, x.sd,
              x.lower(), x.upper());
    }
  }
}

// The national sum of a comparison of regions (experiment/national_sum.hpp); only the header
// when the scenarios are no set of distinct regions.
void national_sum(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
                  const std::vector<std::string>& /*names*/, const RunMetadata& meta) {
  const std::optional<experiment::ScenarioResults> sum = national_sum_of(results, meta);
  if (!sum) {
    return;
  }
  const std::vector<std::string> keys = kpi_keys(*sum);
  for (std::size_t r = 0; r < sum->replications.size(); ++r) {
    for (const std::string& key : keys) {
      csv.row("{},{},{}", r, key, sum->replications[r].kpis.at(key));
    }
  }
}

void national_summary(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
                      const std::vector<std::string>& /*names*/, const RunMetadata& meta) {
  const std::optional<experiment::ScenarioResults> sum = national_sum_of(results, meta);
  if (!sum) {
    return;
  }
  for (const StatisticsRow& row : summary_rows(*sum)) {
    const kernel::ReplicationSummary& x = row.summary;
    csv.row("{},{},{},{},{},{}", row.kpi, x.mean, x.sd, x.lower(), x.upper(), x.replications);
  }
}

void metadata(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
              const std::vector<std::string>& names, const RunMetadata& meta) {
  const auto entry = [&csv](const std::string& key, const std::string& value) {
    csv.row("{},{}", field(key), field(value));
  };
  entry("format", kFormatName);
  entry("format_version", std::to_string(kFormatVersion));
  entry("version", meta.version);
  entry("revision", meta.revision);
  entry("master_seed", std::to_string(meta.master_seed));
  entry("replications", std::to_string(meta.replications));
  entry("threads", std::to_string(meta.threads));
  entry("started_at", meta.started_at);
  entry("command_line", meta.command_line);
  for (std::size_t s = 0; s < results.size(); ++s) {
    entry(fmt::format("scenario.{}.name", s), names[s]);
    entry(fmt::format("scenario.{}.file", s), meta.scenario_files[s]);
    if (s < meta.uncertainty_sources.size()) {
      std::string sources;
      for (const std::string& line : meta.uncertainty_sources[s]) {
        sources += (sources.empty() ? "" : "; ") + line;
      }
      entry(fmt::format("scenario.{}.uncertainty_sources", s), sources);
    }
    if (s < meta.regions.size()) {
      entry(fmt::format("scenario.{}.region", s), meta.regions[s]);
    }
  }
}

struct Table {
  const char* file;
  const char* header;
  Writer writer;
};

// The tables, in the order they are written (docs/results-schema.md).
const std::array<Table, 8>& tables() {
  static const std::array<Table, 8> all = {{
      {"monthly.csv", "scenario,replication,month,indicator,value", &monthly},
      {"monthly_summary.csv", "scenario,month,indicator,mean,p5,p95,replications",
       &monthly_summary},
      {"kpis.csv", "scenario,replication,kpi,value", &kpis},
      {"summary.csv", "scenario,kpi,mean,sd,lower95,upper95,replications", &summary},
      {"differences.csv", "scenario,versus,kpi,mean,sd,lower95,upper95", &differences},
      {"national_sum.csv", "replication,kpi,value", &national_sum},
      {"national_summary.csv", "kpi,mean,sd,lower95,upper95,replications", &national_summary},
      {"metadata.csv", "key,value", &metadata},
  }};
  return all;
}

}  // namespace

std::vector<std::string> csv_file_names() {
  std::vector<std::string> names;
  for (const Table& t : tables()) names.emplace_back(t.file);
  return names;
}

void write_csv(const std::filesystem::path& dir,
               const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta,
               io::CsvDialect dialect) {
  std::filesystem::path current = dir;
  try {
    check_complete(results, meta);
    // Every table's place is checked before the first is written, so a refusal (a device node
    // among them) leaves the folder as it was.
    // (Not locked beyond the check: a command that wants the folder locked for its run has
    // checked it before, and the viewer's exports must not hold locks until it ends.)
    io::check_output_folder(dir, csv_file_names(), "tables", /*keep_lock=*/false);
    const std::vector<std::string> names = file_names(results);
    for (const Table& t : tables()) {
      current = dir / t.file;
      CsvFile csv(current, t.header, dialect);
      t.writer(csv, results, names, meta);
      csv.commit();
    }
  } catch (const io::OutputPathError&) {
    throw;
  } catch (const io::WriteError&) {
    throw;  // names the file already
  } catch (const io::Interrupted&) {
    throw;  // names the file already; the command exits 130
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("cannot write table {}: {}", current.string(), e.what()));
  }
}

}  // namespace werkstroom::results
