// libFuzzer harness: the results-file readers (sim/results/results_reader.cpp and the shard
// header and merge of sim/results/shard_merge.cpp), structure-aware.
// The input does not become the file's bytes: it chooses what an HDF5 file built through the
// HDF5 library holds (the root attribute `format` and the /scenarios entries with their `index`
// and `file` attributes, each present or not, of the right type or not), and the reader must
// cope with every such file. Raw bytes would fuzz libhdf5's own file-format parser, which is
// upstream's (and has known crash bugs on corrupt files that no caller can guard against).
// Contract: hdf5_format never throws; results_scenario_files returns or throws
// std::runtime_error; read_shard_header, check_shards and merge_shards (of the file as the only
// shard) return or throw ShardError (merge_shards also std::runtime_error for its output), and
// no merge leaves a file behind when it fails.

#include <fuzzer/FuzzedDataProvider.h>

#include <H5Cpp.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "results/results.hpp"
#include "results/shard_merge.hpp"

namespace {

/// Writes an attribute `name` of a kind the input chooses: none, a text, an integer, a double
/// or an array of two integers.
void fuzz_attribute(FuzzedDataProvider& in, H5::H5Object& object, const char* name,
                    const std::string& plausible_text) {
  switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0:
      return;
    case 1: {
      const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
      object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, plausible_text);
      return;
    }
    case 2: {
      const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
      const std::string text = in.ConsumeRandomLengthString(64);
      object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, text);
      return;
    }
    case 3: {
      const auto value = in.ConsumeIntegral<std::int64_t>();
      object.createAttribute(name, H5::PredType::NATIVE_INT64, H5::DataSpace(H5S_SCALAR))
          .write(H5::PredType::NATIVE_INT64, &value);
      return;
    }
    case 4: {
      const double value = in.ConsumeFloatingPoint<double>();
      object.createAttribute(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(H5S_SCALAR))
          .write(H5::PredType::NATIVE_DOUBLE, &value);
      return;
    }
    default: {
      const hsize_t two = 2;
      const std::int64_t values[2] = {in.ConsumeIntegral<std::int64_t>(),
                                      in.ConsumeIntegral<std::int64_t>()};
      object.createAttribute(name, H5::PredType::NATIVE_INT64, H5::DataSpace(1, &two))
          .write(H5::PredType::NATIVE_INT64, values);
      return;
    }
  }
}

/// An HDF5 object name the input chooses; empty when the library would refuse it.
std::string object_name(FuzzedDataProvider& in) {
  std::string name = in.ConsumeRandomLengthString(12);
  if (name.empty() || name == "." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    return {};
  }
  return name;
}

/// Builds the file the input describes. Returns false when the HDF5 library refuses to build
/// it (the harness's limit, not a finding).
bool build_file(FuzzedDataProvider& in, const std::string& path) {
  try {
    H5::H5File file(path, H5F_ACC_TRUNC);
    H5::Group root = file.openGroup("/");
    fuzz_attribute(in, root, "format", werkstroom::results::kFormatName);
    fuzz_attribute(in, root, "fingerprint", "0123456789abcdef");
    for (const char* name : {"shard_first", "shard_end", "study_replications"}) {
      fuzz_attribute(in, root, name, "1");
    }
    const int scenarios_kind = in.ConsumeIntegralInRange(0, 2);  // none, group, dataset
    if (scenarios_kind == 2) {
      const hsize_t n = 1;
      file.createDataSet("scenarios", H5::PredType::NATIVE_INT32, H5::DataSpace(1, &n));
    } else if (scenarios_kind == 1) {
      H5::Group scenarios = file.createGroup("scenarios");
      const int entries = in.ConsumeIntegralInRange(0, 4);
      for (int i = 0; i < entries; ++i) {
        const std::string name = object_name(in);
        if (name.empty() || scenarios.nameExists(name)) continue;
        if (in.ConsumeBool()) {
          H5::Group g = scenarios.createGroup(name);
          fuzz_attribute(in, g, "index", "0");
          fuzz_attribute(in, g, "file", "scenarios/gooi-en-vechtstreek.toml");
        } else {
          const hsize_t n = 1;
          H5::DataSet d =
              scenarios.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(1, &n));
          fuzz_attribute(in, d, "index", "0");
        }
      }
    }
    file.close();
    return true;
  } catch (const H5::Exception&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace werkstroom;
  H5::Exception::dontPrint();
  FuzzedDataProvider in(data, size);
  const std::string path = (fuzz::scratch_dir() / "results.h5").string();
  if (!build_file(in, path)) return 0;
  (void)results::hdf5_format(path);
  try {
    (void)results::results_scenario_files(path);
  } catch (const std::runtime_error&) {
  }
  const auto merged = fuzz::scratch_dir() / "merged.h5";
  try {
    const std::vector<results::ShardHeader> shards =
        results::check_shards({results::read_shard_header(path)});
    (void)results::merge_shards(shards, merged, "2020-11-01T00:00:00Z", "fuzz");
    std::filesystem::remove(merged);
  } catch (const results::ShardError&) {
  } catch (const std::runtime_error&) {
  }
  if (std::filesystem::exists(merged)) std::abort();  // a failed merge left its output
  return 0;
}
