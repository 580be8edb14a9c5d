// The draws of a replication ([uncertainty], scenario/replication_draws.hpp): checked against
// the laws they claim (uniform and triangular moments, the random walk's variance), against
// common random numbers (the same draws in every scenario, keyed by what is drawn), and
// against the property that a scenario without draws is left exactly as it is.

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "model/region_model.hpp"
#include "scenario/posterior_file.hpp"
#include "scenario/replication_draws.hpp"
#include "scenario_test_support.hpp"

namespace werkstroom::scenario {
namespace {

using testing::check_message;
using testing::line_of;
using testing::load_error;
using testing::minimal_base_text;
using testing::TempDir;

/// The minimal base with a variant that adds `uncertainty` (TOML text of the variant).
LoadedScenario with_variant(const TempDir& dir, const std::string& variant) {
  dir.write("base.toml", minimal_base_text());
  return load_scenario(dir.write("variant.toml", "extends = \"base.toml\"\n" + variant));
}

const char* const kThreeDraws = R"(
[uncertainty]
economy_sd_log_per_month = 0.05

[[uncertainty.parameters]]
key = "economy.find_work_elasticity"
mode = "value"
distribution = "triangular"
lower = -1.0
upper = -0.3

[[uncertainty.parameters]]
key = "hazards.ww_find_work.rate_per_month"
mode = "value"
distribution = "uniform"
lower = 0.06
upper = 0.18

[[uncertainty.parameters]]
key = "cohorts.threatened.inflow_per_month"
mode = "scale"
distribution = "triangular"
lower = 0.5
upper = 1.5
)";

double mean_of(const std::vector<double>& x) {
  double s = 0.0;
  for (const double v : x) s += v;
  return s / static_cast<double>(x.size());
}

double variance_of(const std::vector<double>& x) {
  const double m = mean_of(x);
  double s = 0.0;
  for (const double v : x) s += (v - m) * (v - m);
  return s / static_cast<double>(x.size() - 1);
}

}  // namespace

TEST_CASE("without draws a replication's parameters are the scenario's, exactly",
          "[scenario][uncertainty]") {
  const TempDir dir;
  const LoadedScenario s = with_variant(dir, "");
  REQUIRE_FALSE(s.parameters.uncertainty.active());
  const model::ModelParameters drawn = draw_replication_parameters(s.parameters, {7, 3});
  LoadedScenario copy = s;
  copy.parameters = drawn;
  CHECK(describe_scenario(copy) == describe_scenario(s));
}

TEST_CASE("drawn values follow their laws and stay in their ranges", "[scenario][uncertainty]") {
  const TempDir dir;
  const LoadedScenario s = with_variant(dir, kThreeDraws);
  const model::ModelParameters& p = s.parameters;
  constexpr int kReplications = 4000;
  std::vector<double> elasticity;
  std::vector<double> rate;
  std::vector<double> factor;
  for (std::uint64_t r = 0; r < kReplications; ++r) {
    const model::ModelParameters d = draw_replication_parameters(p, {20201101, r});
    elasticity.push_back(d.economy.find_work_elasticity);
    rate.push_back(d.hazards.ww_find_work.rate_per_month);
    // A scale draw multiplies every element of the list by the same factor.
    const auto& inflow = d.cohorts[0].inflow_per_month;
    const auto& base = p.cohorts[0].inflow_per_month;
    REQUIRE(inflow.size() == base.size());
    const double f = inflow[0] / base[0];
    for (std::size_t i = 0; i < inflow.size(); ++i) CHECK(inflow[i] == Approx(base[i] * f));
    factor.push_back(f);
  }
  // Triangular(a, b, c): mean (a + b + c) / 3, variance (a² + b² + c² - ab - ac - bc) / 18.
  const auto tri_mean = [](double a, double b, double c) { return (a + b + c) / 3.0; };
  const auto tri_var = [](double a, double b, double c) {
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0;
  };
  const double c = p.economy.find_work_elasticity;  // the peak: the scenario's own value
  const double se = std::sqrt(tri_var(-1.0, -0.3, c) / kReplications);
  CHECK(std::abs(mean_of(elasticity) - tri_mean(-1.0, -0.3, c)) < 4.0 * se);
  CHECK(variance_of(elasticity) == Approx(tri_var(-1.0, -0.3, c)).epsilon(0.1));
  CHECK(std::abs(mean_of(factor) - 1.0) < 4.0 * std::sqrt(tri_var(0.5, 1.5, 1.0) / kReplications));
  // Uniform(a, b): mean (a + b) / 2, variance (b - a)² / 12.
  CHECK(std::abs(mean_of(rate) - 0.12) < 4.0 * std::sqrt(0.0144 / 12.0 / kReplications));
  CHECK(variance_of(rate) == Approx(0.0144 / 12.0).epsilon(0.1));
  for (std::size_t i = 0; i < elasticity.size(); ++i) {
    CHECK(elasticity[i] >= -1.0);
    CHECK(elasticity[i] <= -0.3);
    CHECK(rate[i] >= 0.06);
    CHECK(rate[i] < 0.18);
  }
}

TEST_CASE("the economy path is a random walk in logs from the first month not observed",
          "[scenario][uncertainty]") {
  const TempDir dir;
  const LoadedScenario s = with_variant(dir, R"(
[economy]
unemployment_rate_pct = [5.0, 5.5, 6.0]
vacancies_per_unemployed = [0.5, 0.4]
observed_months = 2
[uncertainty]
economy_sd_log_per_month = 0.05
economy_persistence = 1.0
economy_tightness_coupling = -1.5
)");
  const model::ModelParameters& p = s.parameters;
  const std::size_t months = model::month_boundaries(p).size() - 1;
  REQUIRE(months == 24);
  constexpr int kReplications = 3000;
  std::vector<std::vector<double>> log_ratio(months);
  for (std::uint64_t r = 0; r < kReplications; ++r) {
    const model::ModelParameters d = draw_replication_parameters(p, {99, r});
    const std::vector<double>& path = d.economy.unemployment_rate_pct;
    const std::vector<double>& tightness = d.economy.vacancies_per_unemployed;
    REQUIRE(path.size() == months);  // extended to the horizon, the last value held
    REQUIRE(tightness.size() == months);
    CHECK(path[0] == 5.0);  // observed months are not drawn
    CHECK(path[1] == 5.5);
    CHECK(tightness[0] == 0.5);
    CHECK(tightness[1] == 0.4);
    for (std::size_t m = 0; m < months; ++m) {
      const double given = m < 3 ? p.economy.unemployment_rate_pct[m] : 6.0;
      log_ratio[m].push_back(std::log(path[m] / given));
      // The tightness moves with the same x, times the coupling (clamps aside, which a walk
      // of sd 0.05 a month does not reach in 24 months).
      CHECK(std::log(tightness[m] / (m < 1 ? 0.5 : 0.4)) ==
            Approx(-1.5 * log_ratio[m].back()).margin(1e-12));
    }
  }
  // Var x_m = (m - known + 1) sd² for a random walk started at the first month not known.
  for (const std::size_t m : {2U, 5U, 11U, 23U}) {
    const double expected = static_cast<double>(m - 1) * 0.05 * 0.05;
    INFO("month " << m);
    CHECK(variance_of(log_ratio[m]) == Approx(expected).epsilon(0.1));
    CHECK(std::abs(mean_of(log_ratio[m])) < 4.0 * std::sqrt(expected / kReplications));
  }
}

TEST_CASE("every scenario of a comparison gets the same draws, keyed by what is drawn",
          "[scenario][uncertainty]") {
  const TempDir dir;
  const LoadedScenario a = with_variant(dir, kThreeDraws);
  // Another scenario: more advisors, and one more drawn key listed first.
  dir.write("more.toml", std::string("extends = \"variant.toml\"\n") + R"(
[staff]
advisors = 5
[[uncertainty.parameters]]
key = "economy.inflow_elasticity"
mode = "value"
distribution = "uniform"
lower = 0.5
upper = 2.0
)" + std::string(kThreeDraws).substr(std::string(kThreeDraws).find("[[uncertainty.parameters]]")));
  const LoadedScenario b = load_scenario(dir.path() / "more.toml");
  REQUIRE(b.parameters.uncertainty.parameters.size() == 4);
  REQUIRE(b.parameters.staff.advisors != a.parameters.staff.advisors);
  bool replications_differ = false;
  model::ModelParameters previous;
  for (std::uint64_t r = 0; r < 20; ++r) {
    const model::ModelParameters da = draw_replication_parameters(a.parameters, {5, r});
    const model::ModelParameters db = draw_replication_parameters(b.parameters, {5, r});
    CHECK(da.economy.unemployment_rate_pct == db.economy.unemployment_rate_pct);
    CHECK(da.economy.find_work_elasticity == db.economy.find_work_elasticity);
    CHECK(da.hazards.ww_find_work.rate_per_month == db.hazards.ww_find_work.rate_per_month);
    CHECK(da.cohorts[0].inflow_per_month == db.cohorts[0].inflow_per_month);
    CHECK(db.staff.advisors == 5);  // what the scenarios change stays changed
    // The same replication draws the same again (no hidden state).
    CHECK(draw_replication_parameters(a.parameters, {5, r}).economy.unemployment_rate_pct ==
          da.economy.unemployment_rate_pct);
    if (r > 0 && da.economy.find_work_elasticity != previous.economy.find_work_elasticity) {
      replications_differ = true;
    }
    previous = da;
  }
  CHECK(replications_differ);
}

TEST_CASE("a drawn parameter must be a number of the scenario with a range it allows",
          "[scenario][uncertainty]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const auto check = [&](const std::string& entry, const std::string& key_path,
                         const std::string& needle, std::initializer_list<std::string> fragments) {
    const std::string text = "extends = \"base.toml\"\n[[uncertainty.parameters]]\n" + entry;
    const auto file = dir.write("bad.toml", text);
    check_message(load_error(file), "bad.toml", line_of(text, needle), key_path, fragments);
  };
  check(
      "key = \"hazards.no_such_rate\"\nmode = \"value\"\ndistribution = \"uniform\"\n"
      "lower = 0.0\nupper = 1.0\n",
      "uncertainty.parameters[0].key", "key =", {"a number of the scenario"});
  check(
      "key = \"staff.advisors\"\nmode = \"value\"\ndistribution = \"uniform\"\n"
      "lower = 1.0\nupper = 2.0\n",
      "uncertainty.parameters[0].key", "key =", {"number or a number list"});
  check(
      "key = \"cohorts.threatened.inflow_per_month\"\nmode = \"value\"\n"
      "distribution = \"uniform\"\nlower = 1.0\nupper = 2.0\n",
      "uncertainty.parameters[0].mode", "mode =", {"\"scale\" for a number list"});
  check(
      "key = \"hazards.ww_find_work.rate_per_month\"\nmode = \"value\"\n"
      "distribution = \"uniform\"\nlower = 0.2\nupper = 0.1\n",
      "uncertainty.parameters[0].upper", "upper =", {"upper >= lower"});
  // A share drawn above 1 is not a share.
  check(
      "key = \"hazards.new_job_flex_share\"\nmode = \"value\"\ndistribution = \"uniform\"\n"
      "lower = 0.5\nupper = 1.5\n",
      "uncertainty.parameters[0].upper", "upper =", {"range of hazards.new_job_flex_share"});
  // The triangle peaks at the scenario's value (0.12), which lies outside [0.2, 0.3].
  check(
      "key = \"hazards.ww_find_work.rate_per_month\"\nmode = \"value\"\n"
      "distribution = \"triangular\"\nlower = 0.2\nupper = 0.3\n",
      "uncertainty.parameters[0].key", "key =", {"a triangle around the peak", "0.12"});
}

TEST_CASE("observed months must be months of the economy's paths", "[scenario][economy]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const std::string text =
      "extends = \"base.toml\"\n[economy]\nunemployment_rate_pct = [5.0, 5.5]\n"
      "observed_months = 3\n";
  const auto file = dir.write("bad.toml", text);
  check_message(load_error(file), "bad.toml", line_of(text, "observed_months"),
                "economy.observed_months",
                {"at most the length of economy.unemployment_rate_pct (2)", "3"});
  const std::string none = "extends = \"base.toml\"\n[economy]\nobserved_months = 1\n";
  const auto file2 = dir.write("none.toml", none);
  check_message(load_error(file2), "none.toml", line_of(none, "observed_months"),
                "economy.observed_months", {"0 when the economy has no path", "1"});
}

TEST_CASE("a posterior particle is drawn by weight, the same in every scenario",
          "[scenario][uncertainty]") {
  const TempDir dir;
  dir.write("posterior.csv",
            "# werkstroom-posterior/1\n"
            "weight,hazards.ww_find_work.rate_per_month,cohorts.threatened.inflow_per_month[1:2]\n"
            "1,0.05,7\n"
            "0,0.07,8\n"
            "3,0.09,9\n");
  const LoadedScenario a = with_variant(dir, "[uncertainty]\nposterior = \"posterior.csv\"\n");
  REQUIRE(a.parameters.uncertainty.posterior_sample);
  const model::PosteriorSample& sample = *a.parameters.uncertainty.posterior_sample;
  CHECK(sample.keys.size() == 2);
  CHECK(sample.first_element[1] == 1);
  CHECK(sample.last_element[1] == 2);
  model::ModelParameters b = a.parameters;
  b.staff.advisors = 9;
  int third = 0;
  constexpr int kReplications = 2000;
  for (std::uint64_t r = 0; r < kReplications; ++r) {
    const model::ModelParameters da = draw_replication_parameters(a.parameters, {1, r});
    const model::ModelParameters db = draw_replication_parameters(b, {1, r});
    const double rate = da.hazards.ww_find_work.rate_per_month;
    CHECK(rate == db.hazards.ww_find_work.rate_per_month);
    CHECK(rate != 0.07);  // weight 0: never drawn
    // Element 0 keeps the scenario's value; elements 1 and 2 take the particle's.
    const auto& inflow = da.cohorts[0].inflow_per_month;
    CHECK(inflow[0] == a.parameters.cohorts[0].inflow_per_month[0]);
    CHECK(inflow[1] == (rate == 0.05 ? 7.0 : 9.0));
    CHECK(inflow[2] == inflow[1]);
    third += rate == 0.09 ? 1 : 0;
  }
  // P(third particle) = 3/4; binomial sd sqrt(n p (1 - p)).
  CHECK(std::abs(third - 0.75 * kReplications) < 4.0 * std::sqrt(kReplications * 0.75 * 0.25));
}

TEST_CASE("a posterior file that does not fit is refused with its line or key",
          "[scenario][uncertainty]") {
  const TempDir dir;
  dir.write("base.toml", minimal_base_text());
  const auto error_of = [&](const std::string& csv) {
    dir.write("p.csv", csv);
    try {
      (void)load_scenario(
          dir.write("v.toml", "extends = \"base.toml\"\n[uncertainty]\nposterior = \"p.csv\"\n"));
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    FAIL("no error for:\n" << csv);
    return std::string();
  };
  CHECK_THAT(error_of("w,hazards.ww_find_work.rate_per_month\n1,0.1\n"),
             Catch::Contains("p.csv:1:") && Catch::Contains("\"weight\""));
  CHECK_THAT(error_of("weight,hazards.ww_find_work.rate_per_month\n1,0.1\n1,x\n"),
             Catch::Contains("p.csv:3:") && Catch::Contains("a finite number"));
  CHECK_THAT(error_of("weight,hazards.ww_find_work.rate_per_month\n-1,0.1\n"),
             Catch::Contains("a finite weight >= 0"));
  CHECK_THAT(error_of("weight,hazards.no_such_rate\n1,0.1\n"),
             Catch::Contains("hazards.no_such_rate") && Catch::Contains("number or number list"));
  CHECK_THAT(error_of("weight,cohorts.threatened.inflow_per_month[2:5]\n1,3\n"),
             Catch::Contains("elements within the list's 3"));
  CHECK_THAT(error_of("weight,hazards.new_job_flex_share\n1,1.5\n"),
             Catch::Contains("hazards.new_job_flex_share") && Catch::Contains("1.5"));
  CHECK_THAT(error_of("weight,hazards.ww_find_work.rate_per_month\n0,0.1\n"),
             Catch::Contains("weight > 0"));
  // A particle that breaks a rule across values (a centre budget that cannot pay the two
  // advisors) is refused at its line, naming its key, before any replication draws it ...
  CHECK_THAT(error_of("weight,budget.centre_budget_eur\n1,1000000\n# a comment\n2,1\n"),
             Catch::Contains("p.csv:4:1: budget.centre_budget_eur: expected a "
                             "budget.centre_budget_eur that pays the advisors") &&
                 Catch::EndsWith("with the values of particle on this line"));
}

TEST_CASE("a posterior particle that no replication can draw is not held to the rules",
          "[scenario][uncertainty]") {
  // ... while the same particle with weight 0 is never drawn, so the file is accepted.
  const TempDir dir;
  dir.write("p.csv", "weight,budget.centre_budget_eur\n1,1000000\n0,1\n");
  const LoadedScenario s = with_variant(dir, "[uncertainty]\nposterior = \"p.csv\"\n");
  REQUIRE(s.parameters.uncertainty.posterior_sample);
  CHECK(s.parameters.uncertainty.posterior_sample->lines == std::vector<std::size_t>{2, 3});
}

TEST_CASE("a posterior written as text reads back the same", "[scenario][uncertainty]") {
  model::PosteriorSample sample;
  sample.keys = {"hazards.ww_find_work.rate_per_month", "cohorts.threatened.inflow_per_month"};
  sample.first_element = {-1, 0};
  sample.last_element = {-1, 2};
  sample.particles = {{0.081234567890123, 4.5}, {0.1, 1e-7}};
  sample.weights = {0.25, 0.75};
  const TempDir dir;
  const auto file = dir.write("p.csv", posterior_csv_text(sample, "from a test\nsecond line"));
  model::PosteriorSample back = read_posterior_csv(file);
  back.file.clear();
  REQUIRE(back.lines.size() == 2);
  CHECK(back.lines[1] == back.lines[0] + 1);  // the particles' lines, for messages
  back.lines.clear();
  CHECK(back == sample);
}

TEST_CASE("a comparison is told when the scenarios differ in a key drawn as a value",
          "[scenario][uncertainty]") {
  const TempDir dir;
  const LoadedScenario a = with_variant(dir, kThreeDraws);
  model::ModelParameters b = a.parameters;
  CHECK(drawn_keys_that_differ({&a.parameters, &b}).empty());
  // A different find-work rate (drawn as a value): both would get the drawn rate.
  b.hazards.ww_find_work.rate_per_month = 0.1;
  CHECK(drawn_keys_that_differ({&a.parameters, &b}) ==
        std::vector<std::string>{"hazards.ww_find_work.rate_per_month"});
  // A different inflow (drawn as a scale): each keeps its own level times the common factor.
  model::ModelParameters c = a.parameters;
  c.cohorts[0].inflow_per_month = {50.0};
  CHECK(drawn_keys_that_differ({&a.parameters, &c}).empty());
}

}  // namespace werkstroom::scenario
