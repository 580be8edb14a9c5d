#include "experiment/advice_report.hpp"

#include <fmt/core.h>

namespace werkstroom::experiment {

namespace {

std::string option_name(const StaffingOption& o, Language language) {
  return fmt::format(
      fmt::runtime(language == Language::nl ? "{} adviseur(s), instrumentbudget EUR {:.0f}"
                                            : "{} advisor(s), instrument budget EUR {:.0f}"),
      o.level.advisors, o.level.instrument_budget_eur);
}

std::string objective_phrase(Objective objective, Language language) {
  const bool nl = language == Language::nl;
  switch (objective) {
    case Objective::cost:
      return nl ? "de laagste gemiddelde kosten" : "the lowest mean cost";
    case Objective::net_savings:
      return nl ? "de hoogste gemiddelde netto besparing" : "the highest mean net savings";
    case Objective::placements:
      return nl ? "de meeste plaatsingen gemiddeld" : "the most placements on average";
  }
  return "";
}

std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

}  // namespace

std::string advice_verdict(const StaffingAdvice& advice, const AdviceCriteria& criteria,
                           Language language) {
  const bool nl = language == Language::nl;
  std::string out;
  if (advice.recommended) {
    const StaffingOption& o = advice.options[*advice.recommended];
    out = fmt::format(
        fmt::runtime(nl ? "Advies: {}. Alle criteria gehaald in {} van de replicaties; {} van "
                          "de opties die de criteria halen."
                        : "Advice: {}. Every criterion met in {} of the replications; {} of "
                          "the options that meet the criteria."),
        option_name(o, language), percent(o.probability),
        objective_phrase(advice.objective, language));
  } else {
    out = nl ? fmt::format(
                   "Geen advies: geen geprobeerde optie haalt alle criteria in {} van "
                   "de replicaties.",
                   percent(criteria.required_probability))
             : fmt::format(
                   "No advice: no option tried meets every criterion in {} of the "
                   "replications.",
                   percent(criteria.required_probability));
  }
  if (advice.binding && advice.excluded) {
    const StaffingOption& x = advice.options[*advice.excluded];
    const std::string label = criterion_label(advice.criteria[*advice.binding], criteria, language);
    const double rate = x.pass_rate[*advice.binding];
    if (advice.recommended) {
      out += fmt::format(
          fmt::runtime(nl ? " Bindend criterium: '{}'; {} zou beter scoren maar haalt het in "
                            "{} van de replicaties."
                          : " Binding criterion: '{}'; {} would do better but meets it in {} "
                            "of the replications."),
          label, option_name(x, language), percent(rate));
    } else {
      out += fmt::format(
          fmt::runtime(nl ? " Bindend criterium: '{}'; de optie die het dichtst bij komt, {}, "
                            "haalt het in {} van de replicaties."
                          : " Binding criterion: '{}'; the closest option, {}, meets it in {} "
                            "of the replications."),
          label, option_name(x, language), percent(rate));
    }
  } else if (advice.recommended) {
    out += nl ? " Geen criterium is bindend: geen geprobeerde optie scoort beter."
              : " No criterion binds: no option tried does better.";
  }
  return out;
}

std::string advice_table(const StaffingAdvice& advice, const AdviceCriteria& criteria,
                         Language language) {
  const bool nl = language == Language::nl;
  std::string out = nl ? fmt::format(
                             "Criteria, per replicatie beoordeeld; een optie voldoet als "
                             "ze alle criteria haalt in minstens {} van de replicaties:\n",
                             percent(criteria.required_probability))
                       : fmt::format(
                             "Criteria, judged per replication; an option qualifies when "
                             "it meets all of them in at least {} of the replications:\n",
                             percent(criteria.required_probability));
  for (std::size_t c = 0; c < advice.criteria.size(); ++c) {
    out +=
        fmt::format("  c{}: {}\n", c + 1, criterion_label(advice.criteria[c], criteria, language));
  }
  out += fmt::format(fmt::runtime(nl ? "Doel: {}\n\n" : "Objective: {}\n\n"),
                     objective_phrase(advice.objective, language));
  out += fmt::format("{:>9}{:>16}", nl ? "adviseurs" : "advisors",
                     nl ? "instr.budget EUR" : "instr. EUR");
  for (std::size_t c = 0; c < advice.criteria.size(); ++c) {
    out += fmt::format("{:>7}", fmt::format("c{}", c + 1));
  }
  out += fmt::format("{:>7}{:>12}{:>12}{:>14}{:>12}\n", nl ? "alle" : "all",
                     nl ? "kosten EUR" : "cost EUR", nl ? "plaatsing." : "placements",
                     nl ? "netto EUR" : "net EUR", nl ? "p90 slechtst" : "worst p90");
  for (std::size_t i = 0; i < advice.options.size(); ++i) {
    const StaffingOption& o = advice.options[i];
    out += fmt::format("{:>9}{:>16.0f}", o.level.advisors, o.level.instrument_budget_eur);
    for (const double rate : o.pass_rate) out += fmt::format("{:>7}", percent(rate));
    out += fmt::format("{:>7}{:>12.0f}{:>12.1f}{:>14.0f}{:>12.1f}{}\n", percent(o.probability),
                       o.mean_cost_eur, o.mean_placements, o.mean_net_savings_eur,
                       o.mean_worst_month_wait,
                       advice.recommended == i ? (nl ? "  <- advies" : "  <- advice") : "");
  }
  out += "\n" + advice_verdict(advice, criteria, language) + "\n";
  return out;
}

std::string advice_csv(const StaffingAdvice& advice, const AdviceCriteria& /*criteria*/) {
  std::string out = "advisors,instrument_budget_eur";
  for (const std::string& key : advice.criteria) out += ",pass_rate_" + key;
  out +=
      ",probability_all,feasible,mean_cost_eur,mean_placements,mean_net_savings_eur,"
      "mean_wait_p90_worst_month,recommended,binding_criterion\n";
  for (std::size_t i = 0; i < advice.options.size(); ++i) {
    const StaffingOption& o = advice.options[i];
    out += fmt::format("{},{:.2f}", o.level.advisors, o.level.instrument_budget_eur);
    for (const double rate : o.pass_rate) out += fmt::format(",{}", rate);
    const bool chosen = advice.recommended == i;
    out += fmt::format(",{},{},{},{},{},{},{},{}\n", o.probability, o.feasible ? 1 : 0,
                       o.mean_cost_eur, o.mean_placements, o.mean_net_savings_eur,
                       o.mean_worst_month_wait, chosen ? 1 : 0,
                       chosen && advice.binding ? advice.criteria[*advice.binding] : "");
  }
  return out;
}

}  // namespace werkstroom::experiment
