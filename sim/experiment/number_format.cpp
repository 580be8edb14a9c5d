#include "experiment/number_format.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace werkstroom::experiment {

namespace {

char thousands_separator(Language language) { return language == Language::nl ? '.' : ','; }
char decimal_mark(Language language) { return language == Language::nl ? ',' : '.'; }

}  // namespace

std::string format_fixed(double x, int decimals, Language language) {
  if (std::isnan(x)) return "-";
  if (std::isinf(x)) return x > 0 ? "∞" : "-∞";
  decimals = std::clamp(decimals, 0, 6);
  std::string plain = fmt::format("{:.{}f}", std::abs(x), decimals);
  // Rounds to zero: no sign.
  const bool negative = x < 0.0 && plain.find_first_not_of("0.") != std::string::npos;
  const std::size_t point = plain.find('.');
  const std::string integer = plain.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : plain.substr(point + 1);
  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += thousands_separator(language);
    grouped += integer[i];
  }
  std::string out = negative ? "-" + grouped : grouped;
  if (!fraction.empty()) {
    out += decimal_mark(language);
    out += fraction;
  }
  return out;
}

std::string format_signed(double x, int decimals, Language language) {
  const std::string text = format_fixed(x, decimals, language);
  const bool positive = x > 0.0 && text.find_first_not_of("0.,") != std::string::npos;
  return positive && !std::isinf(x) ? "+" + text : text;
}

std::string format_figure(double x, Language language) {
  const double a = std::abs(x);
  const int decimals = a >= 999.5 ? 0 : a >= 9.995 ? 1 : 2;
  return format_fixed(x, decimals, language);
}

std::string format_eur(double x, Language language) {
  if (std::isnan(x)) return "-";
  const std::string amount = format_fixed(x, 0, language);
  if (language == Language::nl) return "€ " + amount;
  return amount.front() == '-' ? "-€" + amount.substr(1) : "€" + amount;
}

std::string format_general(double x, Language language) {
  std::string text = fmt::format("{:g}", x);
  if (language == Language::nl) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string format_percent(double share, int decimals, Language language) {
  if (std::isnan(share)) return "-";
  return format_fixed(100.0 * share, decimals, language) + "%";
}

std::string format_in_unit(double x, std::string_view unit, Language language) {
  if (unit == "EUR") return format_eur(x, language);
  if (unit == "share") return format_percent(x, 1, language);
  if (unit == "0/1") return format_percent(x, 0, language);
  return format_figure(x, language);
}

std::string format_interval(std::string_view low, std::string_view high, Language language,
                            std::string_view label) {
  std::string out = "[";
  out += label;
  out += low;
  out += language == Language::nl ? "; " : ", ";
  out += high;
  out += "]";
  return out;
}

}  // namespace werkstroom::experiment
