#include "scenario/parameter_names.hpp"

#include <array>
#include <charconv>
#include <map>
#include <optional>

#include "scenario/schema.hpp"

namespace werkstroom::scenario {

namespace {

struct Name {
  const char* en;
  const char* nl;
};

// The cohorts by their table name (cohorts.<name>): what the people in it are.
const std::map<std::string_view, Name>& cohort_names() {
  static const std::map<std::string_view, Name> kNames = {
      {"threatened", {"threatened employees (NOW firms)", "bedreigde werknemers (NOW-bedrijven)"}},
      {"temp_contract_ending", {"ending temporary contracts", "aflopende flexcontracten"}},
      {"ww_inflow", {"new WW inflow", "nieuwe WW-instroom"}},
      {"short_ww", {"short WW entitlements", "korte WW-rechten"}},
      {"pw_applicant", {"social assistance (PW) applicants", "bijstandsaanvragers"}},
      {"tozo", {"self-employed on Tozo", "zelfstandigen met Tozo"}},
      {"youth", {"young people without work", "jongeren zonder werk"}},
      {"banenafspraak", {"job agreement (banenafspraak)", "banenafspraak"}},
  };
  return kNames;
}

// Key paths and table paths by schema path. "{}" in a name stands for the element's own name
// (instruments[], sectors[]); a cohort's group and values are named through cohort_names().
const std::map<std::string_view, Name>& names() {
  static const std::map<std::string_view, Name> kNames = {
      // Tables whose values are screened together (a relative range).
      {"distance",
       {"distance to work (its spread and effects), all together",
        "afstand tot werk (spreiding en effecten), alles samen"}},
      {"hazards",
       {"the monthly chances of finding work, losing a job and leaving a benefit, all together",
        "de maandelijkse kansen op werk vinden, baan verliezen en uitkering verlaten, alle samen"}},
      {"outreach",
       {"outreach to employers (calls, visits, referrals, vacancies), all together",
        "werkgeversbenadering (bellen, bezoeken, verwijzingen, vacatures), alles samen"}},
      {"time_norms",
       {"time norms of the advisors' work, all together",
        "tijdnormen van het werk van de adviseurs, alle samen"}},
      {"instruments[]",
       {"instrument '{}': all its figures together", "instrument '{}': alles samen"}},
      {"sectors[]",
       {"sector '{}': its surplus and shortage shares together",
        "sector '{}': aandelen overschot en tekort samen"}},
      // Single values.
      {"additionality.deadweight_window_months",
       {"months within which a placement counts as deadweight",
        "maanden waarbinnen een plaatsing als meeneemeffect telt"}},
      {"additionality.secondment_substitution_share",
       {"share of secondments that take another worker's place (substitution)",
        "deel van de detacheringen dat een andere werknemer vervangt (substitutie)"}},
      {"additionality.vacancy_displacement_share",
       {"share of filled vacancies another job seeker would have taken (displacement)",
        "deel van de vervulde vacatures dat anders een andere werkzoekende kreeg (verdringing)"}},
      {"benefits.pw_monthly_cost_eur",
       {"cost of social assistance (PW) per person per month",
        "kosten van de bijstand (PW) per persoon per maand"}},
      {"benefits.working_age_min_years",
       {"youngest working age (years)", "jongste werkende leeftijd (jaren)"}},
      {"economy.find_work_elasticity",
       {"direct effect of unemployment on finding work (elasticity)",
        "direct effect van de werkloosheid op werk vinden (elasticiteit)"}},
      {"economy.find_work_tightness_elasticity",
       {"effect of labour-market tightness on finding work (elasticity)",
        "effect van de spanning op de arbeidsmarkt op werk vinden (elasticiteit)"}},
      {"economy.inflow_elasticity",
       {"effect of unemployment on the inflow into WW and PW (elasticity)",
        "effect van de werkloosheid op de instroom in WW en bijstand (elasticiteit)"}},
      {"economy.job_loss_elasticity",
       {"effect of unemployment on job loss of threatened workers (elasticity)",
        "effect van de werkloosheid op baanverlies van bedreigde werknemers (elasticiteit)"}},
      {"economy.take_up_elasticity",
       {"effect of unemployment on the number of threatened workers and Tozo cases (elasticity)",
        "effect van de werkloosheid op het aantal bedreigde werknemers en Tozo-gevallen "
        "(elasticiteit)"}},
      {"economy.surplus_elasticity",
       {"effect of unemployment on employers' staff surpluses (elasticity)",
        "effect van de werkloosheid op personeelsoverschotten bij werkgevers (elasticiteit)"}},
      {"economy.shortage_elasticity",
       {"direct effect of unemployment on employers' staff shortages (elasticity)",
        "direct effect van de werkloosheid op personeelstekorten bij werkgevers (elasticiteit)"}},
      {"economy.shortage_tightness_elasticity",
       {"effect of labour-market tightness on staff shortages (elasticity)",
        "effect van de spanning op de arbeidsmarkt op personeelstekorten (elasticiteit)"}},
      {"employers.mean_staff_per_employer",
       {"average staff per employer", "gemiddeld aantal werknemers per werkgever"}},
      {"employers.state_persistence_per_month",
       {"chance an employer's surplus or shortage lasts another month",
        "kans dat een overschot of tekort bij een werkgever een maand aanhoudt"}},
      {"hazards.job_end_permanent.rate_per_month",
       {"monthly chance a permanent job ends", "maandkans dat een vaste baan eindigt"}},
      {"hazards.job_end_permanent.decline_per_month",
       {"monthly decline of the chance a permanent job ends",
        "maandelijkse daling van de kans dat een vaste baan eindigt"}},
      {"hazards.ww_find_work.rate_per_month",
       {"monthly chance a person on WW finds work", "maandkans dat iemand in de WW werk vindt"}},
      {"hazards.pw_other_exit.rate_per_month",
       {"monthly chance of leaving social assistance other than for work",
        "maandkans dat iemand de bijstand anders dan voor werk verlaat"}},
      {"instruments[].effect_during",
       {"instrument '{}': its effect on finding work while it runs",
        "instrument '{}': effect op werk vinden tijdens het traject"}},
      {"instruments[].effect_after",
       {"instrument '{}': its effect on finding work after it",
        "instrument '{}': effect op werk vinden na het traject"}},
      {"outreach.regular_client_ww_share",
       {"share of WW clients (rather than PW) among the regular clients placed on vacancies",
        "aandeel WW-klanten (tegenover bijstand) onder de gewone klanten op vacatures"}},
      {"parties.municipality.referral_factor",
       {"referrals by the municipalities (factor)", "verwijzingen door de gemeenten (factor)"}},
      {"parties.social_partners.referral_factor",
       {"referrals by the social partners (factor)",
        "verwijzingen door de sociale partners (factor)"}},
      {"parties.uwv.referral_factor",
       {"referrals by UWV (factor)", "verwijzingen door UWV (factor)"}},
      {"secondment.takeover_after_secondment_share",
       {"share of secondments that end in takeover by the employer",
        "deel van de detacheringen dat eindigt in overname door de werkgever"}},
      {"selection.observation_noise_sd",
       {"noise in the intake's estimate of distance to work (sd)",
        "ruis in de inschatting van de afstand tot werk bij de intake (sd)"}},
      {"selection.regular_service_effect",
       {"effect of the regular service on finding work (factor)",
        "effect van de reguliere dienstverlening op werk vinden (factor)"}},
      {"selection.regular_service_months",
       {"months the regular service's effect lasts",
        "maanden dat het effect van de reguliere dienstverlening duurt"}},
      {"staff.day_start_hour", {"hour the office opens", "uur waarop het kantoor opengaat"}},
      {"staff.intake_patience_mean_days",
       {"days people wait for an intake before giving up (mean)",
        "dagen dat mensen op een intake wachten voor ze afhaken (gemiddeld)"}},
      {"time_norms.follow_up_interval_days",
       {"days between follow-up contacts", "dagen tussen vervolgcontacten"}},
  };
  return kNames;
}

// The cohort table's value names (cohorts.<name>.<key>) that reports show.
const std::map<std::string_view, Name>& cohort_value_names() {
  static const std::map<std::string_view, Name> kNames = {
      {"inflow_per_month", {"{}: inflow per month", "{}: instroom per maand"}},
      {"initial_stock", {"{}: people at the start", "{}: mensen bij de start"}},
  };
  return kNames;
}

std::string fill(const char* text, const std::string& element) {
  std::string out(text);
  const std::size_t at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, element);
  return out;
}

// The element name of "instruments[3]..." or "sectors[0]..." in `p`, or "" when `path` names no
// such element.
std::string element_name(std::string_view path, const model::ModelParameters& p) {
  const std::size_t open = path.find('[');
  const std::size_t close = path.find(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  std::size_t index = 0;
  const char* first = path.data() + open + 1;
  const char* last = path.data() + close;
  const auto [end, error] = std::from_chars(first, last, index);
  if (error != std::errc() || end != last) return {};
  const std::string_view table = path.substr(0, open);
  if (table == "instruments" && index < p.instruments.size()) return p.instruments[index].name;
  if (table == "sectors" && index < p.sectors.size()) return p.sectors[index].name;
  return {};
}

// The name of a cohort's group ("cohorts.tozo") or value ("cohorts.tozo.inflow_per_month").
std::optional<std::string> cohort_name(std::string_view path, bool dutch) {
  constexpr std::string_view kPrefix = "cohorts.";
  if (!path.starts_with(kPrefix)) return std::nullopt;
  const std::string_view rest = path.substr(kPrefix.size());
  const std::size_t dot = rest.find('.');
  const auto cohort = cohort_names().find(rest.substr(0, dot));
  if (cohort == cohort_names().end()) return std::nullopt;
  const std::string people = dutch ? cohort->second.nl : cohort->second.en;
  if (dot == std::string_view::npos) {
    return dutch ? "de groep " + people + ": al haar getallen samen"
                 : "the group " + people + ": all its figures together";
  }
  const auto value = cohort_value_names().find(rest.substr(dot + 1));
  if (value == cohort_value_names().end()) return std::nullopt;
  return fill(dutch ? value->second.nl : value->second.en, people);
}

}  // namespace

std::string readable_name(std::string_view key_path, const model::ModelParameters& p, bool dutch) {
  if (auto cohort = cohort_name(key_path, dutch)) return *std::move(cohort);
  const auto it = names().find(detail::schema_path(std::string(key_path)));
  if (it == names().end()) return std::string(key_path);
  const std::string element = element_name(key_path, p);
  return fill(dutch ? it->second.nl : it->second.en,
              element.empty() ? std::string(key_path.substr(0, key_path.find(']') + 1)) : element);
}

bool has_readable_name(std::string_view key_path) {
  return cohort_name(key_path, false).has_value() ||
         names().contains(detail::schema_path(std::string(key_path)));
}

std::string readable_name_with_key(std::string_view key_path, const model::ModelParameters& p,
                                   bool dutch, std::string_view note) {
  const std::string tail = std::string(key_path) + (note.empty() ? "" : ", ") + std::string(note);
  if (!has_readable_name(key_path)) {
    return note.empty() ? std::string(key_path)
                        : std::string(key_path) + " (" + std::string(note) + ")";
  }
  std::string name = readable_name(key_path, p, dutch);
  // One pair of brackets: "... (elasticiteit)" becomes "... (elasticiteit; economy.x)".
  if (name.ends_with(')')) {
    name.insert(name.size() - 1, "; " + tail);
    return name;
  }
  return name + " (" + tail + ")";
}

}  // namespace werkstroom::scenario
