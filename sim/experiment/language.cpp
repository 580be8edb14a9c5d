#include "experiment/language.hpp"

#include <array>
#include <mutex>
#include <set>
#include <stdexcept>
#include <utility>

#include "model/metric_registry.hpp"

namespace werkstroom::experiment {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array<Pair, 108> kTexts = {{
    // The staffing advice (advice_report.cpp, staffing_advisor.cpp).
    {"{} advisor(s), instrument budget {}", "{} adviseur(s), instrumentbudget {}"},
    {"the lowest mean cost", "de laagste gemiddelde kosten"},
    {"the highest mean net savings", "de hoogste gemiddelde netto besparing"},
    {"the most placements on average", "de meeste plaatsingen gemiddeld"},
    {"best", "beste"},
    {"Advice: {}. Every criterion met in {} of the replications; {} of the options that meet the "
     "criteria.",
     "Advies: {}. Alle criteria gehaald in {} van de replicaties; {} van de opties die de criteria "
     "halen."},
    {" {} has the best mean ({}), but this option's difference from it, {}, cannot be told from "
     "chance (its 95% interval contains 0), and this option costs {} less on average.",
     " {} heeft gemiddeld de beste uitkomst ({}), maar het verschil met deze optie, {}, is niet "
     "van toeval te onderscheiden (95%-interval bevat 0), en deze optie kost gemiddeld {} minder."},
    {"No advice: no option tried meets every criterion in {} of the replications.",
     "Geen advies: geen geprobeerde optie haalt alle criteria in {} van de replicaties."},
    {" Binding criterion: '{}'; {} would do better but meets it in {} of the replications.",
     " Bindend criterium: '{}'; {} zou beter scoren maar haalt het in {} van de replicaties."},
    {" Binding criterion: '{}'; the closest option, {}, meets it in {} of the replications.",
     " Bindend criterium: '{}'; de optie die het dichtst bij komt, {}, haalt het in {} van de "
     "replicaties."},
    {" No criterion binds: no option tried does better beyond chance.",
     " Geen criterium is bindend: geen geprobeerde optie scoort aantoonbaar beter."},
    {"Criteria, judged per replication; an option qualifies when it meets all of them in at least "
     "{} of the replications:",
     "Criteria, per replicatie beoordeeld; een optie voldoet als ze alle criteria haalt in "
     "minstens {} van de replicaties:"},
    {"Objective: {}", "Doel: {}"},
    {"advisors", "adviseurs"},
    {"all", "alle"},
    {"<- advice", "<- advies"},
    {"(=: cannot be told from the best: the 95% interval of the paired difference contains 0)",
     "(=: niet van de beste te onderscheiden: het 95%-interval van het gepaarde verschil bevat 0)"},
    {"instrument budget", "instrumentbudget"},
    {"cost", "kosten"},
    {"placements", "plaatsingen"},
    {"net", "netto"},
    {"worst month p90", "p90 slechtste maand"},
    {"objective vs best [95%]", "doel t.o.v. beste [95%]"},
    {"p90 wait <= {} working days in every service month",
     "wachttijd p90 <= {} werkdagen in elke maand van de dienst"},
    {"instrument budget lasts until the service ends",
     "instrumentbudget niet op voor het einde van de dienst"},
    {"at least {} placements", "minstens {} plaatsingen"},
    {"The bands contain", "De banden bevatten"},
    {"The bands of '{}' contain", "De banden van '{}' bevatten"},
    {"Key figures over the horizon: mean [5%, 95%] of {} replications",
     "Kerncijfers over de hele periode: gemiddelde [5%, 95%] van {} replicaties"},
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
    {"of which new", "waarvan nieuw"},
    {"of which returns", "waarvan terugkeer"},
    {"Prevented: without the service minus with it. A negative 'of which returns' means that "
     "more people come back to WW with the service: jobs found earlier can end before the "
     "horizon.",
     "Voorkomen: zonder de dienst min met de dienst. Een negatieve 'waarvan terugkeer' betekent "
     "dat er met de dienst meer mensen in de WW terugkeren: eerder gevonden banen kunnen voor "
     "het einde van de periode weer eindigen."},
    {"EUR saved", "EUR bespaard"},
    {"EUR displaced", "EUR verdrongen"},
    {"Who pays and who saves in '{}': means over {} replications; instruments are booked to the "
     "client's first responsible party, WW savings to UWV, PW savings to the municipality",
     "Wie betaalt en wie bespaart in '{}': gemiddelden over {} replicaties; instrumenten komen "
     "voor rekening van de eerstverantwoordelijke partij van de klant, WW-besparing bij UWV, "
     "bijstandsbesparing bij de gemeente"},
    {"party", "partij"},
    {"referred", "verwezen"},
    {"EUR instruments", "EUR instrumenten"},
    {"EUR balance", "EUR saldo"},
    {"social_partners", "sociale partners"},
    {"uwv", "UWV"},
    {"municipality", "gemeente"},
    {"centre staff (the regional programme)", "personeel centrum (regionaal programma)"},
    {"net savings", "netto besparing"},
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
    {"National sum over {} regions: per replication the sum of the regions' figures, mean [5%, "
     "95%] of {} replications; only additive figures (counts and euros)",
     "Landelijke som over {} regio's: per replicatie de som van de regiocijfers, gemiddelde "
     "[5%, 95%] van {} replicaties; alleen optelbare cijfers (aantallen en euro's)"},
    {"national sum", "landelijke som"},
    {"never", "nooit"},
    {"What each option buys against the baseline: mean difference [95% interval of the mean] "
     "over paired replications, and the share of replications in which the option does better",
     "Wat elke optie oplevert ten opzichte van de basis: gemiddeld verschil [95%-interval van "
     "het gemiddelde] over gepaarde replicaties, en het aandeel replicaties waarin de optie "
     "beter scoort"},
    {"'{}' against '{}'", "'{}' tegenover '{}'"},
    {"EUR per extra placement", "EUR per extra plaatsing"},
    {"EUR per extra person in work", "EUR per extra persoon aan het werk"},
    {"{} [not bounded]", "{} [onbegrensd]"},
    {"waiting: people waiting for intake at month end; p90 wait in working days; WW with / w/o: "
     "running WW benefits in the region with and without the centre; spent: cumulative.",
     "wachtend: mensen die aan het eind van de maand op een intake wachten; p90 wacht in "
     "werkdagen; WW met / zonder: lopende WW-uitkeringen in de regio met en zonder het centrum; "
     "besteed: cumulatief."},
    {"WW with", "WW met"},
    {"WW w/o", "WW zonder"},
    {"Common random numbers: variance of the paired difference against what independent streams "
     "would give (var A + var B); reduction = 1 - var(diff) / (var A + var B)",
     "Gemeenschappelijke toevalsgetallen: variantie van het gepaarde verschil tegenover wat "
     "onafhankelijke stromen zouden geven (var A + var B); reductie = 1 - var(verschil) / (var A "
     "+ var B)"},
    {"{} vs base", "{} t.o.v. basis"},
    {"difference [95%]", "verschil [95%]"},
    {"better", "beter"},
    {"  probability that '{}' saves money against '{}': {}",
     "  kans dat '{}' geld bespaart tegenover '{}': {}"},
    {"EUR per extra placement: extra cost over extra placements, with Fieller's 95% interval; "
     "'not bounded' when the extra placements may be none. In work: after the follow-up.",
     "EUR per extra plaatsing: extra kosten gedeeld door extra plaatsingen, met het "
     "95%-interval van Fieller; 'onbegrensd' als er mogelijk geen extra plaatsingen zijn. Aan "
     "het werk: na de nameting."},
    {"{} in {} of {}", "{} in {} van {}"},
    {"P: the share of replications in which it happens; a month: the median among the "
     "replications in which it happens, and in how many; pp: percentage points",
     "P: het aandeel replicaties waarin het gebeurt; een maand: de mediaan van de replicaties "
     "waarin het gebeurt, en in hoeveel; pp: procentpunten"},

    {"Decision robustness of '{}' against '{}': the paired difference B - A",
     "Robuustheid van de keuze tussen '{}' en '{}': het gepaarde verschil B - A"},
    {"Screening: Morris, {} trajectories on a grid of {} levels, {} assumptions, {} points x {} "
     "replications (common random numbers); extremes: the top {} at lo and hi, {} replications "
     "each; seed {}",
     "Screening: Morris, {} trajecten op een rooster van {} niveaus, {} aannames, {} punten x {} "
     "replicaties (gemeenschappelijke toevalsgetallen); uitersten: de top {} op lo en hi, elk {} "
     "replicaties; seed {}"},
    {"The scenarios' per-replication draws ([uncertainty]) are off: each assumption is set, not "
     "drawn, so its effect is not hidden by a draw.",
     "De trekkingen per replicatie van de scenario's ([uncertainty]) staan uit: elke aanname "
     "wordt gezet, niet getrokken, zodat een trekking haar effect niet verbergt."},
    {"Baseline difference B - A at the scenarios' own values, mean [5%, 95%]:",
     "Verschil B - A bij de eigen waarden van de scenario's, gemiddelde [5%, 95%]:"},
    {"Screening: mu* (sigma) of the elementary effects, the change of the difference per move "
     "over the whole range; sorted by the net savings column",
     "Screening: mu* (sigma) van de elementaire effecten, de verandering van het verschil per "
     "stap over het hele bereik; gesorteerd op de kolom netto besparing"},
    {"assumption", "aanname"},
    {"range", "bereik"},
    {"One at a time at the range's ends: the difference B - A, mean [5%, 95%]",
     "Een voor een op de uiteinden van het bereik: het verschil B - A, gemiddelde [5%, 95%]"},
    {"at lo", "bij lo"},
    {"at hi", "bij hi"},
    {"can flip", "kan kantelen"},
    {"yes", "ja"},
    {"no", "nee"},
    {"Tornado of the net savings difference B - A (EUR): '=' to the difference at lo, '#' to the "
     "difference at hi, '|' the baseline, ':' zero; axis {} to {}",
     "Tornado van het verschil in netto besparing B - A (EUR): '=' tot het verschil bij lo, '#' "
     "tot het verschil bij hi, '|' het uitgangspunt, ':' nul; as {} tot {}"},
    {"Can flip the recommendation (at an end of its range the net savings difference takes the "
     "opposite sign, its 95% interval of the mean excluding 0): {}",
     "Kan de aanbeveling kantelen (op een uiteinde van het bereik krijgt het verschil in netto "
     "besparing het andere teken, met een 95%-interval van het gemiddelde zonder 0): {}"},
    {"none", "geen"},
    {"Screened: {} values labelled assumption: {} with a range of their own, {} in {} groups "
     "(a table's relative range: the group's values move together). Not screened: {} values, "
     "by reason:",
     "Gescreend: {} waarden met het label assumption: {} met een eigen bereik, {} in {} groepen "
     "(het relatieve bereik van een tabel: de waarden van de groep bewegen samen). Niet "
     "gescreend: {} waarden, naar reden:"},
    {"the options set it differently (a decision, not an assumption)",
     "de opties zetten het verschillend (een keuze, geen aanname)"},
    {"a setting of the per-replication draws, which are off",
     "een instelling van de trekkingen per replicatie, die uit staan"},
    {"an integer (only a number takes a plausible range)",
     "een geheel getal (alleen een getal krijgt een plausibel bereik)"},
    {"a flag (true or false)", "een vlag (true of false)"},
    {"a name or text", "een naam of tekst"},
    {"a date", "een datum"},
    {"a list", "een lijst"},
    {"a relative range of width 0 (its value is 0, or the factors are 1)",
     "een relatief bereik van breedte 0 (de waarde is 0, of de factoren zijn 1)"},
    {"no plausible range in the scenario", "geen plausibel bereik in het scenario"},
    {"values", "waarden"},
    {"and {} more", "en {} meer"},
}};

std::mutex g_missing_mutex;
std::set<std::string, std::less<>> g_missing;  // guarded by g_missing_mutex

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
    const std::lock_guard<std::mutex> lock(g_missing_mutex);
    g_missing.emplace(key);
  }
  return std::string(key);
}

std::vector<std::string> untranslated_keys() {
  const std::lock_guard<std::mutex> lock(g_missing_mutex);
  return {g_missing.begin(), g_missing.end()};
}

std::string kpi_label(std::string_view kpi, Language language) {
  if (language == Language::nl) {
    const model::MetricInfo* m = model::find_metric(kpi);
    if (m != nullptr && !m->report_label_nl.empty()) return std::string(m->report_label_nl);
  }
  return std::string(kpi);
}

}  // namespace werkstroom::experiment
