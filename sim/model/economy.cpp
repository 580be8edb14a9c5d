#include "model/economy.hpp"

#include <algorithm>
#include <cmath>

namespace werkstroom::model {

namespace {
double path_factor(const std::vector<double>& path, double reference, std::size_t month,
                   double elasticity) {
  if (path.empty() || elasticity == 0.0) return 1.0;
  return std::pow(path[std::min(month, path.size() - 1)] / reference, elasticity);
}
}  // namespace

double economy_factor(const EconomyParameters& e, std::size_t month, double elasticity,
                      double tightness_elasticity) {
  return path_factor(e.unemployment_rate_pct, e.reference_unemployment_rate_pct, month,
                     elasticity) *
         path_factor(e.vacancies_per_unemployed, e.reference_vacancies_per_unemployed, month,
                     tightness_elasticity);
}

std::vector<double> with_economy(const std::vector<double>& base, const EconomyParameters& e,
                                 std::size_t months, double elasticity,
                                 double tightness_elasticity) {
  std::vector<double> out(months, 1.0);
  for (std::size_t m = 0; m < months; ++m) {
    const double given = base.empty() ? 1.0 : base[std::min(m, base.size() - 1)];
    out[m] = given * economy_factor(e, m, elasticity, tightness_elasticity);
  }
  return out;
}

}  // namespace werkstroom::model
