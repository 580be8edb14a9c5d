#include "model/metric_registry.hpp"

#include <array>
#include <utility>

namespace werkstroom::model {

namespace {

using enum MetricKind;

constexpr int kMore = +1;    // more is better
constexpr int kLess = -1;    // less is better
constexpr int kNeither = 0;  // a count that is no effect either way

constexpr bool kSum = true;     // additive over disjoint regions
constexpr bool kNoSum = false;  // a rate, share, quantile, mean, maximum, flag or month index

constexpr bool kConditional = true;  // NaN in the replications where it does not exist

// Grouped by kind in the order of MetricKind (checked below); the key figures in report order.
// Fields: name, kind, unit, description, label_en, label_nl, report_label_nl, better, additive.
constexpr std::array<MetricInfo, 46> kRegistry = {{
    // The board's key figures, in report order.
    {"placements", key_figure, "people", "clients of the centre into work", "Placements",
     "Plaatsingen", "plaatsingen", kMore, kSum},
    {"work_to_work", key_figure, "people",
     "clients into work straight from their job (no benefit spell)", "Work to work",
     "Van werk naar werk", "van werk naar werk", kMore, kSum},
    {"placements_on_vacancies", key_figure, "people", "clients matched on acquired vacancies",
     "Placements on acquired vacancies", "Plaatsingen op opgehaalde vacatures",
     "plaatsingen op opgehaalde vacatures", kMore, kSum},
    {"regular_placements", key_figure, "people",
     "regular WW/PW clients placed on acquired vacancies", "Regular WW/PW clients placed",
     "Reguliere WW/PW-klanten geplaatst", "plaatsingen reguliere WW/PW-klanten", kMore, kSum},
    {"placements_deadweight", key_figure, "people",
     "placements of clients whose path without the service reached work within the deadweight "
     "window anyway",
     "of which also without the service", "waarvan ook zonder dienst",
     "plaatsingen die ook zonder dienst", kNeither, kSum},
    {"prevented_ww_inflow", key_figure, "people", "WW inflow without the service minus with it",
     "Prevented WW inflow", "Voorkomen WW-instroom", "voorkomen WW-instroom", kMore, kSum},
    {"prevented_ww_new_inflow", key_figure, "people",
     "of prevented_ww_inflow: entries into WW of people without an earlier WW spell in their "
     "simulated path, without the service minus with it",
     "of which new to WW", "waarvan nieuw in de WW", "voorkomen nieuwe WW-instroom", kMore, kSum},
    {"prevented_ww_returns", key_figure, "people",
     "of prevented_ww_inflow: returns to WW of people with an earlier WW spell in their "
     "simulated path (back after a job or another spell ended), without the service minus with "
     "it; negative when more return with the service than without",
     "of which returns to WW", "waarvan terugkeer in de WW", "voorkomen terugkeer in WW", kNeither,
     kSum},
    {"prevented_pw_inflow", key_figure, "people", "PW inflow without the service minus with it",
     "Prevented PW inflow", "Voorkomen bijstandsinstroom", "voorkomen PW-instroom", kMore, kSum},
    {"benefit_months_saved", key_figure, "months", "WW and PW benefit months saved",
     "Benefit months saved", "Bespaarde uitkeringsmaanden", "bespaarde uitkeringsmaanden", kMore,
     kSum},
    {"benefit_eur_saved", key_figure, "EUR",
     "WW and PW benefit euros saved (the two worlds' difference)", "Benefit costs saved",
     "Bespaarde uitkeringslasten", "bespaarde uitkeringslasten EUR", kMore, kSum},
    {"benefit_eur_displaced", key_figure, "EUR",
     "part of the benefit euros saved that other job seekers lose: displacement of vacancy "
     "placements and substitution of secondments and takeovers",
     "of which displaced", "waarvan verdrongen", "verdringing EUR", kLess, kSum},
    {"extra_in_work_end_of_service", key_figure, "people",
     "people in work at the end of the service's last month, with minus without",
     "Extra in work when the service ends", "Extra aan het werk bij einde dienst",
     "extra aan werk einde dienst", kMore, kSum},
    {"extra_in_work_at_end", key_figure, "people",
     "people in work at the horizon's end (the follow-up after the service), with minus without",
     "Extra in work at the end of the follow-up", "Extra aan het werk na de nameting",
     "extra aan werk na nameting", kMore, kSum},
    {"cost_eur", key_figure, "EUR", "money spent: centre (staff) and instruments",
     "Cost (staff and instruments)", "Kosten (personeel en instrumenten)", "kosten EUR", kLess,
     kSum},
    {"cost_per_placement_eur", key_figure, "EUR", "money spent per placement", "Cost per placement",
     "Kosten per plaatsing", "kosten per plaatsing EUR", kLess, kNoSum},
    {"net_savings_eur", key_figure, "EUR",
     "benefit euros saved, minus those displaced, minus money spent", "Net savings",
     "Netto besparing", "netto besparing EUR", kMore, kSum},
    {"intakes", key_figure, "people", "intakes done", "Intakes", "Intakes", "intakes", kMore, kSum},
    {"selected", key_figure, "people", "people selected for a personal arrangement", "Selected",
     "Geselecteerd", "geselecteerd", kMore, kSum},
    {"abandoned_waiting", key_figure, "people", "people who gave up waiting for intake",
     "Gave up waiting for intake", "Afgehaakt tijdens wachten", "afgehaakt tijdens wachten", kLess,
     kSum},
    {"max_waiting_list", key_figure, "people", "largest waiting list for intake",
     "Largest waiting list", "Grootste wachtlijst", "grootste wachtlijst", kLess, kNoSum},
    {"wait_p90_working_days", key_figure, "working days",
     "90th percentile of the wait to intake over the whole service period",
     "Wait to intake p90 (working days)", "Wachttijd p90 (werkdagen)", "wachttijd p90 (werkdagen)",
     kLess, kNoSum},
    {"wait_p90_worst_month", key_figure, "working days",
     "the largest monthly 90th percentile of the wait to intake over the service months",
     "Worst month's wait p90 (working days)", "Slechtste maand wachttijd p90 (werkdagen)",
     "slechtste maand wachttijd p90", kLess, kNoSum},
    {"wait_months_above_target", key_figure, "share",
     "share of the service months whose 90th percentile wait exceeds "
     "targets.max_wait_p90_working_days",
     "Months above the wait target (share)", "Maanden boven wachttijdnorm (aandeel)",
     "maanden boven wachttijdnorm", kLess, kNoSum},
    // A flag's mean over the replications is the probability that it happens.
    {"instrument_budget_exhausted", key_figure, "0/1",
     "1 if the instrument budget could not pay the cheapest instrument before the service ended, "
     "else 0",
     "Instrument budget runs out (probability)", "Instrumentbudget op (kans)",
     "kans instrumentbudget op", kLess, kNoSum},
    {"instrument_budget_exhausted_month", key_figure, "month",
     "month index (0: the first horizon month) at whose end the instrument budget ran out, "
     "NaN if it lasted the service",
     "Instrument budget runs out in", "Instrumentbudget op in", "maand instrumentbudget op", kMore,
     kNoSum, kConditional},
    {"centre_budget_exhausted", key_figure, "0/1",
     "1 if the scaling rule wanted an external advisor the centre budget could not pay before the "
     "service ended, else 0",
     "Centre budget stops scaling up (probability)", "Centrumbudget stopt opschalen (kans)",
     "kans centrumbudget op", kLess, kNoSum},
    {"centre_budget_exhausted_month", key_figure, "month",
     "month index in which the centre budget first could not pay a wanted external advisor, NaN "
     "if it never happened",
     "Centre budget stops scaling up in", "Centrumbudget stopt opschalen in",
     "maand centrumbudget op", kMore, kNoSum, kConditional},
    {"ww_running_end_of_service", key_figure, "people",
     "running WW benefits at the service end, with service", "Running WW at the service end",
     "Lopende WW eind dienstjaar", "lopende WW eind dienstjaar", kLess, kSum},

    // Diagnostic figures, for verification against queueing theory (not in the report).
    {"intake_wait_mean_days", diagnostic, "days",
     "mean wait for intake in calendar days (all who left the queue)",
     "Mean wait for intake (days)", "Gemiddelde wachttijd intake (dagen)", "", kLess, kNoSum},
    {"intake_wait_probability", diagnostic, "share",
     "share of those who left the intake queue who had to wait", "Share who had to wait",
     "Aandeel dat moest wachten", "", kLess, kNoSum},
    {"intake_abandonment_share", diagnostic, "share",
     "share of those who left the intake queue who gave up", "Share who gave up waiting",
     "Aandeel afgehaakt tijdens wachten", "", kLess, kNoSum},
    {"referrals", diagnostic, "people", "people referred to the centre", "Referrals",
     "Verwijzingen", "", kNeither, kSum},

    // Route figures: route.<route>.<figure>, the two worlds' difference over the clients the
    // route took off their baseline path first (model/effect_routes.hpp). The routes add up to
    // the key figures of the same name, with the same unit and direction.
    {"clients", route_figure, "people", "clients whose path the route <route> changed first",
     "Clients", "Klanten", "", kNeither, kSum},
    {"prevented_ww_inflow", route_figure, "people",
     "WW inflow without the service minus with it, of the clients whose path the route <route> "
     "changed first",
     "Prevented WW inflow", "Voorkomen WW-instroom", "", kMore, kSum},
    {"prevented_ww_new_inflow", route_figure, "people",
     "of prevented_ww_inflow: entries into WW of people without an earlier WW spell in their "
     "simulated path, without the service minus with it, of the clients whose path the route "
     "<route> changed first",
     "of which new to WW", "waarvan nieuw in de WW", "", kMore, kSum},
    {"prevented_ww_returns", route_figure, "people",
     "of prevented_ww_inflow: returns to WW of people with an earlier WW spell in their "
     "simulated path (back after a job or another spell ended), without the service minus with "
     "it; negative when more return with the service than without, of the clients whose path "
     "the route <route> changed first",
     "of which returns to WW", "waarvan terugkeer in de WW", "", kNeither, kSum},
    {"prevented_pw_inflow", route_figure, "people",
     "PW inflow without the service minus with it, of the clients whose path the route <route> "
     "changed first",
     "Prevented PW inflow", "Voorkomen bijstandsinstroom", "", kMore, kSum},
    {"benefit_months_saved", route_figure, "months",
     "WW and PW benefit months saved, of the clients whose path the route <route> changed first",
     "Benefit months saved", "Bespaarde uitkeringsmaanden", "", kMore, kSum},
    {"benefit_eur_saved", route_figure, "EUR",
     "WW and PW benefit euros saved (the two worlds' difference), of the clients whose path the "
     "route <route> changed first",
     "Benefit costs saved", "Bespaarde uitkeringslasten", "", kMore, kSum},
    {"benefit_eur_displaced", route_figure, "EUR",
     "part of the benefit euros saved that other job seekers lose: displacement of vacancy "
     "placements and substitution of secondments and takeovers, of the clients whose path the "
     "route <route> changed first",
     "Benefit costs displaced", "Verdrongen uitkeringslasten", "", kLess, kSum},

    // Party figures: party.<party>.<figure>, who pays and who saves (model::PartyParameters).
    // The parties' balances less the centre's staff cost add up to net_savings_eur.
    {"referrals", party_figure, "people",
     "people the first responsible party <party> referred to the centre at their arrival",
     "Referred at arrival", "Verwezen bij instroom", "", kNeither, kSum},
    {"instrument_eur", party_figure, "EUR",
     "instrument euros spent on the clients <party> is first responsible for (who pays)",
     "Instruments paid", "Betaalde instrumenten", "", kLess, kSum},
    {"benefit_eur_saved", party_figure, "EUR",
     "benefit euros saved that <party> pays (WW: uwv, PW: municipality, none: social_partners)",
     "Benefit costs saved", "Bespaarde uitkeringslasten", "", kMore, kSum},
    {"benefit_eur_displaced", party_figure, "EUR",
     "part of the benefit euros saved for <party> that other job seekers lose (displacement and "
     "substitution)",
     "of which displaced", "waarvan verdrongen", "", kLess, kSum},
    {"balance_eur", party_figure, "EUR",
     "benefit euros saved for <party>, minus those displaced, minus the instruments it pays",
     "Balance", "Saldo", "", kMore, kSum},
}};

constexpr std::string_view kRoutePrefix = "route.";
constexpr std::string_view kRoutePlaceholder = "<route>";
constexpr std::string_view kPartyPrefix = "party.";
constexpr std::string_view kPartyPlaceholder = "<party>";

constexpr bool grouped_by_kind() {
  for (std::size_t i = 1; i < kRegistry.size(); ++i) {
    if (kRegistry[i].kind < kRegistry[i - 1].kind) return false;
  }
  return true;
}
static_assert(grouped_by_kind(), "metric registry: entries must be grouped by kind, in order");

std::span<const MetricInfo> of_kind(MetricKind kind) {
  std::size_t first = 0;
  while (first < kRegistry.size() && kRegistry[first].kind != kind) ++first;
  std::size_t last = first;
  while (last < kRegistry.size() && kRegistry[last].kind == kind) ++last;
  return std::span<const MetricInfo>(kRegistry).subspan(first, last - first);
}

const MetricInfo* find_in(std::span<const MetricInfo> entries, std::string_view name) {
  for (const MetricInfo& m : entries) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

// "<prefix><group>.<figure>": the key of a figure of a group (a route, a party).
std::string group_key(std::string_view prefix, std::string_view group, std::string_view figure) {
  std::string key(prefix);
  key += group;
  key += '.';
  key += figure;
  return key;
}

// The group and figure of a key "<prefix><group>.<figure>", split at the last dot (a figure's
// name has none); nullopt without the prefix or with an empty group or figure.
std::optional<std::pair<std::string_view, std::string_view>> split_group_key(
    std::string_view key, std::string_view prefix) {
  if (key.substr(0, prefix.size()) != prefix) return std::nullopt;
  const std::string_view rest = key.substr(prefix.size());
  const std::size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == rest.size()) return std::nullopt;
  return std::pair{rest.substr(0, dot), rest.substr(dot + 1)};
}

// Puts `value` where `placeholder` stands in `text` (its first occurrence, if any).
void fill_placeholder(std::string& text, std::string_view placeholder, std::string_view value) {
  const std::size_t at = text.find(placeholder);
  if (at != std::string::npos) text.replace(at, placeholder.size(), value);
}

}  // namespace

std::span<const MetricInfo> metric_registry() { return kRegistry; }

std::vector<const MetricInfo*> additive_key_figures() {
  std::vector<const MetricInfo*> out;
  for (const MetricInfo& m : key_figures()) {
    if (m.additive) {
      out.push_back(&m);
    }
  }
  return out;
}
std::span<const MetricInfo> key_figures() { return of_kind(key_figure); }
std::span<const MetricInfo> diagnostic_figures() { return of_kind(diagnostic); }
std::span<const MetricInfo> route_figures() { return of_kind(route_figure); }
std::span<const MetricInfo> party_figures() { return of_kind(party_figure); }

const MetricInfo* find_metric(std::string_view key) {
  if (const std::optional<RouteKey> route = split_route_key(key)) {
    return find_in(route_figures(), route->figure);
  }
  if (const std::optional<PartyKey> party = split_party_key(key)) {
    return find_in(party_figures(), party->figure);
  }
  if (const MetricInfo* m = find_in(key_figures(), key)) return m;
  return find_in(diagnostic_figures(), key);
}

std::optional<std::string> describe_metric(std::string_view key) {
  const MetricInfo* m = find_metric(key);
  if (m == nullptr) return std::nullopt;
  std::string text(m->description);
  if (m->kind == route_figure) {
    fill_placeholder(text, kRoutePlaceholder, split_route_key(key)->route);
  }
  if (m->kind == party_figure) {
    fill_placeholder(text, kPartyPlaceholder, split_party_key(key)->party);
  }
  return text;
}

std::string route_key(std::string_view route, std::string_view figure) {
  return group_key(kRoutePrefix, route, figure);
}

std::optional<RouteKey> split_route_key(std::string_view key) {
  const auto parts = split_group_key(key, kRoutePrefix);
  if (!parts) return std::nullopt;
  return RouteKey{parts->first, parts->second};
}

std::string party_key(std::string_view party, std::string_view figure) {
  return group_key(kPartyPrefix, party, figure);
}

std::optional<PartyKey> split_party_key(std::string_view key) {
  const auto parts = split_group_key(key, kPartyPrefix);
  // A party's name has no dot (a route's may).
  if (!parts || parts->first.find('.') != std::string_view::npos) return std::nullopt;
  return PartyKey{parts->first, parts->second};
}

}  // namespace werkstroom::model
