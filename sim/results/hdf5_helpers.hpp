#pragma once
// Internal to the HDF5 writers (results, calibration): typed datasets and attributes with
// UTF-8 texts, and writing a file atomically with HDF5's own error message in the exception.

#include <H5Cpp.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "results/catalogue.hpp"
#include "results/results.hpp"

namespace werkstroom::results::detail {

H5::StrType text_type();
H5::LinkCreatPropList utf8_links();
void text_attribute(const H5::H5Object& object, const char* name, const std::string& value);
void text_list_attribute(const H5::H5Object& object, const char* name,
                         const std::vector<std::string>& values);
void int_attribute(const H5::H5Object& object, const char* name, std::int64_t value);
void uint_attribute(const H5::H5Object& object, const char* name, std::uint64_t value);
/// The `unit` and `description` attributes every dataset carries.
void describe(const H5::H5Object& object, const std::string& unit, const std::string& meaning);
void text_dataset(const H5::Group& group, const char* name, const std::vector<std::string>& values,
                  const SeriesInfo& info);
/// A float64 dataset of shape `dims` from row-major `values`.
void number_dataset(const H5::Group& group, const std::string& name,
                    const std::vector<double>& values, const std::vector<hsize_t>& dims,
                    const SeriesInfo& info);

/// Builds an HDF5 file with fill(file), then writes it to `path` through a unique temporary
/// file beside it (io::PendingFile) renamed over `path` only when complete.
///
/// HDF5 itself never touches the disk: the file is built in memory (the core driver without a
/// backing store) and its image written by io::PendingFile, whose errors are checked. HDF5 1.10
/// cannot recover from a failed write to disk: after a full disk it fails to close its objects
/// and crashes when the program ends. The image is the size of the file.
///
/// On any error the temporary file is removed and std::runtime_error says
/// "cannot write <what> <path>: <why>", with HDF5's innermost error description when HDF5
/// failed; a `path` that is not a regular file gives io::OutputPathError (before fill runs).
/// Every object fill opens must be closed (destroyed) when it returns.
/// The whole results layout (docs/results-schema.md) of `results` into `f`. With
/// `series_streamed` the monthly series are already in the file (results_stream.hpp: the
/// groups /scenarios/<name> exist with them) and `results` need only their key figures and the
/// month labels of their first replication; otherwise they are written from `results`.
/// Defined in hdf5_writer.cpp.
void write_results_layout(H5::H5File& f, const std::vector<experiment::ScenarioResults>& results,
                          const RunMetadata& meta, bool series_streamed);

/// While alive, HDF5 reports a failing call's error stack here instead of printing it to
/// stderr; message() is the innermost description (e.g. "unable to open file: ... No such file
/// or directory"; a failed system call as "file write failed: <file>: <reason>"). The previous
/// handler is restored afterwards. For the calling thread only (Debian's HDF5 is built
/// thread-safe, with an error stack per thread); captures on one thread nest.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  [[nodiscard]] const std::string& message() const { return message_; }

 private:
  static herr_t on_error(hid_t stack, void* self) noexcept;
  static herr_t on_entry(unsigned n, const H5E_error2_t* entry, void* self) noexcept;
  H5E_auto2_t old_handler_ = nullptr;
  void* old_data_ = nullptr;
  std::string message_;
};

void write_hdf5_atomically(const std::filesystem::path& path, const std::string& what,
                           const std::function<void(H5::H5File&)>& fill);

}  // namespace werkstroom::results::detail
