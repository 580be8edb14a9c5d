#include "scenario/validation.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "kernel/calendar.hpp"
#include "model/centre/timing.hpp"
#include "model/metric_registry.hpp"
#include "scenario/parameter_visitor.hpp"
#include "scenario/replication_draws.hpp"
#include "scenario/toml_values.hpp"

namespace werkstroom::scenario::detail {

namespace {

constexpr double kShareSumTolerance = 1e-6;
constexpr double kPairTolerance = 1e-9;  // rounding of two decimal shares

class Checker {
 public:
  Checker(const model::ModelParameters& p, const std::map<std::string, SourcePosition>& positions,
          const std::vector<std::string>& files)
      : p_(p), positions_(positions), files_(files) {}

  void run() const {
    check_sectors();
    check_sector_weights();
    check_horizon();
    check_dates();
    check_bankruptcy_sectors();
    check_bankruptcy_staff();
    check_centre_budget();
    check_instruments();
    check_age_band();
    check_economy();
    check_uncertainty();
    check_reference_targets();
  }

 private:
  const model::ModelParameters& p_;
  const std::map<std::string, SourcePosition>& positions_;
  const std::vector<std::string>& files_;

  [[nodiscard]] SourcePosition at(const std::string& path) const {
    const auto it = positions_.find(path);
    return it != positions_.end() ? it->second : SourcePosition{};
  }

  /// 0 for --set, 1 + index in files_, or after all files when unknown: lower is more recent.
  [[nodiscard]] std::size_t recency(const std::string& path) const {
    const std::string& file = at(path).file;
    if (file == "--set") return 0;
    const auto it = std::find(files_.begin(), files_.end(), file);
    return 1 + static_cast<std::size_t>(it - files_.begin());
  }

  /// The most recently set of `paths`; the last one on a tie.
  [[nodiscard]] std::string latest(const std::vector<std::string>& paths) const {
    std::string best = paths.front();
    for (const std::string& path : paths) {
      if (recency(path) <= recency(best)) best = path;
    }
    return best;
  }

  [[noreturn]] void fail(const std::string& path, const std::string& expected,
                         const std::string& found) const {
    throw ScenarioError(at(path), path, expected, found);
  }

  static std::string element(const std::string& array, std::size_t i, const std::string& key) {
    return array + "[" + std::to_string(i) + "]." + key;
  }

  void check_sectors() const {
    std::set<std::string> names;
    double sum = 0.0;
    for (std::size_t i = 0; i < p_.sectors.size(); ++i) {
      const model::SectorParameters& s = p_.sectors[i];
      if (s.name.empty()) fail(element("sectors", i, "name"), "a non-empty sector name", "\"\"");
      if (!names.insert(s.name).second) {
        fail(element("sectors", i, "name"), "a sector name not used before", quote(s.name));
      }
      sum += s.employment_share;
      check_pair(i, "surplus_share", s.surplus_share, "shortage_share", s.shortage_share);
      check_pair(i, "surplus_share_end", s.surplus_share_end, "shortage_share_end",
                 s.shortage_share_end);
    }
    // An empty sector list has nothing to sum (the file left [[sectors]] out).
    if (!p_.sectors.empty() && std::fabs(sum - 1.0) > kShareSumTolerance) {
      std::vector<std::string> shares;
      for (std::size_t i = 0; i < p_.sectors.size(); ++i) {
        shares.push_back(element("sectors", i, "employment_share"));
      }
      throw ScenarioError(at(latest(shares)), "sectors[*].employment_share",
                          "employment shares summing to 1 (within 1e-6)",
                          "a sum of " + format_number(sum));
    }
  }

  void check_pair(std::size_t i, const std::string& first_key, double first,
                  const std::string& second_key, double second) const {
    if (first + second > 1.0 + kPairTolerance) {
      fail(latest({element("sectors", i, first_key), element("sectors", i, second_key)}),
           first_key + " + " + second_key + " <= 1",
           format_number(first) + " + " + format_number(second) + " = " +
               format_number(first + second));
    }
  }

  void check_sector_weights() const {
    for (std::size_t c = 0; c < model::kCohortCount; ++c) {
      const std::vector<double>& weights = p_.cohorts[c].attributes.sector_weights;
      if (!weights.empty() && weights.size() != p_.sectors.size()) {
        fail(std::string("cohorts.") + model::kCohortNames[c] + ".attributes.sector_weights",
             "one weight per sector (" + std::to_string(p_.sectors.size()) + " sectors)",
             std::to_string(weights.size()) + (weights.size() == 1 ? " weight" : " weights"));
      }
      // The model draws a sector with these weights: they need something to draw.
      double sum = 0.0;
      for (const double w : weights) sum += w;
      if (!weights.empty() && !(sum > 0.0)) {
        fail(std::string("cohorts.") + model::kCohortNames[c] + ".attributes.sector_weights",
             "weights with a positive sum (a sector to draw)", "all weights 0");
      }
    }
  }

  void check_horizon() const {
    const kernel::Date& start = p_.horizon.start_date;
    const kernel::Date& end = p_.horizon.service_end_date;
    if (end > start) return;
    if (latest({"horizon.start_date", "horizon.service_end_date"}) == "horizon.start_date") {
      fail("horizon.start_date", "a date before horizon.service_end_date (" + end.to_string() + ")",
           start.to_string());
    }
    fail("horizon.service_end_date", "a date after horizon.start_date (" + start.to_string() + ")",
         end.to_string());
  }

  void check_age_band() const {
    const double low = p_.distance.age_band_low_years;
    const double high = p_.distance.age_band_high_years;
    if (low < high) return;
    if (latest({"distance.age_band_low_years", "distance.age_band_high_years"}) ==
        "distance.age_band_low_years") {
      fail("distance.age_band_low_years",
           "an age below distance.age_band_high_years (" + fmt_number(high) + ")", fmt_number(low));
    }
    fail("distance.age_band_high_years",
         "an age above distance.age_band_low_years (" + fmt_number(low) + ")", fmt_number(high));
  }

  static std::string fmt_number(double x) {
    std::string text = std::to_string(x);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  void check_date(const std::string& path, const kernel::Date& date) const {
    const kernel::Date first = p_.horizon.start_date;
    const kernel::Date last = add_months(p_.horizon.service_end_date, p_.horizon.follow_up_months);
    if (date < first || date > last) {
      fail(path,
           "a date within [" + first.to_string() + ", " + last.to_string() +
               "] (horizon.start_date to horizon.service_end_date + follow_up_months)",
           date.to_string());
    }
  }

  void check_dates() const {
    for (std::size_t i = 0; i < p_.staff.schedule.size(); ++i) {
      check_date(element("staff.schedule", i, "date"), p_.staff.schedule[i].date);
    }
    for (std::size_t i = 0; i < p_.shocks.bankruptcies.size(); ++i) {
      check_date(element("shocks.bankruptcies", i, "date"), p_.shocks.bankruptcies[i].date);
    }
    if (p_.shocks.now_end_enabled) check_date("shocks.now_end_date", p_.shocks.now_end_date);
    if (p_.shocks.campaign_enabled) check_date("shocks.campaign_date", p_.shocks.campaign_date);
    for (std::size_t i = 0; i < p_.horizon.holidays.size(); ++i) {
      check_date("horizon.holidays[" + std::to_string(i) + "]", p_.horizon.holidays[i]);
    }
  }

  /// A reference target names a key figure of the registry and says whose target it is.
  void check_reference_targets() const {
    for (std::size_t i = 0; i < p_.targets.references.size(); ++i) {
      const model::ReferenceTarget& r = p_.targets.references[i];
      const model::MetricInfo* info = model::find_metric(r.figure);
      if (info == nullptr || info->kind != model::MetricKind::key_figure) {
        fail(element("targets.references", i, "figure"),
             "the name of a key figure (docs/results-schema.md), e.g. \"placements\"",
             quote(r.figure));
      }
      if (r.label.empty()) {
        fail(element("targets.references", i, "label"),
             "a label saying whose target it is, for which period and scope", "\"\"");
      }
    }
  }

  void check_bankruptcy_sectors() const {
    for (std::size_t i = 0; i < p_.shocks.bankruptcies.size(); ++i) {
      const std::string& name = p_.shocks.bankruptcies[i].sector;
      const bool known =
          std::any_of(p_.sectors.begin(), p_.sectors.end(),
                      [&](const model::SectorParameters& s) { return s.name == name; });
      if (!known) {
        std::string names;
        for (const model::SectorParameters& s : p_.sectors) {
          if (!names.empty()) names += ", ";
          names += quote(s.name);
        }
        fail(element("shocks.bankruptcies", i, "sector"),
             names.empty() ? "the name of a sector (there are no sectors)"
                           : "the name of a sector: one of " + names,
             quote(name));
      }
    }
  }

  /// All bankruptcies together cost at most the people of a region's group (kPeople): each is
  /// bounded, and so is their number's effect on the run.
  void check_bankruptcy_staff() const {
    double total = 0.0;
    for (std::size_t i = 0; i < p_.shocks.bankruptcies.size(); ++i) {
      total += p_.shocks.bankruptcies[i].staff;
      if (total > kPeople.max) {
        fail(element("shocks.bankruptcies", i, "staff"),
             "bankruptcies costing at most " + format_number(kPeople.max) +
                 " jobs together (a region's plausibility bound)",
             "a total of " + format_number(total) + " by bankruptcy " + std::to_string(i + 1));
      }
    }
  }

  /// The centre budget pays every internal advisor until the service ends, as the model
  /// commits it (Staffing::add_advisor): an advisor added on day d commits
  /// (service end - d) / 7 weeks of hours_per_week * internal_cost_per_hour_eur, and one retired
  /// on day r gives back what it would have cost after r. The starting staff and each change
  /// of staff.schedule within the service, in time order, must fit in what is left. (External
  /// advisors are hired only when the budget can pay them, so they never fail a run.) Only
  /// with the service enabled: without it the centre never starts.
  void check_centre_budget() const {
    if (!p_.service_enabled) return;  // no centre: nobody is hired
    // The worst a replication can draw ([uncertainty]; staff.advisors is an integer and cannot
    // be drawn): the highest hours and cost, the lowest budget (the rule is monotone in each).
    model::StaffParameters staff = p_.staff;
    double budget = p_.budget.centre_budget_eur;
    std::vector<std::string> drawn;
    const auto worst = [&](const std::string& key, double value, bool high) {
      for (std::size_t i = 0; i < p_.uncertainty.parameters.size(); ++i) {
        const model::UncertainParameter& d = p_.uncertainty.parameters[i];
        if (d.key != key) continue;
        const double bound = high ? d.upper : d.lower;
        value = d.mode == 1 ? value * bound : bound;
        drawn.push_back(element("uncertainty.parameters", i, high ? "upper" : "lower"));
      }
      return value;
    };
    staff.hours_per_week = worst("staff.hours_per_week", staff.hours_per_week, true);
    staff.internal_cost_per_hour_eur =
        worst("staff.internal_cost_per_hour_eur", staff.internal_cost_per_hour_eur, true);
    budget = worst("budget.centre_budget_eur", budget, false);
    const kernel::Calendar calendar(p_.horizon.start_date, {});
    const double end_day = calendar.time_of(p_.horizon.service_end_date).days_since_start() + 1.0;
    const double eur_per_day =
        staff.hours_per_week * staff.internal_cost_per_hour_eur / model::kWeekDays;
    if (!(eur_per_day > 0.0)) return;
    struct Change {
      double day;
      int advisors;
      std::string key;
    };
    std::vector<Change> changes{{0.0, staff.advisors, "staff.advisors"}};
    for (std::size_t i = 0; i < staff.schedule.size(); ++i) {
      const double day = calendar.time_of(staff.schedule[i].date).days_since_start();
      if (day >= 0.0 && day < end_day) {
        changes.push_back(
            {day, staff.schedule[i].advisors, element("staff.schedule", i, "advisors")});
      }
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& a, const Change& b) { return a.day < b.day; });
    // The starting staff are committed exactly as the ledger does; for a later change, spent
    // and outstanding money are summed in another order, so a cent of slack: a budget short by
    // less is refused here rather than failing a run.
    constexpr double kCent = 0.01;
    double used = 0.0;  // committed to active advisors plus spent on retired ones
    int active = 0;
    for (const Change& change : changes) {
      while (active < change.advisors) {
        // As Staffing::add_advisor computes and the ledger compares it (the same roundings).
        const double cost = std::max(0.0, (end_day - change.day) / model::kWeekDays) *
                            staff.hours_per_week * staff.internal_cost_per_hour_eur;
        if (cost > budget - used - (change.day > 0.0 ? kCent : 0.0)) {
          const std::string date =
              change.day == 0.0 ? p_.horizon.start_date.to_string()
                                : calendar.date_of(kernel::Time::at_day(change.day)).to_string();
          std::vector<std::string> keys{"budget.centre_budget_eur", change.key,
                                        "staff.hours_per_week", "staff.internal_cost_per_hour_eur",
                                        "horizon.service_end_date"};
          keys.insert(keys.end(), drawn.begin(), drawn.end());
          fail(latest(keys),
               "a budget.centre_budget_eur that pays the advisors until the service ends: "
               "advisor " +
                   std::to_string(active + 1) + " from " + date + " costs EUR " +
                   format_number(std::round(cost)),
               "EUR " + format_number(budget) + " with EUR " +
                   format_number(std::max(0.0, std::round(budget - used))) + " left then" +
                   (drawn.empty() ? std::string()
                                  : " (at the worst values [uncertainty] can draw)"));
        }
        used += cost;
        ++active;
      }
      for (; active > change.advisors; --active) used -= (end_day - change.day) * eur_per_day;
    }
  }

  void check_instruments() const {
    std::set<std::string> names;
    for (std::size_t i = 0; i < p_.instruments.size(); ++i) {
      const model::InstrumentParameters& instrument = p_.instruments[i];
      if (instrument.budget_stream != "instruments" && instrument.budget_stream != "maatwerk") {
        fail(element("instruments", i, "budget_stream"), "one of \"instruments\", \"maatwerk\"",
             quote(instrument.budget_stream));
      }
      if (instrument.name.empty()) {
        fail(element("instruments", i, "name"), "a non-empty instrument name", "\"\"");
      }
      if (!names.insert(instrument.name).second) {
        fail(element("instruments", i, "name"), "an instrument name not used before",
             quote(instrument.name));
      }
    }
  }

  /// Each drawn parameter names a number (or, to scale, a number list) of the scenario once,
  /// with a range that keeps every drawn value valid for that parameter, so a replication
  /// never draws what a file could not say.
  /// The observed months are leading months of the paths, so each path that is given must
  /// have them. (An empty path is no economy: its elasticities multiply by 1.)
  void check_economy() const {
    const model::EconomyParameters& e = p_.economy;
    const auto observed = static_cast<std::size_t>(e.observed_months);
    for (const auto& [key, path] :
         {std::pair<std::string, const std::vector<double>*>{"economy.unemployment_rate_pct",
                                                             &e.unemployment_rate_pct},
          {"economy.vacancies_per_unemployed", &e.vacancies_per_unemployed}}) {
      if (observed > 0 && !path->empty() && path->size() < observed) {
        fail("economy.observed_months",
             "at most the length of " + key + " (" + std::to_string(path->size()) + ")",
             std::to_string(observed));
      }
    }
    if (observed > 0 && e.unemployment_rate_pct.empty() && e.vacancies_per_unemployed.empty()) {
      fail("economy.observed_months", "0 when the economy has no path", std::to_string(observed));
    }
  }

  void check_uncertainty() const {
    std::set<std::string> keys;
    const auto& drawn = p_.uncertainty.parameters;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
      const model::UncertainParameter& d = drawn[i];
      const std::string at_key = element("uncertainty.parameters", i, "key");
      const NumericParameter found = find_numeric_parameter(p_, d.key);
      const bool scale = d.mode == 1;
      if (found.kind == NumericParameter::Kind::missing || d.key.rfind("uncertainty.", 0) == 0) {
        fail(at_key, "the key path of a number of the scenario", quote(d.key));
      }
      if (found.kind == NumericParameter::Kind::other) {
        fail(at_key, "the key path of a number or a number list", quote(d.key) + " (not a number)");
      }
      if (found.kind == NumericParameter::Kind::number_list && !scale) {
        fail(element("uncertainty.parameters", i, "mode"),
             "\"scale\" for a number list (a factor on every element)", "\"value\"");
      }
      if (!keys.insert(d.key).second) {
        fail(at_key, "a key not drawn by an earlier entry", quote(d.key));
      }
      const std::string at_lower = element("uncertainty.parameters", i, "lower");
      const std::string at_upper = element("uncertainty.parameters", i, "upper");
      if (!(d.lower <= d.upper)) {
        fail(at_upper, "upper >= lower (" + format_number(d.lower) + ")", format_number(d.upper));
      }
      if (scale && d.lower < 0.0) fail(at_lower, "a factor >= 0", format_number(d.lower));
      // The drawn values' extremes must lie in the parameter's own range.
      for (const double x : found.values) {
        for (const auto& [bound, path] :
             {std::pair{d.lower, at_lower}, std::pair{d.upper, at_upper}}) {
          const double value = scale ? x * bound : bound;
          if (value < found.range.min || value > found.range.max) {
            fail(path,
                 "a bound giving values in the range of " + d.key + " (" +
                     range_text(found.range, false) + ")",
                 format_number(bound) +
                     (scale ? " (x " + format_number(x) + " = " + format_number(value) + ")" : ""));
          }
        }
      }
      if (d.distribution == 1) {
        const double peak = scale ? 1.0 : found.values.front();
        if (peak < d.lower || peak > d.upper) {
          fail(at_key,
               std::string("a triangle around the peak: lower <= ") +
                   (scale ? "1" : "the value of " + d.key) + " <= upper",
               "[" + format_number(d.lower) + ", " + format_number(d.upper) + "] around " +
                   format_number(peak));
        }
      }
    }
  }
};

}  // namespace

kernel::Date add_months(const kernel::Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  kernel::Date result{index / 12, index % 12 + 1, date.day};
  result.day = std::min(result.day, kernel::days_in_month(result.year, result.month));
  return result;
}

void check_cross_field_rules(const model::ModelParameters& p,
                             const std::map<std::string, SourcePosition>& positions,
                             const std::vector<std::string>& files) {
  Checker(p, positions, files).run();
}

}  // namespace werkstroom::scenario::detail
