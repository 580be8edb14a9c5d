#include "results/hdf5_helpers.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "io/output_file.hpp"

namespace werkstroom::results::detail {

ErrorCapture::ErrorCapture() {
  H5Eget_auto2(H5E_DEFAULT, &old_handler_, &old_data_);
  H5Eset_auto2(H5E_DEFAULT, &ErrorCapture::on_error, this);
}

ErrorCapture::~ErrorCapture() { H5Eset_auto2(H5E_DEFAULT, old_handler_, old_data_); }

herr_t ErrorCapture::on_error(hid_t stack, void* self) noexcept {
  auto* capture = static_cast<ErrorCapture*>(self);
  if (capture->message_.empty()) H5Ewalk2(stack, H5E_WALK_UPWARD, &ErrorCapture::on_entry, self);
  return 0;
}

namespace {

// HDF5's file driver describes a failed system call in one long line broken by a newline:
// "file write failed: time = ...\n, filename = 'F', file descriptor = 6, errno = 28,
// error message = 'No space left on device', buf = ..., offset = 0". Kept of it:
// "file write failed: F: No space left on device". Other descriptions stay as they are.
std::string tidy_description(const std::string& desc) {
  const auto quoted = [&desc](std::string_view key) -> std::string {
    const std::size_t start = desc.find(key);
    if (start == std::string::npos) return {};
    const std::size_t from = start + key.size();
    const std::size_t end = desc.find('\'', from);
    return end == std::string::npos ? std::string() : desc.substr(from, end - from);
  };
  const std::string file = quoted("filename = '");
  const std::string reason = quoted("error message = '");
  const std::size_t colon = desc.find(':');
  if (file.empty() || reason.empty() || colon == std::string::npos) return desc;
  return desc.substr(0, colon) + ": " + file + ": " + reason;
}

}  // namespace

// Upward: the most specific entry (n == 0) comes first.
herr_t ErrorCapture::on_entry(unsigned n, const H5E_error2_t* entry, void* self) noexcept {
  auto* capture = static_cast<ErrorCapture*>(self);
  try {
    if (n == 0 && entry != nullptr && entry->desc != nullptr) {
      capture->message_ = tidy_description(entry->desc);
    }
  } catch (...) {
    // Out of memory while describing an error: the exception still says what failed.
  }
  return 0;
}

H5::StrType text_type() {
  H5::StrType t(H5::PredType::C_S1, H5T_VARIABLE);
  t.setCset(H5T_CSET_UTF8);
  return t;
}

H5::LinkCreatPropList utf8_links() {
  H5::LinkCreatPropList lcpl;
  lcpl.setCharEncoding(H5T_CSET_UTF8);
  return lcpl;
}

void text_attribute(const H5::H5Object& object, const char* name, const std::string& value) {
  const H5::StrType type = text_type();
  const H5::Attribute a = object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  a.write(type, value);
}

void text_list_attribute(const H5::H5Object& object, const char* name,
                         const std::vector<std::string>& values) {
  const H5::StrType type = text_type();
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& v : values) pointers.push_back(v.c_str());
  const hsize_t n = values.size();
  const H5::Attribute a = object.createAttribute(name, type, H5::DataSpace(1, &n));
  if (n > 0) a.write(type, pointers.data());
}

void int_attribute(const H5::H5Object& object, const char* name, std::int64_t value) {
  const H5::Attribute a =
      object.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR));
  a.write(H5::PredType::NATIVE_INT64, &value);
}

void uint_attribute(const H5::H5Object& object, const char* name, std::uint64_t value) {
  const H5::Attribute a =
      object.createAttribute(name, H5::PredType::STD_U64LE, H5::DataSpace(H5S_SCALAR));
  a.write(H5::PredType::NATIVE_UINT64, &value);
}

void describe(const H5::H5Object& object, const std::string& unit, const std::string& meaning) {
  text_attribute(object, "unit", unit);
  text_attribute(object, "description", meaning);
}

void text_dataset(const H5::Group& group, const char* name, const std::vector<std::string>& values,
                  const SeriesInfo& info) {
  const H5::StrType type = text_type();
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& v : values) pointers.push_back(v.c_str());
  const hsize_t n = values.size();
  const H5::DataSet ds = group.createDataSet(name, type, H5::DataSpace(1, &n));
  if (n > 0) ds.write(pointers.data(), type);
  describe(ds, info.unit, info.description);
}

// A float64 dataset of shape `dims` from row-major `values`.
void number_dataset(const H5::Group& group, const std::string& name,
                    const std::vector<double>& values, const std::vector<hsize_t>& dims,
                    const SeriesInfo& info) {
  const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
  const H5::DataSet ds = group.createDataSet(name, H5::PredType::IEEE_F64LE, space);
  if (!values.empty()) ds.write(values.data(), H5::PredType::NATIVE_DOUBLE);
  describe(ds, info.unit, info.description);
}

namespace {

// An HDF5 file in memory, closed exactly once.
class InMemoryFile {
 public:
  explicit InMemoryFile(const std::string& label) {
    const hid_t access = H5Pcreate(H5P_FILE_ACCESS);
    if (access < 0) throw H5::FileIException("H5Pcreate", "no file access properties");
    // Grows in steps of 1 MiB; no backing store: nothing is written to disk.
    // SEMI: the close fails (rather than leaving the file open) if an object is still open.
    if (H5Pset_fapl_core(access, std::size_t{1} << 20U, 0) < 0 ||
        H5Pset_fclose_degree(access, H5F_CLOSE_SEMI) < 0) {
      H5Pclose(access);
      throw H5::FileIException("H5Pset_fapl_core", "cannot set up an in-memory file");
    }
    id_ = H5Fcreate(label.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access);
    H5Pclose(access);
    if (id_ < 0) throw H5::FileIException("H5Fcreate", "cannot create an in-memory file");
    file_.emplace(id_);  // the C++ object takes a reference of its own
  }
  InMemoryFile(const InMemoryFile&) = delete;
  InMemoryFile& operator=(const InMemoryFile&) = delete;
  ~InMemoryFile() {
    file_.reset();
    if (id_ >= 0) H5Fclose(id_);
  }
  H5::H5File& file() { return *file_; }

  // The complete file as bytes; closes it.
  std::string image_and_close() {
    file_.reset();  // drops the C++ object's reference only
    if (H5Fflush(id_, H5F_SCOPE_GLOBAL) < 0) {
      throw H5::FileIException("H5Fflush", "cannot complete the file");
    }
    const ssize_t size = H5Fget_file_image(id_, nullptr, 0);
    if (size < 0) throw H5::FileIException("H5Fget_file_image", "cannot get the file's size");
    std::string image(static_cast<std::size_t>(size), '\0');
    if (H5Fget_file_image(id_, image.data(), image.size()) != size) {
      throw H5::FileIException("H5Fget_file_image", "cannot copy the file");
    }
    const hid_t id = id_;
    id_ = H5I_INVALID_HID;  // closed once, whatever the outcome
    if (H5Fclose(id) < 0) throw H5::FileIException("H5Fclose", "cannot close the file");
    return image;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
  std::optional<H5::H5File> file_;
};

}  // namespace

void write_hdf5_atomically(const std::filesystem::path& path, const std::string& what,
                           const std::function<void(H5::H5File&)>& fill) {
  io::PendingFile pending(path, what);  // refuses a device, a folder; removed unless committed
  std::string image;
  {
    const ErrorCapture capture;
    try {
      // HDF5 tells in-memory files apart by name: unique per process (concurrent writers, and
      // a file whose close failed, must not block a later one).
      static std::atomic<std::uint64_t> serial{0};
      InMemoryFile file(fmt::format("{}#{}", path.string(), serial.fetch_add(1)));
      fill(file.file());
      image = file.image_and_close();
    } catch (const H5::Exception& e) {
      const std::string detail = capture.message().empty()
                                     ? e.getDetailMsg()
                                     : fmt::format("{} ({})", e.getDetailMsg(), capture.message());
      throw std::runtime_error(
          fmt::format("cannot write {} {}: HDF5: {}", what, path.string(), detail));
    } catch (const std::exception& e) {
      throw std::runtime_error(
          fmt::format("cannot write {} {}: {}", what, path.string(), e.what()));
    }
  }
  pending.write(image);  // io errors (a full disk) name the file and the reason
  pending.commit();
}

}  // namespace werkstroom::results::detail
