#pragma once
// Monthly monitor data: a long CSV `month,indicator,value[,stderr]` (optionally followed by the
// columns `source` and `reliability`, as in the reference files of notebooks-data/reference).
// Every row is checked: the month must be "YYYY-MM", the indicator one the model can produce
// (calibration/observables.hpp), the value a finite number and not negative (all observables
// are counts, amounts or shares), the standard error, if given, positive; a (month, indicator)
// pair may occur once. Errors name the file, the line, the column, what was expected and what
// was found.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace werkstroom::calibration {

struct Observation {
  std::string month;      // "YYYY-MM"
  std::string indicator;  // an observable name
  double value = 0.0;
  std::optional<double> standard_error;
  std::size_t line = 0;  // 1-based line in the file
};

struct MonitorData {
  std::string file;  // as given, for messages and outputs
  std::string text;  // the whole file, stored with the results
  std::vector<Observation> rows;
};

/// A problem with monitor data, e.g. "data.csv:7: column indicator: expected an indicator the
/// model produces (ww_benefits_running, ...), found \"ww_runing\" (did you mean ...?)".
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses `text` (the contents of `file_name`). Throws DataError.
[[nodiscard]] MonitorData parse_monitor_data(std::string_view text, const std::string& file_name);

/// Reads and parses a file. Throws DataError (also when the file cannot be read).
[[nodiscard]] MonitorData read_monitor_data(const std::filesystem::path& file);

}  // namespace werkstroom::calibration
