#include "experiment/console_report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>

#include "experiment/number_format.hpp"
#include "experiment/text_table.hpp"
#include "kernel/statistics.hpp"
#include "model/metric_registry.hpp"
#include "model/person.hpp"

namespace werkstroom::experiment {

std::string report_number(double x, Language language) { return format_figure(x, language); }

std::string report_band(const kernel::ReplicationBand& b, Language language) {
  if (b.replications == 0) return "-";
  return report_number(b.mean, language) + " " +
         format_interval(report_number(b.low, language), report_number(b.high, language), language);
}

namespace {

std::string percent(double share, Language language) { return format_percent(share, 0, language); }

/// A percentage-point difference as a signed number ("+45"; the caller adds " pp").
std::string points(double share_difference, Language language) {
  return format_signed(100.0 * share_difference, 0, language);
}

/// One cell of the key-figure table, by the figure's kind: a 0/1 flag as the probability (the
/// share of replications where it happened), a share as percentages, a conditional month
/// figure as the median month among the replications where it exists and in how many it does
/// (model::MetricInfo::conditional), anything else as "mean [5%, 95%]".
std::string kpi_cell(const model::MetricInfo& info, const std::vector<double>& values,
                     const std::vector<std::string>& month_labels, Language language) {
  const kernel::ReplicationBand b = kernel::replication_band(values);
  if (b.replications == 0) return "-";
  if (info.unit == "0/1") return fmt::format("P = {}", percent(b.mean, language));
  if (info.unit == "share") {
    return percent(b.mean, language) + " " +
           format_interval(percent(b.low, language), percent(b.high, language), language);
  }
  if (info.conditional) {
    if (b.present == 0) return translate("never", language);
    const auto m = static_cast<std::size_t>(std::lround(b.median));
    const std::string when = info.unit == "month" && m < month_labels.size()
                                 ? month_labels[m]
                                 : report_number(b.median, language);
    return fmt::format(fmt::runtime(translate("{} in {} of {}", language)), when, b.present,
                       b.replications);
  }
  return report_band(b, language);
}

/// The paired cell: a flag's difference in percentage points, a share's in points too; none
/// for a conditional figure (its replications differ between the scenarios).
std::string paired_cell(const model::MetricInfo& info, const std::vector<double>& base,
                        const std::vector<double>& values, Language language) {
  if (info.conditional) return "-";
  const kernel::ReplicationBand b = kernel::paired_band(base, values);
  if (b.replications == 0) return "-";
  if (info.unit == "0/1") return points(b.mean, language) + " pp";
  if (info.unit == "share") {
    return points(b.mean, language) + " pp " +
           format_interval(points(b.low, language), points(b.high, language), language);
  }
  return report_band(b, language);
}

}  // namespace

std::string kpi_table(const std::vector<ScenarioResults>& results, Language language) {
  std::string out;
  if (results.empty()) return out;
  const std::size_t reps = replication_count(results.front());
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
  std::vector<std::string> header{translate("figure", language)};
  for (std::size_t s = 0; s < results.size(); ++s) {
    header.push_back(results[s].name);
    if (s > 0) header.push_back("vs " + results.front().name);
  }
  TextTable table(std::move(header));
  for (const model::MetricInfo& info : model::key_figures()) {
    const std::string name(info.name);
    std::vector<std::string> row{kpi_label(name, language)};
    const std::vector<double> base = kpi_values(results.front(), name);
    for (std::size_t s = 0; s < results.size(); ++s) {
      const std::vector<double> values = kpi_values(results[s], name);
      const std::vector<std::string>& months = first_month_labels(results[s]);
      row.push_back(kpi_cell(info, values, months, language));
      if (s > 0) row.push_back(paired_cell(info, base, values, language));
    }
    table.add_row(std::move(row));
  }
  out += table.render();
  out += translate(
      "P: the share of replications in which it happens; a month: the median among the "
      "replications in which it happens, and in how many; pp: percentage points",
      language);
  out += "\n";
  return out;
}

std::string national_sum_table(const ScenarioResults& sum, std::size_t regions, Language language) {
  std::string out;
  if (replication_count(sum) == 0) {
    return out;
  }
  out += fmt::format(
      fmt::runtime(translate("National sum over {} regions: per replication the sum of the "
                             "regions' figures, mean [5%, 95%] of {} replications; only "
                             "additive figures (counts and euros)",
                             language)),
      regions, replication_count(sum));
  out += "\n\n";
  TextTable table({translate("figure", language), translate("national sum", language)});
  for (const model::MetricInfo* info : model::additive_key_figures()) {
    const std::string name(info->name);
    if (!has_kpi(sum, name)) {
      continue;
    }
    table.add_row({kpi_label(name, language),
                   report_band(kernel::replication_band(kpi_values(sum, name)), language)});
  }
  return out + table.render();
}

std::string route_table(const ScenarioResults& results, Language language) {
  std::string out;
  if (replication_count(results) == 0) return out;
  const auto mean = [&results](const std::string& key) {
    return kernel::summarise(kpi_values(results, key)).mean;
  };
  out += fmt::format(
      fmt::runtime(translate("Where the effects of '{}' come from: means over {} replications, by "
                             "the route that first changed a client's path",
                             language)),
      results.name, replication_count(results));
  out += "\n\n";
  // The prevented WW inflow with its two parts beside it (they add up to it): a route whose
  // earlier jobs end before the horizon brings people back to WW, which the total alone hides.
  TextTable table({translate("route", language), translate("clients", language),
                   translate("prev. WW", language), translate("of which new", language),
                   translate("of which returns", language), translate("EUR saved", language),
                   translate("EUR displaced", language)});
  // One row per route (the routes of the first replication, in key order), none for a route
  // that changed no client's path.
  for (const std::string& key : kpi_names(results)) {
    const std::optional<model::RouteKey> parts = model::split_route_key(key);
    if (!parts || parts->figure != "clients") continue;
    if (mean(key) == 0.0) continue;
    const auto figure = [&](std::string_view name) {
      return report_number(mean(model::route_key(parts->route, name)), language);
    };
    table.add_row({std::string(parts->route), report_number(mean(key), language),
                   figure("prevented_ww_inflow"), figure("prevented_ww_new_inflow"),
                   figure("prevented_ww_returns"), figure("benefit_eur_saved"),
                   figure("benefit_eur_displaced")});
  }
  return out + table.render() + "\n" +
         translate(
             "Prevented: without the service minus with it. A negative 'of which returns' "
             "means that more people come back to WW with the service: jobs found earlier "
             "can end before the horizon.",
             language) +
         "\n";
}

std::string party_table(const ScenarioResults& results, Language language) {
  std::string out;
  if (replication_count(results) == 0) return out;
  const auto mean = [&results](const std::string& key) {
    return kernel::summarise(kpi_values(results, key)).mean;
  };
  out += fmt::format(
      fmt::runtime(translate(
          "Who pays and who saves in '{}': means over {} replications; instruments are booked to "
          "the client's first responsible party, WW savings to UWV, PW savings to the "
          "municipality",
          language)),
      results.name, replication_count(results));
  out += "\n\n";
  TextTable table({translate("party", language), translate("referred", language),
                   translate("EUR instruments", language), translate("EUR saved", language),
                   translate("EUR displaced", language), translate("EUR balance", language)});
  const auto number = [language](double x) { return report_number(x, language); };
  double balances = 0.0;
  double instruments = 0.0;
  for (const char* party : model::kFirstPartyNames) {
    const auto figure = [&](std::string_view name) { return mean(model::party_key(party, name)); };
    balances += figure("balance_eur");
    instruments += figure("instrument_eur");
    table.add_row({translate(party, language), number(figure("referrals")),
                   number(figure("instrument_eur")), number(figure("benefit_eur_saved")),
                   number(figure("benefit_eur_displaced")), number(figure("balance_eur"))});
  }
  // The staff are paid from the centre's budget; instruments from the parties' accounts above.
  const double staff = mean("cost_eur") - instruments;
  table.add_row({translate("centre staff (the regional programme)", language), "", "", "", "",
                 number(-staff)});
  table.add_row({translate("net savings", language), "", "", "", "", number(balances - staff)});
  return out + table.render();
}

std::string variance_reduction_table(const std::vector<ScenarioResults>& results,
                                     Language language) {
  std::string out = translate(
      "Common random numbers: variance of the paired difference against what independent "
      "streams would give (var A + var B); reduction = 1 - var(diff) / (var A + var B)",
      language);
  out += "\n\n";
  std::vector<std::string> header{translate("figure", language)};
  for (std::size_t s = 1; s < results.size(); ++s) {
    header.push_back(fmt::format(fmt::runtime(translate("{} vs base", language)), results[s].name));
  }
  TextTable table(std::move(header));
  for (const model::MetricInfo& info : model::key_figures()) {
    const std::string name(info.name);
    const std::vector<double> base = kpi_values(results.front(), name);
    const double var_base = std::pow(kernel::summarise(base).sd, 2);
    std::vector<std::string> row{kpi_label(name, language)};
    for (std::size_t s = 1; s < results.size(); ++s) {
      const std::vector<double> values = kpi_values(results[s], name);
      const double var_other = std::pow(kernel::summarise(values).sd, 2);
      const double var_diff = std::pow(kernel::summarise_paired_difference(base, values).sd, 2);
      const double independent = var_base + var_other;
      row.push_back(independent > 0.0 ? percent(1.0 - var_diff / independent, language) : "-");
    }
    table.add_row(std::move(row));
  }
  return out + table.render();
}

namespace {

constexpr std::size_t kMonthlyColumns = MonthlySummary::kColumns;

std::array<double, kMonthlyColumns> monthly_columns(const model::ReplicationResult& r,
                                                    std::size_t m) {
  using model::Indicator;
  const auto row = [&](Indicator i) { return r.service.row(i)[m]; };
  const auto ww = static_cast<std::size_t>(model::State::ww);
  return {row(Indicator::employers_called),
          row(Indicator::employers_visited),
          row(Indicator::referrals),
          row(Indicator::waiting_list_end),
          row(Indicator::wait_to_intake_p90_working_days),
          row(Indicator::intakes),
          row(Indicator::selected),
          row(Indicator::placements_clients),
          r.with_service.running[ww][m],
          r.without_service.running[ww][m],
          row(Indicator::budget_centre_spent_eur) + row(Indicator::budget_instruments_spent_eur) +
              row(Indicator::budget_maatwerk_spent_eur)};
}

}  // namespace

void MonthlySummary::add(const model::ReplicationResult& r) {
  if (replications_ == 0) {
    months_ = r.month_labels;
    sums_.assign(months_.size(), {});
  }
  for (std::size_t m = 0; m < sums_.size(); ++m) {
    const std::array<double, kMonthlyColumns> values = monthly_columns(r, m);
    for (std::size_t c = 0; c < kMonthlyColumns; ++c) sums_[m][c] += values[c];
  }
  ++replications_;
}

std::string MonthlySummary::table(const std::string& name, Language language) const {
  if (replications_ == 0) return {};
  std::string out = fmt::format(
      fmt::runtime(translate("Monthly summary of '{}' (means over {} replications)", language) +
                   "\n\n"),
      name, replications_);
  const auto t = [language](std::string_view key) { return translate(key, language); };
  TextTable table({t("month"), t("called"), t("visited"), t("referr."), t("waiting"), t("p90 wait"),
                   t("intakes"), t("select."), t("placed"), t("WW with"), t("WW w/o"),
                   t("spent EUR")});
  const auto one = [language](double x) { return format_fixed(x, 1, language); };
  const auto whole = [language](double x) { return format_fixed(x, 0, language); };
  const auto n = static_cast<double>(replications_);
  for (std::size_t m = 0; m < months_.size(); ++m) {
    const std::array<double, kMonthlyColumns>& sum = sums_[m];
    table.add_row({months_[m], one(sum[0] / n), one(sum[1] / n), one(sum[2] / n), one(sum[3] / n),
                   one(sum[4] / n), one(sum[5] / n), one(sum[6] / n), one(sum[7] / n),
                   whole(sum[8] / n), whole(sum[9] / n), whole(sum[10] / n)});
  }
  out += table.render();
  out += "\n";
  out +=
      t("waiting: people waiting for intake at month end; p90 wait in working days; WW with / "
        "w/o: running WW benefits in the region with and without the centre; spent: "
        "cumulative.");
  out += "\n";
  return out;
}

std::string monthly_table(const ScenarioResults& results, Language language) {
  MonthlySummary summary;
  for (const model::ReplicationResult& r : results.replications) summary.add(r);
  return summary.table(results.name, language);
}

}  // namespace werkstroom::experiment
