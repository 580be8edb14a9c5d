// The CSV tables of a run; the columns are the contract of docs/results-schema.md.

#include <array>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "results/atomic_file.hpp"
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

// Writes one CSV file through "<file>.tmp"; `fill` appends the rows to a buffer, which is
// written out whenever it grows large.
class CsvFile {
 public:
  CsvFile(std::filesystem::path path, const char* header)
      : path_(std::move(path)), tmp_(detail::temporary_path(path_)) {
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw std::runtime_error("cannot create " + tmp_.string());
    line(header);
  }
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;
  ~CsvFile() {
    if (!committed_) {
      out_.close();
      detail::discard_file(tmp_);
    }
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
    out_.close();
    if (!out_) throw std::runtime_error("cannot write " + tmp_.string());
    detail::commit_file(tmp_, path_);
    committed_ = true;
  }

 private:
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (!out_) throw std::runtime_error("cannot write " + tmp_.string());
  }
  std::filesystem::path path_;
  std::filesystem::path tmp_;
  std::ofstream out_;
  fmt::memory_buffer buffer_;
  bool committed_ = false;
};

using Writer = void (*)(CsvFile&, const std::vector<experiment::ScenarioResults>&,
                        const std::vector<std::string>&, const RunMetadata&);

void monthly(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
             const std::vector<std::string>& names, const RunMetadata& /*meta*/) {
  for (std::size_t s = 0; s < results.size(); ++s) {
    const std::string scenario = field(names[s]);
    const std::vector<std::string>& months = months_of(results[s]);
    for (std::size_t r = 0; r < results[s].replications.size(); ++r) {
      const model::ReplicationResult& rep = results[s].replications[r];
      const auto series = [&](const std::string& indicator, const std::vector<double>& values) {
        for (std::size_t m = 0; m < months.size(); ++m) {
          csv.row("{},{},{},{},{}", scenario, r, months[m], indicator, values[m]);
        }
      };
      for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
        series(indicator_catalogue()[i].name, rep.service.row(static_cast<model::Indicator>(i)));
      }
      for (const bool with : {true, false}) {
        for (std::size_t k = 0; k < world_series_catalogue().size(); ++k) {
          series(fmt::format("{}.{}", with ? "with_service" : "without_service",
                             world_series_catalogue()[k].name),
                 world_series_values(with ? rep.with_service : rep.without_service, k));
        }
      }
      series(arrived_info().name, rep.arrived_by_month_end);
    }
  }
}

void kpis(CsvFile& csv, const std::vector<experiment::ScenarioResults>& results,
          const std::vector<std::string>& names, const RunMetadata& /*meta*/) {
  for (std::size_t s = 0; s < results.size(); ++s) {
    const std::vector<std::string> keys = kpi_keys(results[s]);
    for (std::size_t r = 0; r < results[s].replications.size(); ++r) {
      for (const std::string& key : keys) {
        csv.row("{},{},{},{}", field(names[s]), r, key, results[s].replications[r].kpis.at(key));
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
  }
}

struct Table {
  const char* file;
  const char* header;
  Writer writer;
};

}  // namespace

void write_csv(const std::filesystem::path& dir,
               const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta) {
  static const std::array<Table, 5> tables = {{
      {"monthly.csv", "scenario,replication,month,indicator,value", &monthly},
      {"kpis.csv", "scenario,replication,kpi,value", &kpis},
      {"summary.csv", "scenario,kpi,mean,sd,lower95,upper95,replications", &summary},
      {"differences.csv", "scenario,versus,kpi,mean,sd,lower95,upper95", &differences},
      {"metadata.csv", "key,value", &metadata},
  }};
  std::filesystem::path current = dir;
  try {
    check_complete(results, meta);
    std::filesystem::create_directories(dir);
    const std::vector<std::string> names = file_names(results);
    for (const Table& t : tables) {
      current = dir / t.file;
      CsvFile csv(current, t.header);
      t.writer(csv, results, names, meta);
      csv.commit();
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(
        fmt::format("cannot write results file {}: {}", current.string(), e.what()));
  }
}

}  // namespace werkstroom::results
