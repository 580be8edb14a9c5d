#pragma once
// ReplicationResult as bytes, for sending results between processes (MPI ranks). Every number
// is copied bit for bit (doubles as their 8 bytes), so a result decoded on another rank of the
// same architecture is identical to the one computed: a distributed run gives the same
// results as a single process. Not a file format (no byte-order conversion).

#include <cstdint>
#include <vector>

#include "model/replication_result.hpp"

namespace werkstroom::experiment {

[[nodiscard]] std::vector<std::uint8_t> encode_result(const model::ReplicationResult& result);

/// Throws std::runtime_error for bytes that are not an encoded result (wrong tag or length).
[[nodiscard]] model::ReplicationResult decode_result(const std::uint8_t* data, std::size_t size);

}  // namespace werkstroom::experiment
