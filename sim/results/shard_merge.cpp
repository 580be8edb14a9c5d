#include "results/shard_merge.hpp"

#include <H5Cpp.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "results/catalogue.hpp"
#include "results/hdf5_helpers.hpp"
#include "results/hdf5_series.hpp"
#include "results/results.hpp"
#include "results/results_stream.hpp"

namespace werkstroom::results {

namespace {

std::string text_of(const H5::H5Object& object, const char* name) {
  std::string value;
  object.openAttribute(name).read(detail::text_type(), value);
  return value;
}

std::int64_t int_of(const H5::H5Object& object, const char* name) {
  std::int64_t value = 0;
  object.openAttribute(name).read(H5::PredType::NATIVE_INT64, &value);
  return value;
}

std::uint64_t uint_of(const H5::H5Object& object, const char* name) {
  std::uint64_t value = 0;
  object.openAttribute(name).read(H5::PredType::NATIVE_UINT64, &value);
  return value;
}

std::string range_of(const ShardHeader& s) {
  return fmt::format("{} (replications {}:{})", s.path.string(), s.first, s.end);
}

/// One open shard: its scenarios' series datasets and key figures, read replication by
/// replication in the merge.
class ShardReader {
 public:
  explicit ShardReader(const ShardHeader& header) : file_(header.path.string(), H5F_ACC_RDONLY) {
    const H5::Group scenarios = file_.openGroup("scenarios");
    std::vector<std::pair<std::int64_t, std::string>> order;
    for (hsize_t i = 0; i < scenarios.getNumObjs(); ++i) {
      const std::string name = scenarios.getObjnameByIdx(i);
      order.emplace_back(int_of(scenarios.openGroup(name), "index"), name);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [index, name] : order) {
      Scenario s;
      s.group = scenarios.openGroup(name);
      const H5::DataSet months = s.group.openDataSet("months");
      const hsize_t count = months.getSpace().getSimpleExtentNpoints();
      std::vector<char*> labels(count);
      const H5::StrType text = detail::text_type();
      if (count > 0) months.read(labels.data(), text);
      for (char* label : labels) {
        s.months.emplace_back(label);
      }
      H5Dvlen_reclaim(text.getId(), months.getSpace().getId(), H5P_DEFAULT, labels.data());
      for (const detail::SeriesDataset& d : detail::series_datasets()) {
        const std::string path = d.group == detail::SeriesGroup::monthly        ? "monthly/"
                                 : d.group == detail::SeriesGroup::with_service ? "with_service/"
                                 : d.group == detail::SeriesGroup::without_service
                                     ? "without_service/"
                                     : "";
        s.series.push_back(s.group.openDataSet(path + d.info.name));
      }
      const H5::Group kpis = s.group.openGroup("kpis");
      for (hsize_t k = 0; k < kpis.getNumObjs(); ++k) {
        const std::string key = kpis.getObjnameByIdx(k);
        const H5::DataSet ds = kpis.openDataSet(key);
        std::vector<double> values(ds.getSpace().getSimpleExtentNpoints());
        if (!values.empty()) ds.read(values.data(), H5::PredType::NATIVE_DOUBLE);
        if (values.size() != header.end - header.first) {
          throw ShardError(fmt::format("{}: kpis/{} has {} values for {} replications",
                                       header.path.string(), key, values.size(),
                                       header.end - header.first));
        }
        s.kpis.emplace(key, std::move(values));
      }
      scenarios_.push_back(std::move(s));
    }
  }

  [[nodiscard]] std::size_t scenario_count() const { return scenarios_.size(); }
  [[nodiscard]] const H5::H5File& file() const { return file_; }
  [[nodiscard]] const H5::Group& group(std::size_t s) const { return scenarios_.at(s).group; }

  /// Replication `row` (of this shard) of scenario `s`, as the run made it (its series and key
  /// figures; not its event counts, which no file keeps).
  [[nodiscard]] model::ReplicationResult replication(std::size_t s, std::size_t row) const {
    const Scenario& sc = scenarios_.at(s);
    model::ReplicationResult rep;
    rep.month_labels = sc.months;
    const hsize_t months = sc.months.size();
    rep.service = model::IndicatorTable(months);
    std::vector<double> values(months);
    const hsize_t start[2] = {row, 0};
    const hsize_t count[2] = {1, months};
    const H5::DataSpace memory(1, &months);
    for (std::size_t i = 0; i < sc.series.size(); ++i) {
      const H5::DataSpace space = sc.series[i].getSpace();
      space.selectHyperslab(H5S_SELECT_SET, count, start);
      sc.series[i].read(values.data(), H5::PredType::NATIVE_DOUBLE, memory, space);
      if (i < model::kIndicatorCount) {
        for (std::size_t m = 0; m < months; ++m) {
          rep.service.set(static_cast<model::Indicator>(i), m, values[m]);
        }
      } else {
        // series_values names a member of `rep`, which is ours to fill.
        const_cast<std::vector<double>&>(detail::series_values(rep, i)) = values;
      }
    }
    for (const auto& [key, column] : sc.kpis) rep.kpis.emplace(key, column[row]);
    return rep;
  }

 private:
  struct Scenario {
    H5::Group group;
    std::vector<std::string> months;
    std::vector<H5::DataSet> series;  // per detail::series_datasets()
    std::map<std::string, std::vector<double>> kpis;
  };
  H5::H5File file_;
  std::vector<Scenario> scenarios_;
};

/// The run metadata of the whole study, from its first shard.
RunMetadata study_metadata(const ShardReader& first, std::size_t replications) {
  const H5::Group root = first.file().openGroup("/");
  RunMetadata meta;
  meta.master_seed = uint_of(root, "master_seed");
  meta.replications = static_cast<int>(replications);
  meta.threads = static_cast<int>(int_of(root, "threads"));
  meta.version = text_of(root, "version");
  meta.revision = text_of(root, "revision");
  meta.fingerprint = text_of(root, "fingerprint");
  for (std::size_t s = 0; s < first.scenario_count(); ++s) {
    const H5::Group& g = first.group(s);
    meta.scenario_files.push_back(text_of(g, "file"));
    meta.scenario_texts.push_back(text_of(g, "scenario_text"));
    if (g.attrExists("region")) meta.regions.push_back(text_of(g, "region"));
    if (g.attrExists("uncertainty_sources")) {
      // Written one source a line, each ended by '\n'.
      std::vector<std::string> lines;
      const std::string text = text_of(g, "uncertainty_sources");
      for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = text.find('\n', at);
        lines.push_back(text.substr(at, end - at));
        at = end == std::string::npos ? text.size() : end + 1;
      }
      meta.uncertainty_sources.push_back(std::move(lines));
    }
  }
  return meta;
}

}  // namespace

ShardHeader read_shard_header(const std::filesystem::path& path) {
  H5::Exception::dontPrint();
  ShardHeader h;
  h.path = path;
  const std::optional<std::string> format = hdf5_format(path);
  if (!format || *format != kFormatName) {
    throw ShardError(fmt::format(
        "{}: expected a werkstroom results file (HDF5, root attribute "
        "format \"{}\"), found {}",
        path.string(), kFormatName, !format ? "no HDF5 file" : "format \"" + *format + "\""));
  }
  try {
    const H5::H5File file(path.string(), H5F_ACC_RDONLY);
    const H5::Group root = file.openGroup("/");
    for (const char* name : {"fingerprint", "shard_first", "shard_end", "study_replications"}) {
      if (!root.attrExists(name)) {
        throw ShardError(
            fmt::format("{}: expected a shard (made by run --replications A:B), "
                        "found a results file without the root attribute {}",
                        path.string(), name));
      }
    }
    h.fingerprint = text_of(root, "fingerprint");
    const std::int64_t first = int_of(root, "shard_first");
    const std::int64_t end = int_of(root, "shard_end");
    const std::int64_t study = int_of(root, "study_replications");
    if (first < 0 || end <= first || study < end) {
      throw ShardError(
          fmt::format("{}: expected 0 <= shard_first < shard_end <= "
                      "study_replications, found {}, {}, {}",
                      path.string(), first, end, study));
    }
    h.first = static_cast<std::size_t>(first);
    h.end = static_cast<std::size_t>(end);
    h.study_replications = static_cast<std::size_t>(study);
  } catch (const H5::Exception& e) {
    throw ShardError(
        fmt::format("{}: cannot read the shard: HDF5: {}", path.string(), e.getDetailMsg()));
  }
  return h;
}

std::vector<ShardHeader> check_shards(std::vector<ShardHeader> shards) {
  if (shards.empty()) throw ShardError("merge: expected at least one shard, found none");
  for (const ShardHeader& s : shards) {
    if (s.fingerprint != shards.front().fingerprint ||
        s.study_replications != shards.front().study_replications) {
      throw ShardError(fmt::format(
          "{} and {} are shards of different studies (fingerprint {}... and {}...: the scenario "
          "texts, seed, version or number of replications differ)",
          shards.front().path.string(), s.path.string(), shards.front().fingerprint.substr(0, 12),
          s.fingerprint.substr(0, 12)));
    }
  }
  std::stable_sort(shards.begin(), shards.end(),
                   [](const ShardHeader& a, const ShardHeader& b) { return a.first < b.first; });
  std::size_t covered = 0;  // replications [0, covered) are in the shards so far
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const ShardHeader& s = shards[i];
    if (s.first > covered) {
      throw ShardError(
          fmt::format("merge: replications {}:{} are in no shard (a gap {})", covered, s.first,
                      i == 0 ? "before " + range_of(s)
                             : "between " + range_of(shards[i - 1]) + " and " + range_of(s)));
    }
    if (s.first < covered) {
      throw ShardError(
          fmt::format("merge: {} and {} overlap", range_of(shards[i - 1]), range_of(s)));
    }
    covered = s.end;
  }
  const std::size_t study = shards.front().study_replications;
  if (covered != study) {
    throw ShardError(
        fmt::format("merge: replications {}:{} of the study's {} are in no shard "
                    "(a gap after {})",
                    covered, study, study, range_of(shards.back())));
  }
  return shards;
}

std::size_t merge_shards(const std::vector<ShardHeader>& shards, const std::filesystem::path& out,
                         const std::string& started_at, const std::string& command_line) {
  const std::size_t study = shards.front().study_replications;
  std::optional<ResultsStream> stream;
  std::vector<experiment::ScenarioResults> results;
  RunMetadata meta;
  for (const ShardHeader& shard : shards) {
    try {
      const ShardReader reader(shard);
      if (!stream) {
        meta = study_metadata(reader, study);
        meta.started_at = started_at;
        meta.command_line = command_line;
        results.resize(reader.scenario_count());
        std::vector<std::string> names;
        for (std::size_t s = 0; s < results.size(); ++s) {
          results[s].name = text_of(reader.group(s), "name");
          results[s].columns.emplace(experiment::KpiColumns::in_scratch_file(study));
          names.push_back(results[s].name);
        }
        stream.emplace(out, names, study);
      } else if (reader.scenario_count() != results.size()) {
        throw ShardError(fmt::format("{}: expected {} scenarios, found {}", shard.path.string(),
                                     results.size(), reader.scenario_count()));
      }
      for (std::size_t row = 0; row < shard.end - shard.first; ++row) {
        for (std::size_t s = 0; s < results.size(); ++s) {
          const model::ReplicationResult rep = reader.replication(s, row);
          stream->add(s, shard.first + row, rep);
          results[s].columns->add(rep);
        }
      }
    } catch (const H5::Exception& e) {
      throw ShardError(fmt::format("{}: cannot read the shard: HDF5: {}", shard.path.string(),
                                   e.getDetailMsg()));
    }
  }
  stream->finish(results, meta);
  return study;
}

}  // namespace werkstroom::results
