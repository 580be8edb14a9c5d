// The classic hold model (Jones 1986; Vaucher and Duval 1975) for event-list speed: keep N
// events pending; each step removes the earliest and schedules one new event at now + Exp(1).
// Reports events per second through the full kernel API (Simulation::step, std::function
// actions), for N = 10, 1,000 and 100,000 by default.
//   usage: werkstroom_bench_hold [events_per_size] [N ...]

#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "kernel/simulation.hpp"

namespace {

using werkstroom::kernel::Duration;

struct HoldModel {
  werkstroom::kernel::Simulation sim{werkstroom::kernel::Calendar({2020, 11, 1}, {}), {1, 0}};
  werkstroom::kernel::RandomStream rng = sim.stream("hold");
  void hold() {
    sim.schedule_after(Duration::days(rng.exponential(1.0)), [this] { hold(); });
  }
};

double measure(std::size_t pending, std::uint64_t events) {
  HoldModel model;
  model.sim.reserve_events(pending + 1);
  for (std::size_t i = 0; i < pending; ++i) model.hold();
  // Warm up: let the time distribution of the pending set settle.
  for (std::uint64_t i = 0; i < 4 * pending + 1000; ++i) model.sim.step();
  const auto t0 = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < events; ++i) model.sim.step();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return static_cast<double>(events) / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t events = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20'000'000ULL;
  std::vector<std::size_t> sizes;
  for (int i = 2; i < argc; ++i) sizes.push_back(std::strtoull(argv[i], nullptr, 10));
  if (sizes.empty()) sizes = {10, 1'000, 100'000};
  fmt::print("hold model, {} events per size, one thread\n", events);
  fmt::print("{:>10} {:>22}\n", "pending", "million events/s");
  for (const std::size_t n : sizes) {
    double best = 0.0;
    for (int trial = 0; trial < 3; ++trial) best = std::max(best, measure(n, events));
    fmt::print("{:>10} {:>22.2f}\n", n, best / 1e6);
  }
  return 0;
}
