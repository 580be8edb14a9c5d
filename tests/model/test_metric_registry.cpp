// The metric registry against a real run: every figure compute_kpis produces has exactly one
// entry, complete in both languages, and every entry is produced; route keys compose and split.

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <string_view>

#include "model/effect_routes.hpp"
#include "model/metric_registry.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;

namespace {

const model::ReplicationResult& default_run() {
  static const model::ReplicationResult r = test::run(test::default_parameters(), 20201101, 0);
  return r;
}

// Figures whose label is the same word in both languages.
const std::set<std::string_view> kSameInDutch = {"intakes"};

}  // namespace

TEST_CASE("every figure of a default run has exactly one complete registry entry",
          "[model][registry]") {
  const auto& kpis = default_run().kpis;
  REQUIRE(kpis.size() > model::key_figures().size());
  for (const auto& [key, value] : kpis) {
    INFO("kpi " << key);
    const model::MetricInfo* m = model::find_metric(key);
    REQUIRE(m != nullptr);
    CHECK(model::split_route_key(key).has_value() == (m->kind == model::MetricKind::route_figure));
    CHECK(model::split_party_key(key).has_value() == (m->kind == model::MetricKind::party_figure));
    CHECK_FALSE(m->unit.empty());
    CHECK_FALSE(m->description.empty());
    CHECK_FALSE(m->label_en.empty());
    CHECK_FALSE(m->label_nl.empty());
    CHECK(model::describe_metric(key).has_value());
  }
  // Exactly one: names are unique among the figures looked up by name, among the route
  // figures and among the party figures, and no figure looked up by name could be taken for a
  // route or party key.
  std::set<std::string_view> by_name;
  std::set<std::string_view> by_figure;
  std::set<std::string_view> by_party_figure;
  for (const model::MetricInfo& m : model::metric_registry()) {
    INFO("entry " << m.name);
    if (m.kind == model::MetricKind::route_figure) {
      CHECK(by_figure.insert(m.name).second);
      CHECK(m.name.find('.') == std::string_view::npos);
      CHECK(m.description.find("<route>") != std::string_view::npos);
    } else if (m.kind == model::MetricKind::party_figure) {
      CHECK(by_party_figure.insert(m.name).second);
      CHECK(m.name.find('.') == std::string_view::npos);
      CHECK(m.description.find("<party>") != std::string_view::npos);
    } else {
      CHECK(by_name.insert(m.name).second);
      CHECK_FALSE(model::split_route_key(m.name).has_value());
      CHECK_FALSE(model::split_party_key(m.name).has_value());
    }
  }
  CHECK(by_name.size() + by_figure.size() + by_party_figure.size() ==
        model::metric_registry().size());
  CHECK(model::find_metric("party.uwv.no_such_figure") == nullptr);
  CHECK(model::find_metric("no_such_figure") == nullptr);
  CHECK(model::find_metric("route.vacancy.no_such_figure") == nullptr);
}

TEST_CASE("no registry entry is unused by a default run", "[model][registry]") {
  const auto& kpis = default_run().kpis;
  for (const auto group : {model::key_figures(), model::diagnostic_figures()}) {
    for (const model::MetricInfo& m : group) {
      INFO("entry " << m.name);
      CHECK(kpis.count(std::string(m.name)) == 1);
    }
  }
  // Every route figure for every route of the scenario, and no other route.
  const model::ModelParameters p = test::default_parameters();
  std::set<std::string> routes;
  for (std::size_t r = 0; r < model::route_count(p); ++r) {
    routes.insert(model::route_name(p, r));
    for (const model::MetricInfo& m : model::route_figures()) {
      INFO("route " << model::route_name(p, r) << ", figure " << m.name);
      CHECK(kpis.count(model::route_key(model::route_name(p, r), m.name)) == 1);
    }
  }
  CHECK(routes.count("instrument.coaching") == 1);  // a route name with a dot
  std::size_t route_keys = 0;
  for (const auto& entry : kpis) {
    if (const auto parts = model::split_route_key(entry.first)) {
      ++route_keys;
      CHECK(routes.count(std::string(parts->route)) == 1);
    }
  }
  CHECK(route_keys == routes.size() * model::route_figures().size());
  // Every party figure for every first responsible party.
  std::size_t party_keys = 0;
  for (const char* party : model::kFirstPartyNames) {
    for (const model::MetricInfo& m : model::party_figures()) {
      INFO("party " << party << ", figure " << m.name);
      CHECK(kpis.count(model::party_key(party, m.name)) == 1);
      ++party_keys;
    }
  }
  CHECK(kpis.size() ==
        model::key_figures().size() + model::diagnostic_figures().size() + route_keys + party_keys);
}

TEST_CASE("registry labels: Dutch apart from English, the report's only for key figures",
          "[model][registry]") {
  for (const model::MetricInfo& m : model::metric_registry()) {
    INFO("entry " << m.name);
    if (kSameInDutch.count(m.name) == 0) CHECK(m.label_nl != m.label_en);
    CHECK(m.report_label_nl.empty() == (m.kind != model::MetricKind::key_figure));
    if (!m.report_label_nl.empty() && kSameInDutch.count(m.name) == 0) {
      CHECK(m.report_label_nl != m.name);
    }
    CHECK((m.better == -1 || m.better == 0 || m.better == 1));
  }
  for (const std::string_view same : kSameInDutch) {
    const model::MetricInfo* m = model::find_metric(same);
    REQUIRE(m != nullptr);
    CHECK(m->label_nl == m->label_en);
  }
  CHECK(model::find_metric("cost_eur")->better == -1);
  CHECK(model::find_metric("net_savings_eur")->better == 1);
  CHECK(model::find_metric("placements_deadweight")->better == 0);
}

TEST_CASE("route figures agree with the key figures they add up to", "[model][registry]") {
  for (const model::MetricInfo& r : model::route_figures()) {
    INFO("figure " << r.name);
    const model::MetricInfo* total = model::find_metric(r.name);
    if (total == nullptr) continue;  // "clients" has no total of that name
    CHECK(total->kind == model::MetricKind::key_figure);
    CHECK(total->unit == r.unit);
    CHECK(total->better == r.better);
    // The route's description is the total's, narrowed to the route's clients.
    CHECK(r.description == std::string(total->description) +
                               ", of the clients whose path the route <route> changed first");
  }
}

TEST_CASE("party keys compose, split and describe", "[model][registry]") {
  CHECK(model::party_key("uwv", "balance_eur") == "party.uwv.balance_eur");
  const auto parts = model::split_party_key("party.social_partners.instrument_eur");
  REQUIRE(parts.has_value());
  CHECK(parts->party == "social_partners");
  CHECK(parts->figure == "instrument_eur");
  for (const char* not_a_party_key : {"placements", "party.", "party.uwv", "party..referrals",
                                      "party.uwv.", "party.a.b.c", "parties.uwv.referrals"}) {
    INFO(not_a_party_key);
    CHECK_FALSE(model::split_party_key(not_a_party_key).has_value());
  }
  CHECK(model::describe_metric("party.municipality.referrals") ==
        "people the first responsible party municipality referred to the centre at their "
        "arrival");
}

TEST_CASE("route keys compose and split at the last dot", "[model][registry]") {
  CHECK(model::route_key("vacancy", "clients") == "route.vacancy.clients");
  CHECK(model::route_key("instrument.coaching", "benefit_eur_saved") ==
        "route.instrument.coaching.benefit_eur_saved");
  const auto parts = model::split_route_key("route.instrument.coaching.benefit_eur_saved");
  REQUIRE(parts.has_value());
  CHECK(parts->route == "instrument.coaching");
  CHECK(parts->figure == "benefit_eur_saved");
  for (const char* not_a_route_key : {"placements", "route.", "route.vacancy", "route..clients",
                                      "route.vacancy.", "routes.a.b"}) {
    INFO(not_a_route_key);
    CHECK_FALSE(model::split_route_key(not_a_route_key).has_value());
  }
  CHECK(model::describe_metric("route.instrument.coaching.clients") ==
        "clients whose path the route instrument.coaching changed first");
  CHECK(model::describe_metric("placements") == "clients of the centre into work");
  CHECK_FALSE(model::describe_metric("no_such_figure").has_value());
}
