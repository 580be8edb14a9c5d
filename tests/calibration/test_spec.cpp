// Calibration specs: a spec using every key read fully, the defaults, round trips, and every
// error naming the file, the line, the key path, what was expected and what was found.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <stdexcept>
#include <string>

#include "../support/file_text.hpp"
#include "calibration/spec.hpp"
#include "scenario/scenario_error.hpp"

using namespace werkstroom::calibration;
using werkstroom::scenario::ScenarioError;

namespace {

std::filesystem::path data_dir() { return WERKSTROOM_CALIBRATION_TEST_DATA; }

std::filesystem::path good_spec_path() { return data_dir() / "spec-good.toml"; }

using werkstroom::test::file_text;  // tests/support/file_text.hpp

const std::string& good_text() {
  static const std::string text = file_text(good_spec_path());
  return text;
}

/// The smallest valid spec (in the test data folder, so the paths resolve).
const std::string kMinimal = R"(scenario = "../../../scenarios/gooi-en-vechtstreek.toml"
data = "monitor-good.csv"

[[parameters]]
key = "hazards.ww_find_work.rate_per_month"
lower = 0.02
upper = 0.25

[[indicators]]
name = "ww_benefits_running"
relative_error = 0.03
)";

/// `text` with the first occurrence of `from` replaced by `to`; `from` must occur.
std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  INFO("substitution of: " << from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string good_with(const std::string& from, const std::string& to) {
  return replace_once(good_text(), from, to);
}

/// 1-based line of the first occurrence of `needle` in `text`.
std::size_t line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  INFO("line of: " << needle);
  REQUIRE(at != std::string::npos);
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

ScenarioError spec_error(const std::string& text) {
  try {
    (void)parse_spec(text, data_dir() / "bad.toml");
  } catch (const ScenarioError& e) {
    return e;
  }
  FAIL("parsing did not throw a ScenarioError:\n" << text);
  throw std::logic_error("unreachable");
}

/// Parsing `text` as bad.toml fails at the line of `line_needle`, for `key_path`, with every
/// fragment in the message.
void expect_error(const std::string& text, const std::string& line_needle,
                  const std::string& key_path, std::initializer_list<std::string> fragments) {
  const ScenarioError e = spec_error(text);
  const std::string message = e.what();
  INFO("message: " << message);
  const std::size_t line = line_of(text, line_needle);
  CHECK_THAT(message, Catch::Contains("bad.toml:" + std::to_string(line) + ":"));
  CHECK(e.line() == line);
  CHECK(e.key_path() == key_path);
  CHECK_THAT(message, Catch::Contains(": " + key_path + ": expected "));
  for (const std::string& fragment : fragments) CHECK_THAT(message, Catch::Contains(fragment));
}

void check_same(const CalibrationSpec& a, const CalibrationSpec& b) {
  CHECK(a.file == b.file);
  CHECK(a.text == b.text);
  CHECK(a.scenario_file == b.scenario_file);
  CHECK(a.data_file == b.data_file);
  CHECK(a.fit_until == b.fit_until);
  CHECK(a.seed == b.seed);
  CHECK(a.methods == b.methods);
  REQUIRE(a.parameters.size() == b.parameters.size());
  for (std::size_t i = 0; i < a.parameters.size(); ++i) {
    const ParameterSpec& p = a.parameters[i];
    const ParameterSpec& q = b.parameters[i];
    CHECK(p.name == q.name);
    CHECK(p.key == q.key);
    CHECK(p.elements == q.elements);
    CHECK(p.lower == q.lower);
    CHECK(p.upper == q.upper);
    CHECK(p.prior == q.prior);
    CHECK(p.prior_mean == q.prior_mean);
    CHECK(p.prior_sd == q.prior_sd);
    CHECK(p.transform == q.transform);
  }
  REQUIRE(a.indicators.size() == b.indicators.size());
  for (std::size_t i = 0; i < a.indicators.size(); ++i) {
    CHECK(a.indicators[i].name == b.indicators[i].name);
    CHECK(a.indicators[i].weight == b.indicators[i].weight);
    CHECK(a.indicators[i].relative_error == b.indicators[i].relative_error);
    CHECK(a.indicators[i].absolute_error == b.indicators[i].absolute_error);
  }
  CHECK(a.smm.algorithm == b.smm.algorithm);
  CHECK(a.smm.global == b.smm.global);
  CHECK(a.smm.restarts == b.smm.restarts);
  CHECK(a.smm.max_evaluations == b.smm.max_evaluations);
  CHECK(a.smm.global_evaluations == b.smm.global_evaluations);
  CHECK(a.smm.relative_tolerance == b.smm.relative_tolerance);
  CHECK(a.smm.replications == b.smm.replications);
  CHECK(a.abc.particles == b.abc.particles);
  CHECK(a.abc.generations == b.abc.generations);
  CHECK(a.abc.quantile == b.abc.quantile);
  CHECK(a.abc.min_acceptance == b.abc.min_acceptance);
  CHECK(a.abc.replications == b.abc.replications);
  CHECK(a.abc.max_simulations == b.abc.max_simulations);
  CHECK(a.abc.stop_at_error_model == b.abc.stop_at_error_model);
  CHECK(a.predict.draws == b.predict.draws);
}

}  // namespace

TEST_CASE("spec: a spec using every key is read fully", "[calibration][spec]") {
  const CalibrationSpec spec = load_spec(good_spec_path());
  CHECK(spec.file == good_spec_path());
  CHECK(spec.text == good_text());
  CHECK(spec.scenario_file == (data_dir() / "spec-scenario.toml").lexically_normal());
  CHECK(spec.data_file == (data_dir() / "monitor-good.csv").lexically_normal());
  CHECK(spec.fit_until == "2020-12");
  CHECK(spec.seed == 42);
  CHECK(spec.methods == std::vector<std::string>{"abc", "smm"});

  REQUIRE(spec.parameters.size() == 4);
  const ParameterSpec& find = spec.parameters[0];
  CHECK(find.name == "hazards.ww_find_work.rate_per_month");
  CHECK(find.key == "hazards.ww_find_work.rate_per_month");
  CHECK_FALSE(find.elements.has_value());
  CHECK(find.lower == 0.02);
  CHECK(find.upper == 0.25);
  CHECK(find.prior == PriorKind::normal);
  CHECK(find.prior_mean == 0.08);
  CHECK(find.prior_sd == 0.03);
  CHECK(find.transform == Transform::logit);

  const ParameterSpec& inflow = spec.parameters[1];
  CHECK(inflow.name == "ww_inflow_first_year");
  CHECK(inflow.key == "cohorts.ww_inflow.inflow_per_month");
  CHECK(inflow.elements == std::make_pair(0, 11));
  CHECK(inflow.lower == 100.0);
  CHECK(inflow.upper == 800.0);
  CHECK(inflow.prior == PriorKind::lognormal);
  CHECK(inflow.prior_mean == 6.0);
  CHECK(inflow.prior_sd == 0.5);
  CHECK(inflow.transform == Transform::log);

  const ParameterSpec& later = spec.parameters[2];
  CHECK(later.name == "cohorts.ww_inflow.inflow_per_month[12..15]");
  CHECK(later.elements == std::make_pair(12, 15));
  CHECK(later.prior == PriorKind::uniform);
  CHECK(later.transform == Transform::none);

  CHECK(spec.parameters[3].name == "cohorts.ww_inflow.initial_stock");

  REQUIRE(spec.indicators.size() == 2);
  CHECK(spec.indicators[0].name == "ww_benefits_running");
  CHECK(spec.indicators[0].weight == 2.0);
  CHECK(spec.indicators[0].relative_error == 0.03);
  CHECK(spec.indicators[0].absolute_error == 10.0);
  CHECK(spec.indicators[1].name == "intakes");
  CHECK(spec.indicators[1].weight == 1.0);
  CHECK(spec.indicators[1].relative_error == 0.0);
  CHECK(spec.indicators[1].absolute_error == 2.0);

  CHECK(spec.smm.algorithm == "sbplx");
  CHECK(spec.smm.global == "crs2");
  CHECK(spec.smm.restarts == 5);
  CHECK(spec.smm.max_evaluations == 300);
  CHECK(spec.smm.global_evaluations == 400);
  CHECK(spec.smm.relative_tolerance == 1e-3);
  CHECK(spec.smm.replications == 4);
  CHECK(spec.abc.particles == 500);
  CHECK(spec.abc.generations == 4);
  CHECK(spec.abc.quantile == 0.4);
  CHECK(spec.abc.min_acceptance == 0.05);
  CHECK(spec.abc.replications == 2);
  CHECK(spec.abc.max_simulations == 50000);
  CHECK(spec.predict.draws == 100);
}

TEST_CASE("spec: loading and parsing the same text agree", "[calibration][spec]") {
  const CalibrationSpec loaded = load_spec(good_spec_path());
  check_same(loaded, parse_spec(loaded.text, loaded.file));
  // The stored text parses to the same spec again, also as a copy in another file name of the
  // same folder.
  const CalibrationSpec copy = parse_spec(loaded.text, data_dir() / "copy.toml");
  CHECK(copy.file == data_dir() / "copy.toml");
  CHECK(copy.scenario_file == loaded.scenario_file);
  CHECK(copy.parameters.size() == loaded.parameters.size());
}

TEST_CASE("spec: defaults are those of spec.hpp", "[calibration][spec]") {
  const CalibrationSpec spec = parse_spec(kMinimal, data_dir() / "minimal.toml");
  const CalibrationSpec defaults;
  CHECK_FALSE(spec.fit_until.has_value());
  CHECK(spec.seed == defaults.seed);
  CHECK(spec.methods == std::vector<std::string>{"smm", "abc"});
  REQUIRE(spec.parameters.size() == 1);
  CHECK(spec.parameters[0].name == "hazards.ww_find_work.rate_per_month");
  CHECK(spec.parameters[0].prior == PriorKind::uniform);
  CHECK(spec.parameters[0].transform == Transform::none);
  REQUIRE(spec.indicators.size() == 1);
  CHECK(spec.indicators[0].weight == 1.0);
  CHECK(spec.indicators[0].absolute_error == 0.0);
  CalibrationSpec expected = spec;
  expected.smm = SmmSettings{};
  expected.abc = AbcSettings{};
  expected.predict = PredictSettings{};
  check_same(spec, expected);
  CHECK(spec.smm.algorithm == "bobyqa");
  CHECK(spec.smm.global == "none");
}

TEST_CASE("spec: TOML syntax errors", "[calibration][spec]") {
  const ScenarioError e = spec_error("seed = \n");
  CHECK(e.line() == 1);
  CHECK_THAT(e.what(), Catch::Contains("bad.toml:1:"));
  CHECK_THAT(e.what(), Catch::Contains("expected valid TOML"));
}

TEST_CASE("spec: unknown keys get a suggestion", "[calibration][spec]") {
  expect_error(good_with("seed = 42", "sed = 42"), "sed = 42", "sed", {"did you mean 'seed'?"});
  expect_error(good_with("transform = \"logit\"", "transfrom = \"logit\""), "transfrom",
               "parameters[0].transfrom", {"did you mean 'transform'?"});
  expect_error(good_with("weight = 2.0", "wieght = 2.0"), "wieght", "indicators[0].wieght",
               {"did you mean 'weight'?"});
  expect_error(good_with("restarts = 5", "restart = 5"), "restart =", "smm.restart",
               {"did you mean 'restarts'?"});
  expect_error(good_with("particles = 500", "particle = 500"), "particle =", "abc.particle",
               {"did you mean 'particles'?"});
  expect_error(good_with("draws = 100", "drawz = 100"), "drawz", "predict.drawz",
               {"did you mean 'draws'?"});
}

TEST_CASE("spec: wrong types", "[calibration][spec]") {
  expect_error(good_with("seed = 42", "seed = \"42\""), "seed =", "seed",
               {"an integer >= 0", "a string \"42\""});
  expect_error(good_with("seed = 42", "seed = -1"), "seed =", "seed", {"an integer >= 0", "-1"});
  expect_error(good_with("lower = 0.02", "lower = \"low\""), "lower = \"low\"",
               "parameters[0].lower", {"a number", "a string \"low\""});
  expect_error("smm = 3\n" + kMinimal, "smm = 3", "smm", {"a table [smm]", "an integer 3"});
  expect_error(good_with("restarts = 5", "restarts = 0"), "restarts", "smm.restarts",
               {"an integer >= 1", "found 0"});
  expect_error(good_with("restarts = 5", "restarts = 2.5"), "restarts", "smm.restarts",
               {"an integer >= 1"});
  expect_error(good_with("algorithm = \"sbplx\"", "algorithm = \"lbfgs\""), "algorithm",
               "smm.algorithm", {"one of \"bobyqa\", \"sbplx\", \"neldermead\"", "\"lbfgs\""});
  expect_error(good_with("global = \"crs2\"", "global = \"de\""), "global =", "smm.global",
               {"\"none\", \"crs2\", \"isres\""});
  expect_error(good_with("relative_tolerance = 1e-3", "relative_tolerance = 0"),
               "relative_tolerance", "smm.relative_tolerance", {"a number > 0"});
  expect_error(good_with("draws = 100", "draws = 0"), "draws", "predict.draws",
               {"an integer >= 1"});
  expect_error(good_with("prior = \"normal\"", "prior = \"cauchy\""), "prior = \"cauchy\"",
               "parameters[0].prior", {"\"uniform\", \"normal\", \"lognormal\""});
  expect_error(good_with("transform = \"logit\"", "transform = \"probit\""), "probit",
               "parameters[0].transform", {"\"none\", \"log\", \"logit\""});
}

TEST_CASE("spec: fit_until and methods", "[calibration][spec]") {
  expect_error(good_with("fit_until = \"2020-12\"", "fit_until = \"2020-13\""), "fit_until",
               "fit_until", {"a month \"YYYY-MM\"", "\"2020-13\""});
  expect_error(good_with("fit_until = \"2020-12\"", "fit_until = 2020-12-01"), "fit_until",
               "fit_until", {"a string", "a date"});
  expect_error(good_with("methods = [\"abc\", \"smm\"]", "methods = [\"abc\", \"mcmc\"]"),
               "methods", "methods[1]", {"one of \"smm\", \"abc\"", "\"mcmc\""});
  expect_error(good_with("methods = [\"abc\", \"smm\"]", "methods = [\"abc\", \"abc\"]"), "methods",
               "methods[1]", {"each method at most once", "\"abc\" again"});
  expect_error(good_with("methods = [\"abc\", \"smm\"]", "methods = []"), "methods", "methods",
               {"a non-empty array", "an empty array"});
}

TEST_CASE("spec: missing keys and files", "[calibration][spec]") {
  expect_error(replace_once(kMinimal, "data = \"monitor-good.csv\"\n", ""), "scenario =", "data",
               {"the path of a monitor data file", "no key 'data' in the top-level table"});
  expect_error(good_with("scenario = \"spec-scenario.toml\"",
                         "scenario = \"../../../scenarios/no-such.toml\""),
               "scenario =", "scenario",
               {"the path of an existing file: a scenario file", "no-such.toml", "does not exist"});
  expect_error(good_with("data = \"monitor-good.csv\"", "data = \"missing.csv\""), "data =", "data",
               {"a monitor data file", "\"missing.csv\"", "does not exist"});
  expect_error(replace_once(kMinimal, "lower = 0.02\n", ""), "[[parameters]]",
               "parameters[0].lower", {"no key 'lower' in table parameters[0]"});
  expect_error(replace_once(kMinimal, "key = \"hazards.ww_find_work.rate_per_month\"\n", ""),
               "[[parameters]]", "parameters[0].key", {"a scenario key path"});
  expect_error(replace_once(kMinimal, "name = \"ww_benefits_running\"\n", ""), "[[indicators]]",
               "indicators[0].name", {"an observable", "no key 'name'"});
  const std::string no_indicators = kMinimal.substr(0, kMinimal.find("[[indicators]]"));
  const ScenarioError e = spec_error(no_indicators);
  CHECK(e.key_path() == "indicators");
  CHECK_THAT(e.what(), Catch::Contains("at least one [[indicators]] table"));
  CHECK_THAT(e.what(), Catch::Contains("bad.toml:"));
}

TEST_CASE("spec: key paths must be number parameters of the scenario", "[calibration][spec]") {
  const std::string line = "key = \"hazards.ww_find_work.rate_per_month\"";
  expect_error(good_with(line, "key = \"hazards.ww_find_wrk.rate_per_month\""), "ww_find_wrk",
               "parameters[0].key",
               {"a number parameter of the scenario", "spec-scenario.toml",
                "did you mean 'hazards.ww_find_work.rate_per_month'?"});
  expect_error(good_with(line, "key = \"staff.advisors\""), "staff.advisors", "parameters[0].key",
               {"\"staff.advisors\" (an integer parameter"});
  expect_error(good_with(line, "key = \"region\""), "\"region\"", "parameters[0].key",
               {"\"region\" (not a number)"});
  expect_error(good_with(line, "key = \"horizon.holidays\""), "horizon.holidays",
               "parameters[0].key", {"(not a number)"});
}

TEST_CASE("spec: elements of number arrays", "[calibration][spec]") {
  expect_error(good_with("elements = [12, 15]", "elements = [12, 16]"), "elements = [12, 16]",
               "parameters[2].elements[1]",
               {"0 <= first <= last < 16", "has 16 elements", "an integer 16"});
  expect_error(good_with("elements = [12, 15]", "elements = [13, 12]"), "elements = [13, 12]",
               "parameters[2].elements", {"first <= last", "[13, 12]"});
  expect_error(good_with("elements = [12, 15]", "elements = [-1, 2]"), "elements = [-1, 2]",
               "parameters[2].elements[0]", {"an integer -1"});
  expect_error(good_with("elements = [12, 15]", "elements = [12]"), "elements = [12]",
               "parameters[2].elements", {"[first, last]", "an array of 1"});
  expect_error(good_with("elements = [12, 15]", "elements = [12.0, 15]"), "elements = [12.0",
               "parameters[2].elements[0]", {"a floating-point number 12"});
  expect_error(good_with("elements = [12, 15]\n", ""),
               "[[parameters]]\nkey = \"cohorts.ww_inflow.inflow_per_month\"\nlower",
               "parameters[2].elements",
               {"elements = [first, last]", "an array of 16 numbers", "no key 'elements'"});
  expect_error(good_with("key = \"cohorts.ww_inflow.initial_stock\"",
                         "key = \"cohorts.ww_inflow.initial_stock\"\nelements = [0, 1]"),
               "elements = [0, 1]", "parameters[3].elements",
               {"no elements (cohorts.ww_inflow.initial_stock is a number"});
  // Overlapping elements of the same array are fitted twice.
  expect_error(good_with("elements = [12, 15]", "elements = [11, 15]"), "elements = [11, 15]",
               "parameters[2].elements",
               {"fitted by one parameter only",
                "also fitted by the parameter on line " +
                    std::to_string(line_of(good_text(), "elements = [0, 11]"))});
}

TEST_CASE("spec: a value fitted twice or a name used twice", "[calibration][spec]") {
  const std::string twice = kMinimal +
                            "\n[[parameters]]\nkey = \"hazards.ww_find_work.rate_per_month\"\n"
                            "lower = 0.1\nupper = 0.2\n";
  expect_error(twice, "key = \"hazards.ww_find_work.rate_per_month\"\nlower = 0.1",
               "parameters[1].key", {"also fitted by the parameter on line 5"});
  const std::string same_name =
      kMinimal +
      "\n[[parameters]]\nkey = \"hazards.ww_other_exit.rate_per_month\"\n"
      "name = \"hazards.ww_find_work.rate_per_month\"\nlower = 0.01\nupper = 0.2\n";
  expect_error(same_name, "name = \"hazards.ww_find_work", "parameters[1].name",
               {"a name no other parameter has", "on line 5"});
  expect_error(good_with("name = \"ww_inflow_first_year\"", "name = \"\""), "name = \"\"",
               "parameters[1].name", {"a non-empty name"});
}

TEST_CASE("spec: bounds", "[calibration][spec]") {
  expect_error(good_with("upper = 0.25", "upper = 0.02"), "upper = 0.02", "parameters[0].upper",
               {"a number > lower (0.02)", "found 0.02"});
  // Bounds must be values the scenario accepts.
  expect_error(
      good_with("lower = 3000.0", "lower = -5.0"), "lower = -5.0", "parameters[3].lower",
      {"a number in [0, 200000] (the valid range of cohorts.ww_inflow.initial_stock)", "-5"});
  expect_error(good_with("lower = 0.02", "lower = inf"), "lower = inf", "parameters[0].lower",
               {"a number"});
}

TEST_CASE("spec: transforms must fit the bounds", "[calibration][spec]") {
  expect_error(good_with("lower = 100.0\nupper = 800\n", "lower = 0.0\nupper = 800\n"),
               "lower = 0.0\nupper = 800", "parameters[1].lower",
               {"a number > 0 (transform = \"log\")", "found 0"});
  expect_error(good_with("upper = 0.25", "upper = 1.5"), "upper = 1.5", "parameters[0].upper",
               {"a number <= 1 (transform = \"logit\"", "1.5"});
  const std::string logit_stock =
      good_with("upper = 6000.0", "upper = 6000.0\ntransform = \"logit\"");
  expect_error(logit_stock, "upper = 6000.0", "parameters[3].upper", {"a number <= 1"});
}

TEST_CASE("spec: priors", "[calibration][spec]") {
  expect_error(good_with("prior_mean = 0.08\n", ""), "[[parameters]]", "parameters[0].prior_mean",
               {"the mean of the value (the prior is normal)", "no key 'prior_mean'"});
  expect_error(good_with("prior_sd = 0.5\n", ""),
               "[[parameters]]\nkey = \"cohorts.ww_inflow.inflow_per_month\"\nelements = [0",
               "parameters[1].prior_sd",
               {"the standard deviation of log(value), a number > 0 (the prior is lognormal)"});
  expect_error(good_with("prior_sd = 0.03", "prior_sd = 0"), "prior_sd = 0",
               "parameters[0].prior_sd", {"a number > 0", "found 0"});
  expect_error(good_with("prior_sd = 0.03", "prior_sd = -0.1"), "prior_sd = -0.1",
               "parameters[0].prior_sd", {"a number > 0"});
  expect_error(good_with("lower = 3000.0", "lower = 3000.0\nprior_mean = 4000.0"),
               "prior_mean = 4000.0", "parameters[3].prior_mean",
               {"no prior_mean (the prior is uniform"});
  expect_error(good_with("lower = 3000.0", "lower = 3000.0\nprior_sd = 4000.0"),
               "prior_sd = 4000.0", "parameters[3].prior_sd", {"no prior_sd"});
  const std::string lognormal_below_zero = replace_once(
      kMinimal, "lower = 0.02\nupper = 0.25\n",
      "lower = -0.1\nupper = 0.25\nprior = \"lognormal\"\nprior_mean = -2.5\nprior_sd = 0.3\n");
  // The scenario's own range (a hazard is >= 0) is checked first.
  expect_error(lognormal_below_zero, "lower = -0.1", "parameters[0].lower",
               {"a number in [0, 30]"});
}

TEST_CASE("spec: indicators", "[calibration][spec]") {
  expect_error(good_with("name = \"intakes\"", "name = \"intake\""), "name = \"intake\"",
               "indicators[1].name", {"an observable", "\"intake\" (did you mean 'intakes'?)"});
  expect_error(good_with("name = \"intakes\"", "name = \"with_service.running_ww\""),
               "with_service.running_ww", "indicators[1].name",
               {"each observable in one [[indicators]] only",
                "on line " + std::to_string(line_of(good_text(), "ww_benefits_running"))});
  expect_error(good_with("weight = 2.0", "weight = 0.0"), "weight = 0.0", "indicators[0].weight",
               {"a number > 0"});
  expect_error(good_with("absolute_error = 2", "absolute_error = -2"), "absolute_error = -2",
               "indicators[1].absolute_error", {"a number >= 0"});
  expect_error(good_with("absolute_error = 2", "absolute_error = 0"),
               "[[indicators]]\nname = \"intakes\"", "indicators[1]",
               {"relative_error > 0 or absolute_error > 0", "found neither"});
}

TEST_CASE("spec: abc settings", "[calibration][spec]") {
  expect_error(good_with("quantile = 0.4", "quantile = 1.0"), "quantile", "abc.quantile",
               {"a number in (0, 1)", "found 1"});
  expect_error(good_with("quantile = 0.4", "quantile = 0"), "quantile", "abc.quantile",
               {"a number in (0, 1)"});
  expect_error(good_with("min_acceptance = 0.05", "min_acceptance = 1.5"), "min_acceptance",
               "abc.min_acceptance", {"a number in [0, 1]"});
  expect_error(good_with("particles = 500", "particles = 1"), "particles", "abc.particles",
               {"an integer >= 2"});
  expect_error(good_with("max_simulations = 50000", "max_simulations = 499"), "max_simulations",
               "abc.max_simulations", {"an integer >= particles (500)", "found 499"});
  expect_error(good_with("max_simulations = 50000", "max_simulations = 5e4"), "max_simulations",
               "abc.max_simulations", {"a floating-point number"});
  expect_error(
      good_with("max_simulations = 50000", "max_simulations = 50000\nstop_at_error_model = 1"),
      "stop_at_error_model", "abc.stop_at_error_model", {"found"});
  CHECK_FALSE(parse_spec(good_text(), data_dir() / "good.toml").abc.stop_at_error_model);
  CHECK(parse_spec(good_with("max_simulations = 50000",
                             "max_simulations = 50000\nstop_at_error_model = true"),
                   data_dir() / "good.toml")
            .abc.stop_at_error_model);
}

TEST_CASE("spec: the scenario's own errors name the scenario file", "[calibration][spec]") {
  const std::string text =
      replace_once(kMinimal, "../../../scenarios/gooi-en-vechtstreek.toml", "broken-scenario.toml");
  const ScenarioError e = spec_error(text);
  CHECK(e.file() == (data_dir() / "broken-scenario.toml").string());
  CHECK(e.line() == 6);
  CHECK(e.key_path() == "hazards.ww_find_work.rate_per_month");
}

TEST_CASE("spec: a missing spec file", "[calibration][spec]") {
  const std::filesystem::path missing = data_dir() / "no-such-spec.toml";
  try {
    (void)load_spec(missing);
    FAIL("no ScenarioError");
  } catch (const ScenarioError& e) {
    CHECK(e.file() == missing.string());
    CHECK_THAT(e.what(), Catch::Contains("a calibration spec file"));
    CHECK_THAT(e.what(), Catch::Contains("no such file"));
  }
}

TEST_CASE("spec: the Gooi WW fit of calibration/specs loads", "[calibration][spec]") {
  const std::filesystem::path file =
      std::filesystem::path(WERKSTROOM_SOURCE_DIR) / "calibration/specs/gooi-ww-fit.toml";
  const CalibrationSpec spec = load_spec(file);
  CHECK(spec.scenario_file.filename() == "gooi-ww-2018-2021.toml");
  CHECK(spec.data_file.filename() == "gooi-vechtstreek-ww.csv");
  CHECK(spec.fit_until == "2020-08");
  REQUIRE_FALSE(spec.parameters.empty());
  REQUIRE_FALSE(spec.indicators.empty());
  CHECK(spec.indicators[0].name == "ww_benefits_running");
}
