#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

#include "kernel/statistics.hpp"

using namespace werkstroom::kernel;

TEST_CASE("tally computes mean and sample variance and merges exactly", "[kernel]") {
  Tally t;
  for (const double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) t.add(x);
  CHECK(t.count() == 8);
  CHECK(t.mean() == Approx(5.0));
  CHECK(t.variance() == Approx(32.0 / 7.0));  // hand-computed sum of squares 32
  CHECK(t.min() == 2.0);
  CHECK(t.max() == 9.0);
  Tally a;
  Tally b;
  for (const double x : {2.0, 4.0, 4.0}) a.add(x);
  for (const double x : {4.0, 5.0, 5.0, 7.0, 9.0}) b.add(x);
  a.merge(b);
  CHECK(a.mean() == Approx(t.mean()));
  CHECK(a.variance() == Approx(t.variance()));
}

TEST_CASE("time-weighted averages integrate a step function", "[kernel]") {
  TimeWeighted q;
  q.set(Time::at_day(1.0), 2.0);  // 0 on [0,1)
  q.set(Time::at_day(3.0), 1.0);  // 2 on [1,3)
  q.add(Time::at_day(4.0), 3.0);  // 1 on [3,4), then 4
  CHECK(q.integral(Time::at_day(5.0)) == Approx(0.0 + 4.0 + 1.0 + 4.0));
  CHECK(q.mean(Time::at_day(5.0)) == Approx(9.0 / 5.0));
  q.restart(Time::at_day(5.0));
  CHECK(q.integral(Time::at_day(6.0)) == Approx(4.0));
  CHECK_THROWS_AS(q.set(Time::at_day(4.0), 0.0), std::logic_error);
}

TEST_CASE("quantiles follow Hyndman-Fan type 7", "[kernel]") {
  QuantileSample s;
  for (const double x : {15.0, 20.0, 35.0, 40.0, 50.0}) s.add(x);
  CHECK(s.quantile(0.0) == 15.0);
  CHECK(s.quantile(1.0) == 50.0);
  CHECK(s.quantile(0.5) == 35.0);
  CHECK(s.quantile(0.4) == Approx(29.0));  // R: quantile(c(15,20,35,40,50), 0.4) = 29
  CHECK(s.quantile(0.9) == Approx(46.0));  // R: 46
  CHECK(QuantileSample{}.quantile(0.9) == 0.0);
}

TEST_CASE("sorted_quantile is type 7 worked out by hand", "[kernel]") {
  // {1, 2, 3, 4}: n = 4, h = p (n - 1) = 3p, Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] -
  // x[floor h]) with x[0] = 1 (zero-based).
  const std::vector<double> x = {1.0, 2.0, 3.0, 4.0};
  CHECK(sorted_quantile(x, 0.0) == 1.0);                         // h = 0: x[0]
  CHECK(sorted_quantile(x, 0.25) == 1.75);                       // h = 0.75: 1 + 0.75 (2 - 1)
  CHECK(sorted_quantile(x, 0.5) == 2.5);                         // h = 1.5: 2 + 0.5 (3 - 2)
  CHECK(sorted_quantile(x, 0.9) == Approx(3.7));                 // h = 2.7: 3 + 0.7 (4 - 3)
  CHECK(sorted_quantile(x, 1.0) == 4.0);                         // h = 3: x[3], no neighbour above
  CHECK(sorted_quantile(std::vector<double>{5.0}, 0.3) == 5.0);  // one value: itself
  CHECK(sorted_quantile(std::vector<double>{}, 0.5) == 0.0);
  CHECK_THROWS_AS(sorted_quantile(x, -0.01), std::invalid_argument);
  CHECK_THROWS_AS(sorted_quantile(x, 1.01), std::invalid_argument);
  // The class sorts its values and gives the same.
  QuantileSample s;
  for (const double v : {4.0, 1.0, 3.0, 2.0}) s.add(v);
  for (const double p : {0.0, 0.25, 0.5, 0.9, 1.0}) CHECK(s.quantile(p) == sorted_quantile(x, p));
}

TEST_CASE("monthly accumulators grow and sum", "[kernel]") {
  MonthlyAccumulator m;
  m.add(0, 2.0);
  m.add(3, 5.0);
  m.add(3, 1.0);
  CHECK(m.at(3) == 6.0);
  CHECK(m.at(1) == 0.0);
  CHECK(m.at(99) == 0.0);
  CHECK(m.total() == 8.0);
  CHECK_THROWS(m.add(-1, 1.0));
}

TEST_CASE("replication summaries give Student-t intervals", "[kernel]") {
  // t_{0.975, 4} = 2.776445 (table value).
  CHECK(student_t_quantile(0.95, 4) == Approx(2.776445).epsilon(1e-6));
  CHECK(student_t_quantile(0.95, 1000000) == Approx(1.959966).epsilon(1e-5));
  const auto s = summarise({1.0, 2.0, 3.0, 4.0, 5.0});
  CHECK(s.mean == Approx(3.0));
  CHECK(s.sd == Approx(std::sqrt(2.5)));
  CHECK(s.half_width == Approx(2.776445 * std::sqrt(2.5) / std::sqrt(5.0)).epsilon(1e-6));
  const auto d = summarise_paired_difference({1.0, 2.0, 3.0}, {2.0, 4.0, 6.0});
  CHECK(d.mean == Approx(2.0));
  CHECK_THROWS(summarise_paired_difference({1.0}, {1.0, 2.0}));
  CHECK(summarise({7.0}).half_width == 0.0);
}
