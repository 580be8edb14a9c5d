// Speed and memory of one replication of a scenario (issue 3: target <= 20 ms on one core;
// memory flat as the follow-up period grows).
//   usage: werkstroom_bench_replication SCENARIO.toml [replications] [follow_up_months]

#include <fmt/core.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "model/region_model.hpp"
#include "scenario/loader.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} SCENARIO.toml [replications] [follow_up_months]\n", argv[0]);
    return 2;
  }
  auto loaded = werkstroom::scenario::load_scenario(argv[1]);
  const int reps = argc > 2 ? std::atoi(argv[2]) : 200;
  if (argc > 3) loaded.parameters.horizon.follow_up_months = std::atoi(argv[3]);
  // One untimed replication first (page faults, caches).
  (void)werkstroom::model::run_replication(loaded.parameters, {1, 999999});
  const auto t0 = std::chrono::steady_clock::now();
  std::uint64_t events = 0;
  std::uint64_t people = 0;
  for (int r = 0; r < reps; ++r) {
    const auto result =
        werkstroom::model::run_replication(loaded.parameters, {1, static_cast<std::uint64_t>(r)});
    events += result.events;
    people += result.people;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print(
      "{}: follow-up {} months, {} replications, {:.2f} ms per replication, "
      "{:.0f} people and {:.0f} events per replication, peak RSS {:.1f} MiB\n",
      loaded.name, loaded.parameters.horizon.follow_up_months, reps, 1000.0 * seconds / reps,
      static_cast<double>(people) / reps, static_cast<double>(events) / reps,
      static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
