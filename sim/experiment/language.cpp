#include "experiment/language.hpp"

#include <array>
#include <stdexcept>
#include <utility>

namespace werkstroom::experiment {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array<Pair, 20> kTexts = {{
    {"Key figures over the horizon: mean [95% interval] over {} replications",
     "Kerncijfers over de hele periode: gemiddelde [95%-interval] over {} replicaties"},
    {"; 'vs {}' is the paired difference (common random numbers)",
     "; 'vs {}' is het gepaarde verschil (gemeenschappelijke toevalsgetallen)"},
    {"figure", "kerncijfer"},
    {"Where the effects of '{}' come from: means over {} replications, by the route that first "
     "changed a client's path",
     "Waar de effecten van '{}' vandaan komen: gemiddelden over {} replicaties, naar de route die "
     "het pad van een klant als eerste veranderde"},
    {"route", "route"},
    {"clients", "klanten"},
    {"prev. WW", "voork. WW"},
    {"EUR saved", "EUR bespaard"},
    {"EUR displaced", "EUR verdrongen"},
    {"Monthly summary of '{}' (means over {} replications)",
     "Maandoverzicht van '{}' (gemiddelden over {} replicaties)"},
    {"month", "maand"},
    {"called", "gebeld"},
    {"visited", "bezocht"},
    {"referr.", "verwez."},
    {"waiting", "wachtend"},
    {"p90 wait", "p90 wacht"},
    {"intakes", "intakes"},
    {"select.", "geselect."},
    {"placed", "geplaatst"},
    {"spent EUR", "besteed EUR"},
}};

constexpr std::array<Pair, 22> kKpiLabels = {{
    {"placements", "plaatsingen"},
    {"work_to_work", "van werk naar werk"},
    {"placements_on_vacancies", "plaatsingen op opgehaalde vacatures"},
    {"regular_placements", "plaatsingen reguliere WW/PW-klanten"},
    {"placements_deadweight", "plaatsingen die ook zonder dienst"},
    {"prevented_ww_inflow", "voorkomen WW-instroom"},
    {"prevented_pw_inflow", "voorkomen PW-instroom"},
    {"benefit_months_saved", "bespaarde uitkeringsmaanden"},
    {"benefit_eur_saved", "bespaarde uitkeringslasten EUR"},
    {"benefit_eur_displaced", "verdringing EUR"},
    {"extra_in_work_at_end", "extra aan het werk aan het eind"},
    {"cost_eur", "kosten EUR"},
    {"cost_per_placement_eur", "kosten per plaatsing EUR"},
    {"net_savings_eur", "netto besparing EUR"},
    {"intakes", "intakes"},
    {"selected", "geselecteerd"},
    {"abandoned_waiting", "afgehaakt tijdens wachten"},
    {"max_waiting_list", "grootste wachtlijst"},
    {"wait_p90_working_days", "wachttijd p90 (werkdagen)"},
    {"instrument_budget_exhausted", "instrumentbudget op (0/1)"},
    {"budget_exhausted_month", "maand budget op"},
    {"ww_running_end_of_service", "lopende WW eind dienstjaar"},
}};

}  // namespace

Language parse_language(std::string_view text) {
  if (text == "en") return Language::en;
  if (text == "nl") return Language::nl;
  throw std::invalid_argument("--lang: expected nl or en, found \"" + std::string(text) + "\"");
}

std::string translate(std::string_view key, Language language) {
  if (language == Language::nl) {
    for (const Pair& p : kTexts) {
      if (p.first == key) return std::string(p.second);
    }
  }
  return std::string(key);
}

std::string kpi_label(std::string_view kpi, Language language) {
  if (language == Language::nl) {
    for (const Pair& p : kKpiLabels) {
      if (p.first == kpi) return std::string(p.second);
    }
  }
  return std::string(kpi);
}

}  // namespace werkstroom::experiment
