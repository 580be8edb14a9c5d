#include "charts/chart_math.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/translations.hpp"

namespace werkstroom::viz::charts {

double nice_step(double span, int max_ticks) {
  const double raw = span / std::max(max_ticks, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    // A small tolerance keeps e.g. span 10 with 5 ticks at step 2 despite rounding.
    if (factor * magnitude >= raw * (1.0 - 1e-9)) return factor * magnitude;
  }
  return 10.0 * magnitude;
}

AxisRange nice_range(double lo, double hi, int max_ticks, bool include_zero) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0.0, 1.0};
  if (include_zero) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (hi < lo) std::swap(lo, hi);
  if (hi - lo <= std::abs(hi) * 1e-12) {
    if (hi == 0.0) return {0.0, 1.0};
    const double pad = std::abs(hi) * 0.5;
    lo = include_zero && lo >= 0.0 ? 0.0 : lo - pad;
    hi = hi + pad;
  }
  // Widening may need a larger step; two rounds settle it.
  double step = nice_step(hi - lo, max_ticks);
  for (int round = 0; round < 3; ++round) {
    const double a = std::floor(lo / step + 1e-9) * step;
    const double b = std::ceil(hi / step - 1e-9) * step;
    if ((b - a) / step <= max_ticks + 1e-9) return {a, b};
    step = nice_step(b - a, max_ticks);
  }
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step};
}

std::vector<double> ticks(AxisRange range, double step) {
  std::vector<double> out;
  if (!(step > 0.0) || range.hi < range.lo) return out;
  const auto first = static_cast<long long>(std::ceil(range.lo / step - 1e-9));
  const auto last = static_cast<long long>(std::floor(range.hi / step + 1e-9));
  for (long long i = first; i <= last && out.size() < 1000; ++i) {
    double v = static_cast<double>(i) * step;
    if (std::abs(v) < step * 1e-9) v = 0.0;
    out.push_back(v);
  }
  return out;
}

namespace {

int decimals_for(double step) {
  if (!(step > 0.0)) return 0;
  const double d = -std::floor(std::log10(step) + 1e-9);
  // Steps like 2.5 (never produced by nice_step but accepted) need one more digit.
  int n = std::max(0, static_cast<int>(d));
  const double scaled = step * std::pow(10.0, n);
  if (std::abs(scaled - std::round(scaled)) > 1e-6) ++n;
  return std::min(n, 6);
}

std::string with_decimal_comma(std::string text, experiment::Language language) {
  if (language == experiment::Language::nl) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  return text;
}

std::string fixed(double v, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  std::string s = buffer;
  if (s == "-0" || s.rfind("-0.", 0) == 0) {
    // Avoid "-0" and "-0.0" for values that round to zero.
    bool zero = true;
    for (const char c : s) zero = zero && (c == '-' || c == '0' || c == '.');
    if (zero) s.erase(0, 1);
  }
  return s;
}

}  // namespace

std::string format_tick(double value, double step, experiment::Language language) {
  const double magnitude = std::max(std::abs(value), std::abs(step));
  if (magnitude >= 1e6 && step >= 1e4) {
    return with_decimal_comma(fixed(value / 1e6, decimals_for(step / 1e6)), language) +
           (language == experiment::Language::nl ? " mln" : "M");
  }
  if (magnitude >= 1e4 && step >= 100.0) {
    return with_decimal_comma(fixed(value / 1e3, decimals_for(step / 1e3)), language) + "k";
  }
  return with_decimal_comma(fixed(value, decimals_for(step)), language);
}

std::string format_value(double value, experiment::Language language) {
  if (!std::isfinite(value)) return "-";
  const double a = std::abs(value);
  const int decimals = a >= 100.0 ? 0 : (a >= 10.0 ? 1 : 2);
  std::string digits = fixed(value, decimals);
  // Thousands separators on the integer part.
  const std::size_t start = (!digits.empty() && digits[0] == '-') ? 1 : 0;
  std::size_t point = digits.find('.');
  if (point == std::string::npos) point = digits.size();
  const char thousands = language == experiment::Language::nl ? '.' : ',';
  const char decimal = language == experiment::Language::nl ? ',' : '.';
  if (point < digits.size()) digits[point] = decimal;
  for (std::size_t i = point; i > start + 3; i -= 3) {
    digits.insert(i - 3, 1, thousands);
  }
  return digits;
}

float to_pixel(double value, AxisRange range, float p0, float p1) {
  const double span = range.hi - range.lo;
  if (!(span > 0.0)) return 0.5F * (p0 + p1);
  const double t = (value - range.lo) / span;
  return static_cast<float>(p0 + t * (p1 - p0));
}

double from_pixel(float pixel, AxisRange range, float p0, float p1) {
  if (p1 == p0) return range.lo;
  const double t = static_cast<double>(pixel - p0) / static_cast<double>(p1 - p0);
  return range.lo + t * (range.hi - range.lo);
}

float month_x(std::size_t index, std::size_t count, float x0, float x1) {
  if (count <= 1) return 0.5F * (x0 + x1);
  return x0 + (x1 - x0) * static_cast<float>(index) / static_cast<float>(count - 1);
}

std::optional<std::size_t> hover_index(float mouse_x, float x0, float x1, std::size_t count) {
  if (count == 0 || mouse_x < x0 || mouse_x > x1 || !(x1 > x0)) return std::nullopt;
  if (count == 1) return 0;
  const float t = (mouse_x - x0) / (x1 - x0) * static_cast<float>(count - 1);
  const auto i = static_cast<std::size_t>(std::lround(t));
  return std::min(i, count - 1);
}

std::size_t label_stride(std::size_t count, float plot_width, float label_width) {
  if (count <= 1 || !(plot_width > 0.0F)) return 1;
  const float spacing = plot_width / static_cast<float>(count - 1);
  std::size_t stride = 1;
  while (spacing * static_cast<float>(stride) < label_width && stride < count) {
    // Strides of 1, 2, 3, 6, 12 keep labels on quarters and years.
    stride = stride == 1 ? 2 : stride == 2 ? 3 : stride == 3 ? 6 : stride * 2;
  }
  return stride;
}

std::string month_label(const std::string& year_month, experiment::Language language) {
  int year = 0;
  int month = 0;
  int consumed = 0;
  if (std::sscanf(year_month.c_str(), "%4d-%2d%n", &year, &month, &consumed) != 2 ||
      consumed != static_cast<int>(year_month.size()) || month < 1 || month > 12) {
    return year_month;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s '%02d", std::string(month_name(month, language)).c_str(),
                year % 100);
  return buffer;
}

std::vector<std::size_t> herijking_months(std::size_t service_months, std::size_t count) {
  std::vector<std::size_t> out;
  for (std::size_t m = 3; m < service_months && m < count; m += 3) out.push_back(m);
  return out;
}

}  // namespace werkstroom::viz::charts
