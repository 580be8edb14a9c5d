#pragma once
// The labour market's conditions over the horizon (EconomyParameters, the scenario's
// [economy]) as multipliers of the model's rates: for horizon month m with unemployment rate
// u_m and tightness (vacancies per unemployed person) v_m (each path's last value after its
// end) and the reference values u_ref and v_ref at which the base hazards and inflows hold, a
// rate with elasticities e_u and e_v is multiplied by (u_m / u_ref)^e_u * (v_m / v_ref)^e_v.
// A missing path contributes 1.
// Find-work hazards take a negative elasticity (more unemployment, fewer exits to work),
// job-loss hazards and the inflow into WW and PW a positive one. A path at the reference
// multiplies by exactly 1, so results equal those of a model without an economy, bit for bit.

#include <cstddef>
#include <vector>

#include "model/parameters.hpp"

namespace werkstroom::model {

/// The multiplier (u_m / u_ref)^elasticity * (v_m / v_ref)^tightness_elasticity of horizon
/// month `month`; a path that is empty contributes 1.
[[nodiscard]] double economy_factor(const EconomyParameters& e, std::size_t month,
                                    double elasticity, double tightness_elasticity = 0.0);

/// `base` (a per-month factor list; its last value after its end, 1 when empty) times the
/// economy's multiplier, for months 0..months-1.
[[nodiscard]] std::vector<double> with_economy(const std::vector<double>& base,
                                               const EconomyParameters& e, std::size_t months,
                                               double elasticity,
                                               double tightness_elasticity = 0.0);

}  // namespace werkstroom::model
