#include "model/life_course.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "model/economy.hpp"

namespace werkstroom::model {

namespace {

std::vector<double> job_loss_factors(const ModelParameters& p,
                                     const std::vector<double>& month_starts) {
  std::vector<double> out = with_economy(p.hazards.job_loss_factor_by_month, p.economy,
                                         month_starts.size(), p.economy.job_loss_elasticity);
  if (p.shocks.now_end_enabled) {
    // The NOW ends: job loss is more likely from the month of the end date on.
    const kernel::Calendar cal(p.horizon.start_date, {});
    const int month = cal.month_index(cal.time_of(p.shocks.now_end_date));
    for (std::size_t i = static_cast<std::size_t>(std::max(month, 0)); i < out.size(); ++i) {
      out[i] *= p.shocks.now_end_job_loss_factor;
    }
  }
  return out;
}

// Keys the clocks: one purpose per (state, destination, spell number, kind).
std::uint64_t clock_purpose(State state, Destination d, std::uint16_t number, std::uint64_t kind) {
  return kernel::mix64(0x636c6f636b000000ULL ^ (static_cast<std::uint64_t>(state) << 32U) ^
                       (static_cast<std::uint64_t>(d) << 24U) ^
                       (static_cast<std::uint64_t>(number) << 8U) ^ kind);
}

}  // namespace

LifeCourse::LifeCourse(const ModelParameters& p, const std::vector<double>& month_starts,
                       kernel::StreamKey base_key, double horizon_end_day)
    : p_(p),
      find_work_factor_(
          month_starts,
          with_economy(p.hazards.find_work_factor_by_month, p.economy, month_starts.size(),
                       p.economy.find_work_elasticity, p.economy.find_work_tightness_elasticity)),
      job_loss_factor_(month_starts, job_loss_factors(p, month_starts)),
      flat_(month_starts, {}),
      base_key_(base_key),
      horizon_end_day_(horizon_end_day) {
  for (std::size_t k = 0; k < kKindCount; ++k) {
    for (std::size_t s = 0; s < kStateCount; ++s) {
      for (std::size_t d = 0; d < kDestinationCount; ++d) {
        kernel::StreamKey key = base_key_;
        key.purpose =
            clock_purpose(static_cast<State>(s), static_cast<Destination>(d), 0, k + kClockKind);
        first_spell_streams_[k][s][d] = kernel::StreamFamily(key);
      }
    }
  }
}

kernel::RandomStream LifeCourse::spell_stream(const Person& person, const SpellState& spell,
                                              Destination d, std::uint64_t kind) const {
  if (spell.number == 0) {
    return first_spell_streams_[kind - kClockKind][static_cast<std::size_t>(spell.state)]
                               [static_cast<std::size_t>(d)]
                                   .stream(person.id);
  }
  kernel::StreamKey key = base_key_;
  key.purpose = clock_purpose(spell.state, d, spell.number, kind);
  key.entity = person.id;
  return kernel::RandomStream(key);
}

double LifeCourse::clock(const Person& person, const SpellState& spell, Destination d) const {
  return spell_stream(person, spell, d, kClockKind).unit_exponential();
}

double LifeCourse::branch_uniform(const Person& person, const SpellState& spell,
                                  Destination d) const {
  return spell_stream(person, spell, d, kBranchKind).uniform01();
}

double LifeCourse::find_work_scale(const Person& person, double find_work_multiplier) const {
  return std::exp(-p_.hazards.distance_effect * person.attributes.distance) * find_work_multiplier;
}

bool LifeCourse::found_out_of_work(const SpellState& spell) {
  return spell.state == State::employed &&
         (spell.previous == State::ww || spell.previous == State::pw ||
          spell.previous == State::nug || spell.previous == State::tozo);
}

bool LifeCourse::flexible_job(const Person& person, const SpellState& spell) const {
  if (!found_out_of_work(spell)) return person.attributes.flex_contract;
  // The first draw of the spell's job-end branch stream; destination_state takes the second.
  return spell_stream(person, spell, Destination::job_end, kBranchKind).uniform01() <
         p_.hazards.new_job_flex_share;
}

std::size_t LifeCourse::competitors(const Person& person, const SpellState& spell,
                                    double find_scale, std::array<Competitor, 3>& out) const {
  const HazardParameters& h = p_.hazards;
  const auto cohort = static_cast<std::size_t>(person.cohort);
  switch (spell.state) {
    case State::threatened:
      out[0] = {Destination::job_loss, &h.threatened_job_loss, p_.cohorts[cohort].job_loss_factor,
                &job_loss_factor_};
      out[1] = {Destination::find_work, &h.threatened_find_job, find_scale, &find_work_factor_};
      out[2] = {Destination::threat_passes, &h.threatened_threat_passes, 1.0, &flat_};
      return 3;
    case State::ww:
      out[0] = {Destination::find_work, &h.ww_find_work, find_scale, &find_work_factor_};
      out[1] = {Destination::other_exit, &h.ww_other_exit, 1.0, &flat_};
      return 2;
    case State::pw:
      out[0] = {Destination::find_work, &h.pw_find_work, find_scale, &find_work_factor_};
      out[1] = {Destination::pw_other_exit, &h.pw_other_exit, 1.0, &flat_};
      return 2;
    case State::nug:
      out[0] = {Destination::find_work, &h.nug_find_work, find_scale, &find_work_factor_};
      return 1;
    case State::tozo:
      out[0] = {Destination::recover, &h.tozo_recover, 1.0, &flat_};
      out[1] = {Destination::seek_job, &h.tozo_seek_job, 1.0, &flat_};
      out[2] = {Destination::to_pw, &h.tozo_to_pw, 1.0, &flat_};
      return 3;
    case State::employed:
      // Every new job can end, whether found out of work or from work (a move to another
      // employer, by the person or by the centre). A job kept when the threat passes does not:
      // the person is back in the working population, whose job losses the cohorts' inflows
      // already are.
      if (spell.kept_job) return 0;
      out[0] = {Destination::job_end,
                flexible_job(person, spell) ? &h.job_end_flex : &h.job_end_permanent, 1.0, &flat_};
      return 1;
    case State::self_employed:
    case State::seconded:
    case State::inactive:
      return 0;
  }
  return 0;
}

std::optional<Transition> LifeCourse::next_transition(const Person& person, const SpellState& spell,
                                                      double find_work_multiplier) const {
  return next_transition_scaled(person, spell, find_work_scale(person, find_work_multiplier));
}

std::optional<Transition> LifeCourse::scheduled_transition(const Person& person,
                                                           const SpellState& spell) const {
  const double from = spell.accumulated_from_day;
  if (spell.state == State::ww) {
    const double end = spell.start_day + ww_days_left(person, spell);
    if (end < horizon_end_day_) return Transition{Destination::exhaustion, std::max(end, from)};
  }
  if (spell.state == State::threatened && person.forced_job_loss_day &&
      *person.forced_job_loss_day >= from && *person.forced_job_loss_day < horizon_end_day_) {
    return Transition{Destination::forced_job_loss, *person.forced_job_loss_day};
  }
  if (spell.state == State::seconded && spell.secondment_end_day &&
      *spell.secondment_end_day < horizon_end_day_) {
    return Transition{Destination::secondment_end, std::max(*spell.secondment_end_day, from)};
  }
  return std::nullopt;
}

std::optional<Transition> LifeCourse::next_transition_scaled(const Person& person,
                                                             const SpellState& spell,
                                                             double find_scale) const {
  std::optional<Transition> best;
  const auto consider = [&best](Destination d, double day) {
    if (!best || day < best->day) best = Transition{d, day};
  };
  const double from = spell.accumulated_from_day;
  // The earliest transition wins, ties going to the first considered: the hazard-driven ones in
  // order, then the scheduled one. A hazard-driven time after the earliest one known so far
  // cannot win, so the clocks need not be solved past it (see solve_hazard_time).
  const std::optional<Transition> scheduled = scheduled_transition(person, spell);
  double stop_after = scheduled ? scheduled->day : std::numeric_limits<double>::infinity();
  std::array<Competitor, 3> list{};
  const std::size_t n = competitors(person, spell, find_scale, list);
  for (std::size_t i = 0; i < n; ++i) {
    if (from > stop_after) break;  // none can be due by then: their clocks are not needed
    const Competitor& c = list[i];
    const double target = clock(person, spell, c.destination);
    const auto index = static_cast<std::size_t>(c.destination);
    if (const auto t =
            solve_hazard_time(*c.hazard, c.scale, *c.factor, spell.start_day, from,
                              spell.accumulated[index], target, horizon_end_day_, stop_after)) {
      consider(c.destination, *t);
      stop_after = std::min(stop_after, *t);
    }
  }
  if (scheduled) consider(scheduled->destination, scheduled->day);
  return best;
}

void LifeCourse::accumulate(const Person& person, SpellState& spell, double day,
                            double find_work_multiplier) const {
  if (day <= spell.accumulated_from_day) return;
  std::array<Competitor, 3> list{};
  const std::size_t n =
      competitors(person, spell, find_work_scale(person, find_work_multiplier), list);
  for (std::size_t i = 0; i < n; ++i) {
    const Competitor& c = list[i];
    spell.accumulated[static_cast<std::size_t>(c.destination)] += integrate_hazard(
        *c.hazard, c.scale, *c.factor, spell.start_day, spell.accumulated_from_day, day);
  }
  spell.accumulated_from_day = day;
}

State LifeCourse::destination_state(const Person& person, const SpellState& spell,
                                    Destination d) const {
  switch (d) {
    case Destination::job_loss:
    case Destination::forced_job_loss:
      return out_of_work_state(person, spell, branch_uniform(person, spell, d));
    case Destination::job_end: {
      // The second draw of the stream whose first decided the contract (flexible_job).
      kernel::RandomStream stream = spell_stream(person, spell, d, kBranchKind);
      (void)stream.uniform01();
      return out_of_work_state(person, spell, stream.uniform01());
    }
    case Destination::pw_other_exit:
      return State::inactive;
    case Destination::find_work:
    case Destination::threat_passes:
      return State::employed;
    case Destination::other_exit:
      return State::inactive;
    case Destination::exhaustion:
      return branch_uniform(person, spell, d) < p_.hazards.ww_exhaustion_to_pw_share ? State::pw
                                                                                     : State::nug;
    case Destination::recover:
      return State::self_employed;
    case Destination::seek_job:
      return State::nug;
    case Destination::to_pw:
      return State::pw;
    case Destination::secondment_end:
      return branch_uniform(person, spell, d) < p_.secondment.takeover_after_secondment_share
                 ? State::employed
                 : State::threatened;
  }
  return State::inactive;
}

State LifeCourse::out_of_work_state(const Person& person, const SpellState& spell,
                                    double uniform) const {
  if (ww_days_left(person, spell) > 0.0) return State::ww;
  return uniform < p_.hazards.job_loss_without_ww_to_pw_share ? State::pw : State::nug;
}

double LifeCourse::ww_days_left(const Person& person, const SpellState& spell) {
  const double left = static_cast<double>(person.attributes.ww_entitlement_months) * kDaysPerMonth -
                      spell.ww_days_used;
  return left > kUsedUpDays ? left : 0.0;
}

void LifeCourse::advance_spell(SpellState& spell, State to, double day,
                               std::array<std::uint16_t, kStateCount>& counts, bool kept_job) {
  const State from = spell.state;
  const double used = spell.ww_days_used + (from == State::ww ? day - spell.start_day : 0.0);
  restart_spell(spell, to, day, counts);
  spell.previous = from;
  spell.ww_days_used = used;
  spell.kept_job = kept_job && to == State::employed;
}

void LifeCourse::set_history(SpellState& spell, std::span<const Spell> path, std::size_t index) {
  spell.previous.reset();
  spell.ww_days_used = 0.0;
  for (std::size_t i = 0; i < index && i < path.size(); ++i) {
    if (path[i].state == State::ww) spell.ww_days_used += path[i + 1].start_day - path[i].start_day;
    spell.previous = path[i].state;
  }
}

SpellState LifeCourse::begin_spell(State state, double day,
                                   std::array<std::uint16_t, kStateCount>& counts) {
  SpellState s;
  restart_spell(s, state, day, counts);
  return s;
}

void LifeCourse::restart_spell(SpellState& spell, State state, double day,
                               std::array<std::uint16_t, kStateCount>& counts) {
  spell.state = state;
  spell.start_day = day;
  spell.number = counts[static_cast<std::size_t>(state)]++;
  spell.accumulated.fill(0.0);
  spell.accumulated_from_day = std::max(day, 0.0);
  spell.secondment_end_day.reset();
  spell.previous.reset();
  spell.ww_days_used = 0.0;
  spell.kept_job = false;
}

std::vector<Spell> LifeCourse::baseline_path(const Person& person) const {
  std::vector<Spell> path;
  baseline_path_into(person, path);
  return path;
}

void LifeCourse::baseline_path_into(const Person& person, std::vector<Spell>& path) const {
  path.clear();
  std::array<std::uint16_t, kStateCount> counts{};
  SpellState spell;
  restart_spell(spell, person.start_state, person.arrival_day, counts);
  path.push_back(Spell{person.arrival_day, spell.state});
  const double find_scale = find_work_scale(person, 1.0);
  while (!is_absorbing(spell.state)) {
    const auto next = next_transition_scaled(person, spell, find_scale);
    if (!next) break;
    const State to = destination_state(person, spell, next->destination);
    advance_spell(spell, to, next->day, counts, next->destination == Destination::threat_passes);
    path.push_back(Spell{next->day, to});
  }
}

}  // namespace werkstroom::model
