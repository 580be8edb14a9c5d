#include "model/employers.hpp"

#include <algorithm>
#include <cmath>

#include "model/economy.hpp"

namespace werkstroom::model {

EmployerPopulation::EmployerPopulation(const ModelParameters& p, kernel::RandomStream stream,
                                       const std::vector<double>& month_starts, bool populated)
    : p_(p), horizon_day_(month_starts.back()), months_(month_starts) {
  if (!populated) return;
  std::vector<double> shares;
  for (const SectorParameters& s : p.sectors) shares.push_back(s.employment_share);
  // Prepared once: draws the same as stream.discrete(shares) (kernel/random.hpp).
  const kernel::DiscreteWeights sector_weights(shares.data(), shares.size());
  const auto firms = static_cast<std::size_t>(std::max(p.employers.employers, 0));
  const auto zzp = static_cast<std::size_t>(std::max(p.employers.zzp, 0));
  employers_.reserve(firms + zzp);
  // Firm sizes: 1 + geometric, so the mean is mean_staff_per_employer.
  const double p_stop = 1.0 / std::max(p.employers.mean_staff_per_employer, 1.0);
  const double log_continue = std::log(1.0 - p_stop);
  for (std::size_t i = 0; i < firms + zzp; ++i) {
    Employer e;
    e.sector = shares.empty() ? 0 : static_cast<std::uint8_t>(sector_weights.draw(stream));
    e.zzp = i >= firms;
    if (!e.zzp && p_stop < 1.0) {
      e.staff = 1 + static_cast<std::uint32_t>(
                        std::floor(std::log(1.0 - stream.uniform01()) / log_continue));
    }
    employers_.push_back(e);
  }
  firms_ = firms;
}

std::size_t EmployerPopulation::draw_firm(kernel::RandomStream& rng) const {
  const std::size_t pool = firms_ > 0 ? firms_ : employers_.size();
  return static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(pool) - 1));
}

std::size_t EmployerPopulation::draw_any(kernel::RandomStream& rng) const {
  return static_cast<std::size_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(employers_.size()) - 1));
}

std::pair<double, double> EmployerPopulation::sector_shares(std::size_t sector, double day) const {
  const SectorParameters& s = p_.sectors.at(sector);
  const double w = horizon_day_ > 0.0 ? std::clamp(day / horizon_day_, 0.0, 1.0) : 0.0;
  // The economy moves the shares month by month: more unemployment, more firms with staff to
  // let go and fewer with vacancies (EconomyParameters). Together at most 1.
  const std::size_t at_or_before = months_.count_at_or_below(day);
  const std::size_t month = at_or_before > 0 ? at_or_before - 1 : 0;
  const EconomyParameters& e = p_.economy;
  const double surplus = (s.surplus_share + w * (s.surplus_share_end - s.surplus_share)) *
                         economy_factor(e, month, e.surplus_elasticity);
  const double shortage =
      (s.shortage_share + w * (s.shortage_share_end - s.shortage_share)) *
      economy_factor(e, month, e.shortage_elasticity, e.shortage_tightness_elasticity);
  const double total = surplus + shortage;
  if (total > 1.0) return {surplus / total, shortage / total};
  return {surplus, shortage};
}

EmployerState EmployerPopulation::contact(std::size_t index, double day,
                                          kernel::RandomStream& rng) {
  Employer& e = employers_.at(index);
  if (e.known_state) {
    const double months = std::max(0.0, day - e.known_since_day) / kDaysPerMonth;
    const double keep = std::pow(p_.employers.state_persistence_per_month, months);
    if (rng.uniform01() < keep) return *e.known_state;
  }
  const auto [surplus, shortage] = sector_shares(e.sector, day);
  const double weights[3] = {std::max(0.0, 1.0 - surplus - shortage), surplus, shortage};
  const auto state = static_cast<EmployerState>(rng.discrete(weights, 3));
  if (e.inventoried && e.known_state) {
    --inventory_count_[static_cast<std::size_t>(*e.known_state)];
    ++inventory_count_[static_cast<std::size_t>(state)];
  }
  e.known_state = state;
  e.known_since_day = day;
  return state;
}

void EmployerPopulation::inventory(std::size_t index) {
  Employer& e = employers_.at(index);
  if (e.inventoried || !e.known_state) return;
  e.inventoried = true;
  ++inventoried_;
  ++inventory_count_[static_cast<std::size_t>(*e.known_state)];
}

void VacancyBoard::add(std::size_t sector, double expires_day) {
  std::deque<double>& v = open_.at(sector);
  v.insert(std::upper_bound(v.begin(), v.end(), expires_day), expires_day);
}

void VacancyBoard::drop_expired(std::size_t sector, double day) {
  std::deque<double>& v = open_[sector];
  while (!v.empty() && v.front() <= day) v.pop_front();
}

bool VacancyBoard::take(std::size_t sector, double day) {
  drop_expired(sector, day);
  std::deque<double>& v = open_[sector];
  if (v.empty()) return false;
  v.pop_front();  // the one expiring first
  return true;
}

std::optional<std::size_t> VacancyBoard::take_any(const std::vector<bool>& allowed, double day) {
  for (std::size_t s = 0; s < open_.size(); ++s) {
    if (s < allowed.size() && allowed[s] && take(s, day)) return s;
  }
  return std::nullopt;
}

std::size_t VacancyBoard::open(double day) {
  std::size_t n = 0;
  for (std::size_t s = 0; s < open_.size(); ++s) {
    drop_expired(s, day);
    n += open_[s].size();
  }
  return n;
}

}  // namespace werkstroom::model
