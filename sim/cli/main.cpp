// The werkstroom command. Until the labour-market model lands this runs the kernel demo: an
// M/M/c+M queue (advisors, clients with limited patience) simulated and set against the exact
// Erlang A values, so a new user sees at once that the kernel reproduces queueing theory.

#include <fmt/core.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <string>

#include "verification/birth_death.hpp"
#include "verification/mmc_model.hpp"

namespace {

int run_kernel_demo() {
  using werkstroom::verification::QueueParameters;
  // Demo parameters (not policy figures): 2 advisors, 1.8 requests/day, 1 day per request,
  // clients wait 10 days on average before giving up.
  const QueueParameters queue{1.8, 1.0, 2, 0.1};
  werkstroom::verification::MmcRunSettings settings;
  settings.warmup_days = 1'000.0;
  settings.run_days = 200'000.0;
  settings.master_seed = 20201101;

  const auto t0 = std::chrono::steady_clock::now();
  const auto sim = werkstroom::verification::run_mmc(queue, settings);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto exact = werkstroom::verification::solve_birth_death(queue);

  fmt::print("werkstroom {} ({}) - kernel demo: M/M/c+M queue against Erlang A\n",
             WERKSTROOM_VERSION, WERKSTROOM_REVISION);
  fmt::print("  lambda = {}/day, mu = {}/day, c = {}, theta = {}/day, {} simulated days\n\n",
             queue.arrival_rate, queue.service_rate, queue.servers, queue.abandonment_rate,
             settings.run_days);
  fmt::print("  {:<28}{:>12}{:>12}\n", "measure", "simulated", "exact");
  fmt::print("  {:<28}{:>12.4f}{:>12.4f}\n", "P(wait)", sim.wait_probability,
             exact.wait_probability);
  fmt::print("  {:<28}{:>12.4f}{:>12.4f}\n", "mean wait (days)", sim.mean_wait, exact.mean_wait);
  fmt::print("  {:<28}{:>12.4f}{:>12.4f}\n", "abandonment share", sim.abandonment_share,
             exact.abandonment_share);
  fmt::print("  {:<28}{:>12.4f}{:>12.4f}\n", "mean queue length", sim.mean_queue_length,
             exact.mean_queue_length);
  fmt::print("  {:<28}{:>12.4f}{:>12.4f}\n", "advisor utilisation", sim.utilisation,
             exact.utilisation);
  fmt::print("\n  {} events in {:.3f} s ({:.1f} million events/s)\n", sim.events, seconds,
             static_cast<double>(sim.events) / seconds / 1e6);
  return EXIT_SUCCESS;
}

}  // namespace

int main() {
  try {
    return run_kernel_demo();
  } catch (const std::exception& e) {
    fmt::print(stderr, "werkstroom: error: {}\n", e.what());
    return EXIT_FAILURE;
  }
}
