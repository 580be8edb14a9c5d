#include "calibration/posterior_hdf5.hpp"

#include <H5Cpp.h>

#include <algorithm>
#include <string>
#include <vector>

#include "scenario/scenario_error.hpp"

namespace werkstroom::calibration {

namespace {

std::vector<std::string> read_texts(const H5::Group& g, const char* name) {
  const H5::DataSet ds = g.openDataSet(name);
  if (ds.getTypeClass() != H5T_STRING) {
    throw scenario::ScenarioError({g.getFileName()}, std::string(name), "strings", "numbers");
  }
  const H5::DataSpace space = ds.getSpace();
  hsize_t n = 0;
  if (space.getSimpleExtentNdims() != 1) {
    throw scenario::ScenarioError({g.getFileName()}, std::string(name), "a list of strings",
                                  "another shape");
  }
  space.getSimpleExtentDims(&n);
  const H5::StrType type = ds.getStrType();  // variable-length, in the file's character set
  if (!type.isVariableStr()) {
    throw scenario::ScenarioError({g.getFileName()}, std::string(name), "variable-length strings",
                                  "fixed-length strings");
  }
  std::vector<char*> pointers(n, nullptr);
  if (n > 0) ds.read(pointers.data(), type);
  std::vector<std::string> out;
  out.reserve(pointers.size());
  for (char* p : pointers) out.emplace_back(p != nullptr ? p : "");
  if (n > 0) H5::DataSet::vlenReclaim(pointers.data(), type, space);
  return out;
}

/// A float64 dataset as (rows, columns, row-major values); a vector has one column.
struct Matrix {
  hsize_t rows = 0;
  hsize_t cols = 1;
  std::vector<double> values;
};

Matrix read_numbers(const H5::Group& g, const char* name) {
  const H5::DataSet ds = g.openDataSet(name);
  const H5::DataSpace space = ds.getSpace();
  Matrix m;
  hsize_t dims[2] = {0, 1};
  const int rank = space.getSimpleExtentNdims();
  if (ds.getTypeClass() != H5T_FLOAT || rank < 1 || rank > 2) {
    throw scenario::ScenarioError({g.getFileName()}, std::string(name),
                                  "a vector or matrix of numbers", "another dataset");
  }
  space.getSimpleExtentDims(dims);
  m.rows = dims[0];
  m.cols = rank == 2 ? dims[1] : 1;
  m.values.resize(m.rows * m.cols);
  if (!m.values.empty()) ds.read(m.values.data(), H5::PredType::NATIVE_DOUBLE);
  return m;
}

/// Keeps the columns of the parameters set in `region` (regions[i] empty: shared; else a
/// comma-separated list of names).
void select_region(model::PosteriorSample& sample, const std::vector<std::string>& regions,
                   const std::string& region, const H5::H5File& f, const std::string& name) {
  std::vector<std::size_t> keep;
  bool seen = false;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    std::vector<std::string> names;
    std::string item;
    for (const char c : regions[i] + ",") {
      if (c == ',') {
        if (!item.empty()) names.push_back(item);
        item.clear();
      } else {
        item += c;
      }
    }
    const bool own = std::find(names.begin(), names.end(), region) != names.end();
    seen = seen || own;
    if (names.empty() || own) keep.push_back(i);
  }
  if (!seen && f.nameExists("regions") && !f.openGroup("regions").nameExists(region)) {
    std::string list;
    const H5::Group g = f.openGroup("regions");
    for (hsize_t i = 0; i < g.getNumObjs(); ++i) {
      if (!list.empty()) list += ", ";
      list += g.getObjnameByIdx(i);
    }
    throw scenario::ScenarioError({name}, "regions", "a region of the joint fit (" + list + ")",
                                  "\"" + region + "\"");
  }
  model::PosteriorSample out;
  out.file = sample.file;
  for (const std::size_t i : keep) {
    out.keys.push_back(sample.keys[i]);
    out.first_element.push_back(sample.first_element[i]);
    out.last_element.push_back(sample.last_element[i]);
  }
  for (const std::vector<double>& particle : sample.particles) {
    std::vector<double> row;
    row.reserve(keep.size());
    for (const std::size_t i : keep) row.push_back(particle[i]);
    out.particles.push_back(std::move(row));
  }
  out.weights = sample.weights;
  sample = std::move(out);
}

}  // namespace

model::PosteriorSample read_posterior_hdf5(const std::filesystem::path& file,
                                           const std::string& region) {
  const std::string name = file.string();
  model::PosteriorSample sample;
  sample.file = name;
  try {
    H5::Exception::dontPrint();
    const H5::H5File f(name, H5F_ACC_RDONLY);
    const H5::Group params = f.openGroup("parameters");
    sample.keys = read_texts(params, "key");
    const std::size_t P = sample.keys.size();
    if (params.nameExists("first_element")) {
      for (const double x : read_numbers(params, "first_element").values) {
        sample.first_element.push_back(static_cast<int>(x));
      }
      for (const double x : read_numbers(params, "last_element").values) {
        sample.last_element.push_back(static_cast<int>(x));
      }
    } else {
      // Files written before the element ranges were stored: whole keys only.
      sample.first_element.assign(P, -1);
      sample.last_element.assign(P, -1);
    }
    Matrix particles;
    std::vector<double> weights;
    if (f.nameExists("abc")) {
      const H5::Group abc = f.openGroup("abc");
      particles = read_numbers(abc, "particles");
      weights = read_numbers(abc, "weights").values;
    } else if (f.nameExists("predictive")) {
      particles = read_numbers(f.openGroup("predictive"), "draws");
      weights.assign(particles.rows, 1.0);
    } else {
      throw scenario::ScenarioError({name}, "abc/particles",
                                    "a calibration file with ABC particles or predictive draws",
                                    "neither");
    }
    if (particles.cols != P || weights.size() != particles.rows ||
        sample.first_element.size() != P || sample.last_element.size() != P) {
      throw scenario::ScenarioError(
          {name}, "abc/particles", std::to_string(P) + " columns and one weight per particle",
          std::to_string(particles.cols) + " columns, " + std::to_string(weights.size()) +
              " weights for " + std::to_string(particles.rows) + " particles");
    }
    for (hsize_t i = 0; i < particles.rows; ++i) {
      sample.particles.emplace_back(particles.values.begin() + static_cast<long>(i * P),
                                    particles.values.begin() + static_cast<long>((i + 1) * P));
    }
    sample.weights = std::move(weights);
    // The parameters of a joint fit's region: the shared ones and its own.
    if (params.nameExists("regions")) {
      const std::vector<std::string> regions = read_texts(params, "regions");
      if (regions.size() != P) {
        throw scenario::ScenarioError({name}, "parameters/regions",
                                      std::to_string(P) + " entries (one per parameter)",
                                      std::to_string(regions.size()));
      }
      if (!region.empty()) select_region(sample, regions, region, f, name);
    } else if (!region.empty()) {
      throw scenario::ScenarioError(
          {name}, "parameters/regions",
          "a joint fit of several regions (asked for region \"" + region + "\")",
          "a single-region calibration file");
    }
  } catch (const H5::Exception& e) {
    throw scenario::ScenarioError({name}, "", "a calibration file (werkstroom-calibration/1)",
                                  e.getDetailMsg());
  }
  double total = 0.0;
  for (const double w : sample.weights) total += w;
  if (sample.particles.empty() || !(total > 0.0)) {
    throw scenario::ScenarioError({name}, "abc/weights", "particles with a weight > 0", "none");
  }
  return sample;
}

}  // namespace werkstroom::calibration
