// The calibration's HDF5 file; docs/calibration.md lists the datasets.

#include <H5Cpp.h>

#include <cmath>
#include <limits>

#include <fmt/core.h>

#include "build_info.hpp"
#include "calibration/calibrate.hpp"
#include "calibration/hdf5_provenance.hpp"
#include "results/hdf5_helpers.hpp"

namespace werkstroom::calibration {

namespace {

using results::SeriesInfo;
using namespace results::detail;

std::vector<double> flatten(const std::vector<std::vector<double>>& rows) {
  std::vector<double> out;
  for (const auto& r : rows) out.insert(out.end(), r.begin(), r.end());
  return out;
}

std::vector<double> flatten(const Eigen::MatrixXd& m) {
  std::vector<double> out;
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    for (Eigen::Index j = 0; j < m.cols(); ++j) out.push_back(m(i, j));
  }
  return out;
}

void vector_dataset(const H5::Group& g, const std::string& name, const std::vector<double>& v,
                    const SeriesInfo& info) {
  number_dataset(g, name, v, {v.size()}, info);
}

void matrix_dataset(const H5::Group& g, const std::string& name,
                    const std::vector<std::vector<double>>& rows, std::size_t columns,
                    const SeriesInfo& info) {
  number_dataset(g, name, flatten(rows), {rows.size(), columns}, info);
}

void uint_dataset(const H5::Group& g, const char* name, const std::vector<std::uint64_t>& v,
                  const SeriesInfo& info) {
  const hsize_t n = v.size();
  const H5::DataSet ds = g.createDataSet(name, H5::PredType::STD_U64LE, H5::DataSpace(1, &n));
  if (n > 0) ds.write(v.data(), H5::PredType::NATIVE_UINT64);
  describe(ds, info.unit, info.description);
}

/// The data rows of one region (group `data`): month, indicator, value, standard error, and
/// whether the row is a target of the fit. `region` is the region's index in the run.
void data_group(const H5::Group& parent, const CalibrationRun& run, std::size_t region) {
  const H5::Group data = parent.createGroup("data", utf8_links());
  std::vector<std::string> months;
  std::vector<std::string> indicators;
  std::vector<double> values;
  std::vector<double> errors;
  std::vector<double> used;
  for (const Observation& o : run.region_data[region].rows) {
    months.push_back(o.month);
    indicators.push_back(o.indicator);
    values.push_back(o.value);
    errors.push_back(o.standard_error.value_or(std::numeric_limits<double>::quiet_NaN()));
    bool in_fit = false;
    for (const Target& t : run.targets) {
      in_fit = in_fit || (run.indicator_regions[t.indicator] == region &&
                          run.indicator_observables[t.indicator] == o.indicator &&
                          run.months[t.month] == o.month);
    }
    used.push_back(in_fit ? 1.0 : 0.0);
  }
  text_dataset(data, "month", months, {"", "", "month of each data row (YYYY-MM)"});
  text_dataset(data, "indicator", indicators, {"", "", "indicator of each data row"});
  vector_dataset(data, "value", values, {"", "", "observed value"});
  vector_dataset(data, "standard_error", errors, {"", "", "standard error given (NaN: none)"});
  vector_dataset(data, "used_in_fit", used, {"", "", "1 when the row is a target of the fit"});
}

/// The predictive bands of one region's indicators, a group per indicator (its spec name).
void band_groups(const H5::Group& g, const CalibrationRun& run, std::size_t region) {
  for (std::size_t i = 0; i < run.indicators.size(); ++i) {
    if (run.indicator_regions[i] != region) continue;
    const H5::Group ind = g.createGroup(run.indicator_observables[i], utf8_links());
    vector_dataset(ind, "low", run.predictive.low[i], {"", "", "5% quantile per month"});
    vector_dataset(ind, "median", run.predictive.median[i], {"", "", "median per month"});
    vector_dataset(ind, "high", run.predictive.high[i], {"", "", "95% quantile per month"});
  }
}

/// Several regions: /regions/<name> with the region's scenario and data (attributes), its data
/// rows (data/...) and its predictive bands (predictive/<indicator>/...).
void region_groups(H5::H5File& f, const CalibrationRun& run) {
  const H5::Group regions = f.createGroup("regions", utf8_links());
  const std::vector<RegionSpec> specs = run.spec.fit_regions();
  for (std::size_t r = 0; r < specs.size(); ++r) {
    const H5::Group g = regions.createGroup(specs[r].name, utf8_links());
    text_attribute(g, "scenario_file", specs[r].scenario_file.string());
    text_attribute(g, "data_file", run.region_data[r].file);
    text_attribute(g, "data", run.region_data[r].text);
    text_attribute(g, "fit_until", specs[r].fit_until.value_or(""));
    data_group(g, run, r);
    if (!run.predictive.low.empty()) {
      const H5::Group bands = g.createGroup("predictive", utf8_links());
      text_dataset(bands, "month", run.months, {"", "", "months of the scenarios (their union)"});
      band_groups(bands, run, r);
    }
  }
}

// Everything in the file; every object it opens is closed again on return.
void write_file(H5::H5File& f, const CalibrationRun& run) {
  const H5::Group root = f.openGroup("/");
  provenance_attributes(root, "werkstroom-calibration/1", run.spec, run.data);
  text_attribute(root, "fit_until", run.spec.fit_until.value_or(""));
  text_list_attribute(root, "methods", run.spec.methods);
  text_list_attribute(root, "notes", run.notes);
  uint_attribute(root, "seed", run.spec.seed);
  int_attribute(root, "simulations", run.simulations);
  const std::size_t P = run.spec.parameters.size();

  const H5::Group params = f.createGroup("parameters", utf8_links());
  std::vector<std::string> names;
  std::vector<std::string> keys;
  std::vector<double> lower;
  std::vector<double> upper;
  std::vector<double> first_element;
  std::vector<double> last_element;
  for (const ParameterSpec& p : run.spec.parameters) {
    names.push_back(p.name);
    keys.push_back(p.key);
    lower.push_back(p.lower);
    upper.push_back(p.upper);
    first_element.push_back(p.elements ? p.elements->first : -1.0);
    last_element.push_back(p.elements ? p.elements->second : -1.0);
  }
  text_dataset(params, "name", names, {"", "", "display name of each calibrated parameter"});
  text_dataset(params, "key", keys, {"", "", "scenario key path of each parameter"});
  vector_dataset(params, "lower", lower, {"", "", "lower bound"});
  vector_dataset(params, "upper", upper, {"", "", "upper bound"});
  vector_dataset(params, "first_element", first_element,
                 {"", "", "first list element set (0-based; -1: a number, not a list)"});
  vector_dataset(params, "last_element", last_element,
                 {"", "", "last list element set (inclusive; -1: a number)"});
  vector_dataset(params, "calibrated", run.point,
                 {"", "", "the calibrated values (SMM estimate, else ABC posterior mean)"});

  if (run.spec.multi_region()) {
    std::vector<std::string> regions;
    for (const ParameterSpec& p : run.spec.parameters) {
      std::string list;
      for (const std::string& r : p.regions) list += (list.empty() ? "" : ",") + r;
      regions.push_back(list);
    }
    text_dataset(params, "regions", regions,
                 {"", "", "regions a parameter is set in, comma-separated (empty: shared by all)"});
    text_list_attribute(root, "regions", run.regions);
    region_groups(f, run);
  } else {
    data_group(root, run, 0);
  }

  const H5::Group targets = f.createGroup("targets", utf8_links());
  std::vector<std::string> t_month;
  std::vector<std::string> t_ind;
  std::vector<double> t_obs;
  std::vector<double> t_sd;
  std::vector<double> t_w;
  std::vector<std::string> t_region;
  for (const Target& t : run.targets) {
    t_region.push_back(run.regions[run.indicator_regions[t.indicator]]);
    t_month.push_back(run.months[t.month]);
    t_ind.push_back(run.indicators[t.indicator]);
    t_obs.push_back(t.observed);
    t_sd.push_back(t.sd);
    t_w.push_back(t.weight);
  }
  text_dataset(targets, "month", t_month, {"", "", "month of each target"});
  text_dataset(targets, "indicator", t_ind, {"", "", "indicator of each target"});
  vector_dataset(targets, "observed", t_obs, {"", "", "observed value"});
  vector_dataset(targets, "sd", t_sd, {"", "", "standard deviation of the error model"});
  vector_dataset(targets, "weight", t_w, {"", "", "weight in the distance"});
  if (run.spec.multi_region()) {
    text_dataset(targets, "region", t_region, {"", "", "region of each target"});
  }

  const H5::Group evals = f.createGroup("evaluations", utf8_links());
  std::vector<std::vector<double>> e_values;
  std::vector<std::vector<double>> e_sim;
  std::vector<std::uint64_t> e_seed;
  std::vector<double> e_reps;
  std::vector<double> e_dist;
  for (const Evaluation& e : run.evaluations) {
    e_values.push_back(e.values);
    e_sim.push_back(e.simulated);
    e_seed.push_back(e.seed);
    e_reps.push_back(e.replications);
    e_dist.push_back(e.distance);
  }
  matrix_dataset(evals, "values", e_values, P, {"", "", "[evaluation x parameter] values"});
  matrix_dataset(evals, "simulated", e_sim, run.targets.size(),
                 {"", "", "[evaluation x target] simulated means"});
  uint_dataset(evals, "seed", e_seed, {"", "", "master seed of each evaluation"});
  vector_dataset(evals, "replications", e_reps, {"", "", "replications of each evaluation"});
  vector_dataset(evals, "distance", e_dist, {"", "", "distance D to the targets"});

  if (run.smm) {
    const SmmResult& s = *run.smm;
    const H5::Group g = f.createGroup("smm", utf8_links());
    vector_dataset(g, "estimate", s.estimate, {"", "", "point estimate"});
    vector_dataset(g, "standard_error", s.standard_errors,
                   {"", "", "SMM standard error: sandwich plus the spread over seeds (NaN: none)"});
    number_dataset(
        g, "covariance", flatten(s.covariance),
        {static_cast<hsize_t>(s.covariance.rows()), static_cast<hsize_t>(s.covariance.cols())},
        {"", "", "approximate covariance of the estimate (natural units)"});
    number_dataset(g, "hessian", flatten(s.hessian),
                   {static_cast<hsize_t>(s.hessian.rows()), static_cast<hsize_t>(s.hessian.cols())},
                   {"", "", "curvature of D at the estimate (search coordinates)"});
    matrix_dataset(g, "refit_estimates", s.refit_estimates, P,
                   {"", "", "[refit x parameter] optima of the same data with other seeds"});
    std::vector<std::vector<double>> tv;
    std::vector<double> td;
    std::vector<double> ts;
    for (const SmmTracePoint& t : s.trace) {
      tv.push_back(t.values);
      td.push_back(t.distance);
      ts.push_back(t.search);
    }
    matrix_dataset(g, "trace_values", tv, P, {"", "", "[step x parameter] points searched"});
    vector_dataset(g, "trace_distance", td, {"", "", "D at each step"});
    vector_dataset(g, "trace_search", ts, {"", "", "0: global stage, k: k-th local search"});
    text_list_attribute(g, "warnings", s.warnings);
    vector_dataset(g, "distance", {s.distance}, {"", "", "D at the estimate"});
  }
  if (run.abc) {
    const AbcResult& a = *run.abc;
    const H5::Group g = f.createGroup("abc", utf8_links());
    number_dataset(
        g, "particles", flatten(a.particles),
        {static_cast<hsize_t>(a.particles.rows()), static_cast<hsize_t>(a.particles.cols())},
        {"", "", "[particle x parameter] posterior sample"});
    vector_dataset(g, "weights", a.weights, {"", "", "normalised importance weights"});
    vector_dataset(g, "distances", a.distances, {"", "", "D of each particle"});
    std::vector<double> tol;
    std::vector<double> prop;
    std::vector<double> acc;
    std::vector<double> ess;
    for (const AbcGeneration& x : a.generations) {
      tol.push_back(x.tolerance);
      prop.push_back(static_cast<double>(x.proposals));
      acc.push_back(x.acceptance_rate);
      ess.push_back(x.effective_sample_size);
    }
    vector_dataset(g, "generation_tolerance", tol, {"", "", "tolerance (inf: the prior)"});
    vector_dataset(g, "generation_proposals", prop, {"", "", "proposals simulated"});
    vector_dataset(g, "generation_acceptance", acc, {"", "", "accepted / proposals"});
    vector_dataset(g, "generation_ess", ess, {"", "", "effective sample size"});
    vector_dataset(g, "mean", a.mean, {"", "", "weighted posterior mean"});
    vector_dataset(g, "q05", a.q05, {"", "", "weighted 5% quantile"});
    vector_dataset(g, "q95", a.q95, {"", "", "weighted 95% quantile"});
    text_attribute(g, "stopped_because", a.stopped_because);
    int_attribute(g, "simulations", a.simulations);
  }
  if (!run.identification.empty()) {
    const H5::Group g = f.createGroup("identification", utf8_links());
    text_attribute(g, "source", run.identification.front().source);
    text_attribute(g, "thresholds",
                   fmt::format("width_ratio <= {:.6g}: pinned by the data; > {:.6g}: stays at the "
                               "prior; between: partly",
                               kPinnedWidthRatio, kPriorWidthRatio));
    std::vector<double> prior_sd;
    std::vector<double> prior_width;
    std::vector<double> posterior_sd;
    std::vector<double> posterior_width;
    std::vector<double> sd_ratio;
    std::vector<double> width_ratio;
    std::vector<std::string> verdict;
    for (const IdentificationRow& r : run.identification) {
      prior_sd.push_back(r.prior_sd);
      prior_width.push_back(r.prior_width);
      posterior_sd.push_back(r.posterior_sd);
      posterior_width.push_back(r.posterior_width);
      sd_ratio.push_back(r.sd_ratio);
      width_ratio.push_back(r.width_ratio);
      verdict.push_back(r.verdict);
    }
    vector_dataset(g, "prior_sd", prior_sd, {"", "", "sd of the prior (truncated to the bounds)"});
    vector_dataset(g, "prior_width", prior_width, {"", "", "95% - 5% quantile of the prior"});
    vector_dataset(g, "posterior_sd", posterior_sd,
                   {"", "", "posterior sd (abc: weighted; smm: standard error)"});
    vector_dataset(g, "posterior_width", posterior_width,
                   {"", "", "posterior 95% - 5% (abc: weighted quantiles; smm: 3.29 x s.e.)"});
    vector_dataset(g, "sd_ratio", sd_ratio, {"", "", "posterior_sd / prior_sd"});
    vector_dataset(g, "width_ratio", width_ratio, {"", "", "posterior_width / prior_width"});
    text_dataset(g, "verdict", verdict,
                 {"", "", "pinned by the data, partly, or stays at the prior (see thresholds)"});
  }
  if (!run.predictive.low.empty()) {
    const H5::Group g = f.createGroup("predictive", utf8_links());
    text_attribute(g, "source", run.predictive.source);
    text_dataset(g, "month", run.months, {"", "", "months of the scenario"});
    matrix_dataset(g, "draws", run.predictive.draws, P, {"", "", "[draw x parameter] simulated"});
    // Several regions: the bands are in /regions/<name>/predictive.
    if (!run.spec.multi_region()) band_groups(g, run, 0);
  }
}

}  // namespace

void provenance_attributes(const H5::Group& root, const char* schema, const CalibrationSpec& spec,
                           const MonitorData& data) {
  results::detail::text_attribute(root, "schema", schema);
  results::detail::text_attribute(root, "version", werkstroom::version());
  results::detail::text_attribute(root, "revision", werkstroom::revision());
  results::detail::text_attribute(root, "spec_file", spec.file.string());
  results::detail::text_attribute(root, "spec", spec.text);
  if (spec.multi_region()) {
    // Each region's files and data text are in /regions/<name>; here the list of files.
    std::string data_files;
    std::string scenario_files;
    for (const RegionSpec& r : spec.regions) {
      data_files += (data_files.empty() ? "" : "; ") + r.data_file.string();
      scenario_files += (scenario_files.empty() ? "" : "; ") + r.scenario_file.string();
    }
    results::detail::text_attribute(root, "data_file", data_files);
    results::detail::text_attribute(root, "data", "");
    results::detail::text_attribute(root, "scenario_file", scenario_files);
    return;
  }
  results::detail::text_attribute(root, "data_file", data.file);
  results::detail::text_attribute(root, "data", data.text);
  results::detail::text_attribute(root, "scenario_file", spec.scenario_file.string());
}

void write_calibration_hdf5(const std::filesystem::path& path, const CalibrationRun& run) {
  write_hdf5_atomically(path, "calibration file", [&](H5::H5File& file) { write_file(file, run); });
}

}  // namespace werkstroom::calibration
