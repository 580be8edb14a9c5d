#include "model/economy.hpp"

#include <algorithm>
#include <cmath>

namespace werkstroom::model {

double economy_factor(const EconomyParameters& e, std::size_t month, double elasticity) {
  if (e.unemployment_rate_pct.empty() || elasticity == 0.0) return 1.0;
  const double u = e.unemployment_rate_pct[std::min(month, e.unemployment_rate_pct.size() - 1)];
  return std::pow(u / e.reference_unemployment_rate_pct, elasticity);
}

std::vector<double> with_economy(const std::vector<double>& base, const EconomyParameters& e,
                                 std::size_t months, double elasticity) {
  std::vector<double> out(months, 1.0);
  for (std::size_t m = 0; m < months; ++m) {
    const double given = base.empty() ? 1.0 : base[std::min(m, base.size() - 1)];
    out[m] = given * economy_factor(e, m, elasticity);
  }
  return out;
}

}  // namespace werkstroom::model
