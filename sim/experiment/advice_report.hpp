#pragma once
// The advisor's report (experiment/staffing_advisor.hpp) for the console and as CSV.

#include <string>

#include "experiment/language.hpp"
#include "experiment/staffing_advisor.hpp"

namespace werkstroom::experiment {

/// The criteria, per option its pass rates and figures, and the recommendation in one sentence
/// with its objective and the binding criterion.
[[nodiscard]] std::string advice_table(const StaffingAdvice& advice, const AdviceCriteria& criteria,
                                       Language language);
/// The verdict sentence alone (the table's last line; the viewer shows it too).
[[nodiscard]] std::string advice_verdict(const StaffingAdvice& advice,
                                         const AdviceCriteria& criteria, Language language);
/// One row per option: advisors, instrument budget, each criterion's pass rate, the joint
/// probability, feasibility, the means of cost, placements, net savings and the worst month's
/// p90 wait, and whether it is the recommendation.
[[nodiscard]] std::string advice_csv(const StaffingAdvice& advice, const AdviceCriteria& criteria);

}  // namespace werkstroom::experiment
