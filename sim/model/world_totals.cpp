#include "model/world_totals.hpp"

#include <algorithm>
#include <numeric>

namespace werkstroom::model {

WorldTotals::WorldTotals(const ModelParameters& p, std::vector<double> month_starts)
    : p_(p), month_starts_(std::move(month_starts)), lookup_(month_starts_) {
  const std::size_t n = months();
  for (auto& d : running_delta_) d.assign(n + 1, 0.0);
  for (const WorldFlow& flow : kWorldFlows) (series_.*flow.member).assign(n, 0.0);
}

namespace {
// Index of the month containing `day` (clamped to [0, months - 1]).
std::size_t month_index(const MonthLookup& lookup, double day) {
  const auto i = static_cast<std::ptrdiff_t>(lookup.count_at_or_below(day)) - 1;
  return static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(
      i, 0, static_cast<std::ptrdiff_t>(lookup.boundaries().size()) - 2));
}
}  // namespace

void WorldTotals::add_spell(const Person& person, State state, std::optional<State> previous,
                            double ww_spell_start, double start, double end) {
  const double horizon = month_starts_.back();
  end = std::min(end, horizon);
  const auto s = static_cast<std::size_t>(state);
  // Month-end m is the instant month_starts_[m + 1]; the person counts there if
  // start <= boundary < end. Boundaries are sorted: add +1 at the first, -1 after the last.
  const std::size_t first = lookup_.month_ends_before(start);
  const std::size_t past = lookup_.month_ends_before(end);
  // A spell ending exactly at the horizon still holds at the last month end.
  const std::size_t last_excl = (end >= horizon) ? months() : past;
  if (first < last_excl) {
    running_delta_[s][first] += 1.0;
    running_delta_[s][last_excl] -= 1.0;
  }
  if (start >= 0.0 && start < horizon) {
    const std::size_t m = month_index(lookup_, start);
    if (state == State::ww && previous != State::ww) {
      series_.ww_inflow[m] += 1.0;
      // add_path starts a WW spell's right ww_days_used before the spell: an earlier WW spell.
      if (ww_spell_start < start) series_.ww_returns[m] += 1.0;
    }
    if (state == State::pw && previous != State::pw) series_.pw_inflow[m] += 1.0;
    if ((state == State::employed || state == State::self_employed) && previous) {
      switch (*previous) {
        case State::threatened:
        case State::seconded:
          series_.work_to_work[m] += 1.0;
          break;
        case State::ww:
          series_.work_after_ww[m] += 1.0;
          break;
        case State::pw:
          series_.work_after_pw[m] += 1.0;
          break;
        default:
          series_.work_after_other[m] += 1.0;
          break;
      }
    }
  }
  if (state == State::ww || state == State::pw) {
    add_benefit(person, state, ww_spell_start, std::max(start, 0.0), end);
  }
}

void WorldTotals::add_benefit(const Person& person, State state, double spell_start, double start,
                              double end) {
  if (end <= start) return;
  const BenefitParameters& b = p_.benefits;
  const double wage =
      std::min(static_cast<double>(person.attributes.last_wage_eur), b.ww_max_monthly_wage_eur);
  const double switch_day = spell_start + b.ww_first_months * kDaysPerMonth;
  std::size_t m = month_index(lookup_, start);
  double a = start;
  while (a < end && m < months()) {
    const double b_end = std::min(end, month_starts_[m + 1]);
    const double months_in = (b_end - a) / kDaysPerMonth;
    if (state == State::ww) {
      series_.ww_benefit_months[m] += months_in;
      // Higher replacement rate in the first months of the spell.
      const double early = std::clamp(switch_day, a, b_end) - a;
      const double late = (b_end - a) - early;
      series_.ww_benefit_eur[m] +=
          wage * (early * b.ww_replacement_first_months + late * b.ww_replacement_after) /
          kDaysPerMonth;
    } else {
      series_.pw_benefit_months[m] += months_in;
      series_.pw_benefit_eur[m] += months_in * b.pw_monthly_cost_eur;
    }
    a = b_end;
    ++m;
  }
}

void WorldTotals::add_path(const Person& person, std::span<const Spell> path) {
  const double horizon = month_starts_.back();
  std::optional<State> previous;
  double ww_days_used = 0.0;  // of earlier WW spells: a revived benefit goes on where it stopped
  for (std::size_t i = 0; i < path.size(); ++i) {
    const double start = path[i].start_day;
    if (start >= horizon) break;
    const double end = i + 1 < path.size() ? std::min(path[i + 1].start_day, horizon) : horizon;
    // The benefit's first months (the higher rate) count from the start of the right, not of
    // the spell: a revived WW spell starts ww_days_used into it.
    add_spell(person, path[i].state, previous, start - ww_days_used, start, end);
    if (path[i].state == State::ww && i + 1 < path.size()) {
      ww_days_used += path[i + 1].start_day - start;
    }
    previous = path[i].state;
  }
}

WorldDifference world_difference(const WorldSeries& without, const WorldSeries& with) {
  const auto sum = [](const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
  };
  WorldDifference d;
  d.prevented_ww_inflow = sum(without.ww_inflow) - sum(with.ww_inflow);
  d.prevented_ww_returns = sum(without.ww_returns) - sum(with.ww_returns);
  d.prevented_ww_new_inflow = d.prevented_ww_inflow - d.prevented_ww_returns;
  d.prevented_pw_inflow = sum(without.pw_inflow) - sum(with.pw_inflow);
  d.benefit_months_saved = (sum(without.ww_benefit_months) - sum(with.ww_benefit_months)) +
                           (sum(without.pw_benefit_months) - sum(with.pw_benefit_months));
  d.ww_eur_saved = sum(without.ww_benefit_eur) - sum(with.ww_benefit_eur);
  d.pw_eur_saved = sum(without.pw_benefit_eur) - sum(with.pw_benefit_eur);
  d.benefit_eur_saved = d.ww_eur_saved + d.pw_eur_saved;
  return d;
}

void WorldTotals::merge(const WorldTotals& other) { combine(other, 1.0); }

void WorldTotals::subtract(const WorldTotals& other) { combine(other, -1.0); }

void WorldTotals::combine(const WorldTotals& other, double sign) {
  const auto add = [sign](std::vector<double>& into, const std::vector<double>& from) {
    for (std::size_t i = 0; i < into.size() && i < from.size(); ++i) into[i] += sign * from[i];
  };
  for (std::size_t s = 0; s < kStateCount; ++s) add(running_delta_[s], other.running_delta_[s]);
  for (const WorldFlow& flow : kWorldFlows) add(series_.*flow.member, other.series_.*flow.member);
}

WorldSeries WorldTotals::finish() const {
  WorldSeries out = series_;
  for (std::size_t s = 0; s < kStateCount; ++s) {
    out.running[s].assign(months(), 0.0);
    double level = 0.0;
    for (std::size_t m = 0; m < months(); ++m) {
      level += running_delta_[s][m];
      out.running[s][m] = level;
    }
  }
  return out;
}

}  // namespace werkstroom::model
