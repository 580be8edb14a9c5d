#include "experiment/marginal.hpp"

#include <fmt/core.h>

#include <cmath>

#include "experiment/number_format.hpp"
#include "experiment/text_table.hpp"
#include "model/metric_registry.hpp"

namespace werkstroom::experiment {

const std::vector<std::string>& marginal_figures() {
  static const std::vector<std::string> figures = {"cost_eur",
                                                   "placements",
                                                   "extra_in_work_end_of_service",
                                                   "extra_in_work_at_end",
                                                   "prevented_ww_inflow",
                                                   "prevented_ww_new_inflow",
                                                   "prevented_pw_inflow",
                                                   "net_savings_eur"};
  return figures;
}

std::vector<MarginalOption> marginal_options(const std::vector<ScenarioResults>& results) {
  std::vector<MarginalOption> out;
  if (results.size() < 2) return out;
  const ScenarioResults& base = results.front();
  for (std::size_t s = 1; s < results.size(); ++s) {
    MarginalOption o;
    o.name = results[s].name;
    o.baseline = base.name;
    for (const std::string& kpi : marginal_figures()) {
      const std::vector<double> a = kpi_values(base, kpi);
      const std::vector<double> b = kpi_values(results[s], kpi);
      MarginalDifference d;
      d.kpi = kpi;
      d.summary = kernel::summarise_paired_difference(a, b);
      const model::MetricInfo* info = model::find_metric(kpi);
      const int better = info != nullptr ? info->better : 0;
      double count = 0.0;
      for (std::size_t i = 0; i < a.size(); ++i) {
        const double diff = b[i] - a[i];
        count += (better > 0 ? diff > 0.0 : better < 0 ? diff < 0.0 : false) ? 1.0 : 0.0;
      }
      d.share_better = a.empty() ? 0.0 : count / static_cast<double>(a.size());
      if (kpi == "net_savings_eur") o.probability_saves_money = d.share_better;
      o.differences.push_back(d);
    }
    const auto diff_of = [&](const std::string& kpi) {
      const std::vector<double> a = kpi_values(base, kpi);
      std::vector<double> b = kpi_values(results[s], kpi);
      for (std::size_t i = 0; i < b.size(); ++i) b[i] -= a[i];
      return b;
    };
    o.cost_per_extra_placement = kernel::fieller_ratio(diff_of("cost_eur"), diff_of("placements"));
    o.cost_per_extra_in_work =
        kernel::fieller_ratio(diff_of("cost_eur"), diff_of("extra_in_work_at_end"));
    out.push_back(std::move(o));
  }
  return out;
}

namespace {

/// A difference: with its sign, whole numbers from 100 on, else one decimal.
std::string amount(double x, Language language) {
  if (std::isnan(x)) return "-";
  return format_signed(x, std::abs(x) >= 99.95 ? 0 : 1, language);
}

std::string ratio_cell(const kernel::RatioInterval& r, Language language) {
  if (std::isnan(r.ratio)) return "-";
  const auto plain = [language](double x) { return format_fixed(x, 0, language); };
  if (!r.bounded) {
    return fmt::format(fmt::runtime(translate("{} [not bounded]", language)), plain(r.ratio));
  }
  return plain(r.ratio) + " " + format_interval(plain(r.lower), plain(r.upper), language);
}

}  // namespace

std::string marginal_table(const std::vector<MarginalOption>& options, Language language) {
  std::string out;
  if (options.empty()) return out;
  out += translate(
      "What each option buys against the baseline: mean difference [95% interval of the mean] "
      "over paired replications, and the share of replications in which the option does better",
      language);
  out += "\n\n";
  for (const MarginalOption& o : options) {
    out += fmt::format(fmt::runtime(translate("'{}' against '{}'", language)), o.name, o.baseline);
    out += "\n";
    TextTable table({"", translate("difference [95%]", language), translate("better", language)});
    for (const MarginalDifference& d : o.differences) {
      table.add_row({kpi_label(d.kpi, language),
                     amount(d.summary.mean, language) + " " +
                         format_interval(amount(d.summary.lower(), language),
                                         amount(d.summary.upper(), language), language),
                     format_percent(d.share_better, 0, language)});
    }
    table.add_row({translate("EUR per extra placement", language),
                   ratio_cell(o.cost_per_extra_placement, language)});
    table.add_row({translate("EUR per extra person in work", language),
                   ratio_cell(o.cost_per_extra_in_work, language)});
    // The table indented under its option's line.
    const std::string rendered = table.render();
    for (std::size_t begin = 0; begin < rendered.size();) {
      const std::size_t end = rendered.find('\n', begin);
      out += "  " + rendered.substr(begin, end - begin + 1);
      begin = end + 1;
    }
    out += fmt::format(
        fmt::runtime(translate("  probability that '{}' saves money against '{}': {}", language)),
        o.name, o.baseline, format_percent(o.probability_saves_money, 0, language));
    out += "\n\n";
  }
  out += translate(
      "EUR per extra placement: extra cost over extra placements, with Fieller's 95% interval; "
      "'not bounded' when the extra placements may be none. In work: after the follow-up.",
      language);
  out += "\n";
  return out;
}

std::string marginal_csv(const std::vector<MarginalOption>& options) {
  std::string out = "option,baseline,figure,mean,lower95,upper95,share_better,replications\n";
  const auto number = [](double x) { return std::isnan(x) ? std::string() : fmt::format("{}", x); };
  for (const MarginalOption& o : options) {
    for (const MarginalDifference& d : o.differences) {
      out += fmt::format("{},{},{},{},{},{},{},{}\n", o.name, o.baseline, d.kpi,
                         number(d.summary.mean), number(d.summary.lower()),
                         number(d.summary.upper()), d.share_better, d.summary.replications);
    }
    for (const auto& [figure, r] :
         {std::pair<const char*, const kernel::RatioInterval*>{"cost_per_extra_placement_eur",
                                                               &o.cost_per_extra_placement},
          {"cost_per_extra_in_work_eur", &o.cost_per_extra_in_work}}) {
      out += fmt::format("{},{},{},{},{},{},,{}\n", o.name, o.baseline, figure, number(r->ratio),
                         r->bounded ? number(r->lower) : "", r->bounded ? number(r->upper) : "",
                         r->replications);
    }
    out += fmt::format("{},{},probability_saves_money,{},,,,\n", o.name, o.baseline,
                       o.probability_saves_money);
  }
  return out;
}

}  // namespace werkstroom::experiment
