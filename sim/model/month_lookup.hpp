#pragma once
// Where a day lies among the month boundaries, in constant time. The model looks this up for
// every spell of every person; a binary search over the boundaries was a tenth of building a
// population. Contract: the answers are exactly those of std::lower_bound / std::upper_bound on
// the boundaries, for every day (the table only gives a starting point, which is then corrected
// by comparing with the boundaries themselves), so results do not change.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace werkstroom::model {

class MonthLookup {
 public:
  MonthLookup() = default;
  /// `boundaries` must be sorted (month starts in days, the horizon's end last).
  explicit MonthLookup(std::vector<double> boundaries) : bounds_(std::move(boundaries)) {
    if (bounds_.empty()) return;
    const double span = bounds_.back() - bounds_.front();
    if (!(span >= 0.0 && span < kMaxTableDays)) return;  // binary search only
    first_day_ = std::floor(bounds_.front());
    const auto days = static_cast<std::size_t>(bounds_.back() - first_day_) + 1;
    table_.resize(days);
    // One sweep: the days rise, so the count of boundaries below them only grows (the same
    // counts as a lower_bound per day, which cost a search per day of the horizon).
    std::size_t below = 0;
    for (std::size_t k = 0; k < days; ++k) {
      const double day = first_day_ + static_cast<double>(k);
      while (below < bounds_.size() && bounds_[below] < day) ++below;
      table_[k] = static_cast<std::uint32_t>(below);
    }
  }

  [[nodiscard]] const std::vector<double>& boundaries() const { return bounds_; }

  /// How many boundaries are < day (std::lower_bound's position).
  [[nodiscard]] std::size_t count_below(double day) const {
    std::size_t g = 0;
    if (!guess(day, g)) return count_below_searched(day);
    while (g > 0 && bounds_[g - 1] >= day) --g;
    while (g < bounds_.size() && bounds_[g] < day) ++g;
    return g;
  }

  /// How many boundaries are <= day (std::upper_bound's position).
  [[nodiscard]] std::size_t count_at_or_below(double day) const {
    std::size_t g = 0;
    if (!guess(day, g)) {
      return static_cast<std::size_t>(std::upper_bound(bounds_.begin(), bounds_.end(), day) -
                                      bounds_.begin());
    }
    while (g > 0 && bounds_[g - 1] > day) --g;
    while (g < bounds_.size() && bounds_[g] <= day) ++g;
    return g;
  }

  /// How many boundaries after the first are < day: the first month end at or after `day`
  /// when the boundaries are month starts (std::lower_bound from the second boundary on).
  [[nodiscard]] std::size_t month_ends_before(double day) const {
    const std::size_t below = count_below(day);
    return below > 0 ? below - 1 : 0;
  }

 private:
  // Longest horizon in days with a table (about 270 years); longer ones use binary search.
  static constexpr double kMaxTableDays = 100000.0;

  [[nodiscard]] std::size_t count_below_searched(double day) const {
    return static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), day) -
                                    bounds_.begin());
  }

  // The table's answer for the whole day at or before `day`; false when `day` lies outside the
  // table (or is NaN), where the caller searches instead.
  bool guess(double day, std::size_t& g) const {
    if (!(day >= first_day_)) return false;
    const double offset = day - first_day_;
    if (!(offset < static_cast<double>(table_.size()))) return false;
    g = table_[static_cast<std::size_t>(offset)];
    return true;
  }

  std::vector<double> bounds_;
  double first_day_ = 0.0;
  std::vector<std::uint32_t> table_;  // count_below(first_day_ + k) for whole days k
};

}  // namespace werkstroom::model
