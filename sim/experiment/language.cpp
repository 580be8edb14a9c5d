#include "experiment/language.hpp"

#include <array>
#include <stdexcept>
#include <utility>

#include "model/metric_registry.hpp"

namespace werkstroom::experiment {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array<Pair, 45> kTexts = {{
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
    {"  probability that '{}' saves money against '{}': {:.0f}%",
     "  kans dat '{}' geld bespaart tegenover '{}': {:.0f}%"},
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
    const model::MetricInfo* m = model::find_metric(kpi);
    if (m != nullptr && !m->report_label_nl.empty()) return std::string(m->report_label_nl);
  }
  return std::string(kpi);
}

}  // namespace werkstroom::experiment
