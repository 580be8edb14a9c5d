#pragma once
// What tells one replication of a scenario from another: the master seed and its number.

#include <cstdint>

namespace werkstroom::model {

struct ReplicationSettings {
  std::uint64_t master_seed = 1;
  std::uint64_t replication = 0;
  bool operator==(const ReplicationSettings&) const = default;
};

}  // namespace werkstroom::model
