#pragma once
// The root attributes every HDF5 file of a calibration command starts with (calibrate's
// werkstroom-calibration/1, backtest's werkstroom-backtest/1): the schema, the program's
// version and revision, and the spec, data and scenario they were made from (texts included).
// Private to the calibration library's HDF5 writers.

#include <H5Cpp.h>

#include "calibration/monitor_data.hpp"
#include "calibration/spec.hpp"

namespace werkstroom::calibration {

void provenance_attributes(const H5::Group& root, const char* schema, const CalibrationSpec& spec,
                           const MonitorData& data);

}  // namespace werkstroom::calibration
