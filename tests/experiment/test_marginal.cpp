// What each option buys against the baseline (experiment/marginal.hpp): differences, shares and
// the cost per extra placement by hand, Fieller's interval against its defining equation, and
// an option equal to the baseline buying exactly nothing.

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "experiment/marginal.hpp"
#include "kernel/random.hpp"
#include "kernel/statistics.hpp"

using namespace werkstroom;

namespace {

experiment::ScenarioResults hand(const std::string& name, const std::vector<double>& cost,
                                 const std::vector<double>& placements,
                                 const std::vector<double>& net) {
  experiment::ScenarioResults r;
  r.name = name;
  for (std::size_t i = 0; i < cost.size(); ++i) {
    model::ReplicationResult rep;
    for (const std::string& kpi : experiment::marginal_figures()) rep.kpis[kpi] = 0.0;
    rep.kpis["cost_eur"] = cost[i];
    rep.kpis["placements"] = placements[i];
    rep.kpis["net_savings_eur"] = net[i];
    rep.kpis["extra_in_work_at_end"] = placements[i] / 2.0;
    r.replications.push_back(rep);
  }
  return r;
}

}  // namespace

TEST_CASE("Fieller's interval: constant extra placements give the t interval of the cost over it",
          "[kernel][marginal]") {
  // x = 10, 20, 30 over y = 2: ratio 10; the t interval of mean(x) is 20 +- t(2) sqrt(100 / 3),
  // divided by 2.
  const kernel::RatioInterval r = kernel::fieller_ratio({10.0, 20.0, 30.0}, {2.0, 2.0, 2.0});
  const double t = kernel::student_t_quantile(0.95, 2);
  REQUIRE(r.bounded);
  CHECK(r.ratio == Approx(10.0));
  CHECK(r.lower == Approx(10.0 - t * std::sqrt(100.0 / 3.0) / 2.0));
  CHECK(r.upper == Approx(10.0 + t * std::sqrt(100.0 / 3.0) / 2.0));
  // Extra placements not distinguishable from 0: no finite interval.
  CHECK_FALSE(kernel::fieller_ratio({10.0, 20.0, 30.0}, {-1.0, 0.5, 1.0}).bounded);
}

TEST_CASE("Fieller's interval ends solve its defining equation", "[kernel][marginal]") {
  kernel::RandomStream rng(kernel::StreamKey{3, 0, 0});
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> x;
    std::vector<double> y;
    for (int i = 0; i < 30; ++i) {
      const double common = rng.normal(0.0, 1.0);
      y.push_back(30.0 + 8.0 * common + 5.0 * rng.normal(0.0, 1.0));
      x.push_back(100000.0 + 2000.0 * common + 3000.0 * rng.normal(0.0, 1.0));
    }
    const kernel::RatioInterval r = kernel::fieller_ratio(x, y);
    REQUIRE(r.bounded);
    const auto n = static_cast<double>(x.size());
    const kernel::ReplicationSummary sx = kernel::summarise(x);
    const kernel::ReplicationSummary sy = kernel::summarise(y);
    double sxy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) sxy += (x[i] - sx.mean) * (y[i] - sy.mean);
    const double v11 = sx.sd * sx.sd / n;
    const double v22 = sy.sd * sy.sd / n;
    const double v12 = sxy / (n - 1.0) / n;
    const double t = kernel::student_t_quantile(0.95, x.size() - 1);
    for (const double end : {r.lower, r.upper}) {
      const double lhs = std::pow(sx.mean - end * sy.mean, 2.0);
      const double rhs = t * t * (v11 - 2.0 * end * v12 + end * end * v22);
      CHECK(lhs == Approx(rhs).epsilon(1e-9));
    }
    CHECK(r.lower < r.ratio);
    CHECK(r.ratio < r.upper);
  }
}

TEST_CASE("the marginal table by hand", "[experiment][marginal]") {
  const auto base =
      hand("base", {100.0, 100.0, 100.0, 100.0}, {10, 12, 11, 13}, {-50, -40, -60, -30});
  const auto more =
      hand("more", {150.0, 160.0, 150.0, 140.0}, {14, 15, 16, 15}, {-60, -30, -70, -10});
  const auto options = experiment::marginal_options({base, more});
  REQUIRE(options.size() == 1);
  const experiment::MarginalOption& o = options.front();
  CHECK(o.name == "more");
  CHECK(o.baseline == "base");
  const auto row = [&](const std::string& kpi) {
    for (const auto& d : o.differences) {
      if (d.kpi == kpi) return d;
    }
    FAIL("no row " << kpi);
    return experiment::MarginalDifference{};
  };
  // Extra cost 50, 60, 50, 40: mean 50; more cost is worse, so never better.
  CHECK(row("cost_eur").summary.mean == Approx(50.0));
  CHECK(row("cost_eur").share_better == 0.0);
  // Extra placements 4, 3, 5, 2: mean 3.5, better in all four.
  CHECK(row("placements").summary.mean == Approx(3.5));
  CHECK(row("placements").share_better == 1.0);
  // Net savings differences -10, +10, -10, +20: better in 2 of 4, mean +2.5.
  CHECK(row("net_savings_eur").summary.mean == Approx(2.5));
  CHECK(o.probability_saves_money == 0.5);
  // Cost per extra placement: 50 / 3.5; per extra person in work (half the placements): 50/1.75.
  CHECK(o.cost_per_extra_placement.ratio == Approx(50.0 / 3.5));
  CHECK(o.cost_per_extra_in_work.ratio == Approx(50.0 / 1.75));
  const std::string table = experiment::marginal_table(options, experiment::Language::en);
  CHECK(table.find("probability that 'more' saves money against 'base': 50%") != std::string::npos);
  const std::string nl = experiment::marginal_table(options, experiment::Language::nl);
  CHECK(nl.find("kans dat 'more' geld bespaart tegenover 'base': 50%") != std::string::npos);
  const std::string csv = experiment::marginal_csv(options);
  CHECK(csv.find("more,base,probability_saves_money,0.5,,,,") != std::string::npos);
}

TEST_CASE("an option equal to the baseline buys exactly nothing", "[experiment][marginal]") {
  const auto base = hand("base", {100.0, 120.0, 90.0}, {10, 12, 11}, {-50, -40, -60});
  auto same = base;
  same.name = "same";
  const auto options = experiment::marginal_options({base, same});
  REQUIRE(options.size() == 1);
  for (const auto& d : options.front().differences) {
    INFO(d.kpi);
    CHECK(d.summary.mean == 0.0);
    CHECK(d.summary.lower() == 0.0);
    CHECK(d.summary.upper() == 0.0);
    CHECK(d.share_better == 0.0);
  }
  CHECK(options.front().probability_saves_money == 0.0);
  CHECK_FALSE(options.front().cost_per_extra_placement.bounded);
}
