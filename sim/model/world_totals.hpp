#pragma once
// Monthly accounts of one world ("with service" or "no service") of one replication, fed spell
// by spell. Contract: every person's path is fed exactly once per world, as consecutive spells
// from their start to the horizon's end; then every person is in exactly one state at every
// month end, which `people_at_month_end` lets tests check.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "model/month_lookup.hpp"
#include "model/parameters.hpp"
#include "model/person.hpp"

namespace werkstroom::model {

struct WorldSeries {
  // Indexed [month]. Running counts are at the end of the month (its last instant).
  std::array<std::vector<double>, kStateCount> running;
  std::vector<double> ww_inflow;
  std::vector<double> pw_inflow;
  std::vector<double> ww_benefit_months;
  std::vector<double> pw_benefit_months;
  std::vector<double> ww_benefit_eur;
  std::vector<double> pw_benefit_eur;
  std::vector<double> work_to_work;      // threatened or seconded -> employed
  std::vector<double> work_after_ww;     // ww -> employed
  std::vector<double> work_after_pw;     // pw -> employed
  std::vector<double> work_after_other;  // nug / tozo -> employed or self-employed
  std::vector<double> ww_returns;        // of ww_inflow: people with an earlier WW spell
  bool operator==(const WorldSeries&) const = default;
};

/// One monthly flow of a world's accounts (a WorldSeries member after the running counts).
struct WorldFlow {
  std::string_view name;  // as the results catalogue, the HDF5 file and the viewer name it
  std::string_view unit;
  std::string_view description;
  std::vector<double> WorldSeries::*member;
};

/// Every flow of WorldSeries, in the catalogue's (and the result codec's) order: the one list
/// that the accounts, the codec, the results catalogue and the viewer go through, so a flow
/// added here is kept, merged, encoded, written and shown everywhere.
inline constexpr std::array<WorldFlow, 11> kWorldFlows = {{
    {"ww_inflow", "people", "people entering WW in the month", &WorldSeries::ww_inflow},
    {"pw_inflow", "people", "people entering PW (bijstand) in the month", &WorldSeries::pw_inflow},
    {"ww_benefit_months", "months", "WW benefit months paid for the month (person-months)",
     &WorldSeries::ww_benefit_months},
    {"pw_benefit_months", "months", "PW benefit months paid for the month (person-months)",
     &WorldSeries::pw_benefit_months},
    {"ww_benefit_eur", "EUR", "WW benefit paid for the month", &WorldSeries::ww_benefit_eur},
    {"pw_benefit_eur", "EUR", "PW benefit paid for the month", &WorldSeries::pw_benefit_eur},
    {"work_to_work", "people",
     "moves from a threatened job or a secondment into employment in the month",
     &WorldSeries::work_to_work},
    {"work_after_ww", "people", "moves from WW into employment in the month",
     &WorldSeries::work_after_ww},
    {"work_after_pw", "people", "moves from PW into employment in the month",
     &WorldSeries::work_after_pw},
    {"work_after_other", "people",
     "moves from NUG or TOZO into employment or self-employment in the month",
     &WorldSeries::work_after_other},
    {"ww_returns", "people",
     "of ww_inflow: people returning to WW in the month, with an earlier WW spell in their "
     "simulated path (back after a job or another spell ended; the model revives that right)",
     &WorldSeries::ww_returns},
}};

/// Every vector of WorldSeries is a running count or in kWorldFlows (a flow left out of the
/// list would be neither merged, encoded, written nor shown).
static_assert(sizeof(WorldSeries) ==
                  sizeof(WorldSeries::running) + kWorldFlows.size() * sizeof(std::vector<double>),
              "a WorldSeries member is missing from kWorldFlows");

/// The effect figures of two worlds over the whole horizon: without minus with. Differences
/// are taken per benefit before adding, so equal worlds give exactly zero.
struct WorldDifference {
  double prevented_ww_inflow = 0.0;
  /// The two parts of prevented_ww_inflow (their sum, exactly: counts are whole numbers):
  /// entries of people new to WW in their simulated path, and returns (ww_returns) of people
  /// with an earlier WW spell; the returns are negative when the service's earlier jobs end
  /// before the horizon and more people come back than without it.
  double prevented_ww_new_inflow = 0.0;
  double prevented_ww_returns = 0.0;
  double prevented_pw_inflow = 0.0;
  double benefit_months_saved = 0.0;
  double benefit_eur_saved = 0.0;  // ww_eur_saved + pw_eur_saved
  double ww_eur_saved = 0.0;       // paid by UWV
  double pw_eur_saved = 0.0;       // paid by the municipality
};
[[nodiscard]] WorldDifference world_difference(const WorldSeries& without, const WorldSeries& with);

class WorldTotals {
 public:
  WorldTotals(const ModelParameters& p, std::vector<double> month_starts);

  /// Adds the spell [start, end) of `state`, entered from `previous` (empty for a person's
  /// first spell). Spells before day 0 count only from day 0. `ww_spell_start`: for a WW
  /// spell, the day its right began, `start` minus the WW days used in earlier spells; before
  /// `start` for a return to WW (ww_returns) after an earlier WW spell.
  void add_spell(const Person& person, State state, std::optional<State> previous,
                 double ww_spell_start, double start, double end);
  /// Feeds a whole path (consecutive spells, the last one runs to the horizon's end).
  void add_path(const Person& person, std::span<const Spell> path);

  /// Adds another account of the same horizon (people fed to either count once).
  void merge(const WorldTotals& other);
  /// Takes out an account of people fed to this one as well (counts stay exact; sums of euros
  /// and months agree with feeding only the others up to rounding, and exactly when the
  /// other account was fed the same paths in the same order: x - x = 0).
  void subtract(const WorldTotals& other);

  /// Turns the running-count differences into counts; call once after all spells.
  [[nodiscard]] WorldSeries finish() const;
  [[nodiscard]] std::size_t months() const { return month_starts_.size() - 1; }

 private:
  void add_benefit(const Person& person, State state, double spell_start, double start, double end);
  /// Adds `sign` times `other`, entry by entry.
  void combine(const WorldTotals& other, double sign);
  const ModelParameters& p_;
  std::vector<double> month_starts_;  // months + 1 entries; the last is the horizon's end
  MonthLookup lookup_;                // over month_starts_
  std::array<std::vector<double>, kStateCount> running_delta_;
  WorldSeries series_;
};

}  // namespace werkstroom::model
