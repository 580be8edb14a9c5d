#pragma once
// Sorting values spread over a known interval (uniform arrival days within a month) in linear
// expected time: a counting pass into as many buckets as values, then an insertion sort that
// only moves values within their bucket's neighbourhood. Contract: the result is std::sort's,
// value for value (a sort of doubles has one answer; NaN is not allowed); values outside
// [low, high) are allowed and go to the first or last bucket, only slower.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace werkstroom::kernel {

/// Sorts `values` ascending; `scratch` is working memory that callers reuse between calls.
inline void sort_spread(std::vector<double>& values, double low, double high,
                        std::vector<double>& scratch, std::vector<std::size_t>& counts) {
  const std::size_t n = values.size();
  if (n < 2) return;
  const double width = high - low;
  if (!(width > 0.0)) {
    std::sort(values.begin(), values.end());
    return;
  }
  const double per_bucket = static_cast<double>(n) / width;
  const auto bucket = [&](double v) {
    // Compared before the conversion: a double beyond size_t's range does not convert.
    const double at = (v - low) * per_bucket;
    if (!(at > 0.0)) return std::size_t{0};
    if (!(at < static_cast<double>(n - 1))) return n - 1;
    return static_cast<std::size_t>(at);
  };
  counts.assign(n + 1, 0);
  for (const double v : values) ++counts[bucket(v) + 1];
  for (std::size_t b = 1; b <= n; ++b) counts[b] += counts[b - 1];
  scratch.resize(n);
  for (const double v : values) scratch[counts[bucket(v)]++] = v;
  // Buckets are in order; within one, an insertion sort (about one value per bucket).
  for (std::size_t i = 1; i < n; ++i) {
    const double v = scratch[i];
    std::size_t j = i;
    while (j > 0 && v < scratch[j - 1]) {
      scratch[j] = scratch[j - 1];
      --j;
    }
    scratch[j] = v;
  }
  values.swap(scratch);
}

}  // namespace werkstroom::kernel
