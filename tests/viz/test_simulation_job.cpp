// The background job: a new request cancels the one in flight, the final results are the
// newest request's, progress reaches the total, and the UI-side calls never wait for a run.

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/scenario_set.hpp"
#include "core/simulation_job.hpp"
#include "experiment/sweep.hpp"

using namespace werkstroom;

namespace {

viz::JobRequest request(const std::string& name, int advisors, int replications) {
  scenario::LoadedScenario s = scenario::load_scenario(
      std::filesystem::path(WERKSTROOM_SCENARIOS_DIR) / "gooi-en-vechtstreek.toml");
  experiment::set_staffing(s, advisors);
  viz::JobRequest r;
  r.runs.push_back({name, s.parameters});
  r.replications = replications;
  r.threads = 2;
  return r;
}

}  // namespace

TEST_CASE("a second request cancels the first and its results are the ones kept", "[viz]") {
  viz::SimulationJob job;
  CHECK(job.results() == nullptr);
  CHECK(job.status().idle());
  const std::uint64_t first = job.submit(request("first", 2, 400));
  const std::uint64_t second = job.submit(request("second", 3, 4));
  CHECK(second == first + 1);
  REQUIRE(job.wait_until_idle(120.0));
  const viz::JobStatus status = job.status();
  CHECK(status.requested == second);
  CHECK(status.finished == second);
  CHECK(status.error == "");
  CHECK(status.fraction() == 1.0);
  const auto results = job.results();
  REQUIRE(results != nullptr);
  CHECK(results->generation == second);
  REQUIRE(results->results.size() == 1);
  CHECK(results->results[0].name == "second");
  CHECK(results->results[0].replications.size() == 4);
  CHECK(results->runs[0].parameters.staff.advisors == 3);
}

TEST_CASE("a request submitted while another runs interrupts it", "[viz]") {
  viz::SimulationJob job;
  job.submit(request("long", 2, 2000));
  // Wait until the long run has started and made progress.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (job.status().done == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(job.status().running);
  const auto before = std::chrono::steady_clock::now();
  const std::uint64_t second = job.submit(request("short", 2, 2));
  // Submitting does not wait for the worker: it returns long before the 2,000 replications
  // could have finished (several seconds even unloaded). The bound is generous so that a
  // loaded machine cannot fail it; a submit that waited for the run would still exceed it.
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(2));
  REQUIRE(job.wait_until_idle(120.0));
  const auto results = job.results();
  REQUIRE(results != nullptr);
  CHECK(results->generation == second);
  CHECK(results->results[0].name == "short");
}

TEST_CASE("a failed or cancelled request keeps the last results", "[viz]") {
  viz::SimulationJob job;
  job.submit(request("one", 2, 6));
  REQUIRE(job.wait_until_idle(120.0));
  CHECK(job.status().finished == 1);
  CHECK(job.results()->results[0].replications.size() == 6);

  // A request the model refuses (advisors without the money to pay them) reports the model's
  // message and keeps the last good results.
  viz::JobRequest bad = request("bad", 2, 2);
  bad.runs[0].parameters.staff.advisors = 6;
  job.submit(std::move(bad));
  REQUIRE(job.wait_until_idle(120.0));
  CHECK(job.status().error.find("budget") != std::string::npos);
  CHECK(job.results()->results[0].name == "one");

  job.submit(request("cancelled", 2, 3000));
  job.cancel();
  REQUIRE(job.wait_until_idle(120.0));
  CHECK(job.results()->results[0].name != "cancelled");
}
