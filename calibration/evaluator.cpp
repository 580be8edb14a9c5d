#include "calibration/evaluator.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <thread>

#include "build_info.hpp"
#include "calibration/fit_horizon.hpp"
#include "calibration/journal.hpp"
#include "calibration/observables.hpp"
#include "experiment/experiment.hpp"
#include "io/output_file.hpp"
#include "kernel/calendar.hpp"
#include "kernel/random.hpp"
#include "model/region_model.hpp"

namespace werkstroom::calibration {

namespace {

/// Runs fn(k) for k in [0, n) on up to `threads` threads (0: all cores); rethrows the first
/// exception after all threads have stopped.
void parallel_for(std::size_t n, int threads, const std::function<void(std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto worker = [&] {
    while (!failed.load()) {
      const std::size_t k = next.fetch_add(1);
      if (k >= n) return;
      try {
        fn(k);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed.store(true);
      }
    }
  };
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t count = std::min<std::size_t>(
      threads > 0 ? static_cast<std::size_t>(threads) : hardware, std::max<std::size_t>(n, 1));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < count; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

namespace {
/// The scenario a calibration evaluates: a fit is of point values, so the scenario's own
/// draws ([uncertainty], which would override calibrated keys and blur the distance) are off.
/// The fit's uncertainty is its posterior, which a run can draw from (--posterior).
scenario::LoadedScenario scenario_without_draws(const std::filesystem::path& file) {
  scenario::LoadedScenario loaded = scenario::load_scenario(file);
  loaded.parameters.uncertainty = {};
  return loaded;
}
}  // namespace

std::uint64_t region_seed(std::uint64_t seed, const std::string& region) {
  if (region.empty()) return seed;
  return kernel::mix64(seed ^ kernel::hash_name(region));
}

std::string region_indicator(const std::string& region, const std::string& indicator) {
  return region.empty() ? indicator : region + ":" + indicator;
}

Evaluator::Evaluator(const CalibrationSpec& spec, const MonitorData& data, int threads)
    : Evaluator(spec, std::vector<MonitorData>{data}, threads) {}

Evaluator::Evaluator(const CalibrationSpec& spec, const std::vector<MonitorData>& data, int threads)
    : space_(spec.parameters), threads_(threads), seed_(spec.seed) {
  const std::vector<RegionSpec> fitted = spec.fit_regions();
  if (data.size() != fitted.size()) {
    throw std::invalid_argument(
        fmt::format("{} data files for {} regions", data.size(), fitted.size()));
  }
  // Each region's months; the evaluator's are their union, in order.
  for (const RegionSpec& region : fitted) {
    bases_.push_back(scenario_without_draws(region.scenario_file));
    applied_bases_.push_back(scenario::for_overrides_only(bases_.back()));
    regions_.push_back(region.name);
    const model::ModelParameters& p = bases_.back().parameters;
    const std::size_t month_count = model::month_boundaries(p).size() - 1;
    const kernel::Calendar calendar(p.horizon.start_date, {});
    std::vector<std::string> months;
    for (std::size_t m = 0; m < month_count; ++m) {
      months.push_back(calendar.year_month(static_cast<int>(m)).to_string());
    }
    months_.insert(months_.end(), months.begin(), months.end());
    region_months_.push_back(std::move(months));
  }
  std::sort(months_.begin(), months_.end());
  months_.erase(std::unique(months_.begin(), months_.end()), months_.end());
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    for (const IndicatorSpec& i : spec.indicators) {
      indicators_.push_back(region_indicator(regions_[r], i.name));
      indicator_region_.push_back(r);
      indicator_observable_.push_back(i.name);
    }
  }

  std::vector<std::string> canonical;
  for (const IndicatorSpec& i : spec.indicators) canonical.push_back(canonical_observable(i.name));
  last_data_month_.assign(regions_.size(), 0);
  cut_.assign(regions_.size(), false);
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    const RegionSpec& region = fitted[r];
    const std::vector<std::string>& own = region_months_[r];
    const std::size_t before = targets_.size();
    for (const Observation& row : data[r].rows) {
      const auto ind =
          std::find(canonical.begin(), canonical.end(), canonical_observable(row.indicator));
      if (ind == canonical.end()) continue;  // data the spec does not fit
      if (region.fit_until && row.month > *region.fit_until) continue;
      if (std::find(own.begin(), own.end(), row.month) == own.end()) {
        notes_.push_back(fmt::format("{}:{}: {} {} is outside the scenario's months {} to {}",
                                     data[r].file, row.line, row.indicator, row.month, own.front(),
                                     own.back()));
        continue;
      }
      const auto month = std::find(months_.begin(), months_.end(), row.month);
      const auto i = static_cast<std::size_t>(ind - canonical.begin());
      const IndicatorSpec& is = spec.indicators[i];
      const double sd = std::max({row.standard_error.value_or(0.0),
                                  is.relative_error * std::abs(row.value), is.absolute_error});
      if (!(sd > 0.0)) {
        throw DataError(fmt::format(
            "{}:{}: {} in {} has no standard error and the spec gives it no error model "
            "(relative_error or absolute_error of indicator {})",
            data[r].file, row.line, row.indicator, row.month, row.indicator));
      }
      targets_.push_back(Target{r * spec.indicators.size() + i,
                                static_cast<std::size_t>(month - months_.begin()), row.value, sd,
                                is.weight});
      const auto own_month = std::find(own.begin(), own.end(), row.month) - own.begin();
      last_data_month_[r] = std::max(last_data_month_[r], static_cast<int>(own_month));
    }
    if (targets_.size() == before) {
      throw DataError(fmt::format("{}: no data rows to fit: none of the spec's indicators{}{}",
                                  data[r].file,
                                  region.fit_until ? " up to " + *region.fit_until : std::string(),
                                  region.name.empty() ? "" : " (region " + region.name + ")"));
    }
  }
  // What determines an evaluation's paths besides its own values, seed and replications (the
  // journal's header, journal.hpp). The data and the fit's settings do not: a backtest's splits
  // share one journal.
  std::string scenarios;
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    scenarios += "[region " + regions_[r] + "]\n";
    scenarios += bases_[r].text;
  }
  std::string fitted_keys;
  for (const ParameterSpec& ps : spec.parameters) {
    fitted_keys +=
        ps.key + (ps.elements ? fmt::format("[{}..{}]", ps.elements->first, ps.elements->second)
                              : std::string());
    for (const std::string& region : ps.regions) fitted_keys += " " + region;
    fitted_keys += "\n";
  }
  for (const std::string& name : indicators_) fitted_keys += "indicator " + name + "\n";
  journal_identity_.indicators = indicators_.size();
  journal_identity_.months = months_.size();
  journal_identity_.scenario = fmt::format("{:016x}", kernel::hash_name(scenarios));
  journal_identity_.spec = fmt::format("{:016x}", kernel::hash_name(fitted_keys));
  journal_identity_.program = std::string(werkstroom::version()) + "+" + werkstroom::revision();
  std::replace(journal_identity_.program.begin(), journal_identity_.program.end(), ' ', '_');
  journal_identity_.seed = spec.seed;
}

double Evaluator::distance(const std::vector<double>& simulated) const {
  double d = 0.0;
  for (std::size_t t = 0; t < targets_.size(); ++t) {
    const double u = (simulated[t] - targets_[t].observed) / targets_[t].sd;
    d += targets_[t].weight * u * u;
  }
  return d;
}

void Evaluator::finish(Evaluation& e) const {
  e.simulated.clear();
  for (const Target& t : targets_) e.simulated.push_back(e.paths[t.indicator][t.month]);
  e.distance = distance(e.simulated);
}

std::string Evaluator::journal_key(const std::vector<double>& values, std::uint64_t seed,
                                   int replications, bool cut) const {
  std::string key = fmt::format("{} {}", seed, replications);
  for (const double v : values) {
    key += ' ';
    key += hex_number(v);
  }
  // Paths cut at the last data month are another entry than the whole horizon's.
  for (std::size_t r = 0; cut && r < cut_.size(); ++r) {
    if (cut_[r]) key += " to " + region_months_[r][static_cast<std::size_t>(last_data_month_[r])];
  }
  return key;
}

void Evaluator::check_cuts() {
  std::vector<std::string> notes;
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    const std::vector<std::string>& own = region_months_[r];
    const int last = last_data_month_[r];
    const std::string where = regions_[r].empty() ? "" : " (region " + regions_[r] + ")";
    if (static_cast<std::size_t>(last) + 1 >= own.size()) continue;  // data to the end
    std::vector<std::string> observables;
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
      if (indicator_region_[i] == r) observables.push_back(indicator_observable_[i]);
    }
    // The centre staffs and closes toward its service's end date, so a cut moves its earlier
    // months (the library's region scenarios differ from the third month on): never cut it.
    // Without it, the check is one replication of each horizon at the scenario's own values.
    const bool centre = bases_[r].parameters.service_enabled;
    const std::optional<std::string> change =
        centre ? std::optional<std::string>(
                     "what the mobility centre does: it plans to its service's end date")
               : cut_changes(bases_[r].parameters, last, region_seed(seed_, regions_[r]),
                             observables, threads_);
    if (!centre) simulations_.fetch_add(kCutCheckReplications);  // counted as simulated
    cut_[r] = !change;
    const auto at = static_cast<std::size_t>(last);
    notes.push_back(
        change ? fmt::format("the fit simulates {} to {}{}: cutting it after the last data month "
                             "{} would change {}",
                             own.front(), own.back(), where, own[at], *change)
               : fmt::format("the fit simulates {} to {}{}, the last data month (the prediction "
                             "to {})",
                             own.front(), own[at], where, own.back()));
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  horizon_notes_ = std::move(notes);
}

std::vector<std::string> Evaluator::horizon_notes() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return horizon_notes_;
}

std::vector<Evaluation> Evaluator::evaluate(const std::vector<std::vector<double>>& values,
                                            const std::vector<std::uint64_t>& seeds,
                                            int replications, bool keep_replications, Span span) {
  const bool cut = span == Span::fit && fit_to_last_data_month;
  if (cut) {
    std::call_once(cuts_checked_, [&] { check_cuts(); });
  }
  const std::size_t n = values.size();
  const auto reps = static_cast<std::size_t>(std::max(replications, 1));
  std::vector<Evaluation> out(n);
  std::vector<bool> from_journal(n, false);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t k = 0; k < n; ++k) {
      out[k].values = values[k];
      out[k].seed = seeds.at(k);
      out[k].replications = static_cast<int>(reps);
      const auto hit = journal_.find(journal_key(values[k], seeds[k], static_cast<int>(reps), cut));
      if (hit != journal_.end() && !keep_replications) {
        out[k].paths = hit->second;
        from_journal[k] = true;
        ++journal_hits_;
      }
    }
  }
  // The scenarios' parameters (applying values checks them as a file would; one per evaluation
  // and region), then every replication. What is built in the workers is also released there
  // (the applied scenarios here, the runs and replications below): a thousand evaluations
  // freed on this thread kept the other cores idle (7% of the real fit's time, perf).
  const std::size_t R = regions_.size();
  std::vector<model::ModelParameters> parameters(n * R);
  parallel_for(n * R, threads_, [&](std::size_t task) {
    const std::size_t k = task / R;
    const std::size_t r = task % R;
    if (from_journal[k]) return;
    scenario::LoadedScenario applied = space_.apply(applied_bases_[r], values[k], regions_[r]);
    parameters[task] = cut && cut_[r] ? cut_horizon(applied.parameters, last_data_month_[r])
                                      : std::move(applied.parameters);
  });
  std::vector<experiment::ScenarioRun> runs;
  std::vector<std::size_t> run_of(n, 0);  // the first of the evaluation's R runs
  for (std::size_t k = 0; k < n; ++k) {
    if (from_journal[k]) continue;
    run_of[k] = runs.size();
    for (std::size_t r = 0; r < R; ++r) {
      runs.push_back({"evaluation " + std::to_string(k) +
                          (regions_[r].empty() ? "" : " region " + regions_[r]),
                      std::move(parameters[k * R + r]), region_seed(seeds[k], regions_[r])});
    }
  }
  // Per evaluation and replication, the paths of every indicator (each region's rows filled
  // by the task of that region, so tasks write disjoint rows).
  std::vector<std::vector<std::vector<double>>> per_rep(
      n * reps, std::vector<std::vector<double>>(indicators_.size(),
                                                 std::vector<double>(months_.size(), 0.0)));
  if (!runs.empty()) {
    experiment::ExperimentSettings settings;
    settings.replications = static_cast<int>(reps);
    settings.threads = threads_;
    settings.stop = stop;
    settings.backend = backend;
    std::vector<experiment::ScenarioResults> results = experiment::run_experiment(runs, settings);
    simulations_.fetch_add(static_cast<long>(runs.size() * reps));  // every region's
    parallel_for(runs.size(), threads_, [&](std::size_t i) { runs[i] = {}; });
    parallel_for(n * R * reps, threads_, [&](std::size_t task) {
      const std::size_t k = task / (R * reps);
      const std::size_t r = (task / reps) % R;
      const std::size_t rep = task % reps;
      if (from_journal[k]) return;
      // Taken out of `results` to be released by this task (tasks own disjoint elements).
      const model::ReplicationResult result = std::move(results[run_of[k] + r].replications[rep]);
      std::vector<std::vector<double>>& paths = per_rep[k * reps + rep];
      // After a cut: NaN, not simulated (0 is a region's value outside its own months).
      const std::string simulated_to =
          cut && cut_[r] ? region_months_[r][static_cast<std::size_t>(last_data_month_[r])]
                         : std::string("9999-12");
      for (std::size_t i = 0; i < indicators_.size(); ++i) {
        if (indicator_region_[i] != r) continue;
        for (std::size_t m = 0; m < months_.size(); ++m) {
          paths[i][m] = months_[m] > simulated_to
                            ? std::numeric_limits<double>::quiet_NaN()
                            : observe(result, indicator_observable_[i], months_[m]).value_or(0.0);
        }
      }
    });
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (!from_journal[k]) {
      // Mean in replication order: the same sum whatever thread finished first.
      out[k].paths.assign(indicators_.size(), std::vector<double>(months_.size(), 0.0));
      for (std::size_t r = 0; r < reps; ++r) {
        const auto& p = per_rep[k * reps + r];
        for (std::size_t i = 0; i < indicators_.size(); ++i) {
          for (std::size_t m = 0; m < months_.size(); ++m) out[k].paths[i][m] += p[i][m];
        }
      }
      for (auto& path : out[k].paths) {
        for (double& v : path) v /= static_cast<double>(reps);
      }
      if (keep_replications) {
        for (std::size_t r = 0; r < reps; ++r) {
          const auto& p = per_rep[k * reps + r];
          std::vector<double> at_targets;
          for (const Target& t : targets_) at_targets.push_back(p[t.indicator][t.month]);
          out[k].replication_targets.push_back(std::move(at_targets));
        }
      }
    }
    finish(out[k]);
  }
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::string appended;
    for (std::size_t k = 0; k < n; ++k) {
      history_.push_back(out[k]);
      if (from_journal[k]) continue;
      const std::string key = journal_key(out[k].values, out[k].seed, out[k].replications, cut);
      journal_[key] = out[k].paths;
      appended += journal_line(key, out[k].paths);
      appended += '\n';
    }
    // A failed write (a full disk) stops the calibration: a journal that silently lost lines
    // would look complete.
    if (!journal_path_.empty() && journal_writable_ && !appended.empty()) {
      append_to_journal(journal_path_, appended);
    }
  }
  if (progress) progress(simulations_.load());
  return out;
}

Evaluation Evaluator::evaluate(const std::vector<double>& values, std::uint64_t seed,
                               int replications, bool keep_replications, Span span) {
  return evaluate(std::vector<std::vector<double>>{values}, {seed}, replications, keep_replications,
                  span)
      .front();
}

std::vector<Evaluation> Evaluator::history() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return history_;
}

void Evaluator::attach_journal(const std::filesystem::path& path, bool writable, bool reset) {
  const std::string header = journal_header(journal_identity_);
  std::ifstream in(path, std::ios::binary);
  if (in && !reset) {
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
      throw DataError(fmt::format("cannot read journal {}", path.string()));
    }
    in.close();
    JournalContent content = read_journal(text, journal_identity_, path);
    journal_ = std::move(content.entries);
    journal_dropped_ = static_cast<long>(content.dropped);
    journal_writable_ = writable;
    journal_path_ = path;
    if (!writable) return;
    // Rewrite without the dropped lines, so appends start on a line of their own. Through a
    // temporary file and a rename: other processes (MPI ranks) reading the journal meanwhile see
    // the old or the new file, never a half-written one, and both hold the same intact entries.
    std::string out = header + '\n';
    for (const auto& [key, paths] : journal_) {
      out += journal_line(key, paths);
      out += '\n';
    }
    io::write_file_atomically(path, out, "journal");
  } else if (writable) {
    // A new journal (or a reset one) appears whole (temporary file, then rename), header
    // included. Under MPI the other ranks, which do not write, start from nothing as well.
    io::write_file_atomically(path, header + '\n', "journal");
  }
  journal_writable_ = writable;
  journal_path_ = path;
}

}  // namespace werkstroom::calibration
