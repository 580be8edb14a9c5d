#include "results/catalogue.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "experiment/national_sum.hpp"
#include "model/metric_registry.hpp"
#include "model/person.hpp"
#include "model/world_totals.hpp"

namespace werkstroom::results {

namespace {

struct StaticInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
};

// In the order of model::Indicator; the names are checked against kIndicatorNames below.
constexpr std::array<StaticInfo, model::kIndicatorCount> kIndicators = {{
    {"employers_called", "employers", "planned outreach calls to employers made in the month"},
    {"employers_spoken", "employers",
     "conversations with employers in the month (after a call or an inbound request)"},
    {"employers_visited", "employers", "employer visits in the month"},
    {"advices", "advices", "advice sessions given to employers in the month"},
    {"interventions_coaching", "instruments", "coaching instruments started in the month"},
    {"interventions_training", "instruments", "training instruments started in the month"},
    {"interventions_secondment", "instruments", "secondments (doorleen) started in the month"},
    {"interventions_takeover", "instruments", "takeovers (overname) done in the month"},
    {"interventions_other", "instruments",
     "other instruments of the menukaart started in the month"},
    {"inventory_surplus_pct", "%",
     "inventoried employers with a surplus of staff, at the month end (0 before any inventory)"},
    {"inventory_shortage_pct", "%",
     "inventoried employers with a shortage of staff, at the month end (0 before any inventory)"},
    {"referrals", "people", "people referred to the centre in the month"},
    {"inbound_requests", "requests", "inbound requests from employers and zzp'ers in the month"},
    {"intakes", "people", "intakes done in the month"},
    {"selected", "people", "people selected for a personal arrangement in the month"},
    {"regular_service", "people", "people sent to regular service after intake in the month"},
    {"arrangements_started", "arrangements", "personal arrangements (plans) agreed in the month"},
    {"instruments_started", "instruments", "instruments of all types started in the month"},
    {"left_while_waiting", "people",
     "people who left the intake queue in the month: found work, left, or the service closed"},
    {"abandoned_waiting", "people",
     "people whose patience ran out while waiting for intake, in the month"},
    {"left_during_intake", "people",
     "people who found work or left while their intake was being done, in the month"},
    {"waiting_list_end", "people", "people waiting for intake at the month end"},
    {"waiting_list_mean", "people", "people waiting for intake, time-weighted mean over the month"},
    {"waiting_list_max", "people",
     "the largest number of people waiting for intake at any moment of the month"},
    {"wait_to_intake_mean_working_days", "working days",
     "mean wait from referral to intake of the intakes of the month (0 without intakes)"},
    {"wait_to_intake_p90_working_days", "working days",
     "90th percentile of the wait from referral to intake in the month (0 without intakes)"},
    {"in_trajectory_end", "people", "service clients not yet done, at the month end"},
    {"staff_utilisation", "share",
     "advisors' busy time over their time on shift in the month (0 to 1)"},
    {"fte_in_place", "fte", "advisors in place, time-weighted mean over the month"},
    {"external_advisors_end", "advisors", "external advisors active at the month end"},
    {"budget_centre_committed_eur", "EUR",
     "centre budget committed less released, cumulative at the month end"},
    {"budget_centre_spent_eur", "EUR", "centre budget spent, cumulative at the month end"},
    {"budget_instruments_committed_eur", "EUR",
     "instrument budget committed, cumulative at the month end"},
    {"budget_instruments_spent_eur", "EUR", "instrument budget spent, cumulative at the month end"},
    {"budget_maatwerk_committed_eur", "EUR",
     "maatwerk budget committed, cumulative at the month end"},
    {"budget_maatwerk_spent_eur", "EUR", "maatwerk budget spent, cumulative at the month end"},
    {"budget_refusals", "instruments", "instruments not started for lack of money, in the month"},
    {"vacancies_acquired", "vacancies", "vacancies acquired from employers in the month"},
    {"placements_clients", "people", "service clients into work (any route) in the month"},
    {"placements_on_vacancies", "people", "clients matched on acquired vacancies in the month"},
    {"placements_regular_clients", "people",
     "regular WW/PW clients placed on acquired vacancies in the month"},
    {"work_to_work_clients", "people",
     "clients into work straight from a threatened job or a secondment, in the month"},
}};

struct IndicatorLabel {
  std::string_view name;
  std::string_view label_en;
  std::string_view label_nl;
};

// The indicators' titles (indicator_titles()), in the order of model::Indicator;
// each at most 31 characters and unique regardless of case within its language (a sheet name).
constexpr std::array<IndicatorLabel, model::kIndicatorCount> kIndicatorLabels = {{
    {"employers_called", "Employers called", "Werkgevers gebeld"},
    {"employers_spoken", "Employers spoken", "Werkgevers gesproken"},
    {"employers_visited", "Employers visited", "Werkgevers bezocht"},
    {"advices", "Advices to employers", "Adviezen aan werkgevers"},
    {"interventions_coaching", "Coaching started", "Coaching gestart"},
    {"interventions_training", "Training started", "Scholing gestart"},
    {"interventions_secondment", "Secondments started", "Doorleen gestart"},
    {"interventions_takeover", "Takeovers", "Overnames"},
    {"interventions_other", "Other instruments started", "Overige instrumenten gestart"},
    {"inventory_surplus_pct", "Employers with surplus %", "Werkgevers met overschot %"},
    {"inventory_shortage_pct", "Employers with shortage %", "Werkgevers met tekort %"},
    {"referrals", "Referrals", "Verwijzingen"},
    {"inbound_requests", "Inbound requests", "Inkomende verzoeken"},
    {"intakes", "Intakes", "Intakes"},
    {"selected", "Selected for arrangement", "Geselecteerd voor arrangement"},
    {"regular_service", "To regular service", "Naar reguliere dienstverlening"},
    {"arrangements_started", "Arrangements agreed", "Arrangementen afgesproken"},
    {"instruments_started", "Instruments started", "Instrumenten gestart"},
    {"left_while_waiting", "Left while waiting", "Vertrokken tijdens wachten"},
    {"abandoned_waiting", "Gave up waiting", "Afgehaakt tijdens wachten"},
    {"left_during_intake", "Left during intake", "Vertrokken tijdens intake"},
    {"waiting_list_end", "Waiting list, month end", "Wachtlijst einde maand"},
    {"waiting_list_mean", "Waiting list, mean", "Wachtlijst gemiddeld"},
    {"waiting_list_max", "Waiting list, maximum", "Wachtlijst maximum"},
    {"wait_to_intake_mean_working_days", "Wait to intake, mean", "Wachttijd tot intake, gemiddeld"},
    {"wait_to_intake_p90_working_days", "Wait to intake, p90", "Wachttijd tot intake, p90"},
    {"in_trajectory_end", "In trajectory, month end", "In traject einde maand"},
    {"staff_utilisation", "Staff utilisation", "Bezetting adviseurs"},
    {"fte_in_place", "Advisors in place", "Adviseurs in dienst"},
    {"external_advisors_end", "External advisors", "Externe adviseurs"},
    {"budget_centre_committed_eur", "Centre budget committed", "Centrumbudget verplicht"},
    {"budget_centre_spent_eur", "Centre budget spent", "Centrumbudget besteed"},
    {"budget_instruments_committed_eur", "Instrument budget committed",
     "Instrumentbudget verplicht"},
    {"budget_instruments_spent_eur", "Instrument budget spent", "Instrumentbudget besteed"},
    {"budget_maatwerk_committed_eur", "Maatwerk budget committed", "Maatwerkbudget verplicht"},
    {"budget_maatwerk_spent_eur", "Maatwerk budget spent", "Maatwerkbudget besteed"},
    {"budget_refusals", "Refused for lack of money", "Geweigerd wegens budget"},
    {"vacancies_acquired", "Vacancies acquired", "Vacatures opgehaald"},
    {"placements_clients", "Placements", "Plaatsingen"},
    {"placements_on_vacancies", "Placements on vacancies", "Plaatsingen op vacatures"},
    {"placements_regular_clients", "Regular clients placed", "Reguliere klanten geplaatst"},
    {"work_to_work_clients", "Work to work", "Van werk naar werk"},
}};

constexpr bool indicator_names_match() {
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    if (kIndicators[i].name != std::string_view(model::kIndicatorNames[i])) return false;
    if (kIndicatorLabels[i].name != kIndicators[i].name) return false;
    if (kIndicatorLabels[i].label_en.size() > 31 || kIndicatorLabels[i].label_nl.size() > 31) {
      return false;
    }
  }
  return true;
}
static_assert(indicator_names_match(), "results catalogue out of step with kIndicatorNames");

/// A catalogue row of a static entry: an indicator's (StaticInfo) or a world flow's
/// (model::WorldFlow).
template <class Info>
SeriesInfo to_info(const Info& s) {
  return {std::string(s.name), std::string(s.unit), std::string(s.description)};
}

std::string clean_name(const std::string& name) {
  std::string out = name;
  std::replace(out.begin(), out.end(), '/', '_');
  std::replace(out.begin(), out.end(), '\0', '_');
  if (out.find_first_not_of('.') == std::string::npos) out = "scenario_" + out;
  return out;
}

}  // namespace

const std::vector<SeriesInfo>& indicator_catalogue() {
  static const std::vector<SeriesInfo> table = [] {
    std::vector<SeriesInfo> t;
    t.reserve(kIndicators.size());
    for (const StaticInfo& s : kIndicators) t.push_back(to_info(s));
    return t;
  }();
  return table;
}

const std::vector<SeriesTitle>& indicator_titles() {
  static const std::vector<SeriesTitle> table = [] {
    std::vector<SeriesTitle> t;
    t.reserve(kIndicatorLabels.size());
    for (const IndicatorLabel& l : kIndicatorLabels) {
      t.push_back({std::string(l.label_en), std::string(l.label_nl)});
    }
    return t;
  }();
  return table;
}

const std::vector<SeriesInfo>& world_series_catalogue() {
  static const std::vector<SeriesInfo> table = [] {
    std::vector<SeriesInfo> t;
    t.reserve(model::kStateNames.size() + model::kWorldFlows.size());
    for (const char* state : model::kStateNames) {
      t.push_back({fmt::format("running_{}", state), "people",
                   fmt::format("people in state {} at the month end", state)});
    }
    for (const model::WorldFlow& flow : model::kWorldFlows) t.push_back(to_info(flow));
    return t;
  }();
  return table;
}

const std::vector<double>& world_series_values(const model::WorldSeries& w, std::size_t index) {
  if (index < model::kStateCount) return w.running[index];
  const std::size_t flow = index - model::kStateCount;
  if (flow >= model::kWorldFlows.size()) {
    throw std::out_of_range(fmt::format("no world series {}", flow));
  }
  return w.*model::kWorldFlows[flow].member;
}

std::vector<NamedSeries> monthly_series(const model::ReplicationResult& rep) {
  std::vector<NamedSeries> out;
  out.reserve(model::kIndicatorCount + 2 * world_series_catalogue().size() + 1);
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    out.push_back(
        {indicator_catalogue()[i].name, &rep.service.row(static_cast<model::Indicator>(i))});
  }
  for (const bool with : {true, false}) {
    for (std::size_t k = 0; k < world_series_catalogue().size(); ++k) {
      out.push_back({fmt::format("{}.{}", with ? "with_service" : "without_service",
                                 world_series_catalogue()[k].name),
                     &world_series_values(with ? rep.with_service : rep.without_service, k)});
    }
  }
  out.push_back({arrived_info().name, &rep.arrived_by_month_end});
  return out;
}

const SeriesInfo& arrived_info() {
  static const SeriesInfo info{
      "arrived_by_month_end", "people",
      "people who had entered the region's flows by the month end (cumulative, counted at "
      "arrival)"};
  return info;
}

const SeriesInfo& months_info() {
  static const SeriesInfo info{"months", "month",
                               "calendar month of each column of the monthly series, YYYY-MM"};
  return info;
}

SeriesInfo kpi_catalogue(const std::string& key) {
  const model::MetricInfo* m = model::find_metric(key);
  if (m == nullptr) return {key, "", fmt::format("key figure {} (not described)", key)};
  return {key, std::string(m->unit), *model::describe_metric(key)};
}

std::vector<std::string> key_figure_names() {
  std::vector<std::string> names;
  names.reserve(model::key_figures().size());
  for (const model::MetricInfo& k : model::key_figures()) names.emplace_back(k.name);
  return names;
}

std::vector<std::string> kpi_keys(const experiment::ScenarioResults& r) {
  if (experiment::replication_count(r) == 0) return {};
  std::vector<std::string> keys;
  for (const model::MetricInfo& k : model::key_figures()) {
    const std::string name(k.name);
    if (experiment::has_kpi(r, name)) keys.push_back(name);
  }
  const std::set<std::string> known(keys.begin(), keys.end());
  for (const std::string& key : experiment::kpi_names(r)) {
    if (known.count(key) == 0) keys.push_back(key);  // sorted
  }
  return keys;
}

std::vector<StatisticsRow> summary_rows(const experiment::ScenarioResults& r) {
  std::vector<StatisticsRow> rows;
  for (const std::string& key : kpi_keys(r)) {
    rows.push_back(
        {key, kpi_catalogue(key).unit, kernel::summarise(experiment::kpi_values(r, key))});
  }
  return rows;
}

std::vector<StatisticsRow> difference_rows(const experiment::ScenarioResults& first,
                                           const experiment::ScenarioResults& other) {
  std::vector<StatisticsRow> rows;
  const std::vector<std::string> first_keys = kpi_keys(first);
  const std::set<std::string> in_first(first_keys.begin(), first_keys.end());
  for (const std::string& key : kpi_keys(other)) {
    if (in_first.count(key) == 0) continue;
    rows.push_back({key, kpi_catalogue(key).unit,
                    kernel::summarise_paired_difference(experiment::kpi_values(first, key),
                                                        experiment::kpi_values(other, key))});
  }
  return rows;
}

std::vector<std::string> file_names(const std::vector<experiment::ScenarioResults>& results) {
  std::vector<std::string> names;
  std::set<std::string> used;
  for (const experiment::ScenarioResults& r : results) {
    const std::string base = clean_name(r.name);
    std::string name = base;
    for (int n = 2; used.count(name) > 0; ++n) name = fmt::format("{}_{}", base, n);
    used.insert(name);
    names.push_back(name);
  }
  return names;
}

std::optional<experiment::ScenarioResults> national_sum_of(
    const std::vector<experiment::ScenarioResults>& results, const RunMetadata& meta) {
  if (meta.regions.size() != results.size() || !experiment::is_region_set(meta.regions)) {
    return std::nullopt;
  }
  return experiment::national_sum(results);
}

const std::vector<std::string>& months_of(const experiment::ScenarioResults& r) {
  if (experiment::replication_count(r) == 0) {
    throw std::runtime_error(fmt::format("scenario '{}' has no replications", r.name));
  }
  return experiment::first_month_labels(r);
}

void check_complete(const std::vector<experiment::ScenarioResults>& results,
                    const RunMetadata& meta) {
  if (results.empty()) throw std::runtime_error("no scenarios to write");
  if (meta.scenario_files.size() != results.size() ||
      meta.scenario_texts.size() != results.size()) {
    throw std::runtime_error(
        fmt::format("run metadata has {} scenario files and {} scenario texts for {} scenarios",
                    meta.scenario_files.size(), meta.scenario_texts.size(), results.size()));
  }
  const std::size_t reps = results.front().replications.size();
  for (const experiment::ScenarioResults& r : results) {
    const std::vector<std::string>& months = months_of(r);
    if (r.replications.size() != reps) {
      throw std::runtime_error(
          fmt::format("scenario '{}' has {} replications, scenario '{}' has {}", r.name,
                      r.replications.size(), results.front().name, reps));
    }
    const std::vector<std::string> keys = kpi_keys(r);
    for (std::size_t i = 0; i < r.replications.size(); ++i) {
      const model::ReplicationResult& rep = r.replications[i];
      const auto fail = [&](const std::string& what) {
        throw std::runtime_error(fmt::format("scenario '{}', replication {}: {}", r.name, i, what));
      };
      if (rep.month_labels != months) fail("month labels differ from replication 0");
      const std::size_t m = months.size();
      const auto check_length = [&](const std::string& series, std::size_t length) {
        if (length != m) fail(fmt::format("{} has {} months, expected {}", series, length, m));
      };
      check_length("the service indicators", rep.service.months());
      check_length(arrived_info().name, rep.arrived_by_month_end.size());
      for (std::size_t s = 0; s < world_series_catalogue().size(); ++s) {
        const std::string& name = world_series_catalogue()[s].name;
        check_length("with_service/" + name, world_series_values(rep.with_service, s).size());
        check_length("without_service/" + name, world_series_values(rep.without_service, s).size());
      }
      if (rep.kpis.size() != keys.size()) fail("its key figures differ from replication 0");
      for (const std::string& key : keys) {
        if (rep.kpis.count(key) == 0) fail(fmt::format("key figure {} is missing", key));
      }
    }
  }
}

}  // namespace werkstroom::results
