#pragma once
// Reading a results file back with HDF5's C++ API, for the tests; every helper checks the type
// the schema promises (UTF-8 variable-length strings, 64-bit integers, float64 data).

#include <H5Cpp.h>

#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace werkstroom::test {

inline H5::StrType utf8_text() {
  H5::StrType t(H5::PredType::C_S1, H5T_VARIABLE);
  t.setCset(H5T_CSET_UTF8);
  return t;
}

inline void require_utf8_text(const H5::AbstractDs& object) {
  REQUIRE(object.getTypeClass() == H5T_STRING);
  const H5::StrType s = object.getStrType();
  CHECK(s.isVariableStr());
  CHECK(s.getCset() == H5T_CSET_UTF8);
}

inline std::string text_attribute(const H5::H5Object& object, const std::string& name) {
  INFO("attribute " << name);
  REQUIRE(object.attrExists(name));
  const H5::Attribute a = object.openAttribute(name);
  require_utf8_text(a);
  REQUIRE(a.getSpace().getSimpleExtentType() == H5S_SCALAR);
  std::string value;
  a.read(utf8_text(), value);
  return value;
}

inline std::vector<std::string> read_text_list(const H5::AbstractDs& object,
                                               const std::function<void(void*)>& read) {
  require_utf8_text(object);
  const H5::DataSpace space = object.getSpace();
  const int rank = space.getSimpleExtentNdims();
  REQUIRE(rank == 1);
  hsize_t n = 0;
  space.getSimpleExtentDims(&n);
  std::vector<char*> pointers(n, nullptr);
  std::vector<std::string> values;
  if (n == 0) return values;
  read(pointers.data());
  for (const char* p : pointers) values.emplace_back(p != nullptr ? p : "");
  H5::DataSet::vlenReclaim(pointers.data(), utf8_text(), space);
  return values;
}

inline std::vector<std::string> text_list_attribute(const H5::H5Object& object,
                                                    const std::string& name) {
  INFO("attribute " << name);
  REQUIRE(object.attrExists(name));
  const H5::Attribute a = object.openAttribute(name);
  return read_text_list(a, [&a](void* buffer) { a.read(utf8_text(), buffer); });
}

inline std::vector<std::string> text_dataset(const H5::Group& group, const std::string& name) {
  INFO("dataset " << name);
  REQUIRE(group.nameExists(name));
  const H5::DataSet ds = group.openDataSet(name);
  return read_text_list(ds, [&ds](void* buffer) { ds.read(buffer, utf8_text()); });
}

inline std::int64_t int_attribute(const H5::H5Object& object, const std::string& name) {
  INFO("attribute " << name);
  REQUIRE(object.attrExists(name));
  const H5::Attribute a = object.openAttribute(name);
  REQUIRE(a.getDataType().getClass() == H5T_INTEGER);
  CHECK(a.getIntType().getSign() == H5T_SGN_2);
  CHECK(a.getDataType().getSize() == 8);
  std::int64_t value = 0;
  a.read(H5::PredType::NATIVE_INT64, &value);
  return value;
}

inline std::uint64_t uint_attribute(const H5::H5Object& object, const std::string& name) {
  INFO("attribute " << name);
  REQUIRE(object.attrExists(name));
  const H5::Attribute a = object.openAttribute(name);
  REQUIRE(a.getDataType().getClass() == H5T_INTEGER);
  CHECK(a.getIntType().getSign() == H5T_SGN_NONE);
  CHECK(a.getDataType().getSize() == 8);
  std::uint64_t value = 0;
  a.read(H5::PredType::NATIVE_UINT64, &value);
  return value;
}

/// A float64 dataset: its shape and its values in row-major order.
struct Numbers {
  std::vector<hsize_t> shape;
  std::vector<double> values;
};

inline Numbers number_dataset(const H5::Group& group, const std::string& name) {
  INFO("dataset " << name);
  REQUIRE(group.nameExists(name));
  const H5::DataSet ds = group.openDataSet(name);
  REQUIRE(ds.getDataType().getClass() == H5T_FLOAT);
  CHECK(ds.getDataType().getSize() == 8);
  const H5::DataSpace space = ds.getSpace();
  Numbers n;
  n.shape.resize(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  space.getSimpleExtentDims(n.shape.data());
  n.values.resize(static_cast<std::size_t>(space.getSimpleExtentNpoints()));
  if (!n.values.empty()) ds.read(n.values.data(), H5::PredType::NATIVE_DOUBLE);
  return n;
}

/// One row of a statistics table (summary, differences) as read back.
struct StatisticsRecord {
  std::string kpi;
  std::string unit;
  double mean = 0.0;
  double sd = 0.0;
  double lower95 = 0.0;
  double upper95 = 0.0;
  std::int64_t replications = 0;
};

inline std::vector<StatisticsRecord> statistics_table(const H5::Group& group,
                                                      const std::string& name) {
  struct Raw {
    char* kpi;
    char* unit;
    double mean;
    double sd;
    double lower95;
    double upper95;
    std::int64_t replications;
  };
  INFO("dataset " << name);
  REQUIRE(group.nameExists(name));
  const H5::DataSet ds = group.openDataSet(name);
  REQUIRE(ds.getDataType().getClass() == H5T_COMPOUND);
  const H5::CompType file_type = ds.getCompType();
  REQUIRE(file_type.getNmembers() == 7);
  const std::vector<std::string> members = {"kpi",     "unit",    "mean",        "sd",
                                            "lower95", "upper95", "replications"};
  for (unsigned i = 0; i < 7; ++i) CHECK(file_type.getMemberName(i) == members[i]);
  H5::CompType mem(sizeof(Raw));
  mem.insertMember("kpi", offsetof(Raw, kpi), utf8_text());
  mem.insertMember("unit", offsetof(Raw, unit), utf8_text());
  mem.insertMember("mean", offsetof(Raw, mean), H5::PredType::NATIVE_DOUBLE);
  mem.insertMember("sd", offsetof(Raw, sd), H5::PredType::NATIVE_DOUBLE);
  mem.insertMember("lower95", offsetof(Raw, lower95), H5::PredType::NATIVE_DOUBLE);
  mem.insertMember("upper95", offsetof(Raw, upper95), H5::PredType::NATIVE_DOUBLE);
  mem.insertMember("replications", offsetof(Raw, replications), H5::PredType::NATIVE_INT64);
  const H5::DataSpace space = ds.getSpace();
  const int rank = space.getSimpleExtentNdims();
  REQUIRE(rank == 1);
  std::vector<Raw> raw(static_cast<std::size_t>(space.getSimpleExtentNpoints()));
  std::vector<StatisticsRecord> rows;
  if (raw.empty()) return rows;
  ds.read(raw.data(), mem);
  for (const Raw& r : raw) {
    rows.push_back({r.kpi != nullptr ? r.kpi : "", r.unit != nullptr ? r.unit : "", r.mean, r.sd,
                    r.lower95, r.upper95, r.replications});
  }
  H5::DataSet::vlenReclaim(raw.data(), mem, space);
  return rows;
}

/// Names of the members of a group, in HDF5's (alphabetical) order.
inline std::vector<std::string> members(const H5::Group& group) {
  std::vector<std::string> names;
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) names.push_back(group.getObjnameByIdx(i));
  return names;
}

}  // namespace werkstroom::test
