// The kernel against queueing theory: M/M/c (Erlang C) and M/M/c+M (Erlang A).
// Reference values come from the exact birth-death chain (verification/birth_death), which is
// itself checked here against the textbook closed form of Erlang C. Simulated estimates are
// means over independent replications; each must lie within four standard errors of the exact
// value, and the standard error must be small enough (relative) for the check to have power.

#include <catch2/catch.hpp>
#include <cmath>
#include <tuple>
#include <vector>

#include "kernel/statistics.hpp"
#include "verification/birth_death.hpp"
#include "verification/mmc_model.hpp"

using namespace werkstroom;
using verification::QueueParameters;

namespace {

// Textbook Erlang C: P(wait) = (a^c/c!) (c/(c-a)) / (sum_{k<c} a^k/k! + (a^c/c!) (c/(c-a))).
double erlang_c_closed_form(double lambda, double mu, int c) {
  const double a = lambda / mu;
  double term = 1.0;  // a^k / k!
  double sum = 0.0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double top = term * c / (c - a);
  return top / (sum + top);
}

struct Estimate {
  kernel::ReplicationSummary summary;
  [[nodiscard]] double standard_error() const {
    return summary.sd / std::sqrt(static_cast<double>(summary.replications));
  }
};

struct Estimates {
  Estimate wait_probability;
  Estimate mean_wait;
  Estimate abandonment_share;
  Estimate utilisation;
};

Estimates simulate(const QueueParameters& q, int replications, double days, double warmup) {
  std::vector<double> pw;
  std::vector<double> wq;
  std::vector<double> ab;
  std::vector<double> ut;
  for (int r = 0; r < replications; ++r) {
    verification::MmcRunSettings s;
    s.warmup_days = warmup;
    s.run_days = days;
    s.master_seed = 314159;
    s.replication = static_cast<std::uint64_t>(r);
    const auto result = verification::run_mmc(q, s);
    pw.push_back(result.wait_probability);
    wq.push_back(result.mean_wait);
    ab.push_back(result.abandonment_share);
    ut.push_back(result.utilisation);
  }
  return {{kernel::summarise(pw)},
          {kernel::summarise(wq)},
          {kernel::summarise(ab)},
          {kernel::summarise(ut)}};
}

void check_close(const char* what, const Estimate& e, double exact, double max_relative_se) {
  INFO(what << ": simulated " << e.summary.mean << " +- " << e.standard_error() << " (SE), exact "
            << exact);
  CHECK(std::abs(e.summary.mean - exact) <= 4.0 * e.standard_error() + 1e-12);
  CHECK(e.standard_error() <= max_relative_se * std::max(exact, 1e-3));
}

}  // namespace

TEST_CASE("the birth-death chain reproduces the closed-form Erlang C", "[kernel][verification]") {
  for (const auto& [lambda, mu, c] : std::vector<std::tuple<double, double, int>>{
           {0.8, 1.0, 1}, {1.5, 1.0, 2}, {9.5, 1.0, 10}, {45.0, 2.0, 25}}) {
    const auto m = verification::solve_birth_death({lambda, mu, c, 0.0});
    const double pw = erlang_c_closed_form(lambda, mu, c);
    CHECK(m.wait_probability == Approx(pw).epsilon(1e-9));
    CHECK(m.mean_wait == Approx(pw / (c * mu - lambda)).epsilon(1e-9));
    CHECK(m.utilisation == Approx(lambda / (c * mu)).epsilon(1e-9));
  }
  // M/M/1 by hand: P(wait) = rho, Wq = rho / (mu - lambda).
  const auto mm1 = verification::solve_birth_death({0.8, 1.0, 1, 0.0});
  CHECK(mm1.wait_probability == Approx(0.8));
  CHECK(mm1.mean_wait == Approx(4.0));
  CHECK_THROWS(verification::solve_birth_death({2.0, 1.0, 2, 0.0}));
}

TEST_CASE("Erlang A reduces to Erlang C as patience grows and is stable when overloaded",
          "[kernel][verification]") {
  const auto c = verification::solve_birth_death({9.5, 1.0, 10, 0.0});
  const auto a = verification::solve_birth_death({9.5, 1.0, 10, 1e-7});
  CHECK(a.wait_probability == Approx(c.wait_probability).epsilon(1e-4));
  const auto overloaded = verification::solve_birth_death({14.0, 1.0, 12, 0.5});
  // Flow balance: served rate c mu utilisation + abandonment rate = lambda.
  CHECK(12.0 * overloaded.utilisation + 14.0 * overloaded.abandonment_share == Approx(14.0));
}

TEST_CASE("M/M/1 at rho 0.8 matches Erlang C", "[kernel][verification]") {
  const QueueParameters q{0.8, 1.0, 1, 0.0};
  const auto exact = verification::solve_birth_death(q);
  const auto sim = simulate(q, 10, 40000.0, 500.0);
  check_close("P(wait)", sim.wait_probability, exact.wait_probability, 0.02);
  check_close("mean wait", sim.mean_wait, exact.mean_wait, 0.03);
  check_close("utilisation", sim.utilisation, exact.utilisation, 0.02);
}

TEST_CASE("M/M/10 in heavy load (rho 0.95) matches Erlang C", "[kernel][verification]") {
  const QueueParameters q{9.5, 1.0, 10, 0.0};
  const auto exact = verification::solve_birth_death(q);
  const auto sim = simulate(q, 12, 40000.0, 2000.0);
  check_close("P(wait)", sim.wait_probability, exact.wait_probability, 0.02);
  check_close("mean wait", sim.mean_wait, exact.mean_wait, 0.05);
  check_close("utilisation", sim.utilisation, exact.utilisation, 0.01);
}

TEST_CASE("M/M/3+M matches Erlang A", "[kernel][verification]") {
  const QueueParameters q{2.5, 1.0, 3, 0.2};
  const auto exact = verification::solve_birth_death(q);
  const auto sim = simulate(q, 10, 20000.0, 500.0);
  check_close("P(wait)", sim.wait_probability, exact.wait_probability, 0.02);
  check_close("mean wait", sim.mean_wait, exact.mean_wait, 0.03);
  check_close("abandonment share", sim.abandonment_share, exact.abandonment_share, 0.03);
}

TEST_CASE("M/M/12+M overloaded (rho 1.17) matches Erlang A", "[kernel][verification]") {
  const QueueParameters q{14.0, 1.0, 12, 0.5};
  const auto exact = verification::solve_birth_death(q);
  const auto sim = simulate(q, 10, 5000.0, 200.0);
  check_close("P(wait)", sim.wait_probability, exact.wait_probability, 0.01);
  check_close("mean wait", sim.mean_wait, exact.mean_wait, 0.02);
  check_close("abandonment share", sim.abandonment_share, exact.abandonment_share, 0.02);
  check_close("utilisation", sim.utilisation, exact.utilisation, 0.01);
}

TEST_CASE("M/M/20+M in heavy load (rho 0.975) matches Erlang A", "[kernel][verification]") {
  const QueueParameters q{19.5, 1.0, 20, 0.1};
  const auto exact = verification::solve_birth_death(q);
  const auto sim = simulate(q, 10, 10000.0, 500.0);
  check_close("P(wait)", sim.wait_probability, exact.wait_probability, 0.02);
  check_close("mean wait", sim.mean_wait, exact.mean_wait, 0.03);
  check_close("abandonment share", sim.abandonment_share, exact.abandonment_share, 0.03);
}

TEST_CASE("Little's law and conservation hold for the queue", "[kernel][verification]") {
  const QueueParameters q{2.5, 1.0, 3, 0.2};
  verification::MmcRunSettings s;
  s.warmup_days = 100.0;
  s.run_days = 20000.0;
  s.master_seed = 11;
  const auto r = verification::run_mmc(q, s);
  // On the sample path, the area under Q(t) equals the summed queue time exactly.
  CHECK(r.queue_length_integral == Approx(r.total_queue_time).epsilon(1e-9));
  // L = lambda W with the observed arrival rate and mean wait of leavers (statistically).
  const double lambda_hat = static_cast<double>(r.arrivals) / s.run_days;
  CHECK(r.mean_queue_length == Approx(lambda_hat * r.mean_wait).epsilon(0.01));
  // Conservation of clients over the whole run.
  CHECK(r.all_arrivals == r.all_departed + r.waiting_at_end + r.in_service_at_end);
}
