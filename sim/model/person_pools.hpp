#pragma once
// The pools from which outreach and vacancies draw people: indices into a population's kept
// people, each pool in arrival order (ties by id), so a draw at time t chooses among those
// arrived by t and people who arrive later (a shock, say) do not change earlier draws (CRN).
// They depend only on the population, so they are built once with it and shared read-only.

#include <cstddef>
#include <vector>

#include "model/kept_people.hpp"
#include "model/person.hpp"

namespace werkstroom::model {

struct PersonPools {
  std::vector<std::vector<std::size_t>> threatened;  // per sector: people starting threatened
  std::vector<std::vector<std::size_t>> tozo;        // per sector: people starting on TOZO
  std::vector<std::size_t> regular;                  // people starting in WW or PW
};

/// Pools of `people` for `sector_count` sectors.
[[nodiscard]] PersonPools index_people(const std::vector<KeptPerson>& people,
                                       std::size_t sector_count);

/// A part's pools (over its own people) and the number of its first person in the whole.
struct PartPools {
  const PersonPools* pools = nullptr;
  std::size_t first = 0;
};

/// The pools of `people`, who are the parts' people one part after the other, from the
/// parts' own pools: the same as index_people over all of them, without sorting again.
[[nodiscard]] PersonPools join_pools(const KeptPeople& people, const std::vector<PartPools>& parts,
                                     std::size_t sector_count);

}  // namespace werkstroom::model
