#pragma once
// Internal to the result writers: the last step of writing a file atomically.

#include <filesystem>

namespace werkstroom::results::detail {

/// "<path>.tmp": where a file is written before it is renamed to `path`.
[[nodiscard]] std::filesystem::path temporary_path(const std::filesystem::path& path);

/// Flushes the complete file `tmp` to disk, renames it to `path` (replacing an older file) and
/// flushes the directory entry. Throws std::filesystem::filesystem_error or
/// std::runtime_error; `tmp` is left for the caller to remove.
void commit_file(const std::filesystem::path& tmp, const std::filesystem::path& path);

/// Removes `tmp` if it exists, ignoring errors (the cleanup on a failed write).
void discard_file(const std::filesystem::path& tmp) noexcept;

}  // namespace werkstroom::results::detail
