#include "experiment/advice_report.hpp"

#include <fmt/core.h>

#include <cmath>

#include "experiment/language.hpp"
#include "experiment/number_format.hpp"
#include "experiment/text_table.hpp"

namespace werkstroom::experiment {

namespace {

std::string option_name(const StaffingOption& o, Language language) {
  return fmt::format(fmt::runtime(translate("{} advisor(s), instrument budget {}", language)),
                     o.level.advisors, format_eur(o.level.instrument_budget_eur, language));
}

std::string objective_phrase(Objective objective, Language language) {
  switch (objective) {
    case Objective::cost:
      return translate("the lowest mean cost", language);
    case Objective::net_savings:
      return translate("the highest mean net savings", language);
    case Objective::placements:
      return translate("the most placements on average", language);
  }
  return "";
}

std::string percent(double share, Language language) { return format_percent(share, 0, language); }

/// The objective's figure in its unit: euros without decimals, placements with one.
/// Placements with one decimal, euros without.
int objective_decimals(Objective objective) { return objective == Objective::placements ? 1 : 0; }

std::string objective_number(double value, Objective objective, Language language) {
  return format_fixed(value, objective_decimals(objective), language);
}

/// "-1.8 [-6.2, +2.6]": a paired difference with its 95% interval.
std::string difference_text(const kernel::ReplicationSummary& d, Objective objective,
                            Language language) {
  const auto signed_number = [objective, language](double x) {
    return format_signed(x, objective_decimals(objective), language);
  };
  return signed_number(d.mean) + " " +
         format_interval(signed_number(d.lower()), signed_number(d.upper()), language);
}

/// The table's "against the best" cell of a feasible option.
std::string versus_best_cell(const StaffingAdvice& advice, std::size_t i, Language language) {
  const StaffingOption& o = advice.options[i];
  if (!o.feasible) return "";
  if (advice.best == i) return translate("best", language);
  return difference_text(o.versus_best, advice.objective, language) +
         (o.as_good_as_best ? " =" : "");
}

}  // namespace

std::string advice_verdict(const StaffingAdvice& advice, const AdviceCriteria& criteria,
                           Language language) {
  std::string out;
  if (advice.recommended) {
    const StaffingOption& o = advice.options[*advice.recommended];
    out = fmt::format(
        fmt::runtime(translate("Advice: {}. Every criterion met in {} of the replications; {} "
                               "of the options that meet the criteria.",
                               language)),
        option_name(o, language), percent(o.probability, language),
        objective_phrase(advice.objective, language));
    if (advice.best && *advice.best != *advice.recommended) {
      const StaffingOption& b = advice.options[*advice.best];
      out += fmt::format(
          fmt::runtime(translate(
              " {} has the best mean ({}), but this option's difference from it, {}, cannot be "
              "told from chance (its 95% interval contains 0), and this option costs {} less on "
              "average.",
              language)),
          option_name(b, language), objective_number(b.objective_value, advice.objective, language),
          difference_text(o.versus_best, advice.objective, language),
          format_eur(b.mean_cost_eur - o.mean_cost_eur, language));
    }
  } else {
    out = fmt::format(
        fmt::runtime(
            translate("No advice: no option tried meets every criterion in {} of the replications.",
                      language)),
        percent(criteria.required_probability, language));
  }
  if (advice.binding && advice.excluded) {
    const StaffingOption& x = advice.options[*advice.excluded];
    const std::string label = criterion_label(advice.criteria[*advice.binding], criteria, language);
    const double rate = x.pass_rate[*advice.binding];
    if (advice.recommended) {
      out += fmt::format(
          fmt::runtime(translate(" Binding criterion: '{}'; {} would do better but meets it in "
                                 "{} of the replications.",
                                 language)),
          label, option_name(x, language), percent(rate, language));
    } else {
      out += fmt::format(
          fmt::runtime(translate(" Binding criterion: '{}'; the closest option, {}, meets it in "
                                 "{} of the replications.",
                                 language)),
          label, option_name(x, language), percent(rate, language));
    }
  } else if (advice.recommended) {
    out += translate(" No criterion binds: no option tried does better beyond chance.", language);
  }
  return out;
}

std::string advice_table(const StaffingAdvice& advice, const AdviceCriteria& criteria,
                         Language language) {
  std::string out =
      fmt::format(fmt::runtime(translate("Criteria, judged per replication; an option qualifies "
                                         "when it meets all of them in at least {} of the "
                                         "replications:",
                                         language)),
                  percent(criteria.required_probability, language)) +
      "\n";
  for (std::size_t c = 0; c < advice.criteria.size(); ++c) {
    out +=
        fmt::format("  c{}: {}\n", c + 1, criterion_label(advice.criteria[c], criteria, language));
  }
  out += fmt::format(fmt::runtime(translate("Objective: {}", language)),
                     objective_phrase(advice.objective, language)) +
         "\n\n";
  std::vector<std::string> header{translate("advisors", language),
                                  translate("instrument budget", language)};
  for (std::size_t c = 0; c < advice.criteria.size(); ++c) {
    header.push_back(fmt::format("c{}", c + 1));
  }
  for (const char* h :
       {"all", "cost", "placements", "net", "worst month p90", "objective vs best [95%]"}) {
    header.push_back(translate(h, language));
  }
  header.emplace_back();
  TextTable table(std::move(header), 0);
  for (std::size_t i = 0; i < advice.options.size(); ++i) {
    const StaffingOption& o = advice.options[i];
    std::vector<std::string> row{std::to_string(o.level.advisors),
                                 format_eur(o.level.instrument_budget_eur, language)};
    for (const double rate : o.pass_rate) row.push_back(percent(rate, language));
    row.push_back(percent(o.probability, language));
    row.push_back(format_eur(o.mean_cost_eur, language));
    row.push_back(format_fixed(o.mean_placements, 1, language));
    row.push_back(format_eur(o.mean_net_savings_eur, language));
    row.push_back(format_fixed(o.mean_worst_month_wait, 1, language));
    row.push_back(versus_best_cell(advice, i, language));
    row.emplace_back(advice.recommended == i ? translate("<- advice", language) : "");
    table.add_row(std::move(row));
  }
  out += table.render();
  out += translate(
             "(=: cannot be told from the best: the 95% interval of the paired difference "
             "contains 0)",
             language) +
         "\n";
  out += "\n" + advice_verdict(advice, criteria, language) + "\n";
  return out;
}

std::string advice_csv(const StaffingAdvice& advice, const AdviceCriteria& /*criteria*/) {
  std::string out = "advisors,instrument_budget_eur";
  for (const std::string& key : advice.criteria) out += ",pass_rate_" + key;
  out +=
      ",probability_all,feasible,mean_cost_eur,mean_placements,mean_net_savings_eur,"
      "mean_wait_p90_worst_month,objective_vs_best_mean,objective_vs_best_lower95,"
      "objective_vs_best_upper95,as_good_as_best,recommended,binding_criterion\n";
  for (std::size_t i = 0; i < advice.options.size(); ++i) {
    const StaffingOption& o = advice.options[i];
    out += fmt::format("{},{:.2f}", o.level.advisors, o.level.instrument_budget_eur);
    for (const double rate : o.pass_rate) out += fmt::format(",{}", rate);
    const bool chosen = advice.recommended == i;
    out += fmt::format(",{},{},{},{},{},{}", o.probability, o.feasible ? 1 : 0, o.mean_cost_eur,
                       o.mean_placements, o.mean_net_savings_eur, o.mean_worst_month_wait);
    // The comparison with the best exists for feasible options only: empty cells otherwise.
    if (o.feasible) {
      out += fmt::format(",{},{},{},{}", o.versus_best.mean, o.versus_best.lower(),
                         o.versus_best.upper(), o.as_good_as_best ? 1 : 0);
    } else {
      out += ",,,,0";
    }
    out += fmt::format(",{},{}\n", chosen ? 1 : 0,
                       chosen && advice.binding ? advice.criteria[*advice.binding] : "");
  }
  return out;
}

}  // namespace werkstroom::experiment
