#pragma once
// The one registry of the key figures (KPIs) of a replication: for every figure its key, unit,
// description, English and Dutch label and whether more of it is better. The console report,
// the result files (HDF5 attributes, the summary tables' unit column), the viewer and the test
// that checks docs/results-schema.md all read it, so a figure is named, explained and labelled
// in one place. It lives in the model library, the lowest layer that knows the figures, so that
// all of those can depend on it without a cycle.
//
// Contract: model::compute_kpis produces exactly the figures registered here (every key
// figure and diagnostic figure by name, and every route figure for every route); the registry
// test runs a default scenario and checks it both ways.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace werkstroom::model {

enum class MetricKind : std::uint8_t {
  key_figure,    // the board's key figures: reports and the root attribute key_figures list them
                 // in the registry's order
  diagnostic,    // added for verification against queueing theory
  route_figure,  // one figure of the effects by route: the key is route.<route>.<figure>
  party_figure,  // one figure of who pays and who saves: the key is party.<party>.<figure>
};

struct MetricInfo {
  std::string_view name;  // the key; for a route figure only <figure>
  MetricKind kind = MetricKind::key_figure;
  std::string_view unit;  // never empty ("people", "EUR", "0/1", ...)
  /// One line in English, written to the result files and listed in docs/results-schema.md.
  /// A route figure's says "<route>" where the route's name goes, a party figure's "<party>"
  /// where the party's (describe_metric fills them in).
  std::string_view description;
  /// The figure's title for tables and legends (the viewer), in English and Dutch.
  std::string_view label_en;
  std::string_view label_nl;
  /// The Dutch label in the console report's figure column, for the key figures (empty for the
  /// others, which the report does not list). The English report shows the key itself, so that
  /// a reader finds it in the result files. Kept apart from label_nl: the report has no unit
  /// column, so its labels carry the unit ("kosten EUR"), while the viewer's are titles that
  /// may lean on their table neighbours ("waarvan verdrongen" under the savings). The report
  /// cuts a label to 29 characters.
  std::string_view report_label_nl;
  /// +1 when more is better, -1 when less is better, 0 when neither (a count that is no
  /// effect either way). The viewer colours a clear difference by it.
  int better = 0;
  /// Whether the figure of several disjoint regions is the sum of the regions' figures: counts
  /// of people and months and euros are; rates, shares, quantiles, means, maxima, flags and
  /// month indices are not. `compare` on a set of regions sums the additive figures only
  /// (experiment/national_sum.hpp).
  bool additive = false;
  /// Whether the figure exists only in the replications where something happened (the month a
  /// budget ran out exists only where it ran out): elsewhere it is NaN, bands are taken over
  /// the replications where it exists, and reports show the median and in how many of the
  /// replications it exists.
  bool conditional = false;
};

/// The additive key figures (MetricInfo::additive), in report order.
[[nodiscard]] std::vector<const MetricInfo*> additive_key_figures();

/// Every registered figure: the key figures in report order, then the diagnostic figures,
/// then the route figures, then the party figures.
[[nodiscard]] std::span<const MetricInfo> metric_registry();
/// The registry's entries of one kind, in the registry's order.
[[nodiscard]] std::span<const MetricInfo> key_figures();
[[nodiscard]] std::span<const MetricInfo> diagnostic_figures();
[[nodiscard]] std::span<const MetricInfo> route_figures();
[[nodiscard]] std::span<const MetricInfo> party_figures();

/// The entry of a key: a key figure or diagnostic figure by name, a route key
/// (route.<route>.<figure>) or party key (party.<party>.<figure>) by its figure. nullptr for a
/// key the registry does not know.
[[nodiscard]] const MetricInfo* find_metric(std::string_view key);

/// The description of a key as the result files write it: the entry's description, for a
/// route key with the route's name in place of "<route>". nullopt for an unknown key.
[[nodiscard]] std::optional<std::string> describe_metric(std::string_view key);

/// Route keys. A route's name may hold dots ("instrument.coaching"), a figure's never, so a
/// key is split at its last dot.
struct RouteKey {
  std::string_view route;
  std::string_view figure;
};
/// "route.<route>.<figure>".
[[nodiscard]] std::string route_key(std::string_view route, std::string_view figure);
/// The parts of a route key; nullopt for a key that is none (no "route." prefix, or an empty
/// route or figure). The parts point into `key`.
[[nodiscard]] std::optional<RouteKey> split_route_key(std::string_view key);

/// Party keys: "party.<party>.<figure>", the party one of model::kFirstPartyNames.
struct PartyKey {
  std::string_view party;
  std::string_view figure;
};
[[nodiscard]] std::string party_key(std::string_view party, std::string_view figure);
/// The parts of a party key; nullopt for a key that is none (no "party." prefix, or a party or
/// figure missing). The parts point into `key`.
[[nodiscard]] std::optional<PartyKey> split_party_key(std::string_view key);

}  // namespace werkstroom::model
