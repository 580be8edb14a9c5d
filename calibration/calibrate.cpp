#include "calibration/calibrate.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "scenario/variant_file.hpp"

namespace werkstroom::calibration {

namespace {
/// " (region a, b)" for a regional parameter, " (shared)" for a shared one of a multi-region
/// fit, "" in the single-region form.
std::string region_note(const CalibrationSpec& spec, const ParameterSpec& p) {
  if (!spec.multi_region()) return "";
  if (p.regions.empty()) return "  (shared)";
  std::string names;
  for (const std::string& r : p.regions) names += (names.empty() ? "" : ", ") + r;
  return "  (region " + names + ")";
}
}  // namespace

std::vector<MonitorData> read_spec_data(const CalibrationSpec& spec) {
  std::vector<MonitorData> out;
  for (const RegionSpec& region : spec.fit_regions()) {
    out.push_back(read_monitor_data(region.data_file));
  }
  return out;
}

CalibrationRun calibrate(const CalibrationSpec& spec, const MonitorData& data,
                         const CalibrateOptions& options) {
  return calibrate(spec, std::vector<MonitorData>{data}, options);
}

CalibrationRun calibrate(const CalibrationSpec& spec, const std::vector<MonitorData>& data,
                         const CalibrateOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  Evaluator evaluator(spec, data, options.threads);
  evaluator.stop = options.stop;
  evaluator.backend = options.backend;
  // A prediction from the particles' own paths needs them over the whole horizon.
  evaluator.fit_to_last_data_month = !options.conditional_prediction;
  if (options.journal) {
    evaluator.attach_journal(*options.journal, options.journal_writable, options.journal_reset);
  }
  std::string stage;
  if (options.progress) {
    evaluator.progress = [&](long simulations) { options.progress(stage, simulations); };
  }

  CalibrationRun run;
  run.spec = spec;
  run.data = data.front();
  run.region_data = data;
  run.regions = evaluator.regions();
  run.months = evaluator.months();
  run.indicators = evaluator.indicators();
  run.indicator_regions = evaluator.indicator_regions();
  run.indicator_observables = evaluator.indicator_observables();
  run.targets = evaluator.targets();
  run.notes = evaluator.notes();
  const bool smm = std::count(spec.methods.begin(), spec.methods.end(), "smm") > 0;
  const bool abc = std::count(spec.methods.begin(), spec.methods.end(), "abc") > 0;
  if (smm) {
    stage = "smm";
    run.smm = run_smm(evaluator, spec.smm, spec.seed);
    run.point = run.smm->estimate;
  }
  if (abc) {
    stage = "abc";
    run.abc = run_abc(evaluator, spec.abc, spec.seed);
    if (!smm) run.point = run.abc->mean;
  }
  run.identification = identification_report(spec.parameters, run.abc, run.smm);
  stage = "predict";
  if (run.abc && options.conditional_prediction && spec.abc.replications == 1) {
    run.predictive = particle_path_bands(*run.abc, spec.predict.draws, spec.seed);
  } else if (run.abc) {
    run.predictive = predictive_bands(
        evaluator, posterior_draws(*run.abc, spec.predict.draws, spec.seed), spec.seed, "abc");
  } else if (run.smm) {
    run.predictive = predictive_bands(
        evaluator, normal_draws(*run.smm, evaluator.space(), spec.predict.draws, spec.seed),
        spec.seed, "smm");
  }
  run.horizon_notes = evaluator.horizon_notes();
  run.evaluations = evaluator.history();
  run.simulations = evaluator.simulations();
  run.journal_hits = evaluator.journal_hits();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

std::string calibration_report(const CalibrationRun& run) {
  std::string out;
  const std::vector<RegionSpec> regions = run.spec.fit_regions();
  if (run.spec.multi_region()) {
    out += fmt::format("Joint calibration of {} regions ({} data points; D sums over them)\n",
                       regions.size(), run.targets.size());
    for (std::size_t r = 0; r < regions.size(); ++r) {
      std::size_t points = 0;
      for (const Target& t : run.targets) points += run.indicator_regions[t.indicator] == r;
      out += fmt::format("  {}: {} against {} ({} data points", regions[r].name,
                         regions[r].scenario_file.filename().string(), run.region_data[r].file,
                         points);
      if (regions[r].fit_until) out += fmt::format(" up to {}", *regions[r].fit_until);
      out += ")\n";
    }
  } else {
    out +=
        fmt::format("Calibration of {} against {} ({} data points",
                    run.spec.scenario_file.filename().string(), run.data.file, run.targets.size());
    if (run.spec.fit_until) out += fmt::format(" up to {}", *run.spec.fit_until);
    out += ")\n";
  }
  for (const std::string& note : run.notes) out += "  not fitted: " + note + "\n";
  for (const std::string& note : run.horizon_notes) out += "  " + note + "\n";
  out += "\n";
  const auto& params = run.spec.parameters;
  if (run.smm) {
    const SmmResult& s = *run.smm;
    out += fmt::format(
        "Simulated method of moments ({} evaluations, {} replications each, "
        "distance {:.3f})\n",
        s.evaluations, run.spec.smm.replications, s.distance);
    out += fmt::format("  {:<40} {:>14} {:>14}\n", "parameter", "estimate", "std. error");
    for (std::size_t i = 0; i < params.size(); ++i) {
      out += fmt::format("  {:<40} {:>14.6g} {:>14.4g}{}\n", params[i].name, s.estimate[i],
                         s.standard_errors[i], region_note(run.spec, params[i]));
    }
    for (const std::string& w : s.warnings) out += "  warning: " + w + "\n";
    out += "\n";
  }
  if (run.abc) {
    const AbcResult& a = *run.abc;
    out += fmt::format("ABC-SMC ({} particles, {} simulations; {})\n", a.weights.size(),
                       a.simulations, a.stopped_because);
    out += fmt::format("  {:>10} {:>14} {:>10} {:>10} {:>8}\n", "generation", "tolerance",
                       "proposals", "accepted", "ESS");
    for (std::size_t g = 0; g < a.generations.size(); ++g) {
      const AbcGeneration& x = a.generations[g];
      out += fmt::format("  {:>10} {:>14.4g} {:>10} {:>9.1f}% {:>8.0f}\n", g, x.tolerance,
                         x.proposals, 100.0 * x.acceptance_rate, x.effective_sample_size);
    }
    out +=
        fmt::format("  {:<40} {:>14} {:>14} {:>14}\n", "parameter", "posterior mean", "5%", "95%");
    for (std::size_t i = 0; i < params.size(); ++i) {
      out += fmt::format("  {:<40} {:>14.6g} {:>14.6g} {:>14.6g}\n", params[i].name, a.mean[i],
                         a.q05[i], a.q95[i]);
    }
    out += "\n";
  }
  if (!run.identification.empty()) {
    out += fmt::format(
        "Identification (posterior 5-95% width / prior's, from {}: <= {:.2f} pinned by the "
        "data, > {:.2f} stays at the prior, between: partly)\n",
        run.identification.front().source == "abc" ? "the ABC-SMC posterior"
                                                   : "the SMM standard errors",
        kPinnedWidthRatio, kPriorWidthRatio);
    out += fmt::format("  {:<40} {:>12} {:>12} {:>8} {:>8}  {}\n", "parameter", "prior width",
                       "post. width", "width", "sd", "verdict");
    out += fmt::format("  {:<40} {:>12} {:>12} {:>8} {:>8}\n", "", "", "", "ratio", "ratio");
    for (const IdentificationRow& r : run.identification) {
      out += fmt::format("  {:<40} {:>12.4g} {:>12.4g} {:>8.3f} {:>8.3f}  {}\n", r.parameter,
                         r.prior_width, r.posterior_width, r.width_ratio, r.sd_ratio, r.verdict);
    }
    out += "\n";
  }
  if (!run.predictive.low.empty()) {
    out += fmt::format("Fit and prediction (median and 90% band of {} draws from {}):\n",
                       run.predictive.draws.size(),
                       run.predictive.source == "abc" ? "the ABC-SMC posterior"
                                                      : "the SMM estimate's normal approximation");
    for (std::size_t i = 0; i < run.indicators.size(); ++i) {
      out += fmt::format("  {}\n  {:>8} {:>12} {:>12} {:>12} {:>12}\n", run.indicators[i], "month",
                         "observed", "5%", "median", "95%");
      const std::size_t r = run.indicator_regions[i];
      for (std::size_t m = 0; m < run.months.size(); ++m) {
        std::string observed;
        for (const Observation& o : run.region_data[r].rows) {
          if (o.indicator == run.indicator_observables[i] && o.month == run.months[m]) {
            observed = fmt::format("{:.6g}", o.value);
            if (regions[r].fit_until && o.month > *regions[r].fit_until) observed += "*";
          }
        }
        out += fmt::format("  {:>8} {:>12} {:>12.6g} {:>12.6g} {:>12.6g}\n", run.months[m],
                           observed, run.predictive.low[i][m], run.predictive.median[i][m],
                           run.predictive.high[i][m]);
      }
    }
    bool starred = false;
    for (std::size_t r = 0; r < regions.size(); ++r) {
      for (const Observation& o : run.region_data[r].rows) {
        starred = starred || (regions[r].fit_until && o.month > *regions[r].fit_until);
      }
    }
    if (starred) out += "  (* not used in the fit)\n";
  }
  out += fmt::format("\n{} replications simulated ({} repeated evaluations reused) in {:.1f} s\n",
                     run.simulations, run.journal_hits, run.seconds);
  return out;
}

std::vector<std::filesystem::path> calibrated_scenario_paths(const std::filesystem::path& path,
                                                             const CalibrationRun& run) {
  if (!run.spec.multi_region()) return {path};
  std::vector<std::filesystem::path> out;
  for (const RegionSpec& region : run.spec.regions) {
    out.push_back(path.parent_path() /
                  (path.stem().string() + "-" + region.name + path.extension().string()));
  }
  return out;
}

void write_calibrated_scenario(const std::filesystem::path& path, const CalibrationRun& run,
                               const std::filesystem::path& hdf5_file) {
  const std::vector<RegionSpec> regions = run.spec.fit_regions();
  const std::vector<std::filesystem::path> paths = calibrated_scenario_paths(path, run);
  const ParameterSpace space(run.spec.parameters);
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const scenario::LoadedScenario base = scenario::load_scenario(regions[r].scenario_file);
    const scenario::LoadedScenario calibrated = space.apply(base, run.point, regions[r].name);
    const std::string data_name =
        std::filesystem::path(run.region_data[r].file).filename().string();
    const std::string jointly =
        run.spec.multi_region() ? fmt::format(" (jointly with {} other region{})",
                                              regions.size() - 1, regions.size() == 2 ? "" : "s")
                                : std::string();
    scenario::save_variant(
        base, calibrated, paths[r],
        {"calibrated: " + hdf5_file.filename().string(), "werkstroom calibrate",
         fmt::format("{} calibrated to {}{} by {}", base.name, data_name, jointly,
                     run.smm ? "the simulated method of moments" : "ABC-SMC (posterior mean)")});
  }
}

}  // namespace werkstroom::calibration
