#pragma once
// The posterior of a calibration file (calibration/hdf5_output.cpp, format
// werkstroom-calibration/1) as a parameter sample a run can draw from (`--posterior cal.h5`):
// the ABC-SMC particles with their weights when the file has them, else the predictive draws
// (from the SMM estimate's normal approximation) with equal weights. Keys and element ranges
// come from /parameters. Throws scenario::ScenarioError naming the file and what is missing.

#include <filesystem>

#include "model/parameters.hpp"

namespace werkstroom::calibration {

[[nodiscard]] model::PosteriorSample read_posterior_hdf5(const std::filesystem::path& file);

}  // namespace werkstroom::calibration
