#pragma once
// The people a mobility centre may touch, with their baseline paths. A population is built in
// parts (model/population_parts.hpp) that can be shared between populations, so the people
// live in their parts' vectors; KeptPeople numbers them 0..size()-1 across the parts in part
// order and keeps the parts alive. Immutable once built, so one population can serve several
// scenarios of a replication at once.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "model/person.hpp"

namespace werkstroom::model {

struct KeptPerson {
  Person person;
  /// The baseline path: a view into the spells of the person's part, which whoever holds the
  /// part's people keeps alive with them (build_population_part: one array for all the paths
  /// of a part, not one allocation per person).
  std::span<const Spell> path;
};

/// How a kept person came to the centre's notice.
enum class TouchReason : std::uint8_t {
  first_party,
  outreach,
  inbound,
  bankruptcy,
  regular_vacancy
};

class KeptPeople {
 public:
  /// Numbers the people of `part` after those already appended.
  void append(std::shared_ptr<const std::vector<KeptPerson>> part) {
    for (const KeptPerson& k : *part) index_.push_back(&k);
    parts_.push_back(std::move(part));
  }
  [[nodiscard]] const KeptPerson& operator[](std::size_t i) const { return *index_[i]; }
  [[nodiscard]] std::size_t size() const { return index_.size(); }

 private:
  std::vector<const KeptPerson*> index_;
  std::vector<std::shared_ptr<const std::vector<KeptPerson>>> parts_;
};

}  // namespace werkstroom::model
