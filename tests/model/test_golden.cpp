// Golden summaries: each library scenario's key figures at a fixed seed, checked to the digit.
// They guard against unintended change; they prove nothing about correctness. A test never
// rewrites them: when the output differs, it writes the new output beside the golden file
// (<name>.new, ignored by git) and fails. A deliberate change is approved by a person with
//   scripts/approve-golden.sh        (shows each difference, then moves .new over the golden)
// and explained in the commit.

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "model_test_support.hpp"

using namespace werkstroom;

namespace {

std::string summary_of(const model::ReplicationResult& r) {
  std::ostringstream out;
  char line[160];
  std::snprintf(line, sizeof line, "people %llu\nclients %llu\nevents %llu\n",
                static_cast<unsigned long long>(r.people),
                static_cast<unsigned long long>(r.clients),
                static_cast<unsigned long long>(r.events));
  out << line;
  for (const auto& [name, value] : r.kpis) {
    std::snprintf(line, sizeof line, "%s %.10g\n", name.c_str(), value);
    out << line;
  }
  return out.str();
}

void check_golden(const std::string& scenario, const std::string& golden_name) {
  const auto p = test::load_parameters(scenario);
  const std::string actual = summary_of(test::run(p, 20201101, 0));
  const std::string path = std::string(WERKSTROOM_GOLDEN_DIR) + "/" + golden_name;
  const std::string proposed = path + ".new";
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream expected;
  expected << in.rdbuf();
  if (actual == expected.str()) {
    std::remove(proposed.c_str());  // a stale proposal from an earlier run
    return;
  }
  std::ofstream(proposed) << actual;
  FAIL_CHECK("the output differs from " << path << "; the new output is in " << proposed
                                        << ": if the change is intended, approve it with "
                                           "scripts/approve-golden.sh and explain it in the "
                                           "commit");
  CHECK(actual == expected.str());  // shows the difference
}

}  // namespace

TEST_CASE("golden summary of the Gooi en Vechtstreek baseline", "[model][golden]") {
  check_golden("gooi-en-vechtstreek.toml", "gooi-en-vechtstreek.txt");
}

TEST_CASE("golden summary of the 3 fte scale-up", "[model][golden]") {
  check_golden("scale-up-3fte.toml", "scale-up-3fte.txt");
}
