#pragma once
// Internal to the HDF5 writers: the monthly series of a scenario group, [replication x month],
// in one fixed order -- that of results::monthly_series (monthly/<indicator>, then
// with_service/<series>, without_service/<series>, then arrived_by_month_end) -- so that the
// writer of results in memory and the streaming writer (results_stream.hpp) make the same
// datasets under the same names.

#include <H5Cpp.h>

#include <cstddef>
#include <vector>

#include "model/replication_result.hpp"
#include "results/catalogue.hpp"

namespace werkstroom::results::detail {

enum class SeriesGroup { monthly, with_service, without_service, scenario };

struct SeriesDataset {
  SeriesGroup group = SeriesGroup::monthly;
  SeriesInfo info;  // info.name is the dataset's name within its group
};

/// Every monthly series dataset of a scenario, in the order above.
[[nodiscard]] const std::vector<SeriesDataset>& series_datasets();

/// The values of series_datasets()[i] in `rep`.
[[nodiscard]] const std::vector<double>& series_values(const model::ReplicationResult& rep,
                                                       std::size_t i);

/// The groups monthly, with_service and without_service of a new scenario group, made with
/// their descriptions.
class SeriesGroups {
 public:
  explicit SeriesGroups(const H5::Group& scenario);
  [[nodiscard]] const H5::Group& of(const SeriesDataset& dataset) const;

 private:
  H5::Group scenario_;
  H5::Group monthly_;
  H5::Group with_service_;
  H5::Group without_service_;
};

}  // namespace werkstroom::results::detail
