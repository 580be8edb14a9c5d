// The Excel workbook's contracts that need no spreadsheet reader (results/xlsx_writer.hpp):
// sheet names Excel accepts, the indicators' titles, and the atomic write. The content is read
// back with openpyxl and checked against the HDF5 and CSV files by test_xlsx_csv.sh.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "../support/temp_dir.hpp"
#include "io/output_file.hpp"
#include "results/catalogue.hpp"
#include "results/xlsx_writer.hpp"
#include "results_test_support.hpp"

namespace werkstroom::test {
namespace {

namespace fs = std::filesystem;

TEST_CASE("sheet names are valid for Excel and unique", "[results]") {
  std::vector<std::string> taken;
  CHECK(results::unique_sheet_name("Plaatsingen", taken) == "Plaatsingen");
  CHECK(results::unique_sheet_name("plaatsingen", taken) ==
        "plaatsingen (2)");  // Excel ignores case
  CHECK(results::unique_sheet_name("Plaatsingen", taken) == "Plaatsingen (3)");
  CHECK(results::unique_sheet_name("a[b]:c*d?e/f\\g", taken) == "a b  c d e f g");
  CHECK(results::unique_sheet_name("'quoted'", taken) == "quoted");
  CHECK(results::unique_sheet_name("", taken) == "Sheet");
  const std::string long_name(40, 'x');
  CHECK(results::unique_sheet_name(long_name, taken) == std::string(31, 'x'));
  CHECK(results::unique_sheet_name(long_name, taken) == std::string(27, 'x') + " (2)");
  // 31 characters, not bytes: "é" is two bytes in UTF-8.
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";
  CHECK(results::unique_sheet_name(accents, taken).size() == std::size_t{31} * 2);
}

TEST_CASE("every indicator has a title in both languages that can name a sheet", "[results]") {
  REQUIRE(results::indicator_titles().size() == results::indicator_catalogue().size());
  for (const bool dutch : {false, true}) {
    std::set<std::string> seen;
    for (const results::SeriesTitle& t : results::indicator_titles()) {
      const std::string& title = dutch ? t.nl : t.en;
      CAPTURE(title);
      CHECK(!title.empty());
      std::vector<std::string> none;
      CHECK(results::unique_sheet_name(title, none) == title);  // needs no change
      std::string lower = title;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CHECK(seen.insert(lower).second);
    }
  }
}

TEST_CASE("the workbook is written whole, and never over a folder", "[results]") {
  const SmallRun& run = small_run();
  TempDir tmp;
  const fs::path file = tmp.path() / "new" / "run.xlsx";  // the folder is made
  results::write_xlsx(file, run.results, experiment::Language::nl);
  REQUIRE(fs::is_regular_file(file));
  // An xlsx file is a zip archive: it starts with "PK".
  std::ifstream in(file, std::ios::binary);
  std::string magic(2, '\0');
  in.read(magic.data(), 2);
  CHECK(magic == "PK");
  CHECK(tmp.entries() == std::vector<std::string>{"new"});

  fs::create_directories(tmp.path() / "folder.xlsx");
  CHECK_THROWS_AS(
      results::write_xlsx(tmp.path() / "folder.xlsx", run.results, experiment::Language::en),
      io::OutputPathError);
  CHECK(fs::is_directory(tmp.path() / "folder.xlsx"));
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(file.parent_path())) {
    left.push_back(e.path().filename().string());
  }
  CHECK(left == std::vector<std::string>{"run.xlsx"});  // no temporary file
}

}  // namespace
}  // namespace werkstroom::test
