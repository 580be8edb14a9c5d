#pragma once
// What the calibrator can compare with monitor data: monthly values of a replication's results.
//  - a service indicator by its name (results catalogue: "intakes", "waiting_list_end", ...);
//  - a world series as "with_service.<series>" or "without_service.<series>" (series names of
//    the results catalogue: "running_ww", "ww_inflow", "work_after_ww", ...);
//  - the monitor's own names, aliases of the above: "ww_benefits_running" is the running WW
//    benefits at the month end in the world as it is (with_service.running_ww), and so on
//    (observable_aliases()).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/replication_result.hpp"

namespace werkstroom::calibration {

/// Whether `name` is an observable.
[[nodiscard]] bool is_observable(const std::string& name);

/// All observable names (aliases first), for messages and `did you mean`.
[[nodiscard]] std::vector<std::string> observable_names();

/// (alias, observable it stands for).
[[nodiscard]] const std::vector<std::pair<std::string, std::string>>& observable_aliases();

/// The observable an alias stands for; any other name unchanged.
[[nodiscard]] std::string canonical_observable(const std::string& name);

/// The value of observable `name` in month `month` ("YYYY-MM") of `result`, or nullopt when
/// the month is outside the simulated horizon. Throws std::invalid_argument for an unknown name.
[[nodiscard]] std::optional<double> observe(const model::ReplicationResult& result,
                                            const std::string& name, const std::string& month);

}  // namespace werkstroom::calibration
