// Where the data folder is found (sim/io/data_dir.hpp): WERKSTROOM_DATA, the installed layout
// beside the program, the source tree, in that order, and loud failures.

#include "io/data_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "../support/temp_dir.hpp"

namespace fs = std::filesystem;
using werkstroom::io::DataDirError;
using werkstroom::io::DataDirInputs;
using werkstroom::io::DataDirOrigin;
using werkstroom::io::find_data_dir;

namespace {

/// A prefix laid out as an installation (bin/werkstroom, share/werkstroom/scenarios/) and a
/// separate source tree (scenarios/), both under one temporary folder.
struct Layout {
  werkstroom::test::TempDir root{"werkstroom-data-dir"};
  fs::path prefix = root.path() / "usr";
  fs::path executable = prefix / "bin" / "werkstroom";
  fs::path installed = prefix / "share" / "werkstroom";
  fs::path source = root.path() / "src";
  fs::path own = root.path() / "own";

  Layout() {
    fs::create_directories(prefix / "bin");
    fs::create_directories(installed / "scenarios");
    fs::create_directories(source / "scenarios");
    fs::create_directories(own / "scenarios");
  }

  [[nodiscard]] DataDirInputs inputs() const {
    DataDirInputs in;
    in.executable = executable;
    in.installed_relative = "../share/werkstroom";
    in.source_tree = source;
    return in;
  }
};

}  // namespace

TEST_CASE("the installed layout beside the program comes before the source tree", "[io]") {
  const Layout layout;
  const auto found = find_data_dir(layout.inputs());
  CHECK(found.origin == DataDirOrigin::installed);
  CHECK(found.path == fs::canonical(layout.installed));
  CHECK(found.scenarios() == fs::canonical(layout.installed) / "scenarios");
}

TEST_CASE("WERKSTROOM_DATA comes before the installed layout and the source tree", "[io]") {
  const Layout layout;
  auto in = layout.inputs();
  in.environment = layout.own.string();
  const auto found = find_data_dir(in);
  CHECK(found.origin == DataDirOrigin::environment);
  CHECK(found.path == fs::canonical(layout.own));
}

TEST_CASE("an empty WERKSTROOM_DATA counts as unset", "[io]") {
  const Layout layout;
  auto in = layout.inputs();
  in.environment = "";
  CHECK(find_data_dir(in).origin == DataDirOrigin::installed);
}

TEST_CASE("WERKSTROOM_DATA without scenarios/ is an error, not a fallback", "[io]") {
  const Layout layout;
  auto in = layout.inputs();
  in.environment = (layout.root.path() / "nowhere").string();
  CHECK_THROWS_AS(find_data_dir(in), DataDirError);
  CHECK_THROWS_WITH(find_data_dir(in), Catch::Contains("WERKSTROOM_DATA") &&
                                           Catch::Contains("nowhere") &&
                                           Catch::Contains("scenarios/"));
}

TEST_CASE("without an installation the source tree is used (running from the build tree)", "[io]") {
  const Layout layout;
  auto in = layout.inputs();
  in.executable = layout.root.path() / "build" / "sim" / "werkstroom";  // no share/ beside it
  const auto found = find_data_dir(in);
  CHECK(found.origin == DataDirOrigin::source_tree);
  CHECK(found.path == fs::canonical(layout.source));
}

TEST_CASE("an unknown executable path falls through to the source tree", "[io]") {
  const Layout layout;
  auto in = layout.inputs();
  in.executable.clear();
  CHECK(find_data_dir(in).origin == DataDirOrigin::source_tree);
}

TEST_CASE("a forbidden source tree is not used and the error says why", "[io]") {
  const Layout layout;
  auto in = layout.inputs();
  in.executable = layout.root.path() / "build" / "sim" / "werkstroom";
  in.allow_source_tree = false;
  CHECK_THROWS_AS(find_data_dir(in), DataDirError);
  CHECK_THROWS_WITH(find_data_dir(in), Catch::Contains("WERKSTROOM_NO_SOURCE_DATA") &&
                                           Catch::Contains(layout.source.string()) &&
                                           Catch::Contains("build/share/werkstroom"));
  // An installation is still found when the source tree is forbidden.
  in.executable = layout.executable;
  CHECK(find_data_dir(in).origin == DataDirOrigin::installed);
}

TEST_CASE("a folder without scenarios/ is skipped", "[io]") {
  const Layout layout;
  fs::remove_all(layout.installed / "scenarios");
  CHECK(find_data_dir(layout.inputs()).origin == DataDirOrigin::source_tree);
  fs::remove_all(layout.source / "scenarios");
  CHECK_THROWS_AS(find_data_dir(layout.inputs()), DataDirError);
}

TEST_CASE("this test program finds the source tree it was built from", "[io]") {
  // The test binary lives in the build tree, which has no share/werkstroom beside it.
  auto in = werkstroom::io::process_data_dir_inputs();
  in.environment.reset();
  in.allow_source_tree = true;
  const auto found = find_data_dir(in);
  CHECK(found.origin == DataDirOrigin::source_tree);
  CHECK(fs::is_regular_file(found.scenarios() / "gooi-en-vechtstreek.toml"));
  CHECK(fs::is_regular_file(found.scenarios() / "scale-up-3fte.toml"));
}
