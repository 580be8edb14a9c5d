#pragma once
// SHA-256 (FIPS 180-4) of bytes and of files, for the provenance block of the board report: a
// reader can check that a scenario file is the one the report was made from (`sha256sum`).
// Our own small implementation (no crypto library is a dependency); tested against the FIPS
// 180-2 example vectors in tests/report/test_sha256.cpp.

#include <filesystem>
#include <string>
#include <string_view>

namespace werkstroom::report {

/// The digest of `bytes` as 64 lowercase hexadecimal digits.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// The digest of the file's bytes. Throws std::runtime_error naming the file when it cannot be
/// read.
[[nodiscard]] std::string sha256_file_hex(const std::filesystem::path& file);

}  // namespace werkstroom::report
