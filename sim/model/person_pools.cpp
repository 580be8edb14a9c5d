#include "model/person_pools.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

namespace werkstroom::model {

namespace {

struct Key {
  double arrival;
  std::uint64_t id;
  std::size_t index;
};

bool arrives_before(const Key& a, const Key& b) {
  return a.arrival != b.arrival ? a.arrival < b.arrival : a.id < b.id;
}

// Runs at least this long are merged as they are; shorter ones are sorted together.
constexpr std::size_t kMinRun = 16;

// Sorts `keys` by arrival, ties by id. Most of a pool is already in that order (the generator
// emits each cohort's inflow by arrival day and a shock's people by id; only the initial stock
// arrives in no order), so long ascending runs are kept, the rest is sorted, and the runs are
// merged. Ids are unique, so the order is total and the result is the one std::sort gives.
void sort_by_arrival(std::vector<Key>& keys, std::vector<Key>& buffer) {
  if (std::is_sorted(keys.begin(), keys.end(), arrives_before)) return;
  // Long runs first, in `buffer`, then the loose keys, sorted, as one more run.
  buffer.clear();
  std::vector<std::size_t> run_ends;
  std::size_t loose = 0;  // the loose keys are moved to the front of `keys`
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i + 1;
    while (j < keys.size() && arrives_before(keys[j - 1], keys[j])) ++j;
    if (j - i >= kMinRun) {
      buffer.insert(buffer.end(), keys.begin() + static_cast<std::ptrdiff_t>(i),
                    keys.begin() + static_cast<std::ptrdiff_t>(j));
      run_ends.push_back(buffer.size());
    } else {
      for (std::size_t k = i; k < j; ++k) keys[loose++] = keys[k];
    }
    i = j;
  }
  std::sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(loose), arrives_before);
  buffer.insert(buffer.end(), keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(loose));
  run_ends.push_back(buffer.size());
  // Merge neighbouring runs pairwise until one is left.
  std::vector<std::size_t> merged_ends;
  while (run_ends.size() > 1) {
    keys.clear();
    merged_ends.clear();
    std::size_t begin = 0;
    for (std::size_t r = 0; r < run_ends.size(); r += 2) {
      const std::size_t middle = run_ends[r];
      const std::size_t end = r + 1 < run_ends.size() ? run_ends[r + 1] : middle;
      std::merge(buffer.begin() + static_cast<std::ptrdiff_t>(begin),
                 buffer.begin() + static_cast<std::ptrdiff_t>(middle),
                 buffer.begin() + static_cast<std::ptrdiff_t>(middle),
                 buffer.begin() + static_cast<std::ptrdiff_t>(end), std::back_inserter(keys),
                 arrives_before);
      merged_ends.push_back(end);
      begin = end;
    }
    buffer.swap(keys);
    run_ends.swap(merged_ends);
  }
  keys.swap(buffer);
}

// Sorts each pool of indices into `people` (anything with operator[] giving a KeptPerson) by
// arrival, ties by id.
template <typename People>
void sort_pools(const People& people, PersonPools& pools) {
  std::vector<Key> keys;
  std::vector<Key> buffer;
  const auto sort_pool = [&people, &keys, &buffer](std::vector<std::size_t>& pool) {
    keys.clear();
    for (const std::size_t i : pool) {
      keys.push_back(Key{people[i].person.arrival_day, people[i].person.id, i});
    }
    sort_by_arrival(keys, buffer);
    for (std::size_t k = 0; k < keys.size(); ++k) pool[k] = keys[k].index;
  };
  for (auto& pool : pools.threatened) sort_pool(pool);
  for (auto& pool : pools.tozo) sort_pool(pool);
  sort_pool(pools.regular);
}

}  // namespace

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
  sort_pools(people, pools);
  return pools;
}

PersonPools join_pools(const KeptPeople& people, const std::vector<PartPools>& parts,
                       std::size_t sector_count) {
  PersonPools pools;
  pools.threatened.resize(sector_count);
  pools.tozo.resize(sector_count);
  const auto append = [](std::vector<std::size_t>& into, const std::vector<std::size_t>& from,
                         std::size_t first) {
    for (const std::size_t i : from) into.push_back(first + i);
  };
  for (const PartPools& part : parts) {
    for (std::size_t s = 0; s < sector_count; ++s) {
      append(pools.threatened[s], part.pools->threatened.at(s), part.first);
      append(pools.tozo[s], part.pools->tozo.at(s), part.first);
    }
    append(pools.regular, part.pools->regular, part.first);
  }
  // Each part's stretch is in order already: the sort only merges the stretches.
  sort_pools(people, pools);
  return pools;
}

}  // namespace werkstroom::model
