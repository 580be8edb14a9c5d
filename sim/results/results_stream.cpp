#include "results/results_stream.hpp"

#include <H5Cpp.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "io/output_file.hpp"
#include "io/scratch_columns.hpp"
#include "results/catalogue.hpp"
#include "results/hdf5_helpers.hpp"
#include "results/hdf5_series.hpp"

namespace werkstroom::results {

namespace {

using namespace detail;  // the HDF5 helpers

constexpr const char* kWhat = "results file";
/// zlib's level 4: most of level 9's gain on these series (counts and euros, shuffled) at a
/// fraction of its time.
constexpr int kDeflateLevel = 4;
/// Bytes copied from the scratch file per write to the result file.
constexpr std::size_t kCopyBlock = std::size_t{1} << 20U;

/// The series of one scenario being written.
struct ScenarioSeries {
  std::vector<std::string> months;          // of its first replication
  std::vector<std::string> kpi_keys;        // of its first replication, in map order
  std::vector<H5::DataSet> datasets;        // per series_datasets()
  std::vector<std::vector<double>> buffer;  // per series: `buffered` rows of `months` values
  std::size_t buffered = 0;
  std::size_t written = 0;  // rows on disk before the buffer
};

std::atomic<bool> g_abandoned{false};

bool same_keys(const std::map<std::string, double>& kpis, const std::vector<std::string>& keys) {
  return kpis.size() == keys.size() &&
         std::equal(kpis.begin(), kpis.end(), keys.begin(),
                    [](const auto& entry, const std::string& key) { return entry.first == key; });
}

}  // namespace

bool hdf5_file_abandoned() { return g_abandoned.load(); }

class ResultsStream::State {
 public:
  State(const std::filesystem::path& target, const std::vector<std::string>& names,
        std::size_t reps)
      : path(target), pending(target, kWhat), replications(reps) {
    std::vector<experiment::ScenarioResults> named(names.size());
    for (std::size_t s = 0; s < names.size(); ++s) named[s].name = names[s];
    file_names = results::file_names(named);
    scenarios.resize(names.size());
    const std::filesystem::path folder = io::scratch_folder();
    std::string scratch = (folder / "werkstroom-results-XXXXXX").string();
    scratch_fd = mkstemp(scratch.data());
    if (scratch_fd < 0) {
      fail(fmt::format("cannot make a scratch file in {}: {}", folder.string(),
                       std::strerror(errno)));
    }
    guarded([&] {
      // SEMI: the close fails (rather than leaving the file open) if an object is still open.
      const hid_t access = H5Pcreate(H5P_FILE_ACCESS);
      if (access < 0) throw H5::FileIException("H5Pcreate", "no file access properties");
      if (H5Pset_fclose_degree(access, H5F_CLOSE_SEMI) < 0 ||
          H5Pset_libver_bounds(access, H5F_LIBVER_V110, H5F_LIBVER_V110) < 0) {
        H5Pclose(access);
        throw H5::FileIException("H5Pset_fclose_degree", "cannot set the close degree");
      }
      file_id = H5Fcreate(scratch.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access);
      H5Pclose(access);
      if (file_id < 0) throw H5::FileIException("H5Fcreate", "cannot create the scratch file");
      file.emplace(file_id);  // the C++ object takes a reference of its own
      file->createGroup("scenarios");
    });
    // Open by HDF5 and by scratch_fd: gone from the folder, gone from the disk at the end.
    unlink(scratch.c_str());
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() {
    try {
      close_hdf5();
    } catch (...) {
      // Abandoned anyway: the scratch file goes with its descriptor, the temporary file with
      // `pending`.
    }
    if (scratch_fd >= 0) close(scratch_fd);
  }

  [[noreturn]] void fail(const std::string& why) const {
    throw std::runtime_error(fmt::format("cannot write {} {}: {}", kWhat, path.string(), why));
  }

  // Runs an HDF5 step; HDF5's failures become std::runtime_error naming the file. HDF5 keeps
  // its error stack per thread, and add() runs on whichever worker thread finished a
  // replication: a capture of the step's own thread keeps HDF5 from printing its stack there.
  template <class Step>
  void guarded(Step&& step) {
    const ErrorCapture local;
    try {
      step();
    } catch (const H5::Exception& e) {
      const std::string& detail = local.message().empty() ? capture.message() : local.message();
      fail(detail.empty() ? fmt::format("HDF5: {}", e.getDetailMsg())
                          : fmt::format("HDF5: {} ({})", e.getDetailMsg(), detail));
    }
  }

  void open_scenario(std::size_t s, const model::ReplicationResult& rep) {
    ScenarioSeries& series = scenarios[s];
    series.months = rep.month_labels;
    for (const auto& entry : rep.kpis) series.kpi_keys.push_back(entry.first);
    const hsize_t months = series.months.size();
    if (months == 0) fail(fmt::format("scenario '{}' has no months", file_names[s]));
    const H5::Group g = file->openGroup("scenarios").createGroup(file_names[s], utf8_links());
    const SeriesGroups groups(g);
    const hsize_t dims[2] = {replications, months};
    const hsize_t chunk[2] = {std::min<hsize_t>(replications, kRowsPerChunk), months};
    H5::DSetCreatPropList create;
    create.setChunk(2, chunk);
    create.setShuffle();
    create.setDeflate(kDeflateLevel);
    H5::DSetAccPropList access;
    access.setChunkCache(0, 0, 1.0);  // whole chunks are written at once: no cache
    for (const SeriesDataset& d : series_datasets()) {
      H5::DataSet ds = groups.of(d).createDataSet(d.info.name, H5::PredType::IEEE_F64LE,
                                                  H5::DataSpace(2, dims), create, access);
      describe(ds, d.info.unit, d.info.description);
      series.datasets.push_back(std::move(ds));
      series.buffer.emplace_back();
      series.buffer.back().reserve(static_cast<std::size_t>(chunk[0] * months));
    }
  }

  void flush(ScenarioSeries& series) {
    if (series.buffered == 0) return;
    const hsize_t start[2] = {series.written, 0};
    const hsize_t count[2] = {series.buffered, series.months.size()};
    const H5::DataSpace memory(2, count);
    for (std::size_t i = 0; i < series.datasets.size(); ++i) {
      const H5::DataSpace space = series.datasets[i].getSpace();
      space.selectHyperslab(H5S_SELECT_SET, count, start);
      series.datasets[i].write(series.buffer[i].data(), H5::PredType::NATIVE_DOUBLE, memory, space);
      series.buffer[i].clear();
    }
    series.written += series.buffered;
    series.buffered = 0;
  }

  // Closes the file exactly once, whatever the outcome: HDF5 1.10 crashes when a file whose
  // close failed (after a full disk) is closed again, as H5::H5File's destructor would. A file
  // that failed to close is abandoned (the scratch file goes with scratch_fd).
  void close_hdf5() {
    for (ScenarioSeries& series : scenarios) series.datasets.clear();
    file.reset();  // drops the C++ object's reference only
    if (file_id >= 0) {
      const hid_t id = file_id;
      file_id = H5I_INVALID_HID;
      if (H5Fclose(id) < 0) {
        g_abandoned.store(true);
        throw H5::FileIException("H5Fclose", "cannot close the file");
      }
    }
  }

  std::filesystem::path path;
  io::PendingFile pending;
  ErrorCapture capture;  // HDF5's messages, for as long as the file is written
  std::size_t replications;
  std::vector<std::string> file_names;
  std::vector<ScenarioSeries> scenarios;
  int scratch_fd = -1;
  hid_t file_id = H5I_INVALID_HID;  // our reference to the scratch file, closed once
  std::optional<H5::H5File> file;   // the C++ API's view of it
};

ResultsStream::ResultsStream(const std::filesystem::path& path,
                             const std::vector<std::string>& scenario_names,
                             std::size_t replications)
    : state_(std::make_unique<State>(path, scenario_names, replications)) {}

ResultsStream::~ResultsStream() = default;

void ResultsStream::add(std::size_t scenario, std::size_t slot,
                        const model::ReplicationResult& rep) {
  State& st = *state_;
  if (scenario >= st.scenarios.size()) st.fail(fmt::format("no scenario {}", scenario));
  ScenarioSeries& series = st.scenarios[scenario];
  if (slot != series.written + series.buffered || slot >= st.replications) {
    st.fail(fmt::format("scenario '{}': replication {} out of order (expected {})",
                        st.file_names[scenario], slot, series.written + series.buffered));
  }
  st.guarded([&] {
    if (slot == 0) st.open_scenario(scenario, rep);
    const auto fail = [&](const std::string& what) {
      st.fail(
          fmt::format("scenario '{}', replication {}: {}", st.file_names[scenario], slot, what));
    };
    if (rep.month_labels != series.months) fail("month labels differ from replication 0");
    if (!same_keys(rep.kpis, series.kpi_keys)) fail("key figures differ from replication 0");
    for (std::size_t i = 0; i < series.datasets.size(); ++i) {
      const std::vector<double>& values = detail::series_values(rep, i);
      if (values.size() != series.months.size()) {
        fail(fmt::format("{} has {} values for {} months", series_datasets()[i].info.name,
                         values.size(), series.months.size()));
      }
      series.buffer[i].insert(series.buffer[i].end(), values.begin(), values.end());
    }
    if (++series.buffered == kRowsPerChunk) st.flush(series);
  });
}

void ResultsStream::finish(const std::vector<experiment::ScenarioResults>& results,
                           const RunMetadata& meta) {
  State& st = *state_;
  if (results.size() != st.scenarios.size()) {
    st.fail(
        fmt::format("{} scenarios streamed, {} to finish", st.scenarios.size(), results.size()));
  }
  if (meta.scenario_files.size() != results.size() ||
      meta.scenario_texts.size() != results.size()) {
    st.fail(fmt::format("run metadata has {} scenario files and {} scenario texts for {} scenarios",
                        meta.scenario_files.size(), meta.scenario_texts.size(), results.size()));
  }
  for (std::size_t s = 0; s < results.size(); ++s) {
    const ScenarioSeries& series = st.scenarios[s];
    if (series.written + series.buffered != st.replications ||
        experiment::replication_count(results[s]) != st.replications) {
      st.fail(fmt::format("scenario '{}': {} of {} replications written", st.file_names[s],
                          series.written + series.buffered, st.replications));
    }
  }
  st.guarded([&] {
    for (ScenarioSeries& series : st.scenarios) st.flush(series);
    detail::write_results_layout(*st.file, results, meta, true);
    st.close_hdf5();
  });
  if (lseek(st.scratch_fd, 0, SEEK_SET) != 0) {
    st.fail(fmt::format("cannot read the scratch file: {}", std::strerror(errno)));
  }
  std::vector<char> block(kCopyBlock);
  while (true) {
    const ssize_t n = read(st.scratch_fd, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) st.fail(fmt::format("cannot read the scratch file: {}", std::strerror(errno)));
    if (n == 0) break;
    st.pending.write(std::string_view(block.data(), static_cast<std::size_t>(n)));
  }
  st.pending.commit();
}

}  // namespace werkstroom::results
