#pragma once
// The console report of `werkstroom robustness` (experiment/robustness.hpp): the settings and
// what was left out, the baseline difference, the screening table sorted by effect, the
// one-at-a-time extremes with "can flip the recommendation", and a text tornado of the net
// savings difference.

#include <string>
#include <vector>

#include "experiment/language.hpp"
#include "experiment/robustness.hpp"

namespace werkstroom::experiment {

/// The whole report, in `language`.
[[nodiscard]] std::string robustness_report(const RobustnessResult& result, Language language);

/// One line of the text tornado: the span from the baseline to the difference at lo drawn
/// with '=', to the difference at hi with '#', the baseline as '|' and zero as ':' (when on
/// the axis), on an axis from `axis_min` to `axis_max` of `width` characters.
[[nodiscard]] std::string tornado_bar(double baseline, double at_lo, double at_hi, double axis_min,
                                      double axis_max, int width);

}  // namespace werkstroom::experiment
