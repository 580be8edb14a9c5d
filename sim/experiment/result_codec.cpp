#include "experiment/result_codec.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

#include "model/world_totals.hpp"

namespace werkstroom::experiment {

namespace {

/// First bytes of every encoded result ("WSR2"; 2 since the world series ww_returns): catches a
/// message of another kind or of an older layout.
constexpr std::uint32_t kTag = 0x32525357U;

class Writer {
 public:
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void text(const std::string& s) {
    u64(s.size());
    raw(s.data(), s.size());
  }
  void numbers(const std::vector<double>& v) {
    u64(v.size());
    raw(v.data(), v.size() * sizeof(double));
  }
  void raw(const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    bytes.insert(bytes.end(), b, b + n);
  }
  std::vector<std::uint8_t> bytes;
};

class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint64_t u64() {
    std::uint64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  double f64() {
    double v = 0.0;
    raw(&v, sizeof v);
    return v;
  }
  std::string text() {
    const std::uint64_t n = length(1);
    std::string s(n, '\0');
    raw(s.data(), n);
    return s;
  }
  std::vector<double> numbers() {
    const std::uint64_t n = length(sizeof(double));
    std::vector<double> v(n);
    raw(v.data(), n * sizeof(double));
    return v;
  }
  void raw(void* p, std::size_t n) {
    if (n > size_ - at_) throw std::runtime_error("encoded result: cut short");
    std::memcpy(p, data_ + at_, n);
    at_ += n;
  }
  [[nodiscard]] bool done() const { return at_ == size_; }

 private:
  /// A count of items of `item` bytes that fits in what is left.
  std::uint64_t length(std::size_t item) {
    const std::uint64_t n = u64();
    if (n > (size_ - at_) / item) throw std::runtime_error("encoded result: bad length");
    return n;
  }
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

/// The series of a world's accounts, in a fixed order (both directions use it): the running
/// counts, then model::kWorldFlows.
template <class Series, class Fn>
void each_series(Series& w, Fn&& fn) {
  for (auto& running : w.running) fn(running);
  for (const model::WorldFlow& flow : model::kWorldFlows) fn(w.*flow.member);
}

}  // namespace

std::vector<std::uint8_t> encode_result(const model::ReplicationResult& r) {
  Writer w;
  w.u64(kTag);
  w.u64(r.month_labels.size());
  for (const std::string& m : r.month_labels) w.text(m);
  w.u64(r.service.months());
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    w.numbers(r.service.row(static_cast<model::Indicator>(i)));
  }
  each_series(r.with_service, [&](const std::vector<double>& v) { w.numbers(v); });
  each_series(r.without_service, [&](const std::vector<double>& v) { w.numbers(v); });
  w.numbers(r.arrived_by_month_end);
  w.u64(r.kpis.size());
  for (const auto& [key, value] : r.kpis) {
    w.text(key);
    w.f64(value);
  }
  w.u64(r.events);
  w.u64(r.people);
  w.u64(r.clients);
  return std::move(w.bytes);
}

model::ReplicationResult decode_result(const std::uint8_t* data, std::size_t size) {
  Reader in(data, size);
  if (size < sizeof(std::uint64_t) || in.u64() != kTag) {
    throw std::runtime_error("encoded result: not a replication result");
  }
  model::ReplicationResult r;
  const std::uint64_t labels = in.u64();
  for (std::uint64_t m = 0; m < labels; ++m) r.month_labels.push_back(in.text());
  r.service = model::IndicatorTable(in.u64());
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    const std::vector<double> row = in.numbers();
    if (row.size() != r.service.months()) throw std::runtime_error("encoded result: bad row");
    for (std::size_t m = 0; m < row.size(); ++m) {
      r.service.set(static_cast<model::Indicator>(i), m, row[m]);
    }
  }
  each_series(r.with_service, [&](std::vector<double>& v) { v = in.numbers(); });
  each_series(r.without_service, [&](std::vector<double>& v) { v = in.numbers(); });
  r.arrived_by_month_end = in.numbers();
  const std::uint64_t kpis = in.u64();
  for (std::uint64_t k = 0; k < kpis; ++k) {
    std::string key = in.text();
    r.kpis[std::move(key)] = in.f64();
  }
  r.events = in.u64();
  r.people = in.u64();
  r.clients = in.u64();
  if (!in.done()) throw std::runtime_error("encoded result: trailing bytes");
  return r;
}

}  // namespace werkstroom::experiment
