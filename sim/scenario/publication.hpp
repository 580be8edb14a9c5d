#pragma once
// When a scenario input was published, and the information cut-off: a plan is made at the
// scenario's start date and may use only figures published before it (issue 13, item 5).
//
// A value says when its figure appeared with `published` beside `value` and `source`
// (`key = { value = 4618, source = "public: ...", published = 2020-10-15 }`), or a table says it
// for the values it labels (`published = 2020-10` beside the table's `source`). The date is a
// TOML date, a string "YYYY-MM-DD", or a string "YYYY-MM" when only the month is known; a month
// counts as its last day for the cut-off (a figure "published in November" may have appeared
// on 30 November). A value published on or after the start date is an error.

#include <map>
#include <string>

#include "kernel/calendar.hpp"
#include "scenario/scenario_error.hpp"

namespace werkstroom::scenario {

struct Publication {
  std::string text;         // as written: "2020-10-15" or "2020-10"
  kernel::Date latest;      // the latest day it may have appeared (a month's last day)
  SourcePosition position;  // of the `published` value
};

/// Parses "YYYY-MM-DD" or "YYYY-MM"; throws std::invalid_argument naming the text otherwise.
[[nodiscard]] Publication parse_publication(const std::string& text, SourcePosition position);

/// Throws ScenarioError (at the `published` value, key "<key>.published") for the first value
/// published on or after `start` (the scenario's start date): expected "a publication date
/// before the scenario's start date <start>", found the date as written.
void check_information_cutoff(const std::map<std::string, Publication>& published,
                              const kernel::Date& start);

}  // namespace werkstroom::scenario
