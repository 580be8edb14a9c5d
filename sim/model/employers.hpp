#pragma once
// The region's employers (zzp'ers count as employers of one) and what outreach learns of
// them. An employer's state (surplus, shortage, neutral) is revealed at contact: it persists
// from the last contact with probability persistence^months, otherwise it is drawn from its
// sector's current shares, which move linearly from the start to the end of the horizon.

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "kernel/random.hpp"
#include "model/month_lookup.hpp"
#include "model/parameters.hpp"

namespace werkstroom::model {

enum class EmployerState : std::uint8_t { neutral, surplus, shortage };

struct Employer {
  std::uint8_t sector = 0;
  bool zzp = false;
  std::uint32_t staff = 1;
  std::optional<EmployerState> known_state;
  double known_since_day = 0.0;
  bool inventoried = false;  // visited at least once: counts in the monitor's inventory
};

class EmployerPopulation {
 public:
  /// `month_starts`: the horizon's month starts in days, its end last (the economy is monthly).
  /// Without `populated` there are no employers: a world without the service contacts none,
  /// and drawing tens of thousands of them was 4% of a calibration replication.
  EmployerPopulation(const ModelParameters& p, kernel::RandomStream stream,
                     const std::vector<double>& month_starts, bool populated = true);

  [[nodiscard]] std::size_t size() const { return employers_.size(); }
  [[nodiscard]] std::size_t firms() const { return firms_; }
  [[nodiscard]] const Employer& at(std::size_t i) const { return employers_[i]; }

  /// A uniformly drawn firm (outreach) or any employer including zzp'ers (inbound requests).
  std::size_t draw_firm(kernel::RandomStream& rng) const;
  std::size_t draw_any(kernel::RandomStream& rng) const;

  /// Reveals the employer's state at `day`, drawing from `rng`.
  EmployerState contact(std::size_t employer, double day, kernel::RandomStream& rng);
  /// Records a visit: the employer enters (or updates) the inventory.
  void inventory(std::size_t employer);

  [[nodiscard]] std::size_t inventoried() const { return inventoried_; }
  [[nodiscard]] std::size_t inventoried_surplus() const { return inventory_count_[1]; }
  [[nodiscard]] std::size_t inventoried_shortage() const { return inventory_count_[2]; }
  /// The sector's surplus and shortage shares at `day`.
  [[nodiscard]] std::pair<double, double> sector_shares(std::size_t sector, double day) const;

 private:
  const ModelParameters& p_;
  std::vector<Employer> employers_;
  std::size_t firms_ = 0;
  double horizon_day_;
  MonthLookup months_;
  std::size_t inventoried_ = 0;
  std::array<std::size_t, 3> inventory_count_{};
};

/// Open vacancies by sector, acquired from shortage employers; they expire unfilled.
class VacancyBoard {
 public:
  explicit VacancyBoard(std::size_t sectors) : open_(sectors) {}
  void add(std::size_t sector, double expires_day);
  /// Takes an open vacancy of the sector at `day` (the one expiring first); false if none.
  bool take(std::size_t sector, double day);
  /// Takes an open vacancy in any of the sectors flagged in `allowed` (sector index order).
  std::optional<std::size_t> take_any(const std::vector<bool>& allowed, double day);
  [[nodiscard]] std::size_t open(double day);

 private:
  void drop_expired(std::size_t sector, double day);
  std::vector<std::deque<double>> open_;  // expiry days per sector, ascending
};

}  // namespace werkstroom::model
