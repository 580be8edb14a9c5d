#pragma once
// Where the centre's effects come from (issue 12): every client the service takes off their
// baseline path is attributed to the route that did so first, and the two worlds' difference
// is accounted per route, so the board sees which part of the savings rests on which mechanism
// (and which assumption).

#include <cstdint>
#include <string>
#include <vector>

#include "model/parameters.hpp"
#include "model/world_totals.hpp"

namespace werkstroom::model {

enum class RouteKind : std::uint8_t {
  vacancy,          // a client placed on a vacancy the centre acquired
  regular_vacancy,  // a regular WW/PW client of UWV or the municipality placed on one
  regular_service,  // the regular service's effect on finding work (not selected)
  instrument,       // an instrument of the menukaart (Route::instrument says which): its effect
                    // on finding work, or the move itself for secondment (doorleen) and
                    // takeover (overname)
};

struct Route {
  RouteKind kind = RouteKind::vacancy;
  std::uint16_t instrument = 0;  // index into ModelParameters::instruments, for `instrument`
};

/// Routes are numbered 0..route_count(p)-1: the three kinds without an instrument, then one per
/// instrument in the scenario's order.
[[nodiscard]] std::size_t route_count(const ModelParameters& p);
[[nodiscard]] std::size_t route_index(const Route& r);
/// The route's name in key figures ("vacancy", "instrument.retraining", ...): the <route> of
/// the keys route.<route>.<figure> (model::route_key in model/metric_registry.hpp).
[[nodiscard]] std::string route_name(const ModelParameters& p, std::size_t index);
/// The share of a route's benefit savings that additionality takes off (displacement of
/// vacancy placements, substitution of secondments and takeovers; 0 for the others).
[[nodiscard]] double route_displacement_share(const ModelParameters& p, std::size_t index);

/// The effect figures of one route in one replication: world differences (without - with) over
/// the clients the route took off their baseline path.
struct RouteEffect {
  std::string name;
  double clients = 0.0;
  WorldDifference difference;
  double displacement_share = 0.0;     // route_displacement_share of the route
  double benefit_eur_displaced = 0.0;  // difference.benefit_eur_saved x the displacement share
};

}  // namespace werkstroom::model
