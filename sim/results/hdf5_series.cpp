#include "results/hdf5_series.hpp"

#include "results/hdf5_helpers.hpp"

namespace werkstroom::results::detail {

const std::vector<SeriesDataset>& series_datasets() {
  static const std::vector<SeriesDataset> datasets = [] {
    std::vector<SeriesDataset> out;
    for (const SeriesInfo& info : indicator_catalogue()) {
      out.push_back({SeriesGroup::monthly, info});
    }
    for (const SeriesGroup group : {SeriesGroup::with_service, SeriesGroup::without_service}) {
      for (const SeriesInfo& info : world_series_catalogue()) out.push_back({group, info});
    }
    out.push_back({SeriesGroup::scenario, arrived_info()});
    return out;
  }();
  return datasets;
}

const std::vector<double>& series_values(const model::ReplicationResult& rep, std::size_t i) {
  const std::size_t indicators = indicator_catalogue().size();
  const std::size_t world = world_series_catalogue().size();
  if (i < indicators) return rep.service.row(static_cast<model::Indicator>(i));
  if (i < indicators + world) return world_series_values(rep.with_service, i - indicators);
  if (i < indicators + 2 * world) {
    return world_series_values(rep.without_service, i - indicators - world);
  }
  return rep.arrived_by_month_end;
}

SeriesGroups::SeriesGroups(const H5::Group& scenario)
    : scenario_(scenario),
      monthly_(scenario.createGroup("monthly")),
      with_service_(scenario.createGroup("with_service")),
      without_service_(scenario.createGroup("without_service")) {
  text_attribute(monthly_, "description", "service indicators, [replication x month]");
  text_attribute(with_service_, "description",
                 "accounts of the world with the service, [replication x month]");
  text_attribute(without_service_, "description",
                 "accounts of the world without the service, [replication x month]");
}

const H5::Group& SeriesGroups::of(const SeriesDataset& dataset) const {
  switch (dataset.group) {
    case SeriesGroup::monthly:
      return monthly_;
    case SeriesGroup::with_service:
      return with_service_;
    case SeriesGroup::without_service:
      return without_service_;
    case SeriesGroup::scenario:
      break;
  }
  return scenario_;
}

}  // namespace werkstroom::results::detail
