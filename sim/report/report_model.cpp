#include "report/report_model.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string_view>

#include "experiment/number_format.hpp"
#include "kernel/statistics.hpp"
#include "model/indicators.hpp"
#include "model/metric_registry.hpp"
#include "model/person.hpp"
#include "scenario/parameter_names.hpp"
#include "scenario/replication_draws.hpp"

namespace werkstroom::report {

namespace {

using experiment::Language;

/// The report's own texts, side by side: English first, Dutch second.
std::string pick(Language language, std::string_view en, std::string_view nl) {
  return std::string(language == Language::nl ? nl : en);
}

constexpr std::array<std::string_view, 12> kMonthsNl = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                        "jul", "aug", "sep", "okt", "nov", "dec"};
constexpr std::array<std::string_view, 12> kMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// Year and month (1-12) of a "YYYY-MM" label; nullopt for another text.
std::optional<std::pair<int, int>> year_month(const std::string& label) {
  if (label.size() < 7 || label[4] != '-') return std::nullopt;
  try {
    const int year = std::stoi(label.substr(0, 4));
    const int month = std::stoi(label.substr(5, 2));
    if (month < 1 || month > 12) return std::nullopt;
    return std::pair{year, month};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string short_month(int month, Language language) {
  const auto index = static_cast<std::size_t>(month - 1);
  return std::string(language == Language::nl ? kMonthsNl.at(index) : kMonthsEn.at(index));
}

bool unclear(const kernel::ReplicationSummary& s) {
  return s.replications < 2 || !(s.lower() > 0.0 || s.upper() < 0.0);
}

std::string eur(double x, Language language) {
  return experiment::format_eur(round_for_board(x), language);
}

/// A signed amount: nl "€ +128.000", "€ -29.000"; en "+€128,000", "-€29,000".
std::string signed_eur(double x, Language language) {
  const double r = round_for_board(x);
  if (!(r > 0.0)) return experiment::format_eur(r, language);
  return language == Language::nl ? "€ " + experiment::format_signed(r, 0, language)
                                  : "+" + experiment::format_eur(r, language);
}

int count_decimals(double x) { return std::abs(x) >= 10.0 ? 0 : 1; }
std::string count(double x, Language language) {
  return experiment::format_fixed(x, count_decimals(x), language);
}
std::string signed_count(double x, Language language) {
  return experiment::format_signed(x, count_decimals(x), language);
}

const model::MetricInfo* info_of(std::string_view kpi) { return model::find_metric(kpi); }

std::string label_of(std::string_view kpi, Language language) {
  const model::MetricInfo* info = info_of(kpi);
  if (info == nullptr) return std::string(kpi);
  return std::string(language == Language::nl ? info->label_nl : info->label_en);
}

std::string unit_name(std::string_view unit, Language language) {
  if (unit == "people") return pick(language, "people", "personen");
  if (unit == "months") return pick(language, "months", "maanden");
  if (unit == "month") return pick(language, "month", "maand");
  if (unit == "working days") return pick(language, "working days", "werkdagen");
  if (unit == "days") return pick(language, "days", "dagen");
  return std::string(unit);
}

/// A difference of a figure in its unit, with its sign.
std::string signed_in_unit(double x, std::string_view unit, Language language) {
  if (std::isnan(x)) return "-";
  if (unit == "EUR") return signed_eur(x, language);
  if (unit == "share" || unit == "0/1") {
    return experiment::format_signed(100.0 * x, 0, language) + pick(language, " pp", " %-punt");
  }
  return signed_count(x, language);
}

/// A level of a figure in its unit (euros rounded for the board).
std::string level_in_unit(double x, std::string_view unit, Language language) {
  if (std::isnan(x)) return "-";
  if (unit == "EUR") return eur(x, language);
  return experiment::format_in_unit(x, unit, language);
}

std::string interval(const kernel::ReplicationSummary& s, std::string_view unit,
                     Language language) {
  return experiment::format_interval(signed_in_unit(s.lower(), unit, language),
                                     signed_in_unit(s.upper(), unit, language), language, "95%: ");
}

/// Values of a key figure over the replications, NaN where a replication lacks it.
std::vector<double> values_of(const experiment::ScenarioResults& r, const std::string& kpi) {
  std::vector<double> out;
  out.reserve(r.replications.size());
  for (const model::ReplicationResult& rep : r.replications) {
    const auto it = rep.kpis.find(kpi);
    out.push_back(it == rep.kpis.end() ? std::nan("") : it->second);
  }
  return out;
}

bool has_figure(const std::vector<experiment::ScenarioResults>& results, const std::string& kpi) {
  return std::all_of(results.begin(), results.end(), [&](const auto& r) {
    return std::all_of(r.replications.begin(), r.replications.end(),
                       [&](const auto& rep) { return rep.kpis.contains(kpi); });
  });
}

const experiment::MarginalDifference* difference(const experiment::MarginalOption& o,
                                                 std::string_view kpi) {
  for (const auto& d : o.differences) {
    if (d.kpi == kpi) return &d;
  }
  return nullptr;
}

std::string judgement(const kernel::ReplicationSummary& s, int better, const std::string& baseline,
                      Language language) {
  if (unclear(s)) {
    return pick(language, "not distinguishable from 0", "niet van nul te onderscheiden");
  }
  const bool higher = s.mean > 0.0;
  if (better == 0) {
    return fmt::format(
        fmt::runtime(pick(
            language,
            higher ? "higher than in '{}', beyond chance" : "lower than in '{}', beyond chance",
            higher ? "hoger dan bij '{}', buiten toeval" : "lager dan bij '{}', buiten toeval")),
        baseline);
  }
  const bool good = (better > 0) == higher;
  return fmt::format(
      fmt::runtime(pick(
          language, good ? "better than '{}', beyond chance" : "worse than '{}', beyond chance",
          good ? "beter dan '{}', buiten toeval" : "slechter dan '{}', buiten toeval")),
      baseline);
}

// ---- charts ----------------------------------------------------------------------------------

using SeriesOf = std::function<std::vector<double>(const model::ReplicationResult&)>;

/// Per month the mean and 5-95% band over the replications of `f` (NaN where none has one).
ChartSeries monthly_series(const experiment::ScenarioResults& r, std::size_t months,
                           const SeriesOf& f) {
  ChartSeries out;
  out.name = r.name;
  std::vector<std::vector<double>> per_rep;
  per_rep.reserve(r.replications.size());
  for (const auto& rep : r.replications) per_rep.push_back(f(rep));
  for (std::size_t m = 0; m < months; ++m) {
    std::vector<double> values;
    values.reserve(per_rep.size());
    for (const auto& v : per_rep) values.push_back(m < v.size() ? v[m] : std::nan(""));
    const kernel::ReplicationBand b = kernel::replication_band(values);
    const bool any = b.present > 0;
    out.mean.push_back(any ? b.mean : std::nan(""));
    out.low.push_back(any ? b.low : std::nan(""));
    out.high.push_back(any ? b.high : std::nan(""));
  }
  return out;
}

SeriesOf indicator(model::Indicator i) {
  return [i](const model::ReplicationResult& rep) { return rep.service.row(i); };
}

std::vector<double> cumulative(std::vector<double> v) {
  double sum = 0.0;
  for (double& x : v) {
    sum += x;
    x = sum;
  }
  return v;
}

std::string date_label(const kernel::Date& d) {
  return fmt::format("{:04d}-{:02d}", d.year, d.month);
}

Chart chart_frame(const std::vector<std::string>& labels, const ReportContext& context) {
  Chart c;
  const Language language = context.language;
  c.x_label = pick(language, "month (values at month end)", "maand (stand aan het eind)");
  for (std::size_t m = 0; m < labels.size(); ++m) {
    const auto ym = year_month(labels[m]);
    c.months.push_back(ym ? short_month(ym->second, language) : labels[m]);
    c.years.push_back(ym && (m == 0 || ym->second == 1) ? std::to_string(ym->first) : "");
  }
  if (!context.scenarios.empty()) {
    const std::string end =
        date_label(context.scenarios.front().parameters.horizon.service_end_date);
    const auto it = std::find(labels.begin(), labels.end(), end);
    if (it != labels.end() && it + 1 != labels.end()) {
      c.marker_month = static_cast<std::size_t>(it - labels.begin());
      c.marker_label = pick(language, "service ends", "einde dienstverlening");
    }
  }
  return c;
}

/// Blanks a chart's series after the service ends: there is no waiting list or wait to intake
/// once intakes stop, and a 0 there would read as a good month.
void end_with_service(Chart& c) {
  if (!c.marker_month) return;
  for (ChartSeries& series : c.series) {
    for (std::vector<double>* v : {&series.mean, &series.low, &series.high}) {
      for (std::size_t m = *c.marker_month + 1; m < v->size(); ++m) (*v)[m] = std::nan("");
    }
  }
}

std::vector<Chart> charts(const std::vector<experiment::ScenarioResults>& results,
                          const ReportContext& context) {
  const Language language = context.language;
  const std::vector<std::string>& labels = results.front().replications.front().month_labels;
  const std::size_t months = labels.size();
  std::vector<Chart> out;

  Chart waiting = chart_frame(labels, context);
  waiting.title = pick(language, "Waiting list for intake", "Wachtlijst voor intake");
  waiting.y_label = pick(language, "people waiting", "wachtenden (personen)");
  for (std::size_t s = 0; s < results.size(); ++s) {
    ChartSeries end =
        monthly_series(results[s], months, indicator(model::Indicator::waiting_list_end));
    end.name = results[s].name + pick(language, ": at month end", ": eind van de maand");
    end.colour = s;
    ChartSeries peak =
        monthly_series(results[s], months, indicator(model::Indicator::waiting_list_max));
    peak.name = results[s].name + pick(language, ": peak within the month", ": piek in de maand");
    peak.colour = s;
    peak.band = false;
    peak.dashed = true;
    waiting.series.push_back(std::move(end));
    waiting.series.push_back(std::move(peak));
  }
  waiting.caption = pick(
      language,
      "People waiting for intake at the end of each month (solid line: mean; shaded: 5-95% of "
      "the replications) and the highest waiting list within the month (dashed: mean).",
      "Wachtenden op intake aan het eind van elke maand (doorgetrokken lijn: gemiddelde; vlak: "
      "5-95% van de replicaties) en de hoogste wachtlijst binnen de maand (stippellijn: "
      "gemiddelde).");
  end_with_service(waiting);
  out.push_back(std::move(waiting));

  Chart wait = chart_frame(labels, context);
  wait.title = pick(language, "Wait to intake: 90th percentile per month",
                    "Wachttijd tot intake: 90e percentiel per maand");
  wait.y_label = pick(language, "working days", "werkdagen");
  for (std::size_t s = 0; s < results.size(); ++s) {
    ChartSeries p90 = monthly_series(results[s], months,
                                     indicator(model::Indicator::wait_to_intake_p90_working_days));
    p90.colour = s;
    wait.series.push_back(std::move(p90));
  }
  std::vector<double> targets;
  for (const ScenarioInfo& info : context.scenarios) {
    const double t = info.parameters.targets.max_wait_p90_working_days;
    if (std::find(targets.begin(), targets.end(), t) != targets.end()) continue;
    targets.push_back(t);
    wait.lines.push_back(
        {t,
         fmt::format(fmt::runtime(pick(language, "target: {} working days", "norm: {} werkdagen")),
                     experiment::format_figure(t, language)),
         std::nullopt});
  }
  std::string worst;
  for (const auto& r : results) {
    const kernel::ReplicationBand b =
        kernel::replication_band(values_of(r, "wait_p90_worst_month"));
    if (b.present == 0) continue;
    worst += fmt::format(
        "{}{}: {} {}", worst.empty() ? "" : "; ", r.name,
        experiment::format_figure(b.mean, language),
        experiment::format_interval(experiment::format_figure(b.low, language),
                                    experiment::format_figure(b.high, language), language));
  }
  wait.caption =
      pick(language,
           "Nine in ten clients of the month waited at most this many working days for their "
           "intake. The worst month, mean [5%, 95%], in working days: ",
           "Negen op de tien cliënten van de maand wachtten hoogstens zoveel werkdagen op hun "
           "intake. De slechtste maand, gemiddelde [5%, 95%], in werkdagen: ") +
      worst + ".";
  end_with_service(wait);
  out.push_back(std::move(wait));

  Chart placed = chart_frame(labels, context);
  placed.title = pick(language, "Placements, cumulative", "Plaatsingen, cumulatief");
  placed.y_label = pick(language, "clients into work (people)", "cliënten aan het werk (personen)");
  for (std::size_t s = 0; s < results.size(); ++s) {
    ChartSeries p = monthly_series(results[s], months, [](const model::ReplicationResult& rep) {
      return cumulative(rep.service.row(model::Indicator::placements_clients));
    });
    p.colour = s;
    placed.series.push_back(std::move(p));
  }
  placed.caption =
      pick(language, "Clients of the centre into work (any route), added up from the start.",
           "Cliënten van het centrum aan het werk (elke route), opgeteld vanaf de "
           "start.");
  out.push_back(std::move(placed));

  Chart money = chart_frame(labels, context);
  money.title = pick(language, "Budget spent against the budget available",
                     "Besteed budget tegenover het beschikbare budget");
  money.y_label = pick(language, "€ spent, cumulative", "€ besteed, cumulatief");
  for (std::size_t s = 0; s < results.size(); ++s) {
    ChartSeries spent = monthly_series(results[s], months, [](const model::ReplicationResult& rep) {
      std::vector<double> total = rep.service.row(model::Indicator::budget_centre_spent_eur);
      const auto& instruments = rep.service.row(model::Indicator::budget_instruments_spent_eur);
      const auto& maatwerk = rep.service.row(model::Indicator::budget_maatwerk_spent_eur);
      for (std::size_t m = 0; m < total.size(); ++m) {
        total[m] += (m < instruments.size() ? instruments[m] : 0.0) +
                    (m < maatwerk.size() ? maatwerk[m] : 0.0);
      }
      return total;
    });
    spent.colour = s;
    money.series.push_back(std::move(spent));
    if (s < context.scenarios.size()) {
      const model::BudgetParameters& b = context.scenarios[s].parameters.budget;
      const double available = b.centre_budget_eur + b.instrument_budget_eur;
      money.lines.push_back(
          {available,
           fmt::format(fmt::runtime(pick(language, "available to {}: {}", "beschikbaar {}: {}")),
                       results[s].name, experiment::format_eur(available, language)),
           s});
    }
  }
  money.caption = pick(language,
                       "Money spent by the centre (staff and external hires) and on instruments "
                       "(including maatwerk), against the centre and instrument budgets together "
                       "(dashed).",
                       "Uitgaven van het centrum (personeel en inhuur) en aan instrumenten "
                       "(inclusief maatwerk), tegenover het centrum- en instrumentenbudget samen "
                       "(stippellijn).");
  out.push_back(std::move(money));

  Chart ww = chart_frame(labels, context);
  ww.title = pick(language, "Fewer people on WW because of the centre",
                  "Minder mensen in de WW door het centrum");
  ww.y_label = pick(language, "people (without - with centre)", "personen (zonder - met centrum)");
  constexpr auto ww_state = static_cast<std::size_t>(model::State::ww);
  for (std::size_t s = 0; s < results.size(); ++s) {
    ChartSeries d = monthly_series(results[s], months, [](const model::ReplicationResult& rep) {
      const auto& with = rep.with_service.running.at(ww_state);
      const auto& without = rep.without_service.running.at(ww_state);
      std::vector<double> diff(std::min(with.size(), without.size()));
      for (std::size_t m = 0; m < diff.size(); ++m) diff[m] = without[m] - with[m];
      return diff;
    });
    d.colour = s;
    ww.series.push_back(std::move(d));
  }
  ww.lines.push_back({0.0, pick(language, "no difference", "geen verschil"), std::nullopt});
  ww.caption = pick(language,
                    "People on WW at each month end in the same world without the centre minus "
                    "with it (the same replication, the same chance): above zero, the centre "
                    "keeps people off WW.",
                    "Mensen in de WW aan het eind van elke maand in dezelfde wereld zonder het "
                    "centrum min die met het centrum (zelfde replicatie, zelfde toeval): boven nul "
                    "houdt het centrum mensen uit de WW.");
  out.push_back(std::move(ww));
  return out;
}

// ---- sections --------------------------------------------------------------------------------

Section options_section(const std::vector<experiment::ScenarioResults>& results,
                        const ReportContext& context) {
  const Language language = context.language;
  Section s;
  s.heading = pick(language, "The question and the options", "De vraag en de opties");
  std::string others;
  for (std::size_t i = 1; i < results.size(); ++i) {
    others += (i > 1 ? (i + 1 == results.size() ? pick(language, " and ", " en ") : ", ") : "") +
              ("'" + results[i].name + "'");
  }
  if (results.size() > 1) {
    s.blocks.emplace_back(Paragraph{fmt::format(
        fmt::runtime(pick(language,
                          "What does {} buy against '{}', in placements, waiting times, cost and "
                          "savings, and how sure are we?",
                          "Wat levert {} op tegenover '{}', in plaatsingen, wachttijd, kosten en "
                          "besparingen, en hoe zeker is dat?")),
        others, results.front().name)});
  } else {
    s.blocks.emplace_back(Paragraph{
        fmt::format(fmt::runtime(pick(language, "What does '{}' achieve, and how sure are we?",
                                      "Wat bereikt '{}', en hoe zeker is dat?")),
                    results.front().name)});
  }
  Table t;
  t.header = {pick(language, "option", "optie"),
              pick(language, "advisors", "adviseurs"),
              pick(language, "hours a week each", "uren per week per adviseur"),
              pick(language, "centre budget", "budget centrum"),
              pick(language, "instrument budget", "budget instrumenten"),
              pick(language, "service", "dienstverlening"),
              pick(language, "follow-up", "nameting")};
  for (const ScenarioInfo& info : context.scenarios) {
    const model::ModelParameters& p = info.parameters;
    std::string advisors = std::to_string(p.staff.advisors);
    for (const model::StaffChange& c : p.staff.schedule) {
      advisors += fmt::format(fmt::runtime(pick(language, ", {} from {}", ", {} vanaf {}")),
                              c.advisors, month_name(date_label(c.date), language));
    }
    const std::string service = month_name(date_label(p.horizon.start_date), language) + " - " +
                                month_name(date_label(p.horizon.service_end_date), language);
    t.rows.push_back({{info.name},
                      {advisors},
                      {experiment::format_figure(p.staff.hours_per_week, language)},
                      {experiment::format_eur(p.budget.centre_budget_eur, language)},
                      {experiment::format_eur(p.budget.instrument_budget_eur, language)},
                      {service},
                      {fmt::format(fmt::runtime(pick(language, "{} months", "{} maanden")),
                                   p.horizon.follow_up_months)}});
  }
  s.blocks.emplace_back(std::move(t));
  if (results.size() > 1) {
    s.blocks.emplace_back(Paragraph{fmt::format(
        fmt::runtime(pick(language,
                          "'{}' is the baseline. Every option ran {} replications with the same "
                          "chance (common random numbers), so differences are paired.",
                          "'{}' is de basis. Elke optie liep {} replicaties met hetzelfde toeval "
                          "(gemeenschappelijke toevalsgetallen), dus verschillen zijn gepaard.")),
        results.front().name, results.front().replications.size())});
  }
  return s;
}

Section verdict_section(const std::vector<OptionVerdict>& verdicts, Language language) {
  Section s;
  s.heading = pick(language, "Verdict", "Oordeel");
  for (const OptionVerdict& v : verdicts) {
    s.blocks.emplace_back(Paragraph{v.headline, true});
    s.blocks.emplace_back(Bullets{v.reasons});
  }
  s.blocks.emplace_back(Paragraph{pick(
      language,
      "Differences are means over paired replications with their 95% interval. A difference "
      "whose interval contains 0 is called not distinguishable from 0: with these replications "
      "we cannot tell whether it is there.",
      "Verschillen zijn gemiddelden over gepaarde replicaties met hun 95%-interval. Een verschil "
      "waarvan het interval nul bevat, heet niet van nul te onderscheiden: met deze replicaties "
      "is niet te zeggen of het er is.")});
  return s;
}

/// One cell of the key-figure table (as the console's kpi_table: a flag as its probability, a
/// share as percentages, a conditional month as the median month and in how many).
std::string level_cell(const model::MetricInfo& info, const std::vector<double>& values,
                       const std::vector<std::string>& labels, Language language) {
  const kernel::ReplicationBand b = kernel::replication_band(values);
  if (b.replications == 0) return "-";
  if (info.unit == "0/1") {
    return pick(language, "chance ", "kans ") + experiment::format_percent(b.mean, 0, language);
  }
  if (info.conditional) {
    if (b.present == 0) return pick(language, "never", "nooit");
    const auto m = static_cast<std::size_t>(std::lround(b.median));
    const std::string when = info.unit == "month" && m < labels.size()
                                 ? month_name(labels[m], language)
                                 : experiment::format_figure(b.median, language);
    return fmt::format(fmt::runtime(pick(language, "{} (in {} of {})", "{} (in {} van {})")), when,
                       b.present, b.replications);
  }
  if (info.unit == "share") {
    return experiment::format_percent(b.mean, 0, language) + " " +
           experiment::format_interval(experiment::format_percent(b.low, 0, language),
                                       experiment::format_percent(b.high, 0, language), language);
  }
  return level_in_unit(b.mean, info.unit, language) + " " +
         experiment::format_interval(level_in_unit(b.low, info.unit, language),
                                     level_in_unit(b.high, info.unit, language), language);
}

Cell difference_cell(const model::MetricInfo& info, const std::vector<double>& base,
                     const std::vector<double>& values, Language language) {
  if (info.conditional) return {"-", Tone::none};
  const kernel::ReplicationSummary d = kernel::summarise_paired_difference(base, values);
  if (d.replications == 0) return {"-", Tone::none};
  Tone tone = Tone::unclear;
  if (!unclear(d)) {
    tone = info.better == 0                      ? Tone::none
           : (info.better > 0) == (d.mean > 0.0) ? Tone::better
                                                 : Tone::worse;
  }
  return {signed_in_unit(d.mean, info.unit, language) + " " +
              experiment::format_interval(signed_in_unit(d.lower(), info.unit, language),
                                          signed_in_unit(d.upper(), info.unit, language), language),
          tone};
}

Section key_figure_section(const std::vector<experiment::ScenarioResults>& results,
                           Language language) {
  Section s;
  s.heading = pick(language, "Key figures", "Kerncijfers");
  s.blocks.emplace_back(Paragraph{fmt::format(
      fmt::runtime(pick(
          language,
          "Per option the mean over {} replications and, in brackets, the band in which 90% of "
          "them fall (5% to 95%). The difference columns give the paired mean difference against "
          "'{}' with its 95% interval.",
          "Per optie het gemiddelde over {} replicaties en, tussen haken, de band waarin 90% "
          "ervan valt (5% tot 95%). De verschilkolommen geven het gepaarde gemiddelde verschil "
          "met '{}' en het 95%-interval daarvan.")),
      results.front().replications.size(), results.front().name)});
  Table t;
  t.header.push_back(pick(language, "key figure", "kerncijfer"));
  for (std::size_t i = 0; i < results.size(); ++i) {
    t.header.push_back(results[i].name);
    if (i > 0) {
      t.header.push_back(
          fmt::format(fmt::runtime(pick(language, "difference vs '{}'", "verschil met '{}'")),
                      results.front().name));
    }
  }
  for (const model::MetricInfo& info : model::key_figures()) {
    const std::string name(info.name);
    if (!has_figure(results, name)) continue;
    std::string label = label_of(name, language);
    const std::string unit = unit_name(info.unit, language);
    if (info.unit != "EUR" && info.unit != "share" && info.unit != "0/1" &&
        label.find(unit) == std::string::npos) {
      label += " (" + unit + ")";
    }
    std::vector<Cell> row{{label}};
    const std::vector<double> base = values_of(results.front(), name);
    for (std::size_t i = 0; i < results.size(); ++i) {
      const std::vector<double> values = values_of(results[i], name);
      row.push_back(
          {level_cell(info, values, results[i].replications.front().month_labels, language)});
      if (i > 0) row.push_back(difference_cell(info, base, values, language));
    }
    t.rows.push_back(std::move(row));
  }
  s.blocks.emplace_back(std::move(t));
  if (results.size() > 1) {
    s.blocks.emplace_back(
        Legend{{{Tone::better, pick(language, "better beyond chance (95% interval excludes 0)",
                                    "beter, buiten toeval (95%-interval sluit nul uit)")},
                {Tone::worse, pick(language, "worse beyond chance", "slechter, buiten toeval")},
                {Tone::unclear,
                 pick(language, "not distinguishable from 0", "niet van nul te onderscheiden")},
                {Tone::none, pick(language, "neither direction is better, or no difference taken",
                                  "geen richting is beter, of geen verschil genomen")}}});
  }
  s.blocks.emplace_back(Paragraph{
      pick(language,
           "chance: the share of replications in which it happens; a month: the median among the "
           "replications in which it happens, and in how many; pp: percentage points. Amounts in "
           "euros are rounded to 10, 100 or 1,000. 'Prevented WW inflow' counts every entry into "
           "WW: of people new to WW ('of which new to WW') and of people coming back after an "
           "earlier WW spell and a job that ended ('of which returns to WW'). With the centre, "
           "WW clients find work earlier, so more of those jobs end before the simulated period "
           "does and more people come back: the returns can be negative for that reason. In part "
           "that is where the simulation stops: without the centre some find and lose that job "
           "only afterwards.",
           "kans: het deel van de replicaties waarin het gebeurt; een maand: de mediaan van de "
           "replicaties waarin het gebeurt, en in hoeveel; %-punt: procentpunten. Bedragen in euro "
           "zijn afgerond op 10, 100 of 1.000. 'Voorkomen WW-instroom' telt elke instroom in de "
           "WW: van wie nieuw is in de WW ('waarvan nieuw in de WW') en van wie terugkeert na een "
           "eerdere WW-periode en een baan die weer eindigde ('waarvan terugkeer in de WW'). Met "
           "het centrum vinden WW-klanten eerder werk, dus eindigen meer van die banen voor het "
           "einde van de gesimuleerde periode en keren meer mensen terug: de terugkeer kan "
           "daardoor negatief zijn. Voor een deel komt dat door waar de simulatie stopt: zonder "
           "centrum vinden en verliezen sommigen die baan pas daarna.")});
  return s;
}

/// An assumption's name as the robustness file gives it ("staff.advisors", or a group as
/// "outreach (10 values)"), the group's count in the reader's language.
// A tornado row as the reader reads it: the readable name (scenario/parameter_names.hpp), then
// the key path and, for a group, how many values moved together: "tijdnormen van het werk van
// de adviseurs, alle samen (time_norms, 11 waarden)". The file stores the key, or a group's
// "key (N values)".
std::string assumption_name(const std::string& text, const model::ModelParameters& p,
                            Language language) {
  constexpr std::string_view kValues = " values)";
  std::string key = text;
  std::string count;
  if (text.ends_with(kValues) && text.rfind(" (") != std::string::npos) {
    const std::size_t open = text.rfind(" (");
    key = text.substr(0, open);
    count = text.substr(open + 2, text.size() - open - 2 - kValues.size()) +
            pick(language, " values", " waarden");
  }
  return scenario::readable_name_with_key(key, p, language == Language::nl, count);
}

Section robustness_section(const std::vector<experiment::ScenarioResults>& results,
                           const ReportContext& context) {
  const Language language = context.language;
  Section s;
  s.heading =
      pick(language, "The assumptions that matter most", "De aannames die het meest uitmaken");
  if (!context.robustness) {
    const std::string a = context.scenarios.empty() ? "A.toml" : context.scenarios.front().file;
    const std::string b = context.scenarios.size() < 2 ? "B.toml" : context.scenarios[1].file;
    s.blocks.emplace_back(Paragraph{pick(
        language,
        "Not examined for this report: no robustness file was given. Which assumptions can flip "
        "the choice is found with",
        "Voor dit rapport niet onderzocht: er is geen robuustheidsbestand meegegeven. Welke "
        "aannames de keuze kunnen omdraaien, blijkt uit")});
    s.blocks.emplace_back(
        Bullets{{fmt::format("werkstroom robustness {} {} --out robustness.h5", a, b),
                 fmt::format("werkstroom report {} {} --robustness robustness.h5 --out report.html",
                             a, b)}});
    (void)results;
    return s;
  }
  const results::RobustnessTornado& t = *context.robustness;
  s.blocks.emplace_back(Paragraph{fmt::format(
      fmt::runtime(pick(language,
                        "From {}: the assumptions that move the net savings of '{}' against '{}' "
                        "most, each taken to the ends of its range with the others at their "
                        "values (difference at the scenarios' own values: {}).",
                        "Uit {}: de aannames die de netto besparing van '{}' tegenover '{}' het "
                        "meest bewegen, elk naar de uiteinden van het bereik gebracht terwijl de "
                        "rest blijft (verschil bij de eigen waarden van de scenario's: {}).")),
      context.robustness_file, t.name_b, t.name_a, signed_eur(t.baseline, language))});
  Table table;
  table.header = {pick(language, "assumption", "aanname"),
                  pick(language, "net savings difference at the low end",
                       "verschil netto besparing aan de onderkant"),
                  pick(language, "at the high end", "aan de bovenkant"),
                  pick(language, "can flip the sign", "kan het teken omdraaien")};
  std::vector<std::string> flips;
  for (std::size_t i = 0; i < t.keys.size(); ++i) {
    const bool flip = i < t.can_flip.size() && t.can_flip[i];
    const std::string key = assumption_name(
        t.keys[i],
        context.scenarios.empty() ? model::ModelParameters{} : context.scenarios.front().parameters,
        language);
    if (flip) flips.push_back(key);
    table.rows.push_back({{key},
                          {i < t.at_lo.size() ? signed_eur(t.at_lo[i], language) : "-"},
                          {i < t.at_hi.size() ? signed_eur(t.at_hi[i], language) : "-"},
                          {flip ? pick(language, "yes", "ja") : pick(language, "no", "nee"),
                           flip ? Tone::worse : Tone::none}});
  }
  s.blocks.emplace_back(std::move(table));
  std::string list;
  for (const std::string& k : flips) list += (list.empty() ? "" : ", ") + k;
  s.blocks.emplace_back(Paragraph{
      flips.empty()
          ? pick(language,
                 "None of these assumptions flips the sign of the net savings within its range.",
                 "Geen van deze aannames draait binnen haar bereik het teken van de netto "
                 "besparing om.")
          : fmt::format(
                fmt::runtime(pick(language, "Can flip the sign of the net savings: {}.",
                                  "Kunnen het teken van de netto besparing omdraaien: {}.")),
                list)});
  return s;
}

Section uncertainty_section(const std::vector<experiment::ScenarioResults>& results,
                            const ReportContext& context) {
  const Language language = context.language;
  Section s;
  s.heading = pick(language, "What the bands contain", "Wat de banden bevatten");
  std::vector<std::vector<std::string>> lines;
  lines.reserve(context.scenarios.size());
  for (const ScenarioInfo& info : context.scenarios) {
    lines.push_back(scenario::uncertainty_sources(info.parameters, language == Language::nl));
  }
  const bool same =
      std::all_of(lines.begin(), lines.end(), [&](const auto& l) { return l == lines.front(); });
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (same && i > 0) break;
    s.blocks.emplace_back(Paragraph{
        same ? pick(language,
                    "The bands of every option contain:", "De banden van elke optie bevatten:")
             : fmt::format(fmt::runtime(pick(language, "The bands of '{}' contain:",
                                             "De banden van '{}' bevatten:")),
                           i < results.size() ? results[i].name : context.scenarios[i].name)});
    s.blocks.emplace_back(Bullets{lines[i]});
  }
  s.blocks.emplace_back(Paragraph{pick(
      language,
      "Not in the bands: assumptions without a range, and the model's own structure. The band "
      "says where an outcome may fall and does not shrink with more replications; the 95% "
      "interval of a difference says how well its mean is known and does.",
      "Niet in de banden: aannames zonder bereik, en de opbouw van het model zelf. De band zegt "
      "waar een uitkomst kan vallen en wordt met meer replicaties niet smaller; het 95%-interval "
      "van een verschil zegt hoe goed het gemiddelde bekend is, en wordt dat wel.")});
  return s;
}

Section provenance_section(const ReportContext& context) {
  const Language language = context.language;
  Section s;
  s.heading = pick(language, "Provenance", "Herkomst");
  s.blocks.emplace_back(Bullets{{
      fmt::format(
          fmt::runtime(pick(language, "werkstroom {} (revision {})", "werkstroom {} (revisie {})")),
          context.version, context.revision),
      fmt::format(fmt::runtime(pick(language, "seed {}, {} replications per option",
                                    "seed {}, {} replicaties per optie")),
                  context.seed, context.replications),
      fmt::format(fmt::runtime(pick(language, "made {} ({})", "gemaakt {} ({})")),
                  readable_time(context.created_at, language), context.created_at),
  }});
  Table t;
  t.header = {pick(language, "option", "optie"), pick(language, "scenario file", "scenariobestand"),
              "SHA-256"};
  for (const ScenarioInfo& info : context.scenarios) {
    t.rows.push_back({{info.name}, {info.file}, {info.sha256}});
    for (const auto& [file, sha256] : info.bases) {
      t.rows.push_back(
          {{fmt::format(fmt::runtime(pick(language, "{}: extends", "{}: bouwt voort op")),
                        info.name)},
           {file},
           {sha256}});
    }
  }
  s.blocks.emplace_back(std::move(t));
  for (const ScenarioInfo& info : context.scenarios) {
    if (info.changes.empty()) continue;
    s.blocks.emplace_back(Paragraph{fmt::format(
        fmt::runtime(pick(
            language, "'{}' differs from its files in:", "'{}' wijkt af van zijn bestanden in:")),
        info.name)});
    s.blocks.emplace_back(Bullets{info.changes});
  }
  return s;
}

}  // namespace

bool reads_as_number(std::string_view text) {
  if (text.empty()) return false;
  const auto c = static_cast<unsigned char>(text.front());
  if (std::isdigit(c) == 0 && c != '+' && c != '-' && !text.starts_with("€")) return false;
  // A number's first word has no letters ("5.373", "+17", "€"); a hash's has.
  const std::string_view first = text.substr(0, text.find(' '));
  return std::none_of(first.begin(), first.end(),
                      [](char x) { return std::isalpha(static_cast<unsigned char>(x)) != 0; });
}

std::string readable_time(const std::string& iso, Language language) {
  // "YYYY-MM-DDThh:mm:ssZ"
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  const auto ym = year_month(iso.substr(0, 7));
  if (!ym) return iso;
  int day = 0;
  try {
    day = std::stoi(iso.substr(8, 2));
  } catch (const std::exception&) {
    return iso;
  }
  return fmt::format("{} {} {}, {} UTC", day, short_month(ym->second, language), ym->first,
                     iso.substr(11, 5));
}

double round_for_board(double eur) {
  if (!std::isfinite(eur)) return eur;
  const double a = std::abs(eur);
  const double step = a >= 10000.0 ? 1000.0 : a >= 1000.0 ? 100.0 : 10.0;
  return std::round(eur / step) * step;
}

std::string month_name(const std::string& label, Language language) {
  const auto ym = year_month(label);
  if (!ym) return label;
  return short_month(ym->second, language) + " " + std::to_string(ym->first);
}

OptionVerdict option_verdict(const experiment::MarginalOption& option, Language language) {
  OptionVerdict v;
  v.option = option.name;
  const experiment::MarginalDifference* cost = difference(option, "cost_eur");
  const experiment::MarginalDifference* placed = difference(option, "placements");
  const experiment::MarginalDifference* net = difference(option, "net_savings_eur");
  if (cost == nullptr || placed == nullptr || net == nullptr) {
    throw std::invalid_argument("report: the marginal table lacks cost, placements or net savings");
  }
  const std::string not_distinguishable =
      pick(language, "not distinguishable from 0", "niet van nul te onderscheiden");

  const kernel::ReplicationSummary& c = cost->summary;
  std::string text = fmt::format(
      fmt::runtime(c.mean >= 0.0
                       ? pick(language, "'{}' costs {} more {}", "'{}' kost {} meer {}")
                       : pick(language, "'{}' costs {} less {}", "'{}' kost {} minder {}")),
      option.name, eur(std::abs(c.mean), language), interval(c, "EUR", language));
  if (unclear(c)) text += " (" + not_distinguishable + ")";

  const kernel::ReplicationSummary& p = placed->summary;
  text += fmt::format(fmt::runtime(p.mean >= 0.0 ? pick(language, " for {} extra placements {}",
                                                        " voor {} extra plaatsingen {}")
                                                 : pick(language, " with {} placements fewer {}",
                                                        " met {} plaatsingen minder {}")),
                      count(std::abs(p.mean), language),
                      experiment::format_interval(signed_count(p.lower(), language),
                                                  signed_count(p.upper(), language), language));
  if (unclear(p)) text += " (" + not_distinguishable + ")";

  const kernel::RatioInterval& r = option.cost_per_extra_placement;
  if (r.bounded && !unclear(p) && p.mean > 0.0) {
    text += fmt::format(
        fmt::runtime(pick(language, "; per extra placement {} {}", "; per extra plaatsing {} {}")),
        eur(r.ratio, language),
        experiment::format_interval(eur(r.lower, language), eur(r.upper, language), language,
                                    "95%: "));
  } else if (!unclear(p) && p.mean < 0.0) {
    text += pick(language, "; there is no cost per extra placement (there are fewer)",
                 "; er zijn geen kosten per extra plaatsing (er zijn er minder)");
  } else {
    text += pick(language,
                 "; the cost per extra placement is not bounded (the extra placements may be none)",
                 "; de kosten per extra plaatsing zijn niet begrensd (de extra plaatsingen kunnen "
                 "ook nul zijn)");
  }

  const kernel::ReplicationSummary& n = net->summary;
  const std::string net_judgement =
      unclear(n) ? not_distinguishable
                 : (n.mean > 0.0 ? pick(language, "higher, beyond chance", "hoger, buiten toeval")
                                 : pick(language, "lower, beyond chance", "lager, buiten toeval"));
  text += fmt::format(fmt::runtime(pick(language, "; the net savings change by {} {}: {}",
                                        "; de netto besparing verandert met {} {}: {}")),
                      signed_eur(n.mean, language), interval(n, "EUR", language), net_judgement);
  text += fmt::format(fmt::runtime(pick(language, "; probability that the option saves money: {}.",
                                        "; kans dat de optie geld bespaart: {}.")),
                      experiment::format_percent(option.probability_saves_money, 0, language));
  v.headline = text;

  for (const experiment::MarginalDifference& d : option.differences) {
    const model::MetricInfo* info = info_of(d.kpi);
    const std::string unit = info != nullptr ? std::string(info->unit) : std::string();
    v.reasons.push_back(fmt::format(
        "{}: {} {}: {}", label_of(d.kpi, language), signed_in_unit(d.summary.mean, unit, language),
        interval(d.summary, unit, language),
        judgement(d.summary, info != nullptr ? info->better : 0, option.baseline, language)));
  }
  const kernel::RatioInterval& w = option.cost_per_extra_in_work;
  v.reasons.push_back(
      w.bounded && !std::isnan(w.ratio)
          ? fmt::format(fmt::runtime(pick(language,
                                          "Cost per extra person in work after the follow-up: {} "
                                          "{}",
                                          "Kosten per extra persoon aan het werk na de nameting: "
                                          "{} {}")),
                        eur(w.ratio, language),
                        experiment::format_interval(eur(w.lower, language), eur(w.upper, language),
                                                    language, "95%: "))
          : pick(language,
                 "Cost per extra person in work after the follow-up: not bounded (the extra "
                 "people in work may be none)",
                 "Kosten per extra persoon aan het werk na de nameting: niet begrensd (het kunnen "
                 "er ook nul zijn)"));
  return v;
}

ReportModel build_report(const std::vector<experiment::ScenarioResults>& results,
                         const ReportContext& context) {
  if (results.empty() || results.front().replications.empty()) {
    throw std::invalid_argument("report: no results to report");
  }
  if (context.scenarios.size() != results.size()) {
    throw std::invalid_argument("report: one scenario description per result is needed");
  }
  const Language language = context.language;
  ReportModel m;
  m.language_code = language == Language::nl ? "nl" : "en";
  const std::string region = context.scenarios.front().parameters.region;
  m.title =
      fmt::format(fmt::runtime(pick(language, "Mobility centre {}: report for the board",
                                    "Mobiliteitscentrum {}: rapport voor het directieoverleg")),
                  region);
  m.subtitle =
      fmt::format(fmt::runtime(pick(language, "{} replications per option, seed {}, made {}",
                                    "{} replicaties per optie, seed {}, gemaakt {}")),
                  results.front().replications.size(), context.seed,
                  readable_time(context.created_at, language));
  for (const experiment::MarginalOption& o : experiment::marginal_options(results)) {
    m.verdicts.push_back(option_verdict(o, language));
  }
  m.sections.push_back(options_section(results, context));
  if (!m.verdicts.empty()) m.sections.push_back(verdict_section(m.verdicts, language));
  m.sections.push_back(key_figure_section(results, language));
  Section figures;
  figures.heading = pick(language, "Over time", "In de tijd");
  for (Chart& c : charts(results, context)) figures.blocks.emplace_back(std::move(c));
  m.sections.push_back(std::move(figures));
  m.sections.push_back(robustness_section(results, context));
  m.sections.push_back(uncertainty_section(results, context));
  m.sections.push_back(provenance_section(context));
  return m;
}

}  // namespace werkstroom::report
