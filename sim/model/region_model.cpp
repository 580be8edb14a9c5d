#include "model/region_model.hpp"

#include <algorithm>
#include <stdexcept>

#include "kernel/calendar.hpp"
#include "kernel/simulation.hpp"
#include "model/kpis.hpp"
#include "model/life_course.hpp"
#include "model/mobility_centre.hpp"
#include "model/month_lookup.hpp"
#include "model/person_pools.hpp"
#include "model/population.hpp"
#include "model/world_totals.hpp"

namespace werkstroom::model {

std::vector<double> month_boundaries(const ModelParameters& p) {
  const kernel::Calendar cal(p.horizon.start_date, {});
  const int service_months = cal.month_index(cal.time_of(p.horizon.service_end_date)) + 1;
  const int months = service_months + p.horizon.follow_up_months;
  if (service_months < 1) {
    throw std::invalid_argument("horizon.service_end_date must not be before horizon.start_date");
  }
  std::vector<double> starts;
  for (int m = 0; m <= months; ++m) starts.push_back(cal.month_start(m).days_since_start());
  return starts;
}

bool same_population(const ModelParameters& a, const ModelParameters& b) {
  return a.horizon == b.horizon && a.sectors == b.sectors && a.hazards == b.hazards &&
         a.cohorts == b.cohorts && a.distance == b.distance && a.benefits == b.benefits &&
         a.shocks == b.shocks && a.service_enabled == b.service_enabled;
}

namespace {
double service_end_day_of(const ModelParameters& p) {
  const kernel::Calendar cal(p.horizon.start_date, {});
  return cal.time_of(p.horizon.service_end_date).days_since_start() + 1.0;
}
}  // namespace

/// Non-copyable: `untouched` refers to `parameters`.
struct Population {
  Population(const ModelParameters& p, const ReplicationSettings& s)
      : parameters(p), settings(s), months(month_boundaries(p)), untouched(parameters, months) {}
  Population(const Population&) = delete;
  Population& operator=(const Population&) = delete;

  ModelParameters parameters;  // those it was built with (checked by same_population)
  ReplicationSettings settings;
  std::vector<double> months;
  /// People the centre can touch (arrived before it closed), with their baseline paths.
  std::vector<KeptPerson> kept;
  /// Referrals by the first responsible party at arrival (index into kept).
  std::vector<std::pair<std::size_t, TouchReason>> referrals;
  /// The accounts of the people who cannot be touched (the same in both worlds).
  WorldTotals untouched;
  /// Outreach and vacancy pools over `kept`.
  PersonPools pools;
  std::vector<double> arrivals_delta;
  std::uint64_t people = 0;
};

std::shared_ptr<const Population> build_population(const ModelParameters& p,
                                                   const ReplicationSettings& settings) {
  auto pop = std::make_shared<Population>(p, settings);
  const ModelParameters& q = pop->parameters;
  const std::vector<double>& months = pop->months;
  const double horizon_end = months.back();
  const kernel::Calendar calendar(q.horizon.start_date, q.horizon.holidays);
  const kernel::StreamKey base_key{settings.master_seed, settings.replication, 0, 0};
  const double service_end_day = service_end_day_of(q);
  const LifeCourse life(q, months, base_key, horizon_end);
  const MonthLookup month_lookup(months);
  kernel::StreamKey referral_key = base_key;
  referral_key.purpose = kernel::hash_name("person/referral");
  const kernel::StreamFamily referral_streams(referral_key);
  pop->arrivals_delta.assign(months.size(), 0.0);
  std::vector<Spell> scratch_path;  // reused: most people need no path of their own

  // Everyone's baseline path is the "no service" world. People who cannot be touched by the
  // centre (service off, or arriving after it closed) are accounted at once and not kept, so
  // memory does not grow with the follow-up period.
  const PopulationGenerator generator(q, calendar, months, base_key);
  generator.generate([&](Person&& person) {
    ++pop->people;
    // Month-end m is the instant months[m + 1]; people arriving at or before it count.
    pop->arrivals_delta[month_lookup.month_ends_before(person.arrival_day)] += 1.0;
    life.baseline_path_into(person, scratch_path);
    if (!q.service_enabled || person.arrival_day >= service_end_day) {
      pop->untouched.add_path(person, scratch_path);
      return;
    }
    // The first responsible party refers a share of the new inflow at arrival; a bankrupt
    // firm that calls the centre refers its staff at the announcement.
    if (person.arrival_day >= 0.0) {
      kernel::RandomStream rng = referral_streams.stream(person.id);
      const CohortParameters& cohort = q.cohorts[static_cast<std::size_t>(person.cohort)];
      if (rng.bernoulli(cohort.referral_share)) {
        pop->referrals.emplace_back(pop->kept.size(), TouchReason::first_party);
      } else if (person.forced_job_loss_day.has_value()) {
        const auto group = static_cast<std::size_t>((person.id >> 32U) & 0xffffU);
        if (q.shocks.bankruptcies.at(group).calls_the_centre) {
          pop->referrals.emplace_back(pop->kept.size(), TouchReason::bankruptcy);
        }
      }
    }
    pop->kept.push_back(KeptPerson{std::move(person), scratch_path});
  });
  pop->pools = index_people(pop->kept, q.sectors.size());
  return pop;
}

std::size_t population_bytes(const Population& population) {
  std::size_t bytes = sizeof(Population) + population.kept.capacity() * sizeof(KeptPerson) +
                      population.referrals.capacity() * sizeof(population.referrals[0]) +
                      population.months.capacity() * sizeof(double) +
                      population.arrivals_delta.capacity() * sizeof(double);
  for (const KeptPerson& k : population.kept) bytes += k.path.capacity() * sizeof(Spell);
  bytes += population.pools.regular.capacity() * sizeof(std::size_t);
  for (const auto* group : {&population.pools.threatened, &population.pools.tozo}) {
    for (const auto& pool : *group) bytes += pool.capacity() * sizeof(std::size_t);
  }
  return bytes;
}

ReplicationResult run_replication(const ModelParameters& p, const ReplicationSettings& settings,
                                  const Population* population) {
  std::shared_ptr<const Population> own;
  if (population == nullptr) {
    own = build_population(p, settings);
    population = own.get();
  } else if (!(population->settings == settings) || !same_population(p, population->parameters)) {
    throw std::invalid_argument(
        "run_replication: the population was built for other parameters or settings");
  }
  const std::vector<double>& months = population->months;
  const double horizon_end = months.back();
  kernel::Simulation sim(kernel::Calendar(p.horizon.start_date, p.horizon.holidays),
                         kernel::SimulationIdentity{settings.master_seed, settings.replication});
  const kernel::StreamKey base_key{settings.master_seed, settings.replication, 0, 0};
  const double service_end_day = service_end_day_of(p);
  const LifeCourse life(p, months, base_key, horizon_end);

  // People the centre never touches live the same path in both worlds: they are accounted
  // once, in `untouched`; the touched ones have an account per world.
  WorldTotals untouched(p, months);
  untouched.merge(population->untouched);
  WorldTotals touched_without(p, months);
  WorldTotals touched_with(p, months);

  MobilityCentre centre(p, sim, life, population->kept, population->pools, touched_with, months,
                        service_end_day);
  for (const auto& [index, reason] : population->referrals) {
    centre.schedule_referral(index, population->kept[index].person.arrival_day, reason);
  }
  centre.start();
  sim.run_until(kernel::Time::at_day(horizon_end));
  centre.finish();
  for (std::size_t i = 0; i < population->kept.size(); ++i) {
    const KeptPerson& k = population->kept[i];
    (centre.touched(i) ? touched_without : untouched).add_path(k.person, k.path);
  }
  touched_with.merge(untouched);
  touched_without.merge(untouched);

  ReplicationResult result;
  for (std::size_t m = 0; m + 1 < months.size(); ++m) {
    result.month_labels.push_back(sim.calendar().year_month(static_cast<int>(m)).to_string());
  }
  double arrived = 0.0;
  for (std::size_t m = 0; m + 1 < months.size(); ++m) {
    arrived += population->arrivals_delta[m];
    result.arrived_by_month_end.push_back(arrived);
  }
  result.service = centre.indicators();
  result.with_service = touched_with.finish();
  result.without_service = touched_without.finish();
  result.events = sim.events_run();
  result.people = population->people;
  result.clients = centre.client_count();
  result.kpis = compute_kpis(p, result, centre);
  return result;
}

}  // namespace werkstroom::model
