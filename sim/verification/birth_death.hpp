#pragma once
// Exact steady-state measures of the M/M/c+M queue (Erlang A; Erlang C when the abandonment
// rate is zero), computed from its birth-death chain: births at rate lambda, deaths in state n
// at rate min(n, c) mu + max(n - c, 0) theta. The chain is truncated where the stationary
// probability falls below 1e-18 of its mode. Used as the reference for the kernel's
// verification and as the analytic column of the kernel demo.

namespace werkstroom::verification {

struct QueueParameters {
  double arrival_rate = 1.0;      // lambda, per day
  double service_rate = 1.0;      // mu, per day per server
  int servers = 1;                // c
  double abandonment_rate = 0.0;  // theta, per day (0: no abandonment, needs lambda < c mu)
};

struct QueueMeasures {
  double wait_probability = 0.0;   // P(an arrival finds all servers busy), by PASTA
  double mean_queue_length = 0.0;  // E[Q]
  double mean_wait = 0.0;          // E[time in queue] over all arrivals = E[Q] / lambda
  double abandonment_share = 0.0;  // theta E[Q] / lambda
  double utilisation = 0.0;        // E[busy servers] / c
  int truncation_state = 0;
};

/// Throws std::invalid_argument for non-positive rates or an unstable queue without abandonment.
[[nodiscard]] QueueMeasures solve_birth_death(const QueueParameters& p);

}  // namespace werkstroom::verification
