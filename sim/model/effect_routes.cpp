#include "model/effect_routes.hpp"

#include <array>

namespace werkstroom::model {

namespace {
constexpr std::array<const char*, 3> kFixedRoutes = {"vacancy", "regular_vacancy",
                                                     "regular_service"};
}  // namespace

std::size_t route_count(const ModelParameters& p) {
  return kFixedRoutes.size() + p.instruments.size();
}

std::size_t route_index(const Route& r) {
  if (r.kind == RouteKind::instrument) return kFixedRoutes.size() + r.instrument;
  return static_cast<std::size_t>(r.kind);
}

std::string route_name(const ModelParameters& p, std::size_t index) {
  if (index < kFixedRoutes.size()) return kFixedRoutes[index];
  return "instrument." + p.instruments.at(index - kFixedRoutes.size()).name;
}

double route_displacement_share(const ModelParameters& p, std::size_t index) {
  if (index == static_cast<std::size_t>(RouteKind::vacancy) ||
      index == static_cast<std::size_t>(RouteKind::regular_vacancy)) {
    return p.additionality.vacancy_displacement_share;
  }
  if (index >= kFixedRoutes.size()) {
    const InterventionType type = p.instruments.at(index - kFixedRoutes.size()).type;
    if (type == InterventionType::secondment || type == InterventionType::takeover) {
      return p.additionality.secondment_substitution_share;
    }
  }
  return 0.0;
}

}  // namespace werkstroom::model
