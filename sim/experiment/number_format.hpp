#pragma once
// How numbers are written for people, in one place: every report (console, HTML/PDF, advice,
// marginal table) writes a figure through these, so Dutch reads as Dutch ("€ 1.234.567",
// "24,2", "12,5%") and English as English ("€1,234,567", "24.2", "12.5%").
//
// Contracts: digits are grouped by three with the thousands separator of the language (Dutch
// '.', English ','); the decimal mark is the other one; a value that rounds to zero is written
// without a minus sign; NaN is written "-" (a figure that does not exist); infinities "∞"/"-∞".
// Files read by programs (CSV, HDF5) never use these: they keep '.' (io/csv_dialect.hpp).

#include <string>
#include <string_view>

#include "experiment/language.hpp"

namespace werkstroom::experiment {

/// `x` rounded to `decimals` (0-6) places, digits grouped: nl "1.234.567,5", en "1,234,567.5".
[[nodiscard]] std::string format_fixed(double x, int decimals, Language language);

/// As format_fixed, with a '+' before a positive value (a difference).
[[nodiscard]] std::string format_signed(double x, int decimals, Language language);

/// A figure with as many decimals as it needs to be read at its size: from 1,000 on no
/// decimals ("1.234.567"), from 10 on one ("24,2"), below that two ("1,23").
[[nodiscard]] std::string format_figure(double x, Language language);

/// Euros without cents: nl "€ 1.234.567", en "€1,234,567"; a negative amount "€ -1.234"
/// (nl) or "-€1,234" (en).
[[nodiscard]] std::string format_eur(double x, Language language);

/// A parameter value as short as it reads back (printf's %g, six significant digits, no digit
/// groups): nl "0,085", "1,5e+06"; en "0.085", "1.5e+06". For values of every size side by side,
/// such as the ranges of assumptions.
[[nodiscard]] std::string format_general(double x, Language language);

/// A share (0.125) as a percentage with `decimals` places: nl "12,5%", en "12.5%".
[[nodiscard]] std::string format_percent(double share, int decimals, Language language);

/// An interval of two numbers already written: en "[low, high]"; nl "[low; high]", because the
/// comma is the Dutch decimal mark ("[-88,1; +38,6]", not "[-88,1, +38,6]"). `label` goes before
/// the first number: "[95%: low; high]".
[[nodiscard]] std::string format_interval(std::string_view low, std::string_view high,
                                          Language language, std::string_view label = {});

/// A figure in its registry unit (model::MetricInfo::unit): "EUR" as format_eur, "share" as
/// format_percent with one decimal, "0/1" as a probability in whole percent, anything else as
/// format_figure.
[[nodiscard]] std::string format_in_unit(double x, std::string_view unit, Language language);

}  // namespace werkstroom::experiment
