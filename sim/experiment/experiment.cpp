#include "experiment/experiment.hpp"

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "model/region_model.hpp"

namespace werkstroom::experiment {

std::vector<ScenarioResults> run_experiment(const std::vector<ScenarioRun>& runs,
                                            const ExperimentSettings& settings) {
  const auto reps = static_cast<std::size_t>(std::max(settings.replications, 1));
  std::vector<ScenarioResults> results(runs.size());
  for (std::size_t s = 0; s < runs.size(); ++s) {
    results[s].name = runs[s].name;
    results[s].replications.resize(reps);
  }
  const std::size_t total = runs.size() * reps;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::atomic<bool> failed{false};

  // One job is one replication of every scenario: scenarios with equal population
  // parameters share that replication's population (identical results, built once).
  const auto worker = [&] {
    while (!failed.load()) {
      if (settings.stop != nullptr && settings.stop->load()) return;
      const std::size_t rep = next.fetch_add(1);
      if (rep >= reps) return;
      const model::ReplicationSettings rs{settings.master_seed, rep};
      std::vector<std::shared_ptr<const model::Population>> populations(runs.size());
      try {
        for (std::size_t scenario = 0; scenario < runs.size(); ++scenario) {
          if (settings.stop != nullptr && settings.stop->load()) return;
          const model::ModelParameters& p = runs[scenario].parameters;
          for (std::size_t earlier = 0; earlier < scenario && !populations[scenario]; ++earlier) {
            if (model::same_population(p, runs[earlier].parameters)) {
              populations[scenario] = populations[earlier];
            }
          }
          if (!populations[scenario]) {
            populations[scenario] = settings.population_cache != nullptr
                                        ? settings.population_cache->get_or_build(p, rs)
                                        : model::build_population(p, rs);
          }
          results[scenario].replications[rep] =
              model::run_replication(p, rs, populations[scenario].get());
          const std::size_t finished = done.fetch_add(1) + 1;
          if (settings.progress) settings.progress(finished, total);
        }
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
      settings.threads > 0 ? static_cast<std::size_t>(settings.threads) : hardware, reps);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  if (settings.stop != nullptr && settings.stop->load()) throw Interrupted();
  return results;
}

std::vector<double> kpi_values(const ScenarioResults& r, const std::string& kpi) {
  std::vector<double> out;
  out.reserve(r.replications.size());
  for (const model::ReplicationResult& rep : r.replications) out.push_back(rep.kpis.at(kpi));
  return out;
}

}  // namespace werkstroom::experiment
