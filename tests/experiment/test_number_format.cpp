// How numbers are written for people (experiment/number_format.hpp): Dutch and English forms,
// each case written out by hand.

#include <catch2/catch.hpp>

#include <limits>

#include "experiment/number_format.hpp"

using namespace werkstroom::experiment;

TEST_CASE("numbers: Dutch groups by '.' and marks decimals by ',', English the other way",
          "[experiment][format]") {
  CHECK(format_fixed(1234567.46, 1, Language::nl) == "1.234.567,5");
  CHECK(format_fixed(1234567.46, 1, Language::en) == "1,234,567.5");
  CHECK(format_fixed(999.0, 0, Language::nl) == "999");
  CHECK(format_fixed(1000.0, 0, Language::nl) == "1.000");
  CHECK(format_fixed(-24.24, 1, Language::nl) == "-24,2");
  CHECK(format_fixed(100000.0, 0, Language::en) == "100,000");
  // Rounds to zero: no minus sign.
  CHECK(format_fixed(-0.004, 2, Language::nl) == "0,00");
  CHECK(format_fixed(-0.4, 0, Language::en) == "0");
  CHECK(format_fixed(std::numeric_limits<double>::quiet_NaN(), 1, Language::nl) == "-");
}

TEST_CASE("numbers: signed differences, figures by size, euros and percentages",
          "[experiment][format]") {
  CHECK(format_signed(34.04, 1, Language::nl) == "+34,0");
  CHECK(format_signed(-29000.0, 0, Language::nl) == "-29.000");
  CHECK(format_signed(0.001, 1, Language::en) == "0.0");
  CHECK(format_figure(245312.7, Language::nl) == "245.313");
  CHECK(format_figure(24.24, Language::nl) == "24,2");
  CHECK(format_figure(1.234, Language::nl) == "1,23");
  CHECK(format_figure(9.996, Language::en) == "10.0");
  CHECK(format_eur(1234567.0, Language::nl) == "€ 1.234.567");
  CHECK(format_eur(-245000.0, Language::nl) == "€ -245.000");
  CHECK(format_eur(1234567.0, Language::en) == "€1,234,567");
  CHECK(format_eur(-245000.0, Language::en) == "-€245,000");
  CHECK(format_percent(0.125, 1, Language::nl) == "12,5%");
  CHECK(format_percent(0.125, 1, Language::en) == "12.5%");
  CHECK(format_in_unit(0.45, "0/1", Language::nl) == "45%");
  CHECK(format_in_unit(0.0312, "share", Language::nl) == "3,1%");
  CHECK(format_in_unit(443520.4, "EUR", Language::nl) == "€ 443.520");
  CHECK(format_in_unit(269.8, "people", Language::nl) == "269,8");
}

TEST_CASE("intervals: a semicolon between the ends in Dutch, where the comma is the decimal mark",
          "[experiment][format]") {
  CHECK(format_interval(format_signed(-88.1, 1, Language::nl), format_signed(38.6, 1, Language::nl),
                        Language::nl) == "[-88,1; +38,6]");
  CHECK(format_interval("-88.1", "+38.6", Language::en) == "[-88.1, +38.6]");
  CHECK(format_interval("€ 2.400", "€ 5.100", Language::nl, "95%: ") == "[95%: € 2.400; € 5.100]");
}

TEST_CASE("numbers: a parameter value as short as it reads back, in its language",
          "[experiment][format]") {
  CHECK(format_general(0.085, Language::nl) == "0,085");
  CHECK(format_general(0.085, Language::en) == "0.085");
  CHECK(format_general(200000.0, Language::nl) == "200000");
  CHECK(format_general(1.5e6, Language::nl) == "1,5e+06");
  CHECK(format_general(-2.25, Language::nl) == "-2,25");
}
