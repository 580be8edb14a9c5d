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
#include "model/population_parts.hpp"
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
  // Every part the same: the shared inputs, every cohort and every shock.
  return same_shared_parameters(a, b) && a.cohorts == b.cohorts && a.shocks == b.shocks;
}

double service_end_day(const ModelParameters& p) {
  const kernel::Calendar cal(p.horizon.start_date, {});
  return cal.time_of(p.horizon.service_end_date).days_since_start() + 1.0;
}

/// The parts of a replication's people, joined: people numbered across the parts in part
/// order. Non-copyable: `baseline` refers to `parameters`.
struct Population {
  Population(const ModelParameters& p, const ReplicationSettings& s)
      : parameters(p), settings(s), months(month_boundaries(p)), baseline(parameters, months) {}
  Population(const Population&) = delete;
  Population& operator=(const Population&) = delete;

  ModelParameters parameters;  // those it was built with (checked by same_population)
  ReplicationSettings settings;
  std::vector<double> months;
  std::vector<std::shared_ptr<const PopulationPart>> parts;
  /// People the centre can touch (arrived before it closed), with their baseline paths.
  KeptPeople kept;
  /// Referrals by the first responsible party at arrival (index into kept).
  std::vector<std::pair<std::size_t, TouchReason>> referrals;
  /// The accounts of everybody's baseline paths, summed part by part in part order, and
  /// their series: the no-service world, the same for every scenario run on the population.
  WorldTotals baseline;
  WorldSeries baseline_series;
  /// Outreach and vacancy pools over `kept`.
  PersonPools pools;
  std::vector<double> arrivals_delta;
  std::uint64_t people = 0;
};

std::shared_ptr<const Population> build_population(const ModelParameters& p,
                                                   const ReplicationSettings& settings,
                                                   const PartSource& parts) {
  auto pop = std::make_shared<Population>(p, settings);
  const auto shared_parameters = std::make_shared<const ModelParameters>(p);
  pop->arrivals_delta.assign(pop->months.size(), 0.0);
  std::vector<PartPools> part_pools;
  for (const PartId id : population_parts(p)) {
    std::shared_ptr<const PopulationPart> part =
        parts ? parts(shared_parameters, settings, id)
              : build_population_part(shared_parameters, settings, id);
    if (!part || !(part->id == id) || !(part->settings == settings) ||
        !same_part(*part->parameters, p, id) || part->months != pop->months) {
      throw std::logic_error("build_population: a part source gave a part of another population");
    }
    const std::size_t first = pop->kept.size();
    for (const auto& [index, reason] : part->referrals) {
      pop->referrals.emplace_back(first + index, reason);
    }
    part_pools.push_back(PartPools{&part->pools, first});
    pop->kept.append(part->kept);
    pop->baseline.merge(part->baseline);
    for (std::size_t m = 0; m < pop->arrivals_delta.size(); ++m) {
      pop->arrivals_delta[m] += part->arrivals_delta[m];
    }
    pop->people += part->people;
    pop->parts.push_back(std::move(part));
  }
  pop->pools = join_pools(pop->kept, part_pools, p.sectors.size());
  pop->baseline_series = pop->baseline.finish();
  return pop;
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
  const double service_end = service_end_day(p);
  const LifeCourse life(p, months, base_key, horizon_end);

  // The no-service world is the population's baseline accounts. The with-service world
  // differs from it only in the people the centre touched: their service paths (fed by the
  // centre) replace their baseline paths.
  WorldTotals touched_without(p, months);
  WorldTotals touched_with(p, months);

  MobilityCentre centre(p, sim, life, population->kept, population->pools, touched_with, months,
                        service_end);
  for (const auto& [index, reason] : population->referrals) {
    centre.schedule_referral(index, population->kept[index].person.arrival_day, reason);
  }
  centre.start();
  sim.run_until(kernel::Time::at_day(horizon_end));
  centre.finish();
  for (std::size_t i = 0; i < population->kept.size(); ++i) {
    if (!centre.touched(i)) continue;
    const KeptPerson& k = population->kept[i];
    touched_without.add_path(k.person, k.path);
  }
  touched_with.subtract(touched_without);
  touched_with.merge(population->baseline);

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
  result.without_service = population->baseline_series;
  result.events = sim.events_run();
  result.people = population->people;
  result.clients = centre.client_count();
  result.kpis = compute_kpis(p, result, centre);
  return result;
}

}  // namespace werkstroom::model
