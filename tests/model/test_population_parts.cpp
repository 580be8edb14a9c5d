// A population is built in parts (model/population.hpp) so that a change to one cohort or one
// shock rebuilds only that part. The contract checked here: a part depends on exactly the
// parameters same_part names, and a population joined from parts built for other parameters
// (where same_part holds) gives the same replication, bit for bit, as one built from scratch.

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <stdexcept>

#include "model/population_parts.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;
using model::PartId;
using model::PartKind;

namespace {
constexpr auto kWwInflow = static_cast<std::uint32_t>(model::Cohort::ww_inflow);
constexpr auto kThreatened = static_cast<std::uint32_t>(model::Cohort::threatened);

void require_same_result(const model::ReplicationResult& a, const model::ReplicationResult& b) {
  REQUIRE(model::same_figures(a.kpis, b.kpis));
  REQUIRE(a.events == b.events);
  REQUIRE(a.people == b.people);
  REQUIRE(a.clients == b.clients);
  REQUIRE(a.with_service == b.with_service);
  REQUIRE(a.without_service == b.without_service);
  REQUIRE(a.service == b.service);
  REQUIRE(a.arrived_by_month_end == b.arrived_by_month_end);
}

// A part source that takes parts from `donor` parameters where same_part allows it, and
// counts what it reused and built.
struct DonorSource {
  std::shared_ptr<const model::ModelParameters> donor;
  int reused = 0;
  int built = 0;
  std::shared_ptr<const model::PopulationPart> operator()(
      const std::shared_ptr<const model::ModelParameters>& p, const model::ReplicationSettings& s,
      PartId id) {
    if (model::same_part(*donor, *p, id)) {
      ++reused;
      return model::build_population_part(donor, s, id);
    }
    ++built;
    return model::build_population_part(p, s, id);
  }
};
}  // namespace

TEST_CASE("the parts of a population: one per enabled cohort then one per shock", "[model]") {
  auto p = test::load_parameters("bankruptcy-wave.toml");
  p.shocks.now_end_enabled = true;
  const auto parts = model::population_parts(p);
  REQUIRE(parts.size() == model::kCohortCount + p.shocks.bankruptcies.size() + 1);
  CHECK(parts.front() == (PartId{PartKind::cohort, 0}));
  CHECK(parts[model::kCohortCount] == (PartId{PartKind::bankruptcy, 0}));
  CHECK(parts.back() == (PartId{PartKind::now_end, 0}));
  p.cohorts[3].enabled = false;
  CHECK(model::population_parts(p).size() == parts.size() - 1);
}

TEST_CASE("a part depends on its own parameters and the shared ones only", "[model]") {
  const auto a = test::load_parameters("bankruptcy-wave.toml");
  REQUIRE(a.shocks.bankruptcies.size() >= 2);
  const PartId ww{PartKind::cohort, kWwInflow};
  const PartId threatened{PartKind::cohort, kThreatened};
  const PartId first_bankruptcy{PartKind::bankruptcy, 0};
  for (const PartId id : model::population_parts(a)) CHECK(model::same_part(a, a, id));

  auto more_ww = a;
  more_ww.cohorts[kWwInflow].inflow_per_month.front() *= 1.2;
  CHECK_FALSE(model::same_part(a, more_ww, ww));
  CHECK(model::same_part(a, more_ww, threatened));
  CHECK(model::same_part(a, more_ww, first_bankruptcy));

  // Bankrupt firms' staff are threatened workers: they follow that cohort's parameters.
  auto older_threatened = a;
  older_threatened.cohorts[kThreatened].attributes.age_mean_years += 5.0;
  CHECK_FALSE(model::same_part(a, older_threatened, threatened));
  CHECK_FALSE(model::same_part(a, older_threatened, first_bankruptcy));
  CHECK(model::same_part(a, older_threatened, ww));

  auto bigger_bankruptcy = a;
  bigger_bankruptcy.shocks.bankruptcies[1].staff += 10;
  CHECK(model::same_part(a, bigger_bankruptcy, first_bankruptcy));
  CHECK_FALSE(model::same_part(a, bigger_bankruptcy, PartId{PartKind::bankruptcy, 1}));
  auto fewer_bankruptcies = a;
  fewer_bankruptcies.shocks.bankruptcies.pop_back();
  const PartId last{PartKind::bankruptcy,
                    static_cast<std::uint32_t>(a.shocks.bankruptcies.size() - 1)};
  CHECK_FALSE(model::same_part(a, fewer_bankruptcies, last));

  // Shared: the life course's hazards change every part; the centre's settings none.
  auto faster = a;
  faster.hazards.ww_find_work.rate_per_month *= 1.1;
  auto more_staff = a;
  more_staff.staff.advisors += 2;
  for (const PartId id : model::population_parts(a)) {
    CHECK_FALSE(model::same_part(a, faster, id));
    CHECK(model::same_part(a, more_staff, id));
  }
}

TEST_CASE("a population joined from reused parts is the population built from scratch", "[model]") {
  const auto base = test::load_parameters("bankruptcy-wave.toml");
  const model::ReplicationSettings settings{7, 3};
  SECTION("one cohort's inflow changed") {
    auto changed = base;
    changed.cohorts[kWwInflow].inflow_per_month.front() *= 1.3;
    DonorSource source{std::make_shared<const model::ModelParameters>(base)};
    const auto joined = model::build_population(changed, settings, std::ref(source));
    CHECK(source.built == 1);
    CHECK(source.reused == static_cast<int>(model::population_parts(changed).size()) - 1);
    require_same_result(model::run_replication(changed, settings, joined.get()),
                        model::run_replication(changed, settings));
  }
  SECTION("a bankruptcy more") {
    auto changed = base;
    changed.shocks.bankruptcies.push_back(base.shocks.bankruptcies.front());
    changed.shocks.bankruptcies.back().staff = 75;
    DonorSource source{std::make_shared<const model::ModelParameters>(base)};
    const auto joined = model::build_population(changed, settings, std::ref(source));
    CHECK(source.built == 1);
    require_same_result(model::run_replication(changed, settings, joined.get()),
                        model::run_replication(changed, settings));
  }
}

TEST_CASE("a part of another population is refused", "[model]") {
  const auto p = test::default_parameters();
  auto other = p;
  other.cohorts[kWwInflow].initial_stock += 100.0;
  const auto other_shared = std::make_shared<const model::ModelParameters>(other);
  const model::PartSource wrong_parameters = [&](const auto&, const auto& s, PartId id) {
    return model::build_population_part(other_shared, s, id);
  };
  CHECK_THROWS_AS(model::build_population(p, {7, 0}, wrong_parameters), std::logic_error);
  const model::PartSource wrong_replication = [](const auto& q, const auto&, PartId id) {
    return model::build_population_part(q, model::ReplicationSettings{7, 99}, id);
  };
  CHECK_THROWS_AS(model::build_population(p, {7, 0}, wrong_replication), std::logic_error);
}

namespace {
// Whether two parts hold the same people with the same draws, paths, referrals and accounts.
bool same_content(const model::PopulationPart& a, const model::PopulationPart& b) {
  if (a.kept->size() != b.kept->size() || a.people != b.people || a.referrals != b.referrals ||
      a.arrivals_delta != b.arrivals_delta || !(a.baseline.finish() == b.baseline.finish())) {
    return false;
  }
  for (std::size_t i = 0; i < a.kept->size(); ++i) {
    const model::KeptPerson& x = (*a.kept)[i];
    const model::KeptPerson& y = (*b.kept)[i];
    if (!(x.person == y.person) || !std::ranges::equal(x.path, y.path)) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("the centre's settings change no part and a part's own parameters change it", "[model]") {
  auto base = test::load_parameters("bankruptcy-wave.toml");
  base.shocks.now_end_enabled = true;
  base.shocks.now_end_extra_threatened = 50.0;
  const model::ReplicationSettings settings{7, 1};
  const auto base_shared = std::make_shared<const model::ModelParameters>(base);
  const auto parts = model::population_parts(base);
  const auto build = [&](const model::ModelParameters& p, PartId id) {
    return model::build_population_part(std::make_shared<const model::ModelParameters>(p), settings,
                                        id);
  };
  std::vector<std::shared_ptr<const model::PopulationPart>> reference;
  for (const PartId id : parts) {
    reference.push_back(model::build_population_part(base_shared, settings, id));
  }

  // Everything same_part leaves out: the centre, its budget and instruments, the employers.
  auto centre = base;
  centre.region = "elsewhere";
  centre.staff.advisors += 3;
  centre.budget.centre_budget_eur *= 2.0;
  centre.budget.instrument_budget_eur *= 0.5;
  centre.selection.threshold += 1.0;
  centre.outreach.calls_per_week *= 2.0;
  centre.scaling.enabled = !centre.scaling.enabled;
  centre.employers.employers += 100;
  centre.secondment.takeover_after_secondment_share = 0.9;
  for (auto& instrument : centre.instruments) instrument.cost_eur += 100.0;
  centre.shocks.campaign_enabled = !centre.shocks.campaign_enabled;
  // The threatened cohort's inflow and stock are not the shocks' people's business.
  centre.cohorts[kThreatened].inflow_per_month.front() *= 1.5;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const PartId id = parts[i];
    const bool threatened_cohort = id.kind == PartKind::cohort && id.index == kThreatened;
    CHECK(model::same_part(base, centre, id) == !threatened_cohort);
    CHECK(same_content(*reference[i], *build(centre, id)) == !threatened_cohort);
  }

  // And a part's own parameters do change it (so the comparison above can fail).
  auto own = base;
  own.cohorts[kWwInflow].attributes.low_education_share += 0.2;
  own.shocks.bankruptcies[0].staff += 5;
  own.shocks.now_end_extra_threatened += 5.0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const PartId id = parts[i];
    const bool changed = (id.kind == PartKind::cohort && id.index == kWwInflow) ||
                         (id.kind == PartKind::bankruptcy && id.index == 0) ||
                         id.kind == PartKind::now_end;
    CHECK(model::same_part(base, own, id) == !changed);
    CHECK(same_content(*reference[i], *build(own, id)) == !changed);
  }
}
