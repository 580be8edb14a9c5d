#include "scenario/publication.hpp"

#include <stdexcept>
#include <utility>

namespace werkstroom::scenario {

Publication parse_publication(const std::string& text, SourcePosition position) {
  constexpr std::size_t kMonthLength = 7;  // "YYYY-MM"
  if (text.size() == kMonthLength) {
    // A month: checked through the full date of its first day, then moved to its last day.
    const kernel::Date first = kernel::Date::parse(text + "-01");
    const kernel::Date last{first.year, first.month,
                            kernel::days_in_month(first.year, first.month)};
    return {text, last, std::move(position)};
  }
  return {text, kernel::Date::parse(text), std::move(position)};
}

void check_information_cutoff(const std::map<std::string, Publication>& published,
                              const kernel::Date& start) {
  for (const auto& [key, publication] : published) {
    if (publication.latest >= start) {
      throw ScenarioError(publication.position, key + ".published",
                          "a publication date before the scenario's start date " +
                              start.to_string() +
                              " (a plan may use only figures published before it; later "
                              "figures are validation data)",
                          publication.text);
    }
  }
}

}  // namespace werkstroom::scenario
