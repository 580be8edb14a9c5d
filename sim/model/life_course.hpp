#pragma once
// The rules of a person's working life without (and, through a hazard multiplier, with) the
// service: which transitions compete in each state, their hazards, and where they lead. Both
// worlds use this one rule set and the person's own clocks, so a person who is never touched
// by the service has the same path in both worlds, bit for bit.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "kernel/calendar.hpp"
#include "kernel/random.hpp"
#include "model/hazard_clock.hpp"
#include "model/parameters.hpp"
#include "model/person.hpp"

namespace werkstroom::model {

enum class Destination : std::uint8_t {
  job_loss,         // threatened -> ww / pw / nug
  find_work,        // threatened, ww, pw, nug -> employed (the service multiplies this hazard)
  threat_passes,    // threatened -> employed
  other_exit,       // ww -> inactive
  exhaustion,       // ww -> pw / nug, at the end of entitlement
  recover,          // tozo -> self_employed
  seek_job,         // tozo -> nug
  to_pw,            // tozo -> pw
  forced_job_loss,  // threatened -> ww / pw / nug on a bankruptcy date
  secondment_end,   // seconded -> employed (takeover) or threatened
  job_end,          // employed -> ww / pw / nug: a job (found or kept) ends
  pw_other_exit,    // pw -> inactive: leaves social assistance other than for work
};
inline constexpr std::size_t kDestinationCount = 12;

/// The spell a person is in, with what the clocks need.
struct SpellState {
  State state = State::ww;
  double start_day = 0.0;
  std::uint16_t number = 0;  // how many earlier spells of this state the person had
  std::array<double, kDestinationCount> accumulated{};  // hazard since max(start, 0)
  double accumulated_from_day = 0.0;                    // the accumulations run up to this day
  std::optional<double> secondment_end_day;
  std::optional<State> previous;  // the state before this spell (none: the person's first)
  bool kept_job = false;          // employed: the job held before goes on (the threat passed)
  double ww_days_used = 0.0;      // WW days of the person's earlier WW spells (herleving)
};

struct Transition {
  Destination destination = Destination::find_work;
  double day = 0.0;
};

class LifeCourse {
 public:
  /// `month_starts` are the day numbers of the simulated months' first days (month 0 = day 0).
  LifeCourse(const ModelParameters& p, const std::vector<double>& month_starts,
             kernel::StreamKey base_key, double horizon_end_day);

  [[nodiscard]] double horizon_end_day() const { return horizon_end_day_; }

  /// The earliest transition of the spell after `spell.accumulated_from_day`, with find-work
  /// hazards multiplied by `find_work_multiplier` from then on; empty if none before the
  /// horizon's end.
  [[nodiscard]] std::optional<Transition> next_transition(const Person& person,
                                                          const SpellState& spell,
                                                          double find_work_multiplier) const;
  /// Moves the spell's accumulated hazards forward to `day` under a constant multiplier.
  void accumulate(const Person& person, SpellState& spell, double day,
                  double find_work_multiplier) const;
  /// The state a transition leads to (draws the person's branch clock where there is a choice).
  [[nodiscard]] State destination_state(const Person& person, const SpellState& spell,
                                        Destination d) const;
  /// A fresh spell of `state` beginning at `day`; `spell_counts` is the person's tally per state.
  [[nodiscard]] static SpellState begin_spell(State state, double day,
                                              std::array<std::uint16_t, kStateCount>& counts);
  /// The person's next spell: `spell` becomes a spell of `to` beginning at `day`, remembering the
  /// state it follows and the WW days used so far (both shape the next spell's transitions);
  /// `kept_job`: the new employed spell continues the job held before (the threat passed).
  static void advance_spell(SpellState& spell, State to, double day,
                            std::array<std::uint16_t, kStateCount>& counts, bool kept_job = false);
  /// Sets the history fields of `spell` (previous state, WW days used) as the path up to
  /// `path[index]` (the spell's own start) left them, for a spell rebuilt from a recorded path.
  static void set_history(SpellState& spell, std::span<const Spell> path, std::size_t index);
  /// WW days left at or below this count as used up. The days used are a sum of spell lengths
  /// in floating point, so a right used exactly can leave a rounding remainder (about 1e-13
  /// days); without the tolerance it would start a WW spell of zero length. A millionth of a
  /// day (0.09 s) is far below any duration the model represents.
  static constexpr double kUsedUpDays = 1e-6;
  /// Days of WW entitlement left at the start of a WW spell `spell` would begin (0: none left,
  /// including a remainder of at most kUsedUpDays). Entitlement used in earlier spells
  /// revives, not renews (herleving).
  [[nodiscard]] static double ww_days_left(const Person& person, const SpellState& spell);
  /// Whether `spell` is a job found out of work (after WW, PW, NUG or TOZO).
  [[nodiscard]] static bool found_out_of_work(const SpellState& spell);
  /// Whether the job of an employed spell is on a flexible contract: a job found out of work is
  /// flexible with the scenario's new-job share (drawn once per spell from the person's own
  /// stream); a job found from work (threatened, seconded) has the person's own contract type.
  [[nodiscard]] bool flexible_job(const Person& person, const SpellState& spell) const;

  /// The whole path without the service from the person's start until the horizon's end.
  [[nodiscard]] std::vector<Spell> baseline_path(const Person& person) const;
  /// The same into `out` (cleared first), reusing its memory.
  void baseline_path_into(const Person& person, std::vector<Spell>& out) const;

  /// The clock E ~ Exp(1) of (person, state, destination, spell number).
  [[nodiscard]] double clock(const Person& person, const SpellState& spell, Destination d) const;
  /// A uniform draw of the person for a branch at the end of a spell.
  [[nodiscard]] double branch_uniform(const Person& person, const SpellState& spell,
                                      Destination d) const;

 private:
  struct Competitor {
    Destination destination;
    const Hazard* hazard;
    double scale;
    const MonthlyFactor* factor;
  };
  /// The hazard-driven destinations of a state (at most 3); `find_scale` multiplies the
  /// find-work hazards (see find_work_scale).
  std::size_t competitors(const Person& person, const SpellState& spell, double find_scale,
                          std::array<Competitor, 3>& out) const;
  /// The state someone out of work falls into: WW while entitlement is left, else PW or NUG by
  /// `uniform` against the scenario's share.
  [[nodiscard]] State out_of_work_state(const Person& person, const SpellState& spell,
                                        double uniform) const;
  /// exp(-distance_effect * distance) * find_work_multiplier: the same for all of a person's
  /// spells under one multiplier, so a whole path computes it once.
  [[nodiscard]] double find_work_scale(const Person& person, double find_work_multiplier) const;
  /// next_transition with the find-work scale already computed.
  [[nodiscard]] std::optional<Transition> next_transition_scaled(const Person& person,
                                                                 const SpellState& spell,
                                                                 double find_scale) const;
  /// begin_spell into an existing spell (a path reuses one, rather than copying a fresh one).
  static void restart_spell(SpellState& spell, State state, double day,
                            std::array<std::uint16_t, kStateCount>& counts);
  /// The transition due on a known day (entitlement ends, bankruptcy, secondment ends), if any
  /// before the horizon's end.
  [[nodiscard]] std::optional<Transition> scheduled_transition(const Person& person,
                                                               const SpellState& spell) const;
  /// The stream of a clock (kind 1) or branch uniform (kind 2) of the person's spell.
  [[nodiscard]] kernel::RandomStream spell_stream(const Person& person, const SpellState& spell,
                                                  Destination d, std::uint64_t kind) const;

  // Kinds of per-spell streams, part of their keys.
  static constexpr std::uint64_t kClockKind = 1;
  static constexpr std::uint64_t kBranchKind = 2;
  static constexpr std::size_t kKindCount = 2;
  /// Stream families of first spells (number 0, by far the most common), indexed
  /// [kind - 1][state][destination]; later spells key their streams on the fly.
  using FirstSpellFamilies =
      std::array<std::array<std::array<kernel::StreamFamily, kDestinationCount>, kStateCount>,
                 kKindCount>;

  const ModelParameters& p_;
  MonthlyFactor find_work_factor_;
  MonthlyFactor job_loss_factor_;
  MonthlyFactor flat_;
  kernel::StreamKey base_key_;
  FirstSpellFamilies first_spell_streams_;
  double horizon_end_day_;
};

}  // namespace werkstroom::model
