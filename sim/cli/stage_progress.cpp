#include "stage_progress.hpp"

#include <fmt/core.h>
#include <unistd.h>  // isatty

namespace werkstroom::cli {

StageProgress::StageProgress(int stage_width)
    : stage_width_(stage_width),
      terminal_(isatty(STDERR_FILENO) != 0),
      period_(terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(10000)) {}

void StageProgress::report(const std::string& stage, long simulations) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < period_) {
    return;
  }
  last_ = now;
  fmt::print(stderr, "{}  {:<{}} {:>8} replications simulated, {:.0f} s{}", terminal_ ? "\r" : "",
             stage, stage_width_, simulations,
             std::chrono::duration<double>(now - started_).count(), terminal_ ? "" : "\n");
}

void StageProgress::finish() const {
  if (terminal_) {
    fmt::print(stderr, "\r{:70}\r", "");
  }
}

}  // namespace werkstroom::cli
