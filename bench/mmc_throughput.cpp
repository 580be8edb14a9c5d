// End-to-end speed of the M/M/c+M model on the kernel, for the side-by-side comparison with
// the same model written in SimPy 2.3 (bench/mmc_simpy.py). Prints events per second.
//   usage: werkstroom_bench_mmc [days] [lambda mu c theta]

#include <fmt/core.h>

#include <chrono>
#include <cstdlib>

#include "verification/mmc_model.hpp"

int main(int argc, char** argv) {
  const double days = argc > 1 ? std::atof(argv[1]) : 200'000.0;
  werkstroom::verification::QueueParameters q{9.0, 1.0, 10, 0.5};
  if (argc > 5) {
    q = {std::atof(argv[2]), std::atof(argv[3]), std::atoi(argv[4]), std::atof(argv[5])};
  }
  werkstroom::verification::MmcRunSettings s;
  s.run_days = days;
  s.master_seed = 1;
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = werkstroom::verification::run_mmc(q, s);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("werkstroom M/M/{}+M lambda={} mu={} theta={} days={}\n", q.servers, q.arrival_rate,
             q.service_rate, q.abandonment_rate, days);
  fmt::print(
      "customers={} events={} seconds={:.3f} events_per_second={:.0f} "
      "customers_per_second={:.0f}\n",
      r.arrivals, r.events, seconds, static_cast<double>(r.events) / seconds,
      static_cast<double>(r.arrivals) / seconds);
  fmt::print("P(wait)={:.4f} mean_wait={:.4f} abandonment_share={:.4f}\n", r.wait_probability,
             r.mean_wait, r.abandonment_share);
  return 0;
}
