#include "experiment/console_report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "kernel/statistics.hpp"
#include "model/metric_registry.hpp"
#include "model/person.hpp"

namespace werkstroom::experiment {

std::string report_number(double x) {
  if (std::abs(x) < 0.005) x = 0.0;  // no "-0.00" from rounding noise
  const double a = std::abs(x);
  if (a >= 100000.0) return fmt::format("{:.0f}k", x / 1000.0);
  if (a >= 1000.0) return fmt::format("{:.0f}", x);
  if (a >= 10.0) return fmt::format("{:.1f}", x);
  return fmt::format("{:.2f}", x);
}

std::string report_band(const kernel::ReplicationBand& b) {
  if (b.replications == 0) return "-";
  return fmt::format("{} [{}, {}]", report_number(b.mean), report_number(b.low),
                     report_number(b.high));
}

namespace {

std::string number(double x) { return report_number(x); }
std::string band(const kernel::ReplicationBand& b) { return report_band(b); }

std::string percent(double share) { return fmt::format("{:.0f}%", 100.0 * share); }

/// One cell of the key-figure table, by the figure's kind: a 0/1 flag as the probability (the
/// share of replications where it happened), a share as percentages, a conditional month
/// figure as the median month among the replications where it exists and in how many it does
/// (model::MetricInfo::conditional), anything else as "mean [5%, 95%]".
std::string kpi_cell(const model::MetricInfo& info, const std::vector<double>& values,
                     const std::vector<std::string>& month_labels, Language language) {
  const kernel::ReplicationBand b = kernel::replication_band(values);
  if (b.replications == 0) return "-";
  if (info.unit == "0/1") return fmt::format("P = {}", percent(b.mean));
  if (info.unit == "share") {
    return fmt::format("{} [{}, {}]", percent(b.mean), percent(b.low), percent(b.high));
  }
  if (info.conditional) {
    if (b.present == 0) return translate("never", language);
    const auto m = static_cast<std::size_t>(std::lround(b.median));
    const std::string when =
        info.unit == "month" && m < month_labels.size() ? month_labels[m] : number(b.median);
    return fmt::format(fmt::runtime(translate("{} in {} of {}", language)), when, b.present,
                       b.replications);
  }
  return band(b);
}

/// The paired cell: a flag's difference in percentage points, a share's in points too; none
/// for a conditional figure (its replications differ between the scenarios).
std::string paired_cell(const model::MetricInfo& info, const std::vector<double>& base,
                        const std::vector<double>& values) {
  if (info.conditional) return "-";
  const kernel::ReplicationBand b = kernel::paired_band(base, values);
  if (b.replications == 0) return "-";
  if (info.unit == "0/1") return fmt::format("{:+.0f} pp", 100.0 * b.mean);
  if (info.unit == "share") {
    return fmt::format("{:+.0f} pp [{:+.0f}, {:+.0f}]", 100.0 * b.mean, 100.0 * b.low,
                       100.0 * b.high);
  }
  return band(b);
}

}  // namespace

std::string kpi_table(const std::vector<ScenarioResults>& results, Language language) {
  std::string out;
  if (results.empty()) return out;
  const std::size_t reps = results.front().replications.size();
  out +=
      fmt::format(fmt::runtime(translate(
                      "Key figures over the horizon: mean [5%, 95%] of {} replications", language)),
                  reps);
  if (results.size() > 1) {
    out += fmt::format(fmt::runtime(translate(
                           "; 'vs {}' is the paired difference (common random numbers)", language)),
                       results.front().name);
  }
  out += "\n\n";
  out += fmt::format("{:<30}", translate("figure", language));
  for (std::size_t s = 0; s < results.size(); ++s) {
    out += fmt::format("{:>28}", results[s].name.substr(0, 27));
    if (s > 0) out += fmt::format("{:>28}", ("vs " + results.front().name).substr(0, 27));
  }
  out += "\n";
  for (const model::MetricInfo& info : model::key_figures()) {
    const std::string name(info.name);
    out += fmt::format("{:<30}", kpi_label(name, language).substr(0, 29));
    const std::vector<double> base = kpi_values(results.front(), name);
    for (std::size_t s = 0; s < results.size(); ++s) {
      const std::vector<double> values = kpi_values(results[s], name);
      const std::vector<std::string>& months = results[s].replications.empty()
                                                   ? std::vector<std::string>{}
                                                   : results[s].replications.front().month_labels;
      out += fmt::format("{:>28}", kpi_cell(info, values, months, language));
      if (s > 0) out += fmt::format("{:>28}", paired_cell(info, base, values));
    }
    out += "\n";
  }
  out += translate(
      "P: the share of replications in which it happens; a month: the median among the "
      "replications in which it happens, and in how many; pp: percentage points",
      language);
  out += "\n";
  return out;
}

std::string national_sum_table(const ScenarioResults& sum, std::size_t regions, Language language) {
  std::string out;
  if (sum.replications.empty()) {
    return out;
  }
  out += fmt::format(
      fmt::runtime(translate("National sum over {} regions: per replication the sum of the "
                             "regions' figures, mean [5%, 95%] of {} replications; only "
                             "additive figures (counts and euros)",
                             language)),
      regions, sum.replications.size());
  out += "\n\n";
  out += fmt::format("{:<30}{:>28}\n", translate("figure", language),
                     translate("national sum", language));
  for (const model::MetricInfo* info : model::additive_key_figures()) {
    const std::string name(info->name);
    if (!sum.replications.front().kpis.contains(name)) {
      continue;
    }
    out += fmt::format("{:<30}{:>28}\n", kpi_label(name, language).substr(0, 29),
                       band(kernel::replication_band(kpi_values(sum, name))));
  }
  return out;
}

std::string route_table(const ScenarioResults& results, Language language) {
  std::string out;
  if (results.replications.empty()) return out;
  const auto mean = [&results](const std::string& key) {
    return kernel::summarise(kpi_values(results, key)).mean;
  };
  out += fmt::format(
      fmt::runtime(translate("Where the effects of '{}' come from: means over {} replications, by "
                             "the route that first changed a client's path",
                             language)),
      results.name, results.replications.size());
  out += "\n\n";
  out += fmt::format("{:<34}{:>10}{:>12}{:>14}{:>16}\n", translate("route", language),
                     translate("clients", language), translate("prev. WW", language),
                     translate("EUR saved", language), translate("EUR displaced", language));
  // One row per route (the routes of the first replication, in key order), none for a route
  // that changed no client's path.
  for (const auto& [key, value] : results.replications.front().kpis) {
    const std::optional<model::RouteKey> parts = model::split_route_key(key);
    if (!parts || parts->figure != "clients") continue;
    if (mean(key) == 0.0) continue;
    const auto figure = [&](std::string_view name) {
      return number(mean(model::route_key(parts->route, name)));
    };
    out += fmt::format("{:<34}{:>10}{:>12}{:>14}{:>16}\n", parts->route.substr(0, 33),
                       number(mean(key)), figure("prevented_ww_inflow"),
                       figure("benefit_eur_saved"), figure("benefit_eur_displaced"));
  }
  return out;
}

std::string party_table(const ScenarioResults& results, Language language) {
  std::string out;
  if (results.replications.empty()) return out;
  const auto mean = [&results](const std::string& key) {
    return kernel::summarise(kpi_values(results, key)).mean;
  };
  out += fmt::format(
      fmt::runtime(translate(
          "Who pays and who saves in '{}': means over {} replications; instruments are booked to "
          "the client's first responsible party, WW savings to UWV, PW savings to the "
          "municipality",
          language)),
      results.name, results.replications.size());
  out += "\n\n";
  constexpr std::string_view kRow = "{:<40}{:>10}{:>17}{:>14}{:>16}{:>14}\n";
  out +=
      fmt::format(fmt::runtime(kRow), translate("party", language), translate("referred", language),
                  translate("EUR instruments", language), translate("EUR saved", language),
                  translate("EUR displaced", language), translate("EUR balance", language));
  double balances = 0.0;
  double instruments = 0.0;
  for (const char* party : model::kFirstPartyNames) {
    const auto figure = [&](std::string_view name) { return mean(model::party_key(party, name)); };
    balances += figure("balance_eur");
    instruments += figure("instrument_eur");
    out += fmt::format(fmt::runtime(kRow), translate(party, language), number(figure("referrals")),
                       number(figure("instrument_eur")), number(figure("benefit_eur_saved")),
                       number(figure("benefit_eur_displaced")), number(figure("balance_eur")));
  }
  // The staff are paid from the centre's budget; instruments from the parties' accounts above.
  const double staff = mean("cost_eur") - instruments;
  out +=
      fmt::format(fmt::runtime(kRow), translate("centre staff (the regional programme)", language),
                  "", "", "", "", number(-staff));
  out += fmt::format(fmt::runtime(kRow), translate("net savings", language), "", "", "", "",
                     number(balances - staff));
  return out;
}

std::string variance_reduction_table(const std::vector<ScenarioResults>& results) {
  std::string out =
      "Common random numbers: variance of the paired difference against what independent\n"
      "streams would give (var A + var B); reduction = 1 - var(diff) / (var A + var B)\n\n";
  out += fmt::format("{:<30}", "figure");
  for (std::size_t s = 1; s < results.size(); ++s) {
    out += fmt::format("{:>28}", (results[s].name + " vs base").substr(0, 27));
  }
  out += "\n";
  for (const model::MetricInfo& info : model::key_figures()) {
    const std::string name(info.name);
    const std::vector<double> base = kpi_values(results.front(), name);
    const double var_base = std::pow(kernel::summarise(base).sd, 2);
    out += fmt::format("{:<30}", name);
    for (std::size_t s = 1; s < results.size(); ++s) {
      const std::vector<double> values = kpi_values(results[s], name);
      const double var_other = std::pow(kernel::summarise(values).sd, 2);
      const double var_diff = std::pow(kernel::summarise_paired_difference(base, values).sd, 2);
      const double independent = var_base + var_other;
      out += independent > 0.0 ? fmt::format("{:>27.0f}%", 100.0 * (1.0 - var_diff / independent))
                               : fmt::format("{:>28}", "-");
    }
    out += "\n";
  }
  return out;
}

std::string monthly_table(const ScenarioResults& results, Language language) {
  using model::Indicator;
  const auto& reps = results.replications;
  if (reps.empty()) return {};
  const std::size_t months = reps.front().month_labels.size();
  const auto mean_of = [&](auto getter, std::size_t m) {
    double sum = 0.0;
    for (const auto& r : reps) sum += getter(r, m);
    return sum / static_cast<double>(reps.size());
  };
  const auto indicator = [](Indicator i) {
    return [i](const model::ReplicationResult& r, std::size_t m) { return r.service.row(i)[m]; };
  };
  const auto ww_with = [](const model::ReplicationResult& r, std::size_t m) {
    return r.with_service.running[static_cast<std::size_t>(model::State::ww)][m];
  };
  const auto ww_without = [](const model::ReplicationResult& r, std::size_t m) {
    return r.without_service.running[static_cast<std::size_t>(model::State::ww)][m];
  };
  const auto spent = [](const model::ReplicationResult& r, std::size_t m) {
    return r.service.row(Indicator::budget_centre_spent_eur)[m] +
           r.service.row(Indicator::budget_instruments_spent_eur)[m] +
           r.service.row(Indicator::budget_maatwerk_spent_eur)[m];
  };
  std::string out = fmt::format(
      fmt::runtime(translate("Monthly summary of '{}' (means over {} replications)", language) +
                   "\n\n"),
      results.name, reps.size());
  const auto t = [language](std::string_view key) { return translate(key, language); };
  out +=
      fmt::format("{:<8}{:>8}{:>8}{:>8}{:>10}{:>10}{:>8}{:>10}{:>10}{:>9}{:>9}{:>12}\n", t("month"),
                  t("called"), t("visited"), t("referr."), t("waiting"), t("p90 wait"),
                  t("intakes"), t("select."), t("placed"), "WW with", "WW w/o", t("spent EUR"));
  for (std::size_t m = 0; m < months; ++m) {
    out += fmt::format(
        "{:<8}{:>8.1f}{:>8.1f}{:>8.1f}{:>9.1f}{:>9.1f}{:>8.1f}{:>8.1f}{:>7.1f}{:>9.0f}{:>9.0f}{:>"
        "11.0f}\n",
        reps.front().month_labels[m], mean_of(indicator(Indicator::employers_called), m),
        mean_of(indicator(Indicator::employers_visited), m),
        mean_of(indicator(Indicator::referrals), m),
        mean_of(indicator(Indicator::waiting_list_end), m),
        mean_of(indicator(Indicator::wait_to_intake_p90_working_days), m),
        mean_of(indicator(Indicator::intakes), m), mean_of(indicator(Indicator::selected), m),
        mean_of(indicator(Indicator::placements_clients), m), mean_of(ww_with, m),
        mean_of(ww_without, m), mean_of(spent, m));
  }
  out +=
      "\nwaiting: people waiting for intake at month end; p90 wait in working days; WW with /\n"
      "w/o: running WW benefits in the region with and without the centre; spent: cumulative.\n";
  return out;
}

}  // namespace werkstroom::experiment
