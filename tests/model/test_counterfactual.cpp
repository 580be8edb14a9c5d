// Exact counterfactual accounting (issue 12): when the centre changes nobody's path, the world
// with the service is the world without it, bit for bit, and every effect figure is exactly 0:
// for every library scenario, with every effect neutral (instruments and the regular service
// multiply nothing, no vacancies are acquired, so nobody is placed, seconded or taken over),
// while the centre still refers, takes in, selects and spends as usual.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "model/metric_registry.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> library_scenarios() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(WERKSTROOM_SCENARIOS_DIR)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The scenario with every way the centre changes a path switched off.
model::ModelParameters neutral(model::ModelParameters p) {
  for (model::InstrumentParameters& i : p.instruments) {
    i.effect_during = 1.0;
    i.effect_after = 1.0;
  }
  p.selection.regular_service_effect = 1.0;
  p.outreach.vacancies_per_shortage_visit = 0.0;
  return p;
}

// The figures that are differences between the two worlds (placements and work-to-work moves
// of clients are counts of what happened to them, effect or not; see deadweight).
const char* const kEffectFigures[] = {"prevented_ww_inflow",  "prevented_ww_new_inflow",
                                      "prevented_ww_returns", "prevented_pw_inflow",
                                      "benefit_months_saved", "benefit_eur_saved",
                                      "extra_in_work_at_end", "placements_on_vacancies"};

}  // namespace

TEST_CASE("a centre that changes nobody's path changes no figure of the world, exactly",
          "[model][counterfactual]") {
  const std::vector<fs::path> files = library_scenarios();
  REQUIRE(files.size() > 10);
  for (const fs::path& file : files) {
    const model::ModelParameters p = neutral(scenario::load_scenario(file).parameters);
    for (const std::uint64_t replication : {0U, 1U}) {
      INFO(file.filename().string() << ", replication " << replication);
      const model::ReplicationResult r = test::run(p, 11, replication);
      if (p.service_enabled) {
        CHECK(r.clients > 0);  // the centre did work: the property is not vacuous
      }
      CHECK(r.with_service == r.without_service);
      for (const char* figure : kEffectFigures) {
        INFO(figure);
        if (r.kpis.count(figure) > 0) CHECK(r.kpis.at(figure) == 0.0);
      }
    }
  }
}

TEST_CASE("people referred at the instant they arrive keep their inflow in both worlds",
          "[model][counterfactual]") {
  // The reproducer of the counting error: WW, short-WW and PW clients are referred on the day
  // their benefit starts. With neutral effects they must count as WW/PW inflow in the world
  // with the service as in the world without it.
  const model::ModelParameters p = neutral(test::default_parameters());
  const model::ReplicationResult r = test::run(p, 20201101, 0);
  REQUIRE(test::total(r.without_service.ww_inflow) > 100.0);
  CHECK(r.with_service.ww_inflow == r.without_service.ww_inflow);
  CHECK(r.with_service.pw_inflow == r.without_service.pw_inflow);
  CHECK(r.kpis.at("prevented_ww_inflow") == 0.0);
  CHECK(r.kpis.at("prevented_pw_inflow") == 0.0);
}

namespace {

double route_sum(const model::ReplicationResult& r, const std::string& figure) {
  double total = 0.0;
  for (const auto& [key, value] : r.kpis) {
    const auto parts = model::split_route_key(key);
    if (parts && parts->figure == figure) total += value;
  }
  return total;
}

}  // namespace

TEST_CASE("the effect figures by route add up to the totals", "[model][counterfactual]") {
  for (const char* file :
       {"gooi-en-vechtstreek.toml", "scale-up-3fte.toml", "bankruptcy-wave.toml"}) {
    const model::ModelParameters p = test::load_parameters(file);
    for (const std::uint64_t replication : {0U, 1U, 2U}) {
      INFO(file << ", replication " << replication);
      const model::ReplicationResult r = test::run(p, 5, replication);
      // Counts are whole numbers: exactly. Euros and months: up to rounding.
      CHECK(route_sum(r, "prevented_ww_inflow") == r.kpis.at("prevented_ww_inflow"));
      CHECK(route_sum(r, "prevented_ww_new_inflow") == r.kpis.at("prevented_ww_new_inflow"));
      CHECK(route_sum(r, "prevented_ww_returns") == r.kpis.at("prevented_ww_returns"));
      CHECK(r.kpis.at("prevented_ww_new_inflow") + r.kpis.at("prevented_ww_returns") ==
            r.kpis.at("prevented_ww_inflow"));
      CHECK(route_sum(r, "prevented_pw_inflow") == r.kpis.at("prevented_pw_inflow"));
      // Revived benefits are part of the WW inflow, in each world.
      for (const model::WorldSeries* w : {&r.with_service, &r.without_service}) {
        for (std::size_t m = 0; m < w->ww_inflow.size(); ++m) {
          CHECK(w->ww_returns[m] <= w->ww_inflow[m]);
        }
      }
      CHECK(test::total(r.with_service.ww_returns) > 0.0);  // the property is not vacuous
      CHECK(route_sum(r, "benefit_eur_saved") ==
            Approx(r.kpis.at("benefit_eur_saved")).epsilon(1e-9).margin(1e-6));
      CHECK(route_sum(r, "benefit_months_saved") ==
            Approx(r.kpis.at("benefit_months_saved")).epsilon(1e-9).margin(1e-9));
      CHECK(route_sum(r, "benefit_eur_displaced") == Approx(r.kpis.at("benefit_eur_displaced")));
      CHECK(route_sum(r, "clients") <= static_cast<double>(r.clients));
      CHECK(r.kpis.at("route.regular_vacancy.clients") == r.kpis.at("regular_placements"));
    }
  }
}

TEST_CASE("with neutral effects no route changes anybody", "[model][counterfactual]") {
  const model::ReplicationResult r = test::run(neutral(test::default_parameters()), 3, 0);
  CHECK(route_sum(r, "clients") == 0.0);
  CHECK(route_sum(r, "benefit_eur_saved") == 0.0);
  CHECK(r.kpis.at("benefit_eur_displaced") == 0.0);
  CHECK(r.kpis.at("net_savings_eur") == -r.kpis.at("cost_eur"));
}

TEST_CASE("displacement takes the vacancy routes' savings off net savings, as stated",
          "[model][counterfactual]") {
  model::ModelParameters p = test::default_parameters();
  p.additionality.secondment_substitution_share = 0.0;
  p.additionality.vacancy_displacement_share = 0.0;
  const model::ReplicationResult none = test::run(p, 9, 0);
  CHECK(none.kpis.at("benefit_eur_displaced") == 0.0);
  CHECK(none.kpis.at("net_savings_eur") ==
        Approx(none.kpis.at("benefit_eur_saved") - none.kpis.at("cost_eur")));
  p.additionality.vacancy_displacement_share = 1.0;
  const model::ReplicationResult all = test::run(p, 9, 0);
  // The worlds are the same (additionality corrects the figures, not the paths) ...
  CHECK(all.with_service == none.with_service);
  // ... and all of the vacancy routes' savings are displaced.
  const double vacancy_routes = all.kpis.at("route.vacancy.benefit_eur_saved") +
                                all.kpis.at("route.regular_vacancy.benefit_eur_saved");
  REQUIRE(vacancy_routes > 0.0);
  CHECK(all.kpis.at("benefit_eur_displaced") == Approx(vacancy_routes));
  CHECK(all.kpis.at("net_savings_eur") == Approx(none.kpis.at("net_savings_eur") - vacancy_routes));
}

TEST_CASE("deadweight placements grow with the window and never exceed the placements",
          "[model][counterfactual]") {
  model::ModelParameters p = test::default_parameters();
  double previous = -1.0;
  for (const double months : {0.0, 3.0, 6.0, 24.0}) {
    p.additionality.deadweight_window_months = months;
    const model::ReplicationResult r = test::run(p, 13, 0);
    INFO("window " << months << " months");
    CHECK(r.kpis.at("placements_deadweight") >= previous);
    CHECK(r.kpis.at("placements_deadweight") <= r.kpis.at("placements"));
    previous = r.kpis.at("placements_deadweight");
  }
  // A 24-month window reaches past the horizon: every placement whose baseline path ever
  // reached work within it counts; with no window only those placed the day the baseline was.
  CHECK(previous > 0.0);
}

TEST_CASE("who pays and who saves adds up to the net savings", "[model][parties]") {
  // The parties' balances less the centre's staff cost are the net savings; the instruments
  // booked to the parties are all the instrument euros spent; WW savings are UWV's, PW
  // savings the municipality's, and the social partners pay no benefit.
  const auto p = test::default_parameters();
  const auto r = test::run(p);
  const auto& k = r.kpis;
  double balances = 0.0;
  double instruments = 0.0;
  double referrals = 0.0;
  for (const char* party : model::kFirstPartyNames) {
    balances += k.at(model::party_key(party, "balance_eur"));
    instruments += k.at(model::party_key(party, "instrument_eur"));
    referrals += k.at(model::party_key(party, "referrals"));
    CHECK(k.at(model::party_key(party, "balance_eur")) ==
          Approx(k.at(model::party_key(party, "benefit_eur_saved")) -
                 k.at(model::party_key(party, "benefit_eur_displaced")) -
                 k.at(model::party_key(party, "instrument_eur")))
              .margin(1e-6));
  }
  const std::size_t last = r.month_labels.size() - 1;
  const double instrument_spent =
      r.service.row(model::Indicator::budget_instruments_spent_eur)[last] +
      r.service.row(model::Indicator::budget_maatwerk_spent_eur)[last];
  CHECK(instruments == Approx(instrument_spent).margin(1e-6));
  REQUIRE(instruments > 0.0);
  const double staff = k.at("cost_eur") - instruments;
  CHECK(balances - staff == Approx(k.at("net_savings_eur")).margin(1e-3));
  CHECK(k.at("party.uwv.benefit_eur_saved") + k.at("party.municipality.benefit_eur_saved") ==
        Approx(k.at("benefit_eur_saved")).margin(1e-6));
  CHECK(k.at("party.social_partners.benefit_eur_saved") == 0.0);
  CHECK(k.at("party.uwv.benefit_eur_displaced") +
            k.at("party.municipality.benefit_eur_displaced") ==
        Approx(k.at("benefit_eur_displaced")).margin(1e-6));
  // First-party referrals are some of all referrals (outreach and inbound add the rest).
  CHECK(referrals > 0.0);
  CHECK(referrals <= k.at("referrals"));
}

TEST_CASE("a party that stops referring refers nobody, and the others refer as before",
          "[model][parties]") {
  auto p = test::default_parameters();
  const auto before = test::run(p);
  p.parties[static_cast<std::size_t>(model::FirstParty::uwv)].referral_factor = 0.0;
  const auto after = test::run(p);
  CHECK(before.kpis.at("party.uwv.referrals") > 0.0);
  CHECK(after.kpis.at("party.uwv.referrals") == 0.0);
  // Referral draws are per person and made at arrival, when nobody else has touched them:
  // the other parties refer exactly the same people.
  for (const char* other : {"social_partners", "municipality"}) {
    INFO(other);
    CHECK(after.kpis.at(model::party_key(other, "referrals")) ==
          before.kpis.at(model::party_key(other, "referrals")));
  }
}
