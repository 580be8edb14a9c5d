// The viewer's "Export report" (issue 15): the board report of the comparison on screen. It must
// be the report `werkstroom report` writes for the same files, seed and replications — the
// test runs the command-line program and compares the two HTML files, which may differ only in
// the time they were made — and a lever moved away from the files must show in the provenance.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "app/viewer.hpp"

namespace werkstroom {
namespace {

const std::filesystem::path kScenarios = WERKSTROOM_SCENARIOS_DIR;
const std::filesystem::path kCli = WERKSTROOM_CLI;

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The report without the time it was made ("gemaakt 1 dec 2026, 03:10 UTC (...)" up to the
/// next tag). (No std::regex: GCC 12 warns maybe-uninitialized inside it in the sanitizer build.)
std::string without_time(std::string html) {
  for (std::size_t at = html.find("gemaakt "); at != std::string::npos;
       at = html.find("gemaakt ", at + 1)) {
    const std::size_t end = html.find('<', at);
    html.erase(at + 7, (end == std::string::npos ? html.size() : end) - (at + 7));
  }
  return html;
}

viz::ViewerOptions options(int replications) {
  viz::ViewerOptions o;
  o.replications = replications;
  o.threads = 2;
  o.remember_settings = false;
  return o;
}

}  // namespace

TEST_CASE("the viewer exports the report werkstroom report writes for the same run", "[viz]") {
  // A folder of this process's own: runs of the suite in parallel do not share it.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("werkstroom-viz-report-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::filesystem::path a = kScenarios / "gooi-en-vechtstreek.toml";
  const std::filesystem::path b = kScenarios / "scale-up-3fte.toml";
  constexpr int kReplications = 4;

  viz::Viewer viewer(options(kReplications));
  CHECK_FALSE(viewer.export_report(dir / "viz").empty());  // nothing run yet: a message
  REQUIRE(viewer.open({a, b}));
  REQUIRE(viewer.job().wait_until_idle(300.0));
  REQUIRE(viewer.export_report(dir / "viz").empty());
  REQUIRE(std::filesystem::exists(dir / "viz" / "report.pdf"));
  CHECK(std::filesystem::file_size(dir / "viz" / "report.pdf") > 10000);
  const std::string from_viewer = read_text(dir / "viz" / "report.html");

  const std::string command = kCli.string() + " report " + a.string() + " " + b.string() +
                              " --reps " + std::to_string(kReplications) + " --seed " +
                              std::to_string(viewer.view().master_seed) + " --out " +
                              (dir / "cli.html").string() + " > " + (dir / "cli.out").string();
  REQUIRE(std::system(command.c_str()) == 0);
  const std::string from_cli = read_text(dir / "cli.html");
  REQUIRE(from_cli.find("gemaakt ") != std::string::npos);
  CHECK(without_time(from_viewer) == without_time(from_cli));

  // A lever moved: the report is of what was simulated, and says where it left the files.
  viewer.view().levers[1].advisors = 5;
  REQUIRE(viewer.apply_levers_and_rerun());
  REQUIRE(viewer.job().wait_until_idle(300.0));
  REQUIRE(viewer.export_report(dir / "lever").empty());
  const std::string moved = read_text(dir / "lever" / "report.html");
  CHECK(moved.find("wijkt af van zijn bestanden") != std::string::npos);
  CHECK(moved.find("staff.advisors = 5 (werkstroom-viz)") != std::string::npos);
  CHECK(from_cli.find("wijkt af van zijn bestanden") == std::string::npos);

  // The command line's --set is listed the same way.
  const std::string with_set = kCli.string() + " report " + a.string() + " " + b.string() +
                               " --reps 2 --set staff.day_start_hour=8.5 --out " +
                               (dir / "set.html").string() + " > " + (dir / "set.out").string();
  REQUIRE(std::system(with_set.c_str()) == 0);
  CHECK(read_text(dir / "set.html").find("staff.day_start_hour=8.5 (--set)") != std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace werkstroom
