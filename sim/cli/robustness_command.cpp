#include "robustness_command.hpp"

#include <fmt/core.h>

#include <chrono>

#include "build_info.hpp"
#include "experiment/population_cache.hpp"
#include "experiment/robustness.hpp"
#include "experiment/robustness_report.hpp"
#include "io/output_file.hpp"
#include "results/robustness_files.hpp"
#include "scenario/loader.hpp"
#include "stage_progress.hpp"

namespace werkstroom::cli {

void add_robustness_command(CLI::App& parent, RobustnessCommand& command) {
  command.app = parent.add_subcommand(
      "robustness",
      "which assumptions (values labelled assumption: with a range) can flip the comparison "
      "of B with A: Morris screening, then the top ones at their range's ends");
  command.app->add_option("A", command.scenario_a, "the base option (scenario file)")
      ->required()
      ->check(CLI::ExistingFile);
  command.app->add_option("B", command.scenario_b, "the option compared with it (scenario file)")
      ->required()
      ->check(CLI::ExistingFile);
  command.app
      ->add_option("--trajectories", command.trajectories,
                   "Morris trajectories (each k+1 points for k assumptions)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command.app->add_option("--levels", command.levels, "Morris grid levels on each range (even)")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  command.app
      ->add_option("--reps", command.replications,
                   "replications per screening point (common random numbers)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command.app
      ->add_option("--extreme-reps", command.extreme_replications,
                   "replications per one-at-a-time extreme (and the baseline)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command.app->add_option("--top", command.top, "assumptions taken to their range's ends")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  command.app->add_option("--seed", command.seed, "master seed")->capture_default_str();
  command.app->add_option("--threads", command.threads, "worker threads (0: all cores)")
      ->check(CLI::Range(0, 1024));
  command.app
      ->add_option("--cache-mib", command.cache_mib,
                   "population parts kept between points (MiB; results are the same)")
      ->check(CLI::Range(0, 1 << 20))
      ->capture_default_str();
  command.app->add_option("--out", command.out, "HDF5 file with the group /robustness");
  command.app->add_option("--csv", command.csv, "one row per assumption as a CSV table");
  command.app->add_option("--lang", command.lang, "language of the report: nl or en")
      ->check(CLI::IsMember({"nl", "en"}));
}

int run_robustness(const RobustnessCommand& command, const std::atomic<bool>* stop) {
  const scenario::LoadedScenario a = scenario::load_scenario(command.scenario_a);
  const scenario::LoadedScenario b = scenario::load_scenario(command.scenario_b);
  const experiment::Language language = experiment::parse_language(command.lang);
  if (!command.out.empty()) io::check_output_file(command.out, "robustness file");
  if (!command.csv.empty()) io::check_output_file(command.csv, "robustness table");

  experiment::PopulationCache cache(static_cast<std::size_t>(command.cache_mib) << 20U);
  experiment::RobustnessSettings settings;
  settings.master_seed = command.seed;
  settings.trajectories = command.trajectories;
  settings.levels = command.levels;
  settings.replications = command.replications;
  settings.extreme_replications = command.extreme_replications;
  settings.top = command.top;
  settings.threads = command.threads;
  settings.stop = stop;
  settings.population_cache = &cache;
  StageProgress progress(10);
  settings.progress = [&progress](std::string_view phase, std::size_t done, std::size_t /*total*/) {
    progress.report(std::string(phase), static_cast<long>(done));
  };
  const auto started = std::chrono::steady_clock::now();
  const experiment::RobustnessResult result = experiment::screen_robustness(a, b, settings);
  progress.finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  fmt::print("{}", experiment::robustness_report(result, language));
  const experiment::PopulationCache::Counts parts = cache.counts();
  fmt::print("\n{} simulations in {:.1f} s; population parts reused {}, built {}\n",
             result.simulations, seconds, parts.reused, parts.built);
  if (!command.out.empty()) {
    results::RobustnessProvenance provenance;
    provenance.scenario_files = {command.scenario_a, command.scenario_b};
    provenance.version = version();
    provenance.revision = revision();
    provenance.command_line = command.command_line;
    results::write_robustness_hdf5(command.out, result, provenance);
    fmt::print("Wrote {}\n", command.out);
  }
  if (!command.csv.empty()) {
    results::write_robustness_csv(command.csv, result);
    fmt::print("Wrote {}\n", command.csv);
  }
  return 0;
}

}  // namespace werkstroom::cli
