#include <H5Cpp.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "results/hdf5_helpers.hpp"
#include "results/results.hpp"

namespace werkstroom::results {

namespace {

std::string text_attribute_of(const H5::H5Object& object, const char* name) {
  const H5::Attribute a = object.openAttribute(name);
  std::string value;
  a.read(detail::text_type(), value);
  return value;
}

}  // namespace

std::optional<std::string> hdf5_format(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  H5::Exception::dontPrint();
  try {
    if (H5Fis_hdf5(path.c_str()) <= 0) return std::nullopt;
    const H5::H5File file(path.string(), H5F_ACC_RDONLY);
    const H5::Group root = file.openGroup("/");
    if (!root.attrExists("format")) return std::string();
    return text_attribute_of(root, "format");
  } catch (const H5::Exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> results_scenario_files(const std::filesystem::path& path) {
  H5::Exception::dontPrint();
  try {
    const H5::H5File file(path.string(), H5F_ACC_RDONLY);
    const H5::Group root = file.openGroup("/");
    if (!root.attrExists("format") || text_attribute_of(root, "format") != kFormatName) {
      throw std::runtime_error("not a werkstroom results file (root attribute format \"" +
                               std::string(kFormatName) + "\")");
    }
    const H5::Group scenarios = file.openGroup("scenarios");
    std::vector<std::pair<std::int64_t, std::string>> files;
    for (hsize_t i = 0; i < scenarios.getNumObjs(); ++i) {
      const H5::Group g = scenarios.openGroup(scenarios.getObjnameByIdx(i));
      std::int64_t index = 0;
      g.openAttribute("index").read(H5::PredType::NATIVE_INT64, &index);
      files.emplace_back(index, text_attribute_of(g, "file"));
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    out.reserve(files.size());
    for (auto& [index, name] : files) out.push_back(std::move(name));
    return out;
  } catch (const H5::Exception& e) {
    throw std::runtime_error(path.string() + ": cannot read the results file: " + e.getDetailMsg());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
}

}  // namespace werkstroom::results
