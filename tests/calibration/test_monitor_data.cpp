// Monitor data CSV: a good file read fully, the reference file of Gooi en Vechtstreek, and every
// error naming the file, the line, the column, what was expected and what was found.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>

#include "../support/file_text.hpp"
#include "calibration/monitor_data.hpp"

using namespace werkstroom::calibration;

namespace {

const std::string kHeader = "month,indicator,value\n";

std::filesystem::path data_file(const std::string& name) {
  return std::filesystem::path(WERKSTROOM_CALIBRATION_TEST_DATA) / name;
}

using werkstroom::test::file_text;  // tests/support/file_text.hpp

/// The DataError message of parsing `text` as "bad.csv" (the test fails when none is thrown).
std::string error_of(const std::string& text) {
  try {
    (void)parse_monitor_data(text, "bad.csv");
  } catch (const DataError& e) {
    return e.what();
  }
  FAIL("parsing did not throw a DataError:\n" << text);
  throw std::logic_error("unreachable");
}

/// The error names bad.csv, the line, the column (when given) and every fragment.
void expect_error(const std::string& text, std::size_t line, const std::string& column,
                  std::initializer_list<std::string> fragments) {
  const std::string message = error_of(text);
  INFO("message: " << message);
  CHECK_THAT(message, Catch::StartsWith("bad.csv:" + std::to_string(line) + ": "));
  if (!column.empty()) CHECK_THAT(message, Catch::Contains(": column " + column + ": expected "));
  CHECK_THAT(message, Catch::Contains("expected "));
  CHECK_THAT(message, Catch::Contains(", found "));
  for (const std::string& fragment : fragments) CHECK_THAT(message, Catch::Contains(fragment));
}

}  // namespace

TEST_CASE("monitor data: a good file is read fully", "[calibration][monitor]") {
  const std::filesystem::path file = data_file("monitor-good.csv");
  const MonitorData data = read_monitor_data(file);
  CHECK(data.file == file.string());
  CHECK(data.text == file_text(file));
  REQUIRE(data.rows.size() == 5);

  CHECK(data.rows[0].month == "2020-11");
  CHECK(data.rows[0].indicator == "ww_benefits_running");
  CHECK(data.rows[0].value == 4618.0);
  CHECK(data.rows[0].standard_error == 50.0);
  CHECK(data.rows[0].line == 2);

  // Doubled quotes inside a quoted source; an empty stderr is no standard error.
  CHECK(data.rows[1].month == "2020-12");
  CHECK(data.rows[1].value == 4700.5);
  CHECK_FALSE(data.rows[1].standard_error.has_value());
  CHECK(data.rows[1].line == 3);

  CHECK(data.rows[2].indicator == "intakes");
  CHECK(data.rows[2].value == 12.0);
  CHECK(data.rows[2].standard_error == 2.5);
  CHECK(data.rows[2].line == 4);

  // After a blank line; the quoted source spans two lines, so the next row is on line 8.
  CHECK(data.rows[3].month == "2021-01");
  CHECK(data.rows[3].indicator == "with_service.running_pw");
  CHECK(data.rows[3].value == 1500.0);
  CHECK(data.rows[3].standard_error == 30.0);
  CHECK(data.rows[3].line == 6);

  CHECK(data.rows[4].indicator == "without_service.ww_inflow");
  CHECK(data.rows[4].value == 585.0);
  CHECK_FALSE(data.rows[4].standard_error.has_value());
  CHECK(data.rows[4].line == 8);
}

TEST_CASE("monitor data: the reference file of Gooi en Vechtstreek", "[calibration][monitor]") {
  const MonitorData data = read_monitor_data(std::filesystem::path(WERKSTROOM_SOURCE_DIR) /
                                             "notebooks-data/reference/gooi-vechtstreek-ww.csv");
  REQUIRE(data.rows.size() == 4);
  const std::string months[] = {"2018-12", "2019-12", "2020-06", "2020-08"};
  const double values[] = {4018.0, 3419.0, 4583.0, 4618.0};
  for (std::size_t i = 0; i < data.rows.size(); ++i) {
    CHECK(data.rows[i].month == months[i]);
    CHECK(data.rows[i].indicator == "ww_benefits_running");
    CHECK(data.rows[i].value == values[i]);
    CHECK_FALSE(data.rows[i].standard_error.has_value());
    CHECK(data.rows[i].line == i + 2);
  }
}

TEST_CASE("monitor data: CRLF line ends and a byte order mark", "[calibration][monitor]") {
  const std::string text =
      "\xEF\xBB\xBFmonth,indicator,value,stderr\r\n2020-11,intakes,3,1\r\n"
      "2020-12,\"ww_inflow\", 400 ,\r\n";
  const MonitorData data = parse_monitor_data(text, "crlf.csv");
  CHECK(data.text == text);
  REQUIRE(data.rows.size() == 2);
  CHECK(data.rows[0].value == 3.0);
  CHECK(data.rows[0].standard_error == 1.0);
  CHECK(data.rows[1].indicator == "ww_inflow");
  CHECK(data.rows[1].value == 400.0);
  CHECK_FALSE(data.rows[1].standard_error.has_value());
  CHECK(data.rows[1].line == 3);
}

TEST_CASE("monitor data: optional columns each on their own", "[calibration][monitor]") {
  CHECK(parse_monitor_data(kHeader + "2020-11,intakes,0\n", "a.csv").rows.size() == 1);
  CHECK(parse_monitor_data("month,indicator,value,source\n2020-11,intakes,1,x\n", "b.csv")
            .rows.size() == 1);
  CHECK(parse_monitor_data("month,indicator,value,reliability\n2020-11,intakes,1,x\n", "c.csv")
            .rows.size() == 1);
  // No newline at the end of the last line.
  const MonitorData data = parse_monitor_data(kHeader + "2020-11,intakes,7", "d.csv");
  REQUIRE(data.rows.size() == 1);
  CHECK(data.rows[0].value == 7.0);
}

TEST_CASE("monitor data: an empty file", "[calibration][monitor]") {
  expect_error("", 1, "", {"a header line month,indicator,value", "an empty file"});
  expect_error("\n  \n", 1, "", {"an empty file"});
  expect_error(kHeader, 1, "", {"at least one data row", "none"});
}

TEST_CASE("monitor data: unknown and misplaced columns", "[calibration][monitor]") {
  expect_error("month,indicator,value,sterr\n", 1, "4",
               {"stderr, source, reliability", "\"sterr\"", "did you mean 'stderr'?"});
  expect_error("month,indicator,value,comment\n", 1, "4", {"\"comment\""});
  expect_error("monht,indicator,value\n", 1, "1", {"column 1 month", "\"monht\""});
  expect_error("month,value,indicator\n", 1, "2", {"column 2 indicator", "\"value\""});
  expect_error("month,indicator,value,source,stderr\n", 1, "5",
               {"in this order", "\"stderr\" (again, or out of order)"});
  expect_error("month,indicator,value,stderr,stderr\n", 1, "5", {"\"stderr\" (again"});
  expect_error("month,indicator\n2020-11,intakes\n", 1, "",
               {"header: expected the columns month,indicator,value", "2 column(s)"});
}

TEST_CASE("monitor data: unparseable months", "[calibration][monitor]") {
  for (const char* month : {"2020-13", "2020-00", "2020-1", "20-01", "2020/01", "2020-1a"}) {
    expect_error(kHeader + "2020-11,intakes,1\n" + month + ",intakes,1\n", 3, "month",
                 {"a month YYYY-MM (month 01 to 12)", "\"" + std::string(month) + "\""});
  }
  expect_error(kHeader + ",intakes,1\n", 2, "month", {"an empty field"});
}

TEST_CASE("monitor data: unknown indicators get a suggestion", "[calibration][monitor]") {
  expect_error(kHeader + "2020-11,ww_benefit_running,1\n", 2, "indicator",
               {"an indicator the model produces", "\"ww_benefit_running\"",
                "did you mean 'ww_benefits_running'?"});
  expect_error(kHeader + "2020-11,with_service.runing_ww,1\n", 2, "indicator",
               {"did you mean 'with_service.running_ww'?"});
  const std::string message = error_of(kHeader + "2020-11,completely_unknown_thing,1\n");
  CHECK_THAT(message, !Catch::Contains("did you mean"));
}

TEST_CASE("monitor data: values must be finite numbers", "[calibration][monitor]") {
  for (const char* value : {"abc", "inf", "nan", "-inf", "12x", "0x10", "\"1,5\""}) {
    expect_error(kHeader + "2020-11,intakes," + value + "\n", 2, "value", {"a finite number"});
  }
  expect_error(kHeader + "2020-11,intakes,\n", 2, "value", {"an empty field"});
}

TEST_CASE("monitor data: negative values", "[calibration][monitor]") {
  expect_error(kHeader + "2020-11,intakes,1\n2020-12,intakes,-3\n", 3, "value",
               {"a number >= 0", "\"-3\""});
}

TEST_CASE("monitor data: standard errors must be positive", "[calibration][monitor]") {
  const std::string header = "month,indicator,value,stderr\n";
  for (const char* se : {"0", "-1", "x", "inf"}) {
    expect_error(header + "2020-11,intakes,1," + se + "\n", 2, "stderr",
                 {"a finite number > 0 (or an empty field)", "\"" + std::string(se) + "\""});
  }
}

TEST_CASE("monitor data: duplicate month and indicator", "[calibration][monitor]") {
  expect_error(kHeader + "2020-11,intakes,1\n2020-12,intakes,2\n2020-11,intakes,3\n", 4, "",
               {"columns month and indicator: expected one row per month and indicator",
                "2020-11 intakes", "the first is on line 2"});
  // An alias and the series it stands for are the same observable.
  expect_error(kHeader + "2020-11,with_service.running_ww,1\n2020-11,ww_benefits_running,2\n", 3,
               "", {"with_service.running_ww", "the first is on line 2"});
}

TEST_CASE("monitor data: wrong number of fields", "[calibration][monitor]") {
  expect_error(kHeader + "2020-11,intakes,1\n2020-12,intakes\n", 3, "",
               {"row: expected 3 fields (month,indicator,value)", "found 2 field(s)"});
  expect_error("month,indicator,value,stderr\n2020-11,intakes,1,2,3\n", 2, "",
               {"4 fields (month,indicator,value,stderr)", "5 field(s)"});
}

TEST_CASE("monitor data: broken quoting", "[calibration][monitor]") {
  expect_error(kHeader + "2020-11,intakes,1\n2020-12,\"intakes,2\n", 3, "2",
               {"a closing double quote", "the end of the file"});
  expect_error(kHeader + "2020-11,\"intakes\"x,1\n", 2, "2",
               {"a comma or the end of the line after a closing double quote", "\"x\""});
}

TEST_CASE("monitor data: a missing file", "[calibration][monitor]") {
  const std::filesystem::path missing = data_file("no-such-file.csv");
  try {
    (void)read_monitor_data(missing);
    FAIL("no DataError");
  } catch (const DataError& e) {
    CHECK_THAT(e.what(), Catch::StartsWith(missing.string() + ": expected "));
    CHECK_THAT(e.what(), Catch::Contains("no such file"));
  }
}
