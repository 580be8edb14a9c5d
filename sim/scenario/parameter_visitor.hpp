#pragma once
// One list of every scenario parameter (bind_parameters), walked by visitors: the TOML loader
// reads values into it, `describe` prints it, the viewer's levers and the calibrator's key
// paths address it. Adding a parameter to ModelParameters means adding one line to
// bind_parameters; nothing else needs to know the list.

#include <functional>
#include <string>
#include <vector>

#include "kernel/calendar.hpp"
#include "model/parameters.hpp"

namespace werkstroom::scenario {

/// Inclusive bounds of a numeric parameter.
struct Range {
  double min = -1e300;
  double max = 1e300;
};
inline constexpr Range kAnyNumber{};
inline constexpr Range kNonNegative{0.0, 1e300};
inline constexpr Range kShare{0.0, 1.0};
inline constexpr Range kPositive{1e-12, 1e300};

/// The visitor sees each parameter with its key path relative to the current table, its unit
/// (for describe) and its valid range. Arrays of tables are entered through table_array.
class ParameterVisitor {
 public:
  virtual ~ParameterVisitor() = default;
  virtual void number(const std::string& key, double& value, const char* unit, Range range) = 0;
  virtual void integer(const std::string& key, int& value, const char* unit, Range range) = 0;
  virtual void boolean(const std::string& key, bool& value) = 0;
  virtual void text(const std::string& key, std::string& value) = 0;
  virtual void date(const std::string& key, kernel::Date& value) = 0;
  virtual void number_list(const std::string& key, std::vector<double>& value, const char* unit,
                           Range range) = 0;
  virtual void date_list(const std::string& key, std::vector<kernel::Date>& value) = 0;
  /// An enumeration stored as an index into `names`.
  virtual void choice(const std::string& key, int& index,
                      const std::vector<std::string>& names) = 0;
  /// Enters a sub-table: the body's keys are relative to it.
  virtual void table(const std::string& key, const std::function<void()>& body) = 0;
  /// An array of tables. `resize` sets the element count (when reading); `element(i)` binds
  /// element i's fields. `count` gives the current count (when describing).
  virtual void table_array(const std::string& key, std::size_t count,
                           const std::function<void(std::size_t)>& resize,
                           const std::function<void(std::size_t)>& element) = 0;
};

/// A visitor over the current values that keeps the key path of the table it is in (for
/// listing parameters by key path: "instruments[2].cost_eur"). Arrays of tables are walked
/// over their current elements; path_of(key) is the full key path of a key of the table.
class PathTrackingVisitor : public ParameterVisitor {
 public:
  void table(const std::string& key, const std::function<void()>& body) override {
    const std::string saved = prefix_;
    prefix_ = path_of(key);
    body();
    prefix_ = saved;
  }
  void table_array(const std::string& key, std::size_t count,
                   const std::function<void(std::size_t)>& /*resize*/,
                   const std::function<void(std::size_t)>& element) override {
    const std::string saved = prefix_;
    const std::string path = path_of(key);
    for (std::size_t i = 0; i < count; ++i) {
      prefix_ = path + "[" + std::to_string(i) + "]";
      element(i);
    }
    prefix_ = saved;
  }

 protected:
  [[nodiscard]] std::string path_of(const std::string& key) const {
    return prefix_.empty() ? key : prefix_ + "." + key;
  }

 private:
  std::string prefix_;
};

/// Walks every parameter of the model in a fixed order.
void bind_parameters(ParameterVisitor& v, model::ModelParameters& p);

}  // namespace werkstroom::scenario
