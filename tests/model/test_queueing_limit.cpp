// The model reduced to textbook queues (model.md "Textbook limits"), through the model's own
// code path: scenarios/verification/mmc*.toml against the exact birth-death chain.

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "kernel/statistics.hpp"
#include "model_test_support.hpp"
#include "verification/birth_death.hpp"

using namespace werkstroom;

namespace {

struct Estimate {
  double mean = 0.0;
  double se = 0.0;
};

Estimate estimate(const model::ModelParameters& p, const char* kpi, int reps) {
  std::vector<double> values;
  for (int r = 0; r < reps; ++r) {
    values.push_back(test::run(p, 99, static_cast<std::uint64_t>(r)).kpis.at(kpi));
  }
  const auto s = kernel::summarise(values);
  return {s.mean, s.sd / std::sqrt(static_cast<double>(reps))};
}

void check_close(const char* what, const Estimate& e, double exact, double max_relative_se) {
  INFO(what << ": simulated " << e.mean << " +- " << e.se << " (SE), exact " << exact);
  CHECK(std::abs(e.mean - exact) <= 4.0 * e.se + 1e-12);
  CHECK(e.se <= max_relative_se * exact);
}

}  // namespace

TEST_CASE("the reduced model is M/M/3+M and matches Erlang A", "[model][verification]") {
  const auto p = test::load_parameters("verification/mmc-plus-m.toml");
  // From the scenario: lambda = 76.09375 per mean month = 2.5/day, 24-hour intakes, 3
  // advisors round the clock, mean patience 5 days.
  const double lambda = p.cohorts[2].inflow_per_month[0] / model::kDaysPerMonth;
  REQUIRE(lambda == Approx(2.5));
  const verification::QueueParameters q{lambda, 24.0 / p.time_norms.intake_hours, p.staff.advisors,
                                        1.0 / p.staff.intake_patience_mean_days};
  const auto exact = verification::solve_birth_death(q);
  constexpr int kReps = 10;
  check_close("P(wait)", estimate(p, "intake_wait_probability", kReps), exact.wait_probability,
              0.02);
  check_close("mean wait", estimate(p, "intake_wait_mean_days", kReps), exact.mean_wait, 0.05);
  check_close("abandonment share", estimate(p, "intake_abandonment_share", kReps),
              exact.abandonment_share, 0.04);
}

TEST_CASE("the reduced model without patience is M/M/3 and matches Erlang C",
          "[model][verification]") {
  const auto p = test::load_parameters("verification/mmc.toml");
  const double lambda = p.cohorts[2].inflow_per_month[0] / model::kDaysPerMonth;
  const verification::QueueParameters q{lambda, 24.0 / p.time_norms.intake_hours, p.staff.advisors,
                                        0.0};
  const auto exact = verification::solve_birth_death(q);
  constexpr int kReps = 10;
  check_close("P(wait)", estimate(p, "intake_wait_probability", kReps), exact.wait_probability,
              0.02);
  check_close("mean wait", estimate(p, "intake_wait_mean_days", kReps), exact.mean_wait, 0.08);
}
