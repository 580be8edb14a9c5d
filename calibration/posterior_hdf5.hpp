#pragma once
// The posterior of a calibration file (calibration/hdf5_output.cpp, format
// werkstroom-calibration/1) as a parameter sample a run can draw from (`--posterior cal.h5`):
// the ABC-SMC particles with their weights when the file has them, else the predictive draws
// (from the SMM estimate's normal approximation) with equal weights. Keys and element ranges
// come from /parameters. Throws scenario::ScenarioError naming the file and what is missing.

#include <filesystem>
#include <string>

#include "model/parameters.hpp"

namespace werkstroom::calibration {

//
// A file of a joint fit of several regions (/parameters/regions, docs/calibration.md) holds
// every region's parameters: without `region` all of them are returned (a key may then occur
// once per region); with `region` only the shared ones and that region's own, which is the
// sample a run of that region's scenario draws from. A region the file does not have is a
// ScenarioError naming the regions it has.
[[nodiscard]] model::PosteriorSample read_posterior_hdf5(const std::filesystem::path& file,
                                                         const std::string& region = "");

}  // namespace werkstroom::calibration
