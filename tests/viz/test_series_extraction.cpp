// Monthly bands and key-figure rows against hand-computed means, quantiles and differences.

#include <catch2/catch.hpp>

#include <limits>

#include "core/series_extraction.hpp"
#include "model/metric_registry.hpp"

using namespace werkstroom;

using werkstroom::viz::Band;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A replication of `months` months whose waiting list is `waiting` and key figures `kpis`.
model::ReplicationResult replication(const std::vector<double>& waiting,
                                     std::map<std::string, double> kpis) {
  model::ReplicationResult r;
  r.service = model::IndicatorTable(waiting.size());
  for (std::size_t m = 0; m < waiting.size(); ++m) {
    r.service.set(model::Indicator::waiting_list_end, m, waiting[m]);
    r.service.set(model::Indicator::placements_clients, m, 1.0);
  }
  for (auto& running : r.with_service.running) running.assign(waiting.size(), 0.0);
  r.with_service.running[2] = waiting;  // ww
  r.kpis = std::move(kpis);
  for (std::size_t m = 0; m < waiting.size(); ++m) {
    r.month_labels.push_back("2021-0" + std::to_string(m + 1));
  }
  return r;
}

}  // namespace

TEST_CASE("monthly bands are the mean and type-7 quantiles per month", "[viz]") {
  experiment::ScenarioResults s;
  s.name = "a";
  // Month 0 values 1..5, month 1 values 10, 20, 30, 40, 50.
  for (int i = 1; i <= 5; ++i) {
    s.replications.push_back(replication({double(i), 10.0 * i}, {{"placements", double(i)}}));
  }
  const Band b = viz::monthly_band(s, "waiting_list_end");
  REQUIRE(b.months() == 2);
  CHECK(b.mean[0] == Approx(3.0));
  CHECK(b.mean[1] == Approx(30.0));
  // Type 7: h = (n - 1) p = 0.2 and 3.8.
  CHECK(b.low[0] == Approx(1.2));
  CHECK(b.high[0] == Approx(4.8));
  CHECK(b.low[1] == Approx(12.0));
  CHECK(b.high[1] == Approx(48.0));

  const Band cumulative = viz::monthly_band(s, "placements_clients", true);
  CHECK(cumulative.mean == std::vector<double>{1.0, 2.0});

  const Band world = viz::monthly_band(s, "with_service.running_ww");
  CHECK(world.mean[1] == Approx(30.0));

  const Band summed = viz::summed_band(s, {"waiting_list_end", "placements_clients"});
  CHECK(summed.mean[0] == Approx(4.0));
  CHECK(summed.high[1] == Approx(49.0));

  CHECK_THROWS_AS(viz::monthly_band(s, "no_such_series"), std::invalid_argument);
  CHECK(viz::monthly_band(experiment::ScenarioResults{}, "waiting_list_end").months() == 0);
}

TEST_CASE("every series name can be read", "[viz]") {
  const model::ReplicationResult r = [] {
    model::ReplicationResult x;
    x.service = model::IndicatorTable(3);
    for (auto* w : {&x.with_service, &x.without_service}) {
      for (auto& running : w->running) running.assign(3, 0.0);
      for (const model::WorldFlow& flow : model::kWorldFlows) (w->*flow.member).assign(3, 0.0);
    }
    x.arrived_by_month_end.assign(3, 0.0);
    return x;
  }();
  const std::vector<std::string> names = viz::series_names();
  // Per world: 9 running counts and 11 flows (the last, ww_returns, a part of ww_inflow).
  CHECK(names.size() == model::kIndicatorCount + 2 * 20 + 1);
  for (const std::string& n : names) {
    INFO(n);
    CHECK(viz::monthly_series(r, n).size() == 3);
  }
}

TEST_CASE("key-figure rows hold summaries and paired differences", "[viz]") {
  std::vector<experiment::ScenarioResults> results(2);
  results[0].name = "base";
  results[1].name = "more";
  const std::vector<double> a = {10, 12, 14};
  const std::vector<double> b = {13, 14, 18};
  for (std::size_t i = 0; i < 3; ++i) {
    results[0].replications.push_back(
        replication({0.0}, {{"placements", a[i]},
                            {"instrument_budget_exhausted_month", kNaN},
                            {"instrument_budget_exhausted", 0.0}}));
    results[1].replications.push_back(
        replication({0.0}, {{"placements", b[i]},
                            {"instrument_budget_exhausted_month", i < 2 ? double(8 + i) : kNaN},
                            {"instrument_budget_exhausted", i < 2 ? 1.0 : 0.0}}));
  }
  const std::vector<viz::KpiRow> rows =
      viz::kpi_rows(results, {"placements", "instrument_budget_exhausted_month", "missing"});
  REQUIRE(rows.size() == 3);
  const viz::KpiRow& p = rows[0];
  REQUIRE(p.per_scenario[0].has_value());
  CHECK(p.per_scenario[0]->mean == Approx(12.0));
  // Type-7 quantiles of {10, 12, 14}: h = p (n - 1); 5%: 10 + 0.1 x 2, 95%: 12 + 0.9 x 2.
  CHECK(p.per_scenario[0]->low == Approx(10.2));
  CHECK(p.per_scenario[0]->high == Approx(13.8));
  CHECK(p.per_scenario[1]->mean == Approx(15.0));
  CHECK_FALSE(p.versus_first[0].has_value());
  REQUIRE(p.versus_first[1].has_value());
  // Differences 3, 2, 4 (sorted 2, 3, 4): mean 3, band [2.1, 3.9], all above zero.
  CHECK(p.versus_first[1]->mean == Approx(3.0));
  CHECK(p.versus_first[1]->low == Approx(2.1));
  CHECK(p.versus_first[1]->high == Approx(3.9));
  CHECK(p.versus_first[1]->share_positive == 1.0);
  // The month the budget ran out exists where it ran out: never in the base, in 2 of 3 of the
  // other, median month 8.5; no paired difference (different replications have it).
  CHECK(rows[1].per_scenario[0]->present == 0);
  CHECK(rows[1].per_scenario[1]->present == 2);
  CHECK(rows[1].per_scenario[1]->median == Approx(8.5));
  CHECK_FALSE(rows[1].versus_first[1].has_value());
  CHECK_FALSE(rows[2].per_scenario[0].has_value());
  CHECK_FALSE(rows[2].versus_first[1].has_value());
  CHECK(viz::table_kpis().front() == "placements");
  // The table shows registered figures only: their labels, units and directions are the
  // registry's.
  for (const std::string& kpi : viz::table_kpis()) {
    INFO("kpi " << kpi);
    const model::MetricInfo* m = model::find_metric(kpi);
    REQUIRE(m != nullptr);
    CHECK(m->kind == model::MetricKind::key_figure);
  }
}
