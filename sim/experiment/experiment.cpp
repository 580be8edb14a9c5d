#include "experiment/experiment.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "experiment/ordered_results.hpp"
#include "model/region_model.hpp"
#include "scenario/replication_draws.hpp"

namespace werkstroom::experiment {

std::vector<ExperimentJob> experiment_jobs(const std::vector<ScenarioRun>& runs, int replications,
                                           std::size_t first_replication) {
  // Population classes: a scenario joins the first earlier one it can share a population with.
  std::vector<std::vector<std::size_t>> classes;
  for (std::size_t s = 0; s < runs.size(); ++s) {
    bool joined = false;
    for (auto& members : classes) {
      const ScenarioRun& first = runs[members.front()];
      // Equal uncertainty: equal draws, so the drawn parameters still share a population.
      if (first.master_seed == runs[s].master_seed &&
          first.parameters.uncertainty == runs[s].parameters.uncertainty &&
          model::same_population(first.parameters, runs[s].parameters)) {
        members.push_back(s);
        joined = true;
        break;
      }
    }
    if (!joined) classes.push_back({s});
  }
  std::vector<ExperimentJob> jobs;
  const auto reps = static_cast<std::size_t>(std::max(replications, 1));
  for (std::size_t rep = first_replication; rep < first_replication + reps; ++rep) {
    for (const auto& members : classes) jobs.push_back(ExperimentJob{rep, members});
  }
  return jobs;
}

namespace {

/// Fault injection (every build; active only when set): WERKSTROOM_REPLICATION_FAULT=<r> makes
/// replication r fail as a model error would, wherever it runs (a thread, an MPI rank), so the
/// tests can check that such a failure stops the whole run with its cause. Read once.
std::optional<std::size_t> injected_replication_fault() {
  static const std::optional<std::size_t> fault = []() -> std::optional<std::size_t> {
    const char* text = std::getenv("WERKSTROOM_REPLICATION_FAULT");
    if (text == nullptr || *text == '\0') return std::nullopt;
    char* end = nullptr;
    const unsigned long long r = std::strtoull(text, &end, 10);
    if (*end != '\0' || text[0] == '-') {
      throw std::runtime_error(
          std::string("WERKSTROOM_REPLICATION_FAULT: expected a replication index, found \"") +
          text + "\"");
    }
    return static_cast<std::size_t>(r);
  }();
  return fault;
}

}  // namespace

std::vector<model::ReplicationResult> run_job(const std::vector<ScenarioRun>& runs,
                                              const ExperimentJob& job,
                                              const ExperimentSettings& settings) {
  if (injected_replication_fault() == job.replication) {
    throw std::runtime_error("injected fault in replication " + std::to_string(job.replication) +
                             " (WERKSTROOM_REPLICATION_FAULT)");
  }
  const ScenarioRun& first = runs.at(job.scenarios.front());
  const model::ReplicationSettings rs{first.master_seed.value_or(settings.master_seed),
                                      job.replication};
  // Every scenario's parameters of this replication: what the run does not know is drawn here
  // (scenario/replication_draws.hpp), the same for every scenario of the job.
  std::vector<model::ModelParameters> drawn;
  drawn.reserve(job.scenarios.size());
  for (const std::size_t s : job.scenarios) {
    drawn.push_back(scenario::draw_replication_parameters(runs[s].parameters, rs));
  }
  const std::shared_ptr<const model::Population> population =
      settings.population_cache != nullptr
          ? settings.population_cache->get_or_build(drawn.front(), rs)
          : model::build_population(drawn.front(), rs);
  std::vector<model::ReplicationResult> out;
  for (std::size_t k = 0; k < job.scenarios.size(); ++k) {
    if (settings.stop != nullptr && settings.stop->load()) throw Interrupted();
    out.push_back(model::run_replication(drawn[k], rs, population.get()));
  }
  return out;
}

std::vector<ScenarioResults> run_experiment(const std::vector<ScenarioRun>& runs,
                                            const ExperimentSettings& settings) {
  if (settings.backend != nullptr) return settings.backend->run(runs, settings);
  const auto reps = static_cast<std::size_t>(std::max(settings.replications, 1));
  std::vector<ScenarioResults> results(runs.size());
  for (std::size_t s = 0; s < runs.size(); ++s) {
    results[s].name = runs[s].name;
    if (!settings.on_result) results[s].replications.resize(reps);  // else the consumer's
  }
  const std::vector<ExperimentJob> jobs =
      experiment_jobs(runs, settings.replications, settings.first_replication);
  OrderedResults ordered(jobs, results, settings);
  const std::size_t total = runs.size() * reps;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::atomic<bool> failed{false};

  // Each result goes to its (scenario, replication) slot, and to on_result in job order: the
  // same for any thread count.
  const auto worker = [&] {
    while (!failed.load()) {
      if (settings.stop != nullptr && settings.stop->load()) return;
      const std::size_t j = next.fetch_add(1);
      if (j >= jobs.size()) return;
      try {
        std::vector<model::ReplicationResult> out = run_job(runs, jobs[j], settings);
        const std::size_t count = out.size();
        ordered.place(j, std::move(out));
        for (std::size_t k = 0; k < count; ++k) {
          const std::size_t finished = done.fetch_add(1) + 1;
          if (settings.progress) settings.progress(finished, total);
        }
      } catch (const Interrupted&) {
        return;
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed.store(true);
        return;
      }
    }
  };

  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t threads = std::min<std::size_t>(
      settings.threads > 0 ? static_cast<std::size_t>(settings.threads) : hardware, jobs.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (settings.stop != nullptr && settings.stop->load()) throw Interrupted();
  return results;
}

KpiColumns KpiColumns::in_scratch_file(std::size_t capacity) {
  KpiColumns columns;
  columns.capacity_ = capacity;
  columns.scratch_.emplace(capacity);
  return columns;
}

KpiColumns::KpiColumns(const KpiColumns& other)
    : month_labels_(other.month_labels_),
      keys_(other.keys_),
      replications_(other.replications_),
      capacity_(other.capacity_),
      recent_(other.recent_),
      flushed_(other.flushed_) {
  if (other.scratch_) {
    scratch_.emplace(capacity_);
    std::vector<double> values(flushed_);
    for (std::size_t k = 0; k < keys_.size() && flushed_ > 0; ++k) {
      other.scratch_->read(k, 0, values);
      scratch_->write(k, 0, values);
    }
  }
}

KpiColumns& KpiColumns::operator=(const KpiColumns& other) {
  if (this != &other) *this = KpiColumns(other);
  return *this;
}

void KpiColumns::add(const model::ReplicationResult& r) {
  const auto fail = [this](const char* what) {
    throw std::runtime_error("replication " + std::to_string(replications_) + ": " + what);
  };
  if (scratch_ && replications_ == capacity_) fail("more replications than the scratch file holds");
  if (replications_ == 0) {
    if (!keys_.empty()) fail("key figures added by column and by replication");
    month_labels_ = r.month_labels;
    for (const auto& entry : r.kpis) keys_.push_back(entry.first);
    recent_.resize(keys_.size());
  }
  if (r.month_labels != month_labels_) fail("month labels differ from replication 0");
  if (r.kpis.size() != keys_.size() ||
      !std::equal(r.kpis.begin(), r.kpis.end(), keys_.begin(),
                  [](const auto& entry, const std::string& key) { return entry.first == key; })) {
    fail("key figures differ from replication 0");
  }
  std::size_t k = 0;
  for (const auto& entry : r.kpis) recent_[k++].push_back(entry.second);
  ++replications_;
  if (scratch_ && replications_ - flushed_ == kBlockRows) flush();
}

void KpiColumns::add_column(const std::string& key, const std::vector<double>& values) {
  if (!keys_.empty() && (flushed_ + recent_.front().size() != replications_ ||
                         values.size() != replications_ || key <= keys_.back())) {
    throw std::invalid_argument("key figure " + key +
                                ": columns must come in key order, all of one length, and not "
                                "after replications");
  }
  if (scratch_ && values.size() > capacity_) {
    throw std::invalid_argument("key figure " + key + ": more values than the scratch file holds");
  }
  replications_ = values.size();
  keys_.push_back(key);
  if (scratch_) {
    scratch_->write(keys_.size() - 1, 0, values);
    recent_.emplace_back();
    flushed_ = replications_;
  } else {
    recent_.push_back(values);
  }
}

void KpiColumns::flush() {
  for (std::size_t k = 0; k < recent_.size(); ++k) {
    scratch_->write(k, flushed_, recent_[k]);
    recent_[k].clear();
  }
  flushed_ = replications_;
}

std::vector<double> KpiColumns::column(std::size_t k) const {
  if (k >= keys_.size()) throw std::out_of_range("no key figure " + std::to_string(k));
  std::vector<double> out(flushed_);
  if (scratch_ && flushed_ > 0) scratch_->read(k, 0, out);
  out.insert(out.end(), recent_[k].begin(), recent_[k].end());
  return out;
}

std::size_t replication_count(const ScenarioResults& r) {
  return r.columns ? r.columns->replications() : r.replications.size();
}

const std::vector<std::string>& first_month_labels(const ScenarioResults& r) {
  static const std::vector<std::string> none;
  if (r.columns) return r.columns->month_labels();
  return r.replications.empty() ? none : r.replications.front().month_labels;
}

std::vector<std::string> kpi_names(const ScenarioResults& r) {
  if (r.columns) return r.columns->keys();
  std::vector<std::string> out;
  if (r.replications.empty()) return out;
  for (const auto& entry : r.replications.front().kpis) out.push_back(entry.first);
  return out;
}

bool has_kpi(const ScenarioResults& r, const std::string& kpi) {
  if (r.columns) {
    return std::binary_search(r.columns->keys().begin(), r.columns->keys().end(), kpi);
  }
  return !r.replications.empty() && r.replications.front().kpis.contains(kpi);
}

std::vector<double> kpi_values(const ScenarioResults& r, const std::string& kpi) {
  if (r.columns) {
    const auto& keys = r.columns->keys();
    const auto it = std::lower_bound(keys.begin(), keys.end(), kpi);
    if (it == keys.end() || *it != kpi) {
      throw std::out_of_range("no key figure " + kpi + " in " + r.name);
    }
    return r.columns->column(static_cast<std::size_t>(it - keys.begin()));
  }
  std::vector<double> out;
  out.reserve(r.replications.size());
  for (const model::ReplicationResult& rep : r.replications) out.push_back(rep.kpis.at(kpi));
  return out;
}

}  // namespace werkstroom::experiment
