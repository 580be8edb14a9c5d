#include "core/translations.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "model/metric_registry.hpp"

namespace werkstroom::viz {

namespace {

constexpr Translation kTable[] = {
    // Menu and dialogs.
    {"File", "File", "Bestand"},
    {"Open scenarios...", "Open scenarios...", "Scenario's openen..."},
    {"Open scenarios", "Open scenarios", "Scenario's openen"},
    {"Save variant as TOML...", "Save variant as TOML...", "Variant opslaan als TOML..."},
    {"Save variant", "Save variant", "Variant opslaan"},
    {"Export...", "Export...", "Exporteren..."},
    {"Export", "Export", "Exporteren"},
    {"Export charts as PNG", "Export charts as PNG", "Grafieken exporteren als PNG"},
    {"Export tables as CSV", "Export tables as CSV", "Tabellen exporteren als CSV"},
    {"Export run as HDF5", "Export run as HDF5", "Run exporteren als HDF5"},
    {"Export report (HTML + PDF)", "Export report (HTML + PDF)", "Exporteer rapport (HTML + PDF)"},
    {"Quit", "Quit", "Afsluiten"},
    {"Simulation", "Simulation", "Simulatie"},
    {"Run again", "Run again", "Opnieuw doorrekenen"},
    {"View", "View", "Beeld"},
    {"Show 5%-95% bands", "Show 5%-95% bands", "5%-95%-banden tonen"},
    {"Nederlands / English", "Nederlands / English", "Nederlands / English"},
    {"Cancel", "Cancel", "Annuleren"},
    {"Open", "Open", "Openen"},
    {"Save", "Save", "Opslaan"},
    {"Folder", "Folder", "Map"},
    {"List", "List", "Tonen"},
    {"No .toml files here", "No .toml files here", "Geen .toml-bestanden in deze map"},
    {"Or type files or folders, separated by ';'", "Or type files or folders, separated by ';'",
     "Of typ bestanden of mappen, gescheiden door ';'"},
    {"The first scenario is the baseline of the differences",
     "The first scenario is the baseline of the differences",
     "Het eerste scenario is de basis voor de verschillen"},
    {"The variant extends the selected scenario and states only the changed parameters, labelled "
     "as assumptions set in werkstroom-viz.",
     "The variant extends the selected scenario and states only the changed parameters, labelled "
     "as assumptions set in werkstroom-viz.",
     "De variant bouwt voort op het gekozen scenario en noemt alleen de gewijzigde parameters, "
     "gelabeld als aanname uit werkstroom-viz."},
    {"Description", "Description", "Omschrijving"},
    {"Charts as PNG (charts.png)", "Charts as PNG (charts.png)", "Grafieken als PNG (charts.png)"},
    {"Tables as CSV (csv/)", "Tables as CSV (csv/)", "Tabellen als CSV (csv/)"},
    {"Run as HDF5 (run.h5)", "Run as HDF5 (run.h5)", "Run als HDF5 (run.h5)"},
    {"Board report (report.html, report.pdf)", "Board report (report.html, report.pdf)",
     "Rapport voor het bestuur (report.html, report.pdf)"},
    {"Saved", "Saved", "Opgeslagen:"},
    {"Could not write", "Could not write", "Kon niet schrijven:"},
    {"Exported to", "Exported to", "Geexporteerd naar"},
    {"variant set in werkstroom-viz", "variant set in werkstroom-viz",
     "variant ingesteld in werkstroom-viz"},
    {"No scenario files found", "No scenario files found", "Geen scenariobestanden gevonden"},
    // Scenario list.
    {"Scenarios", "Scenarios", "Scenario's"},
    {"No scenarios open (Ctrl+O)", "No scenarios open (Ctrl+O)", "Geen scenario's open (Ctrl+O)"},
    {"baseline", "baseline", "basis"},
    {"Key parameters of", "Key parameters of", "Kernparameters van"},
    {"Parameter", "Parameter", "Parameter"},
    {"Value", "Value", "Waarde"},
    {"Source", "Source", "Bron"},
    {"Advisors", "Advisors", "Adviseurs"},
    {"Centre budget", "Centre budget", "Budget centrum"},
    {"Instrument budget", "Instrument budget", "Budget instrumenten"},
    {"Service starts", "Service starts", "Start dienstverlening"},
    {"Service ends", "Service ends", "Einde dienstverlening"},
    {"Selection threshold", "Selection threshold", "Selectiedrempel"},
    {"Scaling rule", "Scaling rule", "Opschaalregel"},
    {"Hire external advisors when the waiting list stays long",
     "Hire external advisors when the waiting list stays long",
     "Externe adviseurs inhuren als de wachtlijst lang blijft"},
    {"Waiting list that triggers hiring", "Waiting list that triggers hiring",
     "Wachtlijst die inhuur start"},
    {"Weekly checks above it before hiring", "Weekly checks above it before hiring",
     "Wekelijkse metingen erboven voor inhuur"},
    {"Lead time of a hire (weeks)", "Lead time of a hire (weeks)", "Doorlooptijd inhuur (weken)"},
    {"External advisors at most", "External advisors at most", "Externe adviseurs ten hoogste"},
    {"Release one at a herijking below utilisation", "Release one at a herijking below utilisation",
     "Een minder bij herijking onder bezetting"},
    {"Intake patience", "Intake patience", "Geduld wachtenden"},
    {"Bankruptcies in the scenario", "Bankruptcies in the scenario",
     "Faillissementen in het scenario"},
    {"staff", "staff", "medewerkers"},
    // Levers.
    {"Levers", "Levers", "Hefbomen"},
    {"Reset", "Reset", "Herstel"},
    {"Advisors (fte)", "Advisors (fte)", "Adviseurs (fte)"},
    {"The centre budget is raised to pay the advisors if it is short",
     "The centre budget is raised to pay the advisors if it is short",
     "Het centrumbudget wordt verhoogd als het de adviseurs niet kan betalen"},
    {"Centre budget (EUR)", "Centre budget (EUR)", "Budget centrum (EUR)"},
    {"simulated, raised to pay the advisors", "simulated, raised to pay the advisors",
     "gesimuleerd, verhoogd voor de adviseurs"},
    {"Instrument budget (EUR)", "Instrument budget (EUR)", "Budget instrumenten (EUR)"},
    {"Selection threshold (points)", "Selection threshold (points)", "Selectiedrempel (punten)"},
    {"Extra bankruptcy", "Extra bankruptcy", "Extra faillissement"},
    {"Staff of the firm (0: none)", "Staff of the firm (0: none)",
     "Medewerkers van het bedrijf (0: geen)"},
    {"Month of the bankruptcy", "Month of the bankruptcy", "Maand van het faillissement"},
    {"Inflow per cohort", "Inflow per cohort", "Instroom per groep"},
    {"Assignment probability per instrument", "Assignment probability per instrument",
     "Inzetkans per instrument"},
    // Tabs and charts.
    {"Service", "Service", "Dienstverlening"},
    {"Monitor", "Monitor", "Monitor"},
    {"Explorer", "Explorer", "Verkenner"},
    {"Scale-up", "Scale-up", "Opschalen"},
    {"Robustness", "Robustness", "Robuustheid"},
    {"Which assumptions can flip the choice", "Which assumptions can flip the choice",
     "Welke aannames kunnen de keuze kantelen"},
    {"Net savings difference", "Net savings difference", "Verschil in netto besparing"},
    {"each assumption alone at the low and the high end of its range",
     "each assumption alone at the low and the high end of its range",
     "elke aanname alleen op de onder- en de bovenkant van haar bereik"},
    {"The file holds no assumption taken to its extremes.",
     "The file holds no assumption taken to its extremes.",
     "Het bestand bevat geen aanname die naar haar uitersten is gebracht."},
    {"at the low end", "at the low end", "op de onderkant"},
    {"at the high end", "at the high end", "op de bovenkant"},
    {"Black line: the difference at the scenarios' own values",
     "Black line: the difference at the scenarios' own values",
     "Zwarte lijn: het verschil bij de eigen waarden van de scenario's"},
    {"Red: can flip the recommendation (at an end of its range the difference is clearly of the "
     "other sign).",
     "Red: can flip the recommendation (at an end of its range the difference is clearly of the "
     "other sign).",
     "Rood: kan de aanbeveling kantelen (op een uiteinde van het bereik is het verschil "
     "duidelijk van het andere teken)."},
    {"Waiting list for intake", "Waiting list for intake", "Wachtlijst voor intake"},
    {"people at month end", "people at month end", "personen eind van de maand"},
    {"Wait to intake, p90", "Wait to intake, p90", "Wachttijd tot intake, p90"},
    {"working days", "working days", "werkdagen"},
    {"Placements", "Placements", "Plaatsingen"},
    {"people, cumulative", "people, cumulative", "personen, cumulatief"},
    {"Budget spent vs available", "Budget spent vs available", "Budget besteed en beschikbaar"},
    {"EUR, cumulative", "EUR, cumulative", "EUR, cumulatief"},
    {"available", "available", "beschikbaar"},
    {"Staff utilisation", "Staff utilisation", "Bezetting adviseurs"},
    {"% of time on shift", "% of time on shift", "% van de werktijd"},
    {"Running WW benefits", "Running WW benefits", "Lopende WW-uitkeringen"},
    {"without service", "without service", "zonder dienstverlening"},
    {"Employer contacts", "Employer contacts", "Contacten met werkgevers"},
    {"conversations per month", "conversations per month", "gesprekken per maand"},
    {"Advices to employers", "Advices to employers", "Adviezen aan werkgevers"},
    {"per month", "per month", "per maand"},
    {"Interventions started", "Interventions started", "Gestarte interventies"},
    {"Inventory of employers", "Inventory of employers", "Inventarisatie werkgevers"},
    {"% surplus / % shortage", "% surplus / % shortage", "% overschot / % tekort"},
    {"surplus", "surplus", "overschot"},
    {"shortage", "shortage", "tekort"},
    {"herijking", "quarterly review", "herijking"},
    {"Series", "Series", "Reeks"},
    {"cumulative", "cumulative", "cumulatief"},
    {"No results yet", "No results yet", "Nog geen resultaten"},
    {"Simulating...", "Simulating...", "Bezig met doorrekenen..."},
    // Key figures.
    {"Key figure", "Key figure", "Kerncijfer"},
    {"vs", "vs", "t.o.v."},
    // Status bar.
    {"Simulating", "Simulating", "Doorrekenen"},
    {"Ready", "Ready", "Klaar"},
    {"replications", "replications", "replicaties"},
    {"scenarios", "scenarios", "scenario's"},
    {"seed", "seed", "seed"},
    {"sources of uncertainty", "sources of uncertainty", "bronnen van onzekerheid"},
    {"The bands contain", "The bands contain", "De banden bevatten"},
    {"Bands and table: 5%-95% of replications", "Bands and table: 5%-95% of replications",
     "Banden en tabel: 5%-95% van de replicaties"},
    // Key parameters: values, units and the kinds of source labels.
    {"yes", "yes", "ja"},
    {"no", "no", "nee"},
    {"advisors", "advisors", "adviseurs"},
    {"days", "days", "dagen"},
    {"points", "points", "punten"},
    {"public", "public", "publiek"},
    {"derived", "derived", "afgeleid"},
    {"assumption", "assumption", "aanname"},
    {"calibrated", "calibrated", "gekalibreerd"},
    // Scale-up.
    {"Scale-up advisor", "Scale-up advisor", "Advies opschalen"},
    {"max p90 wait (working days)", "max p90 wait (working days)",
     "max. wachttijd p90 (werkdagen)"},
    {"max p90 wait in every month (working days)", "max p90 wait in every month (working days)",
     "max. wachttijd p90 in elke maand (werkdagen)"},
    {"instrument budget lasts the service", "instrument budget lasts the service",
     "instrumentbudget toereikend voor de dienst"},
    {"at least placements", "at least placements", "minstens plaatsingen"},
    {"objective", "objective", "doel"},
    {"never", "never", "nooit"},
    {"(peak)", "(peak)", "(piek)"},
    {"people; dashed: peak", "people; dashed: peak", "personen; gestreept: piek"},
    {"The options side by side", "The options side by side", "De opties naast elkaar"},
    {"Open two or more scenarios to compare them as options",
     "Open two or more scenarios to compare them as options",
     "Open twee of meer scenario's om ze als opties te vergelijken"},
    {"Cost", "Cost", "Kosten"},
    {"Extra in work after the follow-up", "Extra in work after the follow-up",
     "Extra aan het werk na de nameting"},
    {"Net savings", "Net savings", "Netto besparing"},
    {"Probability of saving money against the first",
     "Probability of saving money against the first", "Kans op besparing tegenover de eerste"},
    {"Probability the instrument budget runs out", "Probability the instrument budget runs out",
     "Kans dat het instrumentbudget opraakt"},
    {"Worst month's wait p90 (working days)", "Worst month's wait p90 (working days)",
     "Slechtste maand wachttijd p90 (werkdagen)"},
    {"against", "against", "tegenover"},
    {"of replications better", "of replications better", "van de replicaties beter"},
    {"Cost per extra placement", "Cost per extra placement", "Kosten per extra plaatsing"},
    {"not bounded: the extra placements may be none",
     "not bounded: the extra placements may be none",
     "onbegrensd: mogelijk geen extra plaatsingen"},
    {"Differences: mean [95% interval of the mean] over paired replications. Green: better, red: "
     "worse, when the interval excludes zero; otherwise not coloured.",
     "Differences: mean [95% interval of the mean] over paired replications. Green: better, red: "
     "worse, when the interval excludes zero; otherwise not coloured.",
     "Verschillen: gemiddelde [95%-interval van het gemiddelde] over gepaarde replicaties. "
     "Groen: beter, rood: slechter, als het interval nul uitsluit; anders niet gekleurd."},
    {"in", "in", "in"},
    {"of", "of", "van"},
    {"probability", "probability", "kans"},
    {"pp", "pp", "procentpunt"},
    {"lowest cost", "lowest cost", "laagste kosten"},
    {"highest net savings", "highest net savings", "hoogste netto besparing"},
    {"most placements", "most placements", "meeste plaatsingen"},
    {"Worst month's wait to intake, p90", "Worst month's wait to intake, p90",
     "Slechtste maand wachttijd intake, p90"},
    {"Probability of meeting every criterion", "Probability of meeting every criterion",
     "Kans dat elk criterium gehaald wordt"},
    {"required probability", "required probability", "vereiste kans"},
    {"advisors up to", "advisors up to", "adviseurs tot"},
    {"Run the staffing sweep", "Run the staffing sweep", "Bezetting doorrekenen"},
    {"No sweep yet", "No sweep yet", "Nog niet doorgerekend"},
    {"Advice", "Advice", "Advies"},

    {"mean, 5%-95%", "mean, 5%-95%", "gemiddelde, 5%-95%"},
    {"target", "target", "doel"},
    {"people", "people", "personen"},
    {"EUR", "EUR", "EUR"},
    {"Cost per placement", "Cost per placement", "Kosten per plaatsing"},

    {"% of replications", "% of replications", "% van de replicaties"},
};

constexpr std::array<std::string_view, 12> kMonthsNl = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                        "jul", "aug", "sep", "okt", "nov", "dec"};
constexpr std::array<std::string_view, 12> kMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::mutex g_missing_mutex;
std::set<std::string>& missing() {
  static std::set<std::string> keys;
  return keys;
}

}  // namespace

std::span<const Translation> translation_table() { return kTable; }

const char* tr(std::string_view key, Language language) {
  for (const Translation& t : kTable) {
    if (t.key == key) return (language == Language::nl ? t.nl : t.en).data();
  }
  if (!key.empty()) {
    const std::lock_guard<std::mutex> lock(g_missing_mutex);
    // Keep the text alive: the returned pointer must outlive the frame.
    return missing().insert(std::string(key)).first->c_str();
  }
  return "";
}

std::vector<std::string> untranslated_keys() {
  const std::lock_guard<std::mutex> lock(g_missing_mutex);
  return {missing().begin(), missing().end()};
}

void clear_untranslated_keys() {
  // Keys are kept (tr's results point into the set); the record starts over by swapping in
  // a fresh set would dangle them, so clearing only happens between frames in tests.
  const std::lock_guard<std::mutex> lock(g_missing_mutex);
  missing().clear();
}

std::string_view month_name(int month, Language language) {
  if (month < 1 || month > 12) return "?";
  const auto i = static_cast<std::size_t>(month - 1);
  return language == Language::nl ? kMonthsNl[i] : kMonthsEn[i];
}

std::string kpi_name(std::string_view kpi, Language language) {
  const model::MetricInfo* m = model::find_metric(kpi);
  if (m == nullptr) return std::string(kpi);
  std::string label(language == Language::nl ? m->label_nl : m->label_en);
  if (const std::optional<model::RouteKey> route = model::split_route_key(kpi)) {
    label += ": ";
    label += route->route;
  }
  return label;
}

}  // namespace werkstroom::viz
