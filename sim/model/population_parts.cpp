#include "model/population_parts.hpp"

#include <algorithm>
#include <cmath>

#include "kernel/calendar.hpp"
#include "kernel/random.hpp"
#include "model/life_course.hpp"
#include "model/month_lookup.hpp"
#include "model/population.hpp"
#include "model/region_model.hpp"

namespace werkstroom::model {

PopulationPart::PopulationPart(std::shared_ptr<const ModelParameters> p,
                               const ReplicationSettings& s, PartId part,
                               std::vector<double> month_starts)
    : parameters(std::move(p)),
      settings(s),
      id(part),
      months(std::move(month_starts)),
      baseline(*parameters, months),
      arrivals_delta(months.size(), 0.0) {}

std::shared_ptr<const PopulationPart> build_population_part(
    std::shared_ptr<const ModelParameters> p, const ReplicationSettings& settings, PartId id) {
  std::vector<double> month_starts = month_boundaries(*p);
  auto part = std::make_shared<PopulationPart>(std::move(p), settings, id, std::move(month_starts));
  const ModelParameters& q = *part->parameters;
  const std::vector<double>& months = part->months;
  const double horizon_end = months.back();
  const kernel::Calendar calendar(q.horizon.start_date, q.horizon.holidays);
  const kernel::StreamKey base_key{settings.master_seed, settings.replication, 0, 0};
  const double service_end = service_end_day(q);
  const LifeCourse life(q, months, base_key, horizon_end);
  const MonthLookup month_lookup(months);
  kernel::StreamKey referral_key = base_key;
  referral_key.purpose = kernel::hash_name("person/referral");
  const kernel::StreamFamily referral_streams(referral_key);
  // The kept people and all their paths in one block: `kept` shares its ownership, and each
  // person's path is a view into `spells`, made once no more spells are added.
  struct KeptStore {
    std::vector<KeptPerson> people;
    std::vector<Spell> spells;
  };
  auto store = std::make_shared<KeptStore>();
  std::vector<KeptPerson>& kept = store->people;
  std::vector<std::size_t> path_starts;  // per kept person: where their path begins in spells
  std::vector<Spell> scratch_path;       // reused: most people need no path of their own

  // Everyone's baseline path is the "no service" world, accounted here once for all scenarios
  // run on the population. People who cannot be touched by the centre (service off, or
  // arriving after it closed) are not kept, so memory does not grow with the follow-up period.
  const PopulationGenerator generator(q, calendar, months, base_key);
  if (q.service_enabled) {
    // Room for the people expected before the centre closes, and some more (the counts are
    // Poisson), so that the vector is not grown and moved again and again.
    const double expected = generator.expected_arrivals_before(id, service_end);
    const auto room = static_cast<std::size_t>(expected * 1.05 + 4.0 * std::sqrt(expected) + 16.0);
    kept.reserve(room);
    path_starts.reserve(room);
  }
  // Returns of the cohort's own people into its start state after a job found out of work
  // ended, per month, not yet matched by a dropped arrival (CohortParameters::
  // inflow_includes_repeats). People are visited in arrival order, so a return is always known
  // before the arrivals of its month: the ones that come earlier cause it.
  const CohortParameters* own_cohort =
      id.kind == PartKind::cohort ? &q.cohorts.at(id.index) : nullptr;
  const bool drop_repeats = own_cohort != nullptr && own_cohort->inflow_includes_repeats;
  const State cohort_state =
      own_cohort != nullptr ? to_state(own_cohort->start_state) : State::threatened;
  std::vector<double> returns_due(months.size(), 0.0);
  generator.generate_part(id, [&](Person&& person) {
    if (drop_repeats && person.arrival_day >= 0.0) {
      double& due = returns_due[month_lookup.month_ends_before(person.arrival_day)];
      if (due >= 1.0) {
        due -= 1.0;
        ++part->dropped_as_repeats;
        return;
      }
    }
    ++part->people;
    // Month-end m is the instant months[m + 1]; people arriving at or before it count.
    part->arrivals_delta[month_lookup.month_ends_before(person.arrival_day)] += 1.0;
    life.baseline_path_into(person, scratch_path);
    part->baseline.add_path(person, scratch_path);
    if (drop_repeats) {
      for (std::size_t i = 1; i < scratch_path.size(); ++i) {
        if (scratch_path[i].state == cohort_state && scratch_path[i - 1].state == State::employed &&
            scratch_path[i].start_day >= 0.0 && scratch_path[i].start_day < horizon_end) {
          returns_due[month_lookup.month_ends_before(scratch_path[i].start_day)] += 1.0;
        }
      }
    }
    if (!q.service_enabled || person.arrival_day >= service_end) return;
    // The first responsible party refers a share of the new inflow at arrival; a bankrupt
    // firm that calls the centre refers its staff at the announcement.
    if (person.arrival_day >= 0.0) {
      kernel::RandomStream rng = referral_streams.stream(person.id);
      const CohortParameters& cohort = q.cohorts[static_cast<std::size_t>(person.cohort)];
      const double factor = q.parties[static_cast<std::size_t>(cohort.first_party)].referral_factor;
      if (rng.bernoulli(std::min(1.0, cohort.referral_share * factor))) {
        part->referrals.emplace_back(kept.size(), TouchReason::first_party);
      } else if (person.forced_job_loss_day.has_value()) {
        const auto group = static_cast<std::size_t>((person.id >> 32U) & 0xffffU);
        if (q.shocks.bankruptcies.at(group).calls_the_centre) {
          part->referrals.emplace_back(kept.size(), TouchReason::bankruptcy);
        }
      }
    }
    path_starts.push_back(store->spells.size());
    store->spells.insert(store->spells.end(), scratch_path.begin(), scratch_path.end());
    kept.push_back(KeptPerson{std::move(person), {}});
  });
  path_starts.push_back(store->spells.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    kept[i].path = std::span<const Spell>(store->spells)
                       .subspan(path_starts[i], path_starts[i + 1] - path_starts[i]);
  }
  part->pools = index_people(kept, q.sectors.size());
  part->kept = std::shared_ptr<const std::vector<KeptPerson>>(store, &store->people);
  return part;
}

std::size_t population_part_bytes(const PopulationPart& part) {
  std::size_t bytes = sizeof(PopulationPart) + part.kept->capacity() * sizeof(KeptPerson) +
                      part.referrals.capacity() * sizeof(part.referrals[0]) +
                      part.months.capacity() * sizeof(double) +
                      part.arrivals_delta.capacity() * sizeof(double);
  for (const KeptPerson& k : *part.kept) bytes += k.path.size() * sizeof(Spell);
  bytes += part.pools.regular.capacity() * sizeof(std::size_t);
  for (const auto* group : {&part.pools.threatened, &part.pools.tozo}) {
    for (const auto& pool : *group) bytes += pool.capacity() * sizeof(std::size_t);
  }
  return bytes;
}

}  // namespace werkstroom::model
