// Results handed to ExperimentSettings::on_result in job order however the jobs finish
// (experiment/ordered_results.hpp): what makes a streamed results file the same for any thread
// count.

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "experiment/ordered_results.hpp"

using namespace werkstroom;

namespace {

// Jobs of R replications of two population classes: {0, 2} and {1}.
std::vector<experiment::ExperimentJob> jobs_of(std::size_t replications, std::size_t first) {
  std::vector<experiment::ExperimentJob> jobs;
  for (std::size_t r = first; r < first + replications; ++r) {
    jobs.push_back({r, {0, 2}});
    jobs.push_back({r, {1}});
  }
  return jobs;
}

// A job's results, each marked with its scenario and replication.
std::vector<model::ReplicationResult> results_of(const experiment::ExperimentJob& job) {
  std::vector<model::ReplicationResult> out;
  for (const std::size_t s : job.scenarios) {
    model::ReplicationResult r;
    r.kpis["scenario"] = static_cast<double>(s);
    r.kpis["replication"] = static_cast<double>(job.replication);
    out.push_back(std::move(r));
  }
  return out;
}

struct Seen {
  std::size_t scenario;
  std::size_t slot;
  double replication;
};

// What on_result saw when the jobs are placed in `order`, from `threads` threads.
std::vector<Seen> deliver(std::size_t replications, std::size_t first,
                          const std::vector<std::size_t>& order, std::size_t threads,
                          std::vector<experiment::ScenarioResults>& results) {
  const auto jobs = jobs_of(replications, first);
  results.assign(3, {});
  for (auto& r : results) r.replications.resize(replications);  // as without a consumer
  std::vector<Seen> seen;
  experiment::ExperimentSettings settings;
  settings.first_replication = first;
  settings.on_result = [&seen](std::size_t s, std::size_t slot, model::ReplicationResult& r) {
    seen.push_back({s, slot, r.kpis.at("replication")});
  };
  experiment::OrderedResults ordered(jobs, results, settings);
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t i = t; i < order.size(); i += threads) {
        ordered.place(order[i], results_of(jobs[order[i]]));
      }
    });
  }
  for (auto& thread : pool) thread.join();
  return seen;
}

}  // namespace

TEST_CASE("on_result sees the results in job order whatever order the jobs finish in",
          "[experiment][streaming]") {
  const std::size_t replications = 40;
  const std::size_t first = 7;  // a shard: slots count from its first replication
  std::vector<std::size_t> order(2 * replications);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 shuffle(20201101);  // a fixed permutation, the test's input
  std::shuffle(order.begin(), order.end(), shuffle);
  for (const std::size_t threads : {1U, 4U}) {
    std::vector<experiment::ScenarioResults> results;
    const std::vector<Seen> seen = deliver(replications, first, order, threads, results);
    REQUIRE(seen.size() == 3 * replications);
    // Replication by replication; within one, the jobs' scenarios in job order: 0, 2, then 1.
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t expected[3] = {0, 2, 1};
      for (std::size_t k = 0; k < 3; ++k) {
        const Seen& s = seen[3 * r + k];
        CHECK(s.scenario == expected[k]);
        CHECK(s.slot == r);
        CHECK(s.replication == static_cast<double>(first + r));
      }
    }
    // The consumer took them: no slot holds a result.
    for (const auto& scenario : results) {
      for (const auto& r : scenario.replications) CHECK(r.kpis.empty());
    }
  }
}
