// The CSV dialects (io/csv_dialect.hpp): nl is ';' with a decimal comma, en is unchanged, and a
// conversion changes separators and the decimal point of numbers only.

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "io/csv_dialect.hpp"

namespace werkstroom::test {
namespace {

using io::convert_csv;
using io::CsvDialect;

TEST_CASE("the en dialect is the text as written", "[results]") {
  const std::string text = "a,b\n\"x,y\",1.5\n";
  CHECK(convert_csv(text, CsvDialect::en) == text);
}

TEST_CASE("the nl dialect uses semicolons, and a decimal comma in numbers only", "[results]") {
  CHECK(convert_csv("scenario,month,value\n", CsvDialect::nl) == "scenario;month;value\n");
  CHECK(convert_csv("s,2020-11,1.5,-0.25,12,2.5e-05,1e+20\n", CsvDialect::nl) ==
        "s;2020-11;1,5;-0,25;12;2,5e-05;1e+20\n");
  // Not numbers: versions, labels with dots, words; kept as they are.
  CHECK(convert_csv("0.1.0,scale.up,v1.5,nan\n", CsvDialect::nl) == "0.1.0;scale.up;v1.5;nan\n");
  // Empty fields stay empty, at the start, in the middle and at the end of a line.
  CHECK(convert_csv(",a,,1.5,\n", CsvDialect::nl) == ";a;;1,5;\n");
  CHECK(convert_csv("a\r\n1.5\r\n", CsvDialect::nl) == "a\r\n1,5\r\n");
  CHECK(convert_csv("1.5", CsvDialect::nl) == "1,5");  // no line break at the end
}

TEST_CASE("the nl dialect quotes exactly the fields that need it", "[results]") {
  // A comma needs no quotes between ';'; a ';', quote or line break does.
  CHECK(convert_csv("\"a,b\",1.5\n", CsvDialect::nl) == "a,b;1,5\n");
  CHECK(convert_csv("a;b,\"say \"\"hi\"\"\",\"two\nlines\"\n", CsvDialect::nl) ==
        "\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\"\n");
  CHECK(convert_csv("\"\",x\n", CsvDialect::nl) == ";x\n");
  CHECK_THROWS_AS(convert_csv("\"open,1\n", CsvDialect::nl), std::invalid_argument);
}

TEST_CASE("CSV dialects are parsed by name", "[results]") {
  CHECK(io::parse_csv_dialect("nl") == CsvDialect::nl);
  CHECK(io::parse_csv_dialect("en") == CsvDialect::en);
  CHECK(io::csv_separator(CsvDialect::nl) == ';');
  CHECK(io::csv_separator(CsvDialect::en) == ',');
  CHECK_THROWS_AS(io::parse_csv_dialect("de"), std::invalid_argument);
}

}  // namespace
}  // namespace werkstroom::test
