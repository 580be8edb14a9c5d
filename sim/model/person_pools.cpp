#include "model/person_pools.hpp"

#include <algorithm>
#include <cstdint>

#include "model/mobility_centre.hpp"

namespace werkstroom::model {

PersonPools index_people(const std::vector<KeptPerson>& people, std::size_t sector_count) {
  PersonPools pools;
  pools.threatened.resize(sector_count);
  pools.tozo.resize(sector_count);
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& person = people[i].person;
    const std::size_t sector = person.attributes.sector;
    if (person.start_state == State::threatened) pools.threatened.at(sector).push_back(i);
    if (person.start_state == State::tozo) pools.tozo.at(sector).push_back(i);
    if (person.start_state == State::ww || person.start_state == State::pw) {
      pools.regular.push_back(i);
    }
  }
  struct Key {
    double arrival;
    std::uint64_t id;
    std::size_t index;
  };
  std::vector<Key> keys;
  const auto sort_pool = [&people, &keys](std::vector<std::size_t>& pool) {
    keys.clear();
    for (const std::size_t i : pool) {
      keys.push_back(Key{people[i].person.arrival_day, people[i].person.id, i});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
      return a.arrival != b.arrival ? a.arrival < b.arrival : a.id < b.id;
    });
    for (std::size_t k = 0; k < keys.size(); ++k) pool[k] = keys[k].index;
  };
  for (auto& pool : pools.threatened) sort_pool(pool);
  for (auto& pool : pools.tozo) sort_pool(pool);
  sort_pool(pools.regular);
  return pools;
}

}  // namespace werkstroom::model
