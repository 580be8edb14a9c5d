#pragma once
// A person the mobility centre has touched, as the centre's parts see them: their path in the
// world with the service, the service's effects on their hazards, where they are in the
// journey (intake, selection, arrangement) and their enrolments on the menukaart.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "kernel/event_calendar.hpp"
#include "kernel/random.hpp"
#include "kernel/service_pool.hpp"
#include "model/centre/menukaart.hpp"
#include "model/effect_routes.hpp"
#include "model/life_course.hpp"
#include "model/person.hpp"

namespace werkstroom::model {

/// Where a client is in the centre's journey; `done` is final.
enum class ClientPhase : std::uint8_t { waiting, selected, regular, arrangement, done };

/// A find-work hazard multiplier that lasts until a day.
struct ServiceEffect {
  double until_day;
  double factor;
};

struct Client {
  std::size_t person = 0;
  SpellState spell;
  std::array<std::uint16_t, kStateCount> counts{};
  // The client's path in the world with the service: the baseline's spells up to the one
  // they were in when touched (whole: it is not cut at the touch, so it is accounted as the
  // baseline accounts it), then the spells the service world gave them.
  std::vector<Spell> path;
  // While true the service has not changed the client's path: no effect, no placement. The
  // path is then a prefix of the baseline path and the next transition is the baseline's
  // next spell, to the day (recomputing it from the clocks could differ in the last bits).
  bool on_baseline = true;
  // What took the client off the baseline path first (set when on_baseline turns false).
  std::optional<Route> route;
  double multiplier = 1.0;
  // Set when the client first reaches work or leaves the labour market: the service's part is
  // over (outcome counted, effects gone); the path goes on (a job can end) as without it.
  bool outcome_reached = false;
  std::vector<ServiceEffect> effects;
  kernel::EventHandle transition;
  kernel::EventHandle effect_expiry;
  ClientPhase phase = ClientPhase::waiting;
  std::optional<kernel::JobId> waiting_job;
  double referred_day = 0.0;
  double score = 0.0;
  bool broadened_search = false;  // may be matched outside the own sector
  bool service_client = true;     // false: only placed on a vacancy as a regular client
  double maatwerk_used_eur = 0.0;
  std::vector<Enrolment> enrolments;
  kernel::RandomStream rng;
};

}  // namespace werkstroom::model
