// Every text has Dutch and English, keys are unique, and settings survive a round trip.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/settings.hpp"
#include "core/translations.hpp"

using namespace werkstroom;
using werkstroom::experiment::Language;

TEST_CASE("every key has a Dutch and an English text", "[viz]") {
  std::set<std::string_view> keys;
  for (const viz::Translation& t : viz::translation_table()) {
    INFO(t.key);
    CHECK_FALSE(t.key.empty());
    CHECK_FALSE(t.en.empty());
    CHECK_FALSE(t.nl.empty());
    CHECK(keys.insert(t.key).second);  // unique
  }
  CHECK(keys.size() > 50);
  CHECK(std::string(viz::tr("Levers", Language::nl)) == "Hefbomen");
  CHECK(std::string(viz::tr("Levers", Language::en)) == "Levers");
  CHECK(viz::month_name(3, Language::nl) == "mrt");
  CHECK(viz::month_name(10, Language::en) == "Oct");
  CHECK(viz::kpi_name("placements", Language::nl) == "Plaatsingen");
  CHECK(viz::kpi_name("selected", Language::nl) == "Geselecteerd");
  CHECK(viz::kpi_name("route.instrument.coaching.clients", Language::en) ==
        "Clients: instrument.coaching");
  CHECK(viz::kpi_name("no_such_figure", Language::nl) == "no_such_figure");
}

TEST_CASE("an unknown key is shown as is and recorded", "[viz]") {
  CHECK(std::string(viz::tr("a text nobody translated", Language::nl)) ==
        "a text nobody translated");
  const std::vector<std::string> missing = viz::untranslated_keys();
  CHECK(std::find(missing.begin(), missing.end(), "a text nobody translated") != missing.end());
}

TEST_CASE("settings are written and read back and a bad file is harmless", "[viz]") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "werkstroom-viz-tests" / "config";
  std::filesystem::remove_all(dir);
  const std::filesystem::path file = dir / "werkstroom" / "viz.ini";
  viz::Settings s;
  s.last_files = {"/a/b.toml", "/c/d e.toml"};
  s.language = Language::en;
  s.replications = 50;
  REQUIRE(viz::save_settings(file, s));
  const viz::Settings back = viz::load_settings(file);
  CHECK(back.last_files == s.last_files);
  CHECK(back.language == Language::en);
  CHECK(back.replications == 50);

  {
    std::ofstream out(file);
    out << "garbage\nlanguage=xx\nreplications=-3\nfile=\n";
  }
  const viz::Settings bad = viz::load_settings(file);
  CHECK(bad.last_files.empty());
  CHECK_FALSE(bad.language.has_value());
  CHECK_FALSE(bad.replications.has_value());
  CHECK(viz::load_settings(dir / "missing.ini").last_files.empty());
}
