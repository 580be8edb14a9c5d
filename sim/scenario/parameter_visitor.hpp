#pragma once
// One list of every scenario parameter (bind_parameters), walked by visitors: the TOML loader
// reads values into it, `describe` prints it, the viewer's levers and the calibrator's key
// paths address it. Adding a parameter to ModelParameters means adding one line to
// bind_parameters; nothing else needs to know the list.

#include <functional>
#include <string>
#include <vector>

#include "kernel/calendar.hpp"
#include "model/parameters.hpp"

namespace werkstroom::scenario {

/// Inclusive bounds of a numeric parameter.
struct Range {
  double min = -1e300;
  double max = 1e300;
};
/// Unbounded ranges: for checks of values outside the parameter list (a calibration spec's
/// settings, a plausible range's ends, a visitor's default), never for a parameter.
inline constexpr Range kAnyNumber{};
inline constexpr Range kNonNegative{0.0, 1e300};
inline constexpr Range kPositive{1e-12, 1e300};

inline constexpr Range kShare{0.0, 1.0};

// Plausibility bounds (issue 16): every number of the schema has finite bounds that a real Dutch
// labour-market region never reaches, so that no accepted value can make a run hang, allocate
// without end or vanish in a conversion (a count of 1e300 people), and the worst accepted value
// of each still simulates in seconds. `describe` states them; the loader, `validate` and --set
// check them. Generous on purpose: a bound is where a value stops being a region, not where it
// stops being likely (that is a value's plausible `range`, loader.hpp).

/// People in one group of a region: a cohort's starting stock, a bankruptcy's staff, the jobs a
/// shock threatens, a waiting list. The largest of the 35 labour-market regions
/// (Rijnmond) has about 1.5 million people of working age and a WW or bijstand stock of some
/// tens of thousands; the whole country's WW stock was about 300,000 in 2020 (CBS).
inline constexpr Range kPeople{0.0, 200000.0};
/// People entering a cohort per month: the whole country's monthly WW inflow stayed below
/// 60,000 even in the spring of 2020 (UWV); a region's is some thousands at most.
inline constexpr Range kPeoplePerMonth{0.0, 20000.0};
/// Monthly hazard rates: 30 per month is a mean stay of one day in a state.
inline constexpr Range kRatePerMonth{0.0, 30.0};
/// Decline of a hazard per month of the spell (exp(-decline * months)): 10 halves it in two
/// days.
inline constexpr Range kDeclinePerMonth{0.0, 10.0};
/// Factors on a hazard, a count or a rate: a hundredfold.
inline constexpr Range kMultiplier{0.0, 100.0};
/// Staff hours of one activity for one client or employer (an intake, a plan, a visit, an
/// instrument's session): one working week.
inline constexpr Range kActivityHours{0.0, 40.0};
/// Whole budgets: EUR 1e9 is more than a region's whole labour-market budget for years (the
/// national budget for the crisis support teams of 2021 was about EUR 0.1e9).
inline constexpr Range kBudgetEur{0.0, 1e9};
/// Money per person or place (an instrument's cost, a cap per person): EUR 1 million.
inline constexpr Range kEurPerPerson{0.0, 1e6};
/// A monthly wage, benefit or maximum day wage times 21.75 days: EUR 100,000 a month.
inline constexpr Range kEurPerMonth{0.0, 100000.0};
/// An hourly cost of an advisor: EUR 1,000 an hour (real: some EUR 50 to 150).
inline constexpr Range kEurPerHour{0.0, 1000.0};
/// Durations in months (an effect, an entitlement, a mean time already spent): ten years, the
/// longest WW entitlement being 38 months (24 since 2019).
inline constexpr Range kMonths{0.0, 120.0};
/// A WW entitlement in months: at most a working life, so "never runs out within the horizon"
/// can be said (the law's maximum is 24 months since 2019, 38 before).
inline constexpr Range kEntitlementMonths{0.0, 600.0};
/// Durations in years (a working history, years in a job, an age spread): a working life.
inline constexpr Range kYears{0.0, 60.0};
/// Durations in days (a notice period, patience, a vacancy's lifetime): two years.
inline constexpr Range kDays{0.0, 730.0};
/// Durations in weeks (an instrument, a hiring lead time): three years.
inline constexpr Range kWeeks{0.0, 156.0};
/// Points of the selection score and units of distance to work: the default weights are single
/// digits; a thousand leaves room for any rescaling.
inline constexpr Range kPoints{-1000.0, 1000.0};
inline constexpr Range kNonNegativePoints{0.0, 1000.0};
/// Weights of a distribution over sectors (normalised by their sum).
inline constexpr Range kWeights{0.0, 1e6};
/// Outreach volumes per week or month and per visit (calls, requests, referrals, vacancies):
/// ten thousand, far above what a team of a few hundred advisors can make.
inline constexpr Range kVolume{0.0, 10000.0};
/// Advisors of a region's centre: a few hundred at the very most (the national crisis teams
/// together had about 1,000).
inline constexpr Range kAdvisors{0, 500};
/// Staff of one bankruptcy: the largest Dutch bankruptcies (V&D 2015, Imtech 2015) cost some
/// 10,000 jobs. All bankruptcies of a scenario together stay within kPeople (validation).
inline constexpr double kBankruptcyStaff = 20000.0;
/// The ends of a drawn parameter's range ([[uncertainty.parameters]]): as wide as the widest
/// bound of a drawable parameter (a budget); validation checks them against the drawn
/// parameter's own bounds.
inline constexpr Range kDrawBound{-1e9, 1e9};

/// The visitor sees each parameter with its key path relative to the current table, its unit
/// (for describe) and its valid range. Arrays of tables are entered through table_array.
class ParameterVisitor {
 public:
  virtual ~ParameterVisitor() = default;
  virtual void number(const std::string& key, double& value, const char* unit, Range range) = 0;
  virtual void integer(const std::string& key, int& value, const char* unit, Range range) = 0;
  virtual void boolean(const std::string& key, bool& value) = 0;
  virtual void text(const std::string& key, std::string& value) = 0;
  virtual void date(const std::string& key, kernel::Date& value) = 0;
  virtual void number_list(const std::string& key, std::vector<double>& value, const char* unit,
                           Range range) = 0;
  virtual void date_list(const std::string& key, std::vector<kernel::Date>& value) = 0;
  /// An enumeration stored as an index into `names`.
  virtual void choice(const std::string& key, int& index,
                      const std::vector<std::string>& names) = 0;
  /// Enters a sub-table: the body's keys are relative to it.
  virtual void table(const std::string& key, const std::function<void()>& body) = 0;
  /// An array of tables. `resize` sets the element count (when reading); `element(i)` binds
  /// element i's fields. `count` gives the current count (when describing).
  virtual void table_array(const std::string& key, std::size_t count,
                           const std::function<void(std::size_t)>& resize,
                           const std::function<void(std::size_t)>& element) = 0;
};

/// A visitor over the current values that keeps the key path of the table it is in (for
/// listing parameters by key path: "instruments[2].cost_eur"). Arrays of tables are walked
/// over their current elements; path_of(key) is the full key path of a key of the table.
class PathTrackingVisitor : public ParameterVisitor {
 public:
  void table(const std::string& key, const std::function<void()>& body) override {
    const std::string saved = prefix_;
    prefix_ = path_of(key);
    body();
    prefix_ = saved;
  }
  void table_array(const std::string& key, std::size_t count,
                   const std::function<void(std::size_t)>& /*resize*/,
                   const std::function<void(std::size_t)>& element) override {
    const std::string saved = prefix_;
    const std::string path = path_of(key);
    for (std::size_t i = 0; i < count; ++i) {
      prefix_ = path + "[" + std::to_string(i) + "]";
      element(i);
    }
    prefix_ = saved;
  }

 protected:
  [[nodiscard]] std::string path_of(const std::string& key) const {
    return prefix_.empty() ? key : prefix_ + "." + key;
  }

 private:
  std::string prefix_;
};

/// Walks every parameter of the model in a fixed order.
void bind_parameters(ParameterVisitor& v, model::ModelParameters& p);

}  // namespace werkstroom::scenario
