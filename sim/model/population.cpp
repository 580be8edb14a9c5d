#include "model/population.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "kernel/spread_sort.hpp"
#include "model/economy.hpp"

namespace werkstroom::model {

namespace {
// `base` with the purpose `name`: the key of a family of per-person streams.
kernel::StreamKey purpose_key(kernel::StreamKey base, std::string_view name) {
  base.purpose = kernel::hash_name(name);
  return base;
}
}  // namespace

std::uint64_t make_person_id(Cohort cohort, Origin origin, std::uint32_t group,
                             std::uint32_t index) {
  return (static_cast<std::uint64_t>(cohort) << 56U) | (static_cast<std::uint64_t>(origin) << 48U) |
         (static_cast<std::uint64_t>(group & 0xffffU) << 32U) | index;
}

State to_state(StartState s) {
  switch (s) {
    case StartState::threatened:
      return State::threatened;
    case StartState::ww:
      return State::ww;
    case StartState::pw:
      return State::pw;
    case StartState::nug:
      return State::nug;
    case StartState::tozo:
      return State::tozo;
  }
  return State::ww;
}

PopulationGenerator::PopulationGenerator(const ModelParameters& p, const kernel::Calendar& calendar,
                                         std::vector<double> month_starts,
                                         kernel::StreamKey base_key)
    : p_(p),
      calendar_(calendar),
      month_starts_(std::move(month_starts)),
      base_key_(base_key),
      horizon_end_day_(month_starts_.back()),
      attribute_streams_(purpose_key(base_key, "person/attributes")),
      elapsed_streams_(purpose_key(base_key, "person/elapsed")) {
  std::vector<double> employment_shares;
  for (const SectorParameters& s : p.sectors) employment_shares.push_back(s.employment_share);
  for (std::size_t c = 0; c < kCohortCount; ++c) {
    const AttributeParameters& a = p.cohorts[c].attributes;
    const std::vector<double>& weights =
        a.sector_weights.empty() ? employment_shares : a.sector_weights;
    sector_weights_[c] = kernel::DiscreteWeights(weights.data(), weights.size());
    wage_shapes_[c] =
        kernel::LognormalShape::from_mean_sd(a.last_wage_mean_eur, a.last_wage_sd_eur);
  }
}

Attributes PopulationGenerator::draw_attributes(std::uint64_t id, Cohort cohort,
                                                int forced_sector) const {
  const CohortParameters& c = p_.cohorts[static_cast<std::size_t>(cohort)];
  const AttributeParameters& a = c.attributes;
  kernel::RandomStream rng = attribute_streams_.stream(id);

  Attributes out;
  if (forced_sector >= 0) {
    out.sector = static_cast<std::uint8_t>(forced_sector);
    (void)rng.uniform01();  // keep the draw sequence aligned with unforced persons
  } else {
    // The cohort's own sector weights, or the sectors' employment shares when it has none.
    out.sector =
        static_cast<std::uint8_t>(sector_weights_[static_cast<std::size_t>(cohort)].draw(rng));
  }
  out.low_education = rng.bernoulli(a.low_education_share);
  out.flex_contract = rng.bernoulli(a.flex_contract_share);
  out.language_below_b2 = rng.bernoulli(a.language_below_b2_share);
  out.high_need = rng.bernoulli(a.high_need_share);
  out.banenafspraak = cohort == Cohort::banenafspraak;
  const double min_age = p_.benefits.working_age_min_years;
  const double age = std::clamp(rng.normal(a.age_mean_years, a.age_sd_years), min_age,
                                std::max(min_age, p_.benefits.working_age_max_years));
  out.age_years = static_cast<float>(age);
  const double max_years = age - min_age;
  out.years_in_last_job = static_cast<float>(std::min(
      max_years,
      a.years_in_last_job_mean > 0 ? rng.exponential(1.0 / a.years_in_last_job_mean) : 0.0));
  // Work history: gamma with shape 2 (few people with none, a long right tail), drawn as the
  // sum of two exponentials, which is exactly that distribution.
  const double history =
      a.work_history_years_mean > 0
          ? (rng.unit_exponential() + rng.unit_exponential()) * a.work_history_years_mean / 2.0
          : 0.0;
  out.work_history_years = static_cast<float>(
      std::min(max_years, std::max(history, static_cast<double>(out.years_in_last_job))));
  out.last_wage_eur =
      static_cast<float>(rng.lognormal(wage_shapes_[static_cast<std::size_t>(cohort)].mu,
                                       wage_shapes_[static_cast<std::size_t>(cohort)].sigma));

  const BenefitParameters& b = p_.benefits;
  double entitlement = 0.0;
  if (out.work_history_years >= b.ww_min_work_history_years) {
    entitlement = std::min(b.ww_entitlement_max_months,
                           b.ww_entitlement_base_months +
                               b.ww_entitlement_months_per_work_year * out.work_history_years);
  }
  // People who start in WW are entitled by definition. People who start in PW, NUG or TOZO
  // have no WW right left (they would be on WW otherwise; the self-employed never had one),
  // and a job found later gives none in the model (new rights after 26 weeks' work are not
  // modelled), so a job of theirs that ends leads to PW or NUG, never to WW.
  if (c.start_state == StartState::ww) {
    entitlement = std::max(entitlement, b.ww_entitlement_base_months);
  } else if (c.start_state != StartState::threatened) {
    entitlement = 0.0;
  }
  out.ww_entitlement_months = static_cast<float>(entitlement);

  const DistanceParameters& d = p_.distance;
  const bool hard_hit = p_.sectors.at(out.sector).hard_hit;
  const bool one_sided = out.years_in_last_job >= d.one_sided_history_years;
  const bool age_outside = age < d.age_band_low_years || age > d.age_band_high_years;
  double distance = d.intercept + (out.low_education ? d.low_education : 0.0) +
                    (hard_hit ? d.hard_hit_sector : 0.0) + (one_sided ? d.one_sided_history : 0.0) +
                    (out.language_below_b2 ? d.language_below_b2 : 0.0) +
                    (age_outside ? d.age_outside_27_55 : 0.0) +
                    (out.banenafspraak ? d.banenafspraak : 0.0);
  if (d.noise_sd > 0.0) distance += rng.normal(0.0, d.noise_sd);
  out.distance = static_cast<float>(distance);
  return out;
}

Person PopulationGenerator::make_person(Cohort cohort, Origin origin, std::uint32_t group,
                                        std::uint32_t index, double arrival_day,
                                        int forced_sector) const {
  Person person;
  person.id = make_person_id(cohort, origin, group, index);
  person.cohort = cohort;
  person.attributes = draw_attributes(person.id, cohort, forced_sector);
  person.arrival_day = arrival_day;
  person.start_state = to_state(p_.cohorts[static_cast<std::size_t>(cohort)].start_state);
  return person;
}

std::vector<PartId> population_parts(const ModelParameters& p) {
  std::vector<PartId> parts;
  for (std::size_t c = 0; c < kCohortCount; ++c) {
    if (p.cohorts[c].enabled) {
      parts.push_back(PartId{PartKind::cohort, static_cast<std::uint32_t>(c)});
    }
  }
  for (std::size_t k = 0; k < p.shocks.bankruptcies.size(); ++k) {
    parts.push_back(PartId{PartKind::bankruptcy, static_cast<std::uint32_t>(k)});
  }
  if (p.shocks.now_end_enabled && p.cohorts[static_cast<std::size_t>(Cohort::threatened)].enabled) {
    parts.push_back(PartId{PartKind::now_end, 0});
  }
  return parts;
}

// What every part depends on: the horizon and calendar, the sectors, the hazards of the life
// course (and the NOW end's effect on them), the distance model, the benefit rules, the first
// responsible parties (they decide the referrals at arrival), the economy (it moves hazards and
// inflows), and
// whether there is a service at all (it decides who is kept).
bool same_shared_parameters(const ModelParameters& a, const ModelParameters& b) {
  const ShockParameters& x = a.shocks;
  const ShockParameters& y = b.shocks;
  return a.horizon == b.horizon && a.sectors == b.sectors && a.hazards == b.hazards &&
         a.distance == b.distance && a.benefits == b.benefits && a.parties == b.parties &&
         a.economy == b.economy && a.service_enabled == b.service_enabled &&
         x.now_end_enabled == y.now_end_enabled && x.now_end_date == y.now_end_date &&
         x.now_end_job_loss_factor == y.now_end_job_loss_factor;
}

namespace {
// What a shock's people take from the threatened workers' cohort: their attributes (which
// depend on the cohort's start state through the WW entitlement), the first party's referral
// share (and the first party, whose referral factor multiplies it) and the job-loss factor of
// their life course. Not its inflow or initial stock.
bool same_threatened_people(const CohortParameters& a, const CohortParameters& b) {
  return a.attributes == b.attributes && a.start_state == b.start_state &&
         a.referral_share == b.referral_share && a.first_party == b.first_party &&
         a.job_loss_factor == b.job_loss_factor;
}
}  // namespace

bool same_part(const ModelParameters& a, const ModelParameters& b, PartId id) {
  if (!same_shared_parameters(a, b)) return false;
  constexpr auto kThreatened = static_cast<std::size_t>(Cohort::threatened);
  const CohortParameters& ta = a.cohorts[kThreatened];
  const CohortParameters& tb = b.cohorts[kThreatened];
  switch (id.kind) {
    case PartKind::cohort:
      return id.index < kCohortCount && a.cohorts[id.index] == b.cohorts[id.index];
    case PartKind::bankruptcy:
      return id.index < a.shocks.bankruptcies.size() && id.index < b.shocks.bankruptcies.size() &&
             a.shocks.bankruptcies[id.index] == b.shocks.bankruptcies[id.index] &&
             same_threatened_people(ta, tb);
    case PartKind::now_end:
      // The batch exists only while the threatened cohort is enabled.
      return a.shocks.now_end_extra_threatened == b.shocks.now_end_extra_threatened &&
             ta.enabled == tb.enabled && same_threatened_people(ta, tb);
  }
  return false;
}

void PopulationGenerator::generate_part(PartId id,
                                        const std::function<void(Person&&)>& visit) const {
  switch (id.kind) {
    case PartKind::cohort:
      generate_cohort(id.index, visit);
      return;
    case PartKind::bankruptcy:
      generate_bankruptcy(id.index, visit);
      return;
    case PartKind::now_end:
      generate_now_end(visit);
      return;
  }
}

double PopulationGenerator::expected_arrivals_before(PartId id, double day) const {
  switch (id.kind) {
    case PartKind::cohort: {
      const CohortParameters& c = p_.cohorts.at(id.index);
      if (!c.enabled) return 0.0;
      double expected = std::max(0.0, c.initial_stock);
      for (std::size_t m = 0; m + 1 < month_starts_.size() && !c.inflow_per_month.empty(); ++m) {
        const double begin = month_starts_[m];
        const double end = std::min(month_starts_[m + 1], day);
        if (end <= begin) break;
        const double rate = inflow_rate(c, m);
        expected += std::max(0.0, rate) * (end - begin) / kDaysPerMonth;
      }
      return expected;
    }
    case PartKind::bankruptcy:
      return std::max(0, p_.shocks.bankruptcies.at(id.index).staff);
    case PartKind::now_end:
      return std::max(0.0, p_.shocks.now_end_extra_threatened);
  }
  return 0.0;
}

double PopulationGenerator::inflow_rate(const CohortParameters& c, std::size_t month) const {
  const double rate = c.inflow_per_month[std::min(month, c.inflow_per_month.size() - 1)];
  // Inflow into WW and PW is job loss, and the inflow of threatened workers (firms on NOW) and
  // of self-employed on TOZO is take-up of the crisis schemes: both move with the economy, each
  // with its own elasticity. School leavers and banenafspraak (start NUG) are the scenario's own.
  switch (c.start_state) {
    case StartState::ww:
    case StartState::pw:
      return rate * economy_factor(p_.economy, month, p_.economy.inflow_elasticity);
    case StartState::threatened:
    case StartState::tozo:
      return rate * economy_factor(p_.economy, month, p_.economy.take_up_elasticity);
    case StartState::nug:
      return rate;
  }
  return rate;
}

void PopulationGenerator::generate_cohort(std::size_t ci,
                                          const std::function<void(Person&&)>& visit) const {
  const std::size_t months = month_starts_.size() - 1;
  const CohortParameters& c = p_.cohorts.at(ci);
  if (!c.enabled) return;
  const auto cohort = static_cast<Cohort>(ci);
  // Initial stock: present on day 0, their spell began `elapsed` months earlier.
  const auto stock = static_cast<std::uint32_t>(std::llround(c.initial_stock));
  for (std::uint32_t i = 0; i < stock; ++i) {
    kernel::RandomStream rng =
        elapsed_streams_.stream(make_person_id(cohort, Origin::initial_stock, 0, i));
    double elapsed = c.initial_elapsed_months_mean > 0.0
                         ? rng.exponential(1.0 / c.initial_elapsed_months_mean)
                         : 0.0;
    Person person = make_person(cohort, Origin::initial_stock, 0, i, 0.0, -1);
    if (person.start_state == State::ww &&
        elapsed >= static_cast<double>(person.attributes.ww_entitlement_months)) {
      // Still in WW at the start: the elapsed time lies within the entitlement. A draw past
      // it is replaced by a uniform point of the entitlement (not piled up at its end,
      // which would exhaust many benefits in the first weeks).
      elapsed = rng.uniform01() * person.attributes.ww_entitlement_months;
    }
    person.arrival_day = -elapsed * kDaysPerMonth;
    visit(std::move(person));
  }
  // Inflow: a non-homogeneous Poisson process with a monthly rate profile.
  std::vector<double> days;  // reused from month to month, with the sort's working memory
  std::vector<double> scratch;
  std::vector<std::size_t> counts;
  for (std::size_t m = 0; m < months; ++m) {
    if (c.inflow_per_month.empty()) break;
    const double rate = inflow_rate(c, m);
    const double begin = month_starts_[m];
    const double end = month_starts_[m + 1];
    // The rate is per mean month: a month of d days gets rate * d / 30.4375, so a constant
    // profile is a homogeneous Poisson process (and a start mid-month gets its share).
    const double fraction = (end - begin) / kDaysPerMonth;
    kernel::StreamKey key = base_key_;
    key.purpose = kernel::hash_name("arrivals/") ^ ci;
    key.entity = m;
    kernel::RandomStream rng(key);
    const auto count = static_cast<std::uint32_t>(rng.poisson(rate * fraction));
    days.resize(count);
    for (double& d : days) d = rng.uniform(begin, end);
    kernel::sort_spread(days, begin, end, scratch, counts);
    for (std::uint32_t i = 0; i < count; ++i) {
      visit(make_person(cohort, Origin::inflow, static_cast<std::uint32_t>(m), i, days[i], -1));
    }
  }
}

void PopulationGenerator::generate_bankruptcy(std::size_t k,
                                              const std::function<void(Person&&)>& visit) const {
  // The firm's staff are threatened from the announcement and lose their job after the
  // notice period.
  const BankruptcyShock& shock = p_.shocks.bankruptcies.at(k);
  int sector = -1;
  for (std::size_t s = 0; s < p_.sectors.size(); ++s) {
    if (p_.sectors[s].name == shock.sector) sector = static_cast<int>(s);
  }
  if (sector < 0) throw std::invalid_argument("bankruptcy in unknown sector " + shock.sector);
  const double day = calendar_.time_of(shock.date).days_since_start();
  if (day < 0.0 || day >= horizon_end_day_) return;
  for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(shock.staff); ++i) {
    Person person = make_person(Cohort::threatened, Origin::bankruptcy,
                                static_cast<std::uint32_t>(k), i, day, sector);
    person.start_state = State::threatened;
    person.forced_job_loss_day = day + shock.notice_days;
    visit(std::move(person));
  }
}

void PopulationGenerator::generate_now_end(const std::function<void(Person&&)>& visit) const {
  // The end of the NOW: a batch of newly threatened workers.
  if (!p_.shocks.now_end_enabled || !p_.cohorts[0].enabled) return;
  const double day = calendar_.time_of(p_.shocks.now_end_date).days_since_start();
  if (day < 0.0 || day >= horizon_end_day_) return;
  const auto count = static_cast<std::uint32_t>(std::llround(p_.shocks.now_end_extra_threatened));
  for (std::uint32_t i = 0; i < count; ++i) {
    visit(make_person(Cohort::threatened, Origin::now_end, 0, i, day, -1));
  }
}

}  // namespace werkstroom::model
