#include "model/region_model.hpp"

#include <algorithm>
#include <stdexcept>

#include "kernel/calendar.hpp"
#include "kernel/simulation.hpp"
#include "model/kpis.hpp"
#include "model/life_course.hpp"
#include "model/mobility_centre.hpp"
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

ReplicationResult run_replication(const ModelParameters& p, const ReplicationSettings& settings) {
  const std::vector<double> months = month_boundaries(p);
  const double horizon_end = months.back();
  kernel::Simulation sim(kernel::Calendar(p.horizon.start_date, p.horizon.holidays),
                         kernel::SimulationIdentity{settings.master_seed, settings.replication});
  const kernel::StreamKey base_key{settings.master_seed, settings.replication, 0, 0};
  const double service_end_day =
      sim.calendar().time_of(p.horizon.service_end_date).days_since_start() + 1.0;

  const LifeCourse life(p, months, base_key, horizon_end);
  // People the centre never touches live the same path in both worlds: they are accounted
  // once, in `untouched`; the touched ones have an account per world.
  WorldTotals untouched(p, months);
  WorldTotals touched_without(p, months);
  WorldTotals touched_with(p, months);
  std::vector<KeptPerson> kept;
  std::vector<Spell> scratch_path;  // reused: most people need no path of their own
  std::vector<std::pair<std::size_t, TouchReason>> referrals;
  std::uint64_t people = 0;
  std::vector<double> arrivals_delta(months.size(), 0.0);

  // Everyone's baseline path is the "no service" world. People who cannot be touched by the
  // centre (service off, or arriving after it closed) are accounted at once and not kept, so
  // memory does not grow with the follow-up period.
  const PopulationGenerator population(p, sim.calendar(), months, base_key);
  population.generate([&](Person&& person) {
    ++people;
    // Month-end m is the instant months[m + 1]; people arriving at or before it count.
    const auto first_end = static_cast<std::size_t>(
        std::lower_bound(months.begin() + 1, months.end(), person.arrival_day) -
        (months.begin() + 1));
    arrivals_delta[first_end] += 1.0;
    life.baseline_path_into(person, scratch_path);
    if (!p.service_enabled || person.arrival_day >= service_end_day) {
      untouched.add_path(person, scratch_path);
      return;
    }
    // The first responsible party refers a share of the new inflow at arrival.
    if (person.arrival_day >= 0.0) {
      kernel::StreamKey key = base_key;
      key.purpose = kernel::hash_name("person/referral");
      key.entity = person.id;
      kernel::RandomStream rng(key);
      const CohortParameters& cohort = p.cohorts[static_cast<std::size_t>(person.cohort)];
      const bool bankruptcy_call =
          person.forced_job_loss_day.has_value() && p.shocks.bankruptcies.size() > 0;
      if (rng.bernoulli(cohort.referral_share)) {
        referrals.emplace_back(kept.size(), TouchReason::first_party);
      } else if (bankruptcy_call) {
        referrals.emplace_back(kept.size(), TouchReason::bankruptcy);
      }
    }
    kept.push_back(KeptPerson{std::move(person), scratch_path, -1});
  });

  MobilityCentre centre(p, sim, life, kept, touched_with, months, service_end_day);
  centre.index_people();
  for (const auto& [index, reason] : referrals) {
    const Person& person = kept[index].person;
    if (reason == TouchReason::bankruptcy) {
      // Only firms that call the centre refer their staff.
      const auto group = static_cast<std::size_t>((person.id >> 32U) & 0xffffU);
      if (!p.shocks.bankruptcies.at(group).calls_the_centre) continue;
    }
    centre.schedule_referral(index, person.arrival_day, reason);
  }
  centre.start();
  sim.run_until(kernel::Time::at_day(horizon_end));
  centre.finish();
  for (const KeptPerson& k : kept) {
    (k.client < 0 ? untouched : touched_without).add_path(k.person, k.path);
  }
  touched_with.merge(untouched);
  touched_without.merge(untouched);

  ReplicationResult result;
  for (std::size_t m = 0; m + 1 < months.size(); ++m) {
    result.month_labels.push_back(sim.calendar().year_month(static_cast<int>(m)).to_string());
  }
  result.service = centre.indicators();
  result.with_service = touched_with.finish();
  result.without_service = touched_without.finish();
  double arrived = 0.0;
  for (std::size_t m = 0; m + 1 < months.size(); ++m) {
    arrived += arrivals_delta[m];
    result.arrived_by_month_end.push_back(arrived);
  }
  result.events = sim.events_run();
  result.people = people;
  result.clients = centre.client_count();
  result.kpis = compute_kpis(p, result, centre);
  return result;
}

}  // namespace werkstroom::model
