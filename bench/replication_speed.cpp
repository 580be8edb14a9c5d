// Speed and memory of one replication of a scenario (issue 3: target <= 20 ms on one core;
// memory flat as the follow-up period grows).
//   usage: werkstroom_bench_replication SCENARIO.toml [replications] [follow_up_months]

#include <fmt/core.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "kernel/random.hpp"
#include "model/population_parts.hpp"
#include "model/region_model.hpp"
#include "scenario/loader.hpp"
#include "scenario/replication_draws.hpp"

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
  // What the replication's draws ([uncertainty]) cost: the drawing itself, and a replication
  // on drawn parameters (its people differ: the economy moves the inflow).
  double draw_seconds = 0.0;
  double drawn_seconds = 0.0;
  for (int r = 0; r < reps; ++r) {
    const werkstroom::model::ReplicationSettings rs{1, static_cast<std::uint64_t>(r)};
    const auto d0 = std::chrono::steady_clock::now();
    const werkstroom::model::ModelParameters drawn =
        werkstroom::scenario::draw_replication_parameters(loaded.parameters, rs);
    const auto d1 = std::chrono::steady_clock::now();
    (void)werkstroom::model::run_replication(drawn, rs);
    const auto d2 = std::chrono::steady_clock::now();
    draw_seconds += std::chrono::duration<double>(d1 - d0).count();
    drawn_seconds += std::chrono::duration<double>(d2 - d1).count();
  }
  // The two parts of a replication: the population (people and baseline paths) and the centre
  // run on it. The viewer re-uses populations when only the centre's levers move.
  double build_seconds = 0.0;
  double centre_seconds = 0.0;
  for (int r = 0; r < reps; ++r) {
    const werkstroom::model::ReplicationSettings rs{1, static_cast<std::uint64_t>(r)};
    const auto b0 = std::chrono::steady_clock::now();
    const auto population = werkstroom::model::build_population(loaded.parameters, rs);
    const auto b1 = std::chrono::steady_clock::now();
    (void)werkstroom::model::run_replication(loaded.parameters, rs, population.get());
    const auto b2 = std::chrono::steady_clock::now();
    build_seconds += std::chrono::duration<double>(b1 - b0).count();
    centre_seconds += std::chrono::duration<double>(b2 - b1).count();
  }
  // A population joined from parts built before (the viewer's cache after a lever of the
  // centre: every part reused), and the cost of each kind of part.
  double join_seconds = 0.0;
  std::vector<double> part_seconds;
  const auto parameters =
      std::make_shared<const werkstroom::model::ModelParameters>(loaded.parameters);
  const std::vector<werkstroom::model::PartId> part_ids =
      werkstroom::model::population_parts(loaded.parameters);
  part_seconds.assign(part_ids.size(), 0.0);
  for (int r = 0; r < reps; ++r) {
    const werkstroom::model::ReplicationSettings rs{1, static_cast<std::uint64_t>(r)};
    std::vector<std::shared_ptr<const werkstroom::model::PopulationPart>> parts;
    for (std::size_t i = 0; i < part_ids.size(); ++i) {
      const auto p0 = std::chrono::steady_clock::now();
      parts.push_back(werkstroom::model::build_population_part(parameters, rs, part_ids[i]));
      part_seconds[i] +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - p0).count();
    }
    std::size_t next = 0;
    const auto j0 = std::chrono::steady_clock::now();
    (void)werkstroom::model::build_population(
        loaded.parameters, rs,
        [&parts, &next](const auto&, const auto&, werkstroom::model::PartId) {
          return parts.at(next++);
        });
    join_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - j0).count();
  }
  std::string part_costs;
  for (std::size_t i = 0; i < part_ids.size(); ++i) {
    const auto& id = part_ids[i];
    const std::string name = id.kind == werkstroom::model::PartKind::cohort
                                 ? werkstroom::model::kCohortNames.at(id.index)
                                 : (id.kind == werkstroom::model::PartKind::bankruptcy
                                        ? fmt::format("bankruptcy {}", id.index)
                                        : std::string("now_end"));
    part_costs +=
        fmt::format("{}{} {:.2f}", i == 0 ? "" : ", ", name, 1000.0 * part_seconds[i] / reps);
  }
  // The floor under the population's cost: what the model's random numbers cost alone. A
  // person's clock is a fresh keyed stream (its purpose's family, the person's id) and one
  // exponential; an attribute is one more draw on an open stream.
  constexpr std::uint64_t kDraws = 4000000;
  const werkstroom::kernel::StreamFamily family(werkstroom::kernel::StreamKey{1, 0, 42, 0});
  double sink = 0.0;
  const auto c0 = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < kDraws; ++i) sink += family.stream(i).unit_exponential();
  const auto c1 = std::chrono::steady_clock::now();
  werkstroom::kernel::RandomStream open = family.stream(0);
  for (std::uint64_t i = 0; i < kDraws; ++i) sink += open.uniform01();
  const auto c2 = std::chrono::steady_clock::now();
  const double clock_ns = 1e9 * std::chrono::duration<double>(c1 - c0).count() / kDraws;
  const double uniform_ns = 1e9 * std::chrono::duration<double>(c2 - c1).count() / kDraws;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  // Memory of holding the populations of all replications at once (the viewer's cache).
  std::vector<std::shared_ptr<const werkstroom::model::Population>> held;
  held.reserve(static_cast<std::size_t>(reps));
  for (int r = 0; r < reps; ++r) {
    held.push_back(
        werkstroom::model::build_population(loaded.parameters, {1, static_cast<std::uint64_t>(r)}));
  }
  rusage holding{};
  getrusage(RUSAGE_SELF, &holding);
  fmt::print(
      "{}: follow-up {} months, {} replications, {:.2f} ms per replication, "
      "{:.0f} people and {:.0f} events per replication, peak RSS {:.1f} MiB\n"
      "  of which: population {:.2f} ms, centre on a given population {:.2f} ms\n"
      "  population joined from parts built before {:.2f} ms; parts (ms): {}\n"
      "  holding all {} populations: peak RSS {:.1f} MiB\n"
      "  draws ([uncertainty], {} drawn sources): drawing {:.3f} ms, a replication on drawn "
      "parameters {:.2f} ms\n"
      "  random numbers alone: a fresh keyed stream and one exponential {:.1f} ns, one more "
      "uniform draw on an open stream {:.1f} ns (checksum {:.3f})\n",
      loaded.name, loaded.parameters.horizon.follow_up_months, reps, 1000.0 * seconds / reps,
      static_cast<double>(people) / reps, static_cast<double>(events) / reps,
      static_cast<double>(usage.ru_maxrss) / 1024.0, 1000.0 * build_seconds / reps,
      1000.0 * centre_seconds / reps, 1000.0 * join_seconds / reps, part_costs, reps,
      static_cast<double>(holding.ru_maxrss) / 1024.0,
      werkstroom::scenario::uncertainty_sources(loaded.parameters).size() - 1,
      1000.0 * draw_seconds / reps, 1000.0 * drawn_seconds / reps, clock_ns, uniform_ns,
      sink / static_cast<double>(2 * kDraws));
  return 0;
}
