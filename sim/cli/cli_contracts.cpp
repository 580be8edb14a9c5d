#include "cli_contracts.hpp"

#include <fmt/core.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace werkstroom::cli {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A whole decimal number within the range of T, rewritten without leading zeros (CLI11 reads
// numbers with base detection, so "010" would otherwise be eight). Returns the error message,
// empty when the value is fine.
template <typename T>
std::string whole_number(std::string& value) {
  const std::string_view digits =
      std::is_signed_v<T> && starts_with(value, "-") ? std::string_view(value).substr(1) : value;
  if (!all_digits(digits)) {
    return fmt::format("expected a whole number (decimal digits{}), found \"{}\"",
                       std::is_signed_v<T> ? "" : ", no sign", value);
  }
  T parsed{};
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error == std::errc::result_out_of_range || end != value.data() + value.size()) {
    return fmt::format("{} is out of range ({} to {})", value, std::numeric_limits<T>::min(),
                       std::numeric_limits<T>::max());
  }
  value = std::to_string(parsed);
  return {};
}

std::string finite_number(const std::string& value) {
  double parsed = 0.0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error == std::errc::result_out_of_range) {
    return fmt::format("{} is out of range for a number", value);
  }
  if (error != std::errc() || end != value.data() + value.size()) {
    return fmt::format("expected a number, found \"{}\"", value);
  }
  if (!std::isfinite(parsed)) return fmt::format("expected a finite number, found \"{}\"", value);
  return {};
}

}  // namespace

void enforce_number_rules(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_type_size_max() == 0) continue;  // a flag: takes no value
    const std::string type = option->get_type_name();
    // Validators run in order; transform() puts its validator first, before any Range check.
    if (starts_with(type, "UINT")) {
      option->transform(
          CLI::Validator([](std::string& v) { return whole_number<std::uint64_t>(v); }, ""));
    } else if (starts_with(type, "INT")) {
      option->transform(
          CLI::Validator([](std::string& v) { return whole_number<std::int64_t>(v); }, ""));
    } else if (starts_with(type, "FLOAT")) {
      option->check(CLI::Validator([](std::string& v) { return finite_number(v); }, ""));
    }
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    enforce_number_rules(*sub);
  }
}

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
  app.failure_message([](const CLI::App* /*app*/, const CLI::Error& error) {
    return fmt::format("werkstroom: {}\nRun with --help for more information.\n", error.what());
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help and version print and succeed; every other parse error (CLI11's codes 100-115: an
    // unknown option, a missing value, a failed check such as a scenario file that does not
    // exist) is a usage error.
    return app.exit(error) == 0 ? kExitSuccess : kExitUsage;
  }
  return std::nullopt;
}

}  // namespace werkstroom::cli
