#pragma once
// The progress line of the long calibration commands (calibrate, backtest) on stderr: on a
// terminal one line redrawn 5 times a second, in a log a line every 10 seconds; the first
// report is shown at once. report() is thread-safe (the evaluations call it from workers).

#include <chrono>
#include <mutex>
#include <string>

namespace werkstroom::cli {

class StageProgress {
 public:
  /// `stage_width`: the column width of the stage name.
  explicit StageProgress(int stage_width);
  void report(const std::string& stage, long simulations);
  /// Clears the line on a terminal (call once the work is done).
  void finish() const;

 private:
  int stage_width_;
  bool terminal_;
  std::chrono::steady_clock::duration period_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
  std::mutex mutex_;
};

}  // namespace werkstroom::cli
