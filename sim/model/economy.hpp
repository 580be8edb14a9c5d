#pragma once
// The labour market's conditions over the horizon (EconomyParameters, the scenario's
// [economy]) as multipliers of the model's rates: for horizon month m with unemployment rate
// u_m (the path's last value after its end) and the reference rate u_ref at which the base
// hazards and inflows hold, a rate with elasticity e is multiplied by (u_m / u_ref)^e.
// Find-work hazards take a negative elasticity (more unemployment, fewer exits to work),
// job-loss hazards and the inflow into WW and PW a positive one. A path at the reference
// multiplies by exactly 1, so results equal those of a model without an economy, bit for bit.

#include <cstddef>
#include <vector>

#include "model/parameters.hpp"

namespace werkstroom::model {

/// The multiplier (u_m / u_ref)^elasticity of horizon month `month`; 1 without a path.
[[nodiscard]] double economy_factor(const EconomyParameters& e, std::size_t month,
                                    double elasticity);

/// `base` (a per-month factor list; its last value after its end, 1 when empty) times the
/// economy's multiplier, for months 0..months-1.
[[nodiscard]] std::vector<double> with_economy(const std::vector<double>& base,
                                               const EconomyParameters& e, std::size_t months,
                                               double elasticity);

}  // namespace werkstroom::model
