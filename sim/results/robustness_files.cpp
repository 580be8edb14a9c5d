#include "results/robustness_files.hpp"

#include <H5Cpp.h>
#include <fmt/core.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "io/output_file.hpp"
#include "model/metric_registry.hpp"
#include "results/hdf5_helpers.hpp"

namespace werkstroom::results {

namespace {

using experiment::AssumptionResult;
using experiment::kFigureCount;
using experiment::kRobustnessFigures;
using experiment::RobustnessResult;
using namespace detail;

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::string unit_of(std::string_view figure) {
  const model::MetricInfo* info = model::find_metric(figure);
  return info != nullptr ? std::string(info->unit) : std::string();
}

/// One column of the assumptions in rank order.
template <typename Get>
std::vector<double> column(const RobustnessResult& r, const Get& get) {
  std::vector<double> out;
  out.reserve(r.assumptions.size());
  for (const AssumptionResult& a : r.assumptions) out.push_back(get(a));
  return out;
}

void vector_dataset(const H5::Group& g, const std::string& name, const std::vector<double>& v,
                    const std::string& unit, const std::string& description) {
  number_dataset(g, name, v, {v.size()}, {name, unit, description});
}

void write_figure(const H5::Group& parent, const RobustnessResult& r, std::size_t f) {
  const std::string figure(kRobustnessFigures[f]);
  const std::string unit = unit_of(figure);
  const std::string per_range = unit + " per range";
  const H5::Group g = parent.createGroup(figure, utf8_links());
  text_attribute(g, "unit", unit);
  const auto effect = [&](const char* name, auto member, const char* what) {
    vector_dataset(g, name,
                   column(r, [&](const AssumptionResult& a) { return a.effects[f].*member; }),
                   per_range,
                   std::string(what) + " of the elementary effects on the difference B - A of " +
                       figure + ", per move over the whole plausible range (lo -> hi)");
  };
  effect("mu_star", &experiment::ScreeningEffect::mu_star, "mean absolute value");
  effect("mu", &experiment::ScreeningEffect::mu, "mean");
  effect("sigma", &experiment::ScreeningEffect::sigma, "standard deviation");
  const kernel::ReplicationBand& b = r.baseline[f];
  vector_dataset(g, "baseline", {b.mean, b.low, b.high}, unit,
                 "the difference B - A at the scenarios' own values: mean, 5% and 95% quantile "
                 "over the extreme replications");
  const auto band = [&](const char* name, auto end, auto member, const char* what) {
    vector_dataset(g, name,
                   column(r,
                          [&](const AssumptionResult& a) {
                            return a.has_extremes ? (a.*end)[f].*member : kMissing;
                          }),
                   unit,
                   std::string(what) + " of the difference B - A with the assumption at " +
                       (end == &AssumptionResult::at_lo ? "lo" : "hi") +
                       " (the others at their own values); NaN for assumptions not taken to "
                       "their extremes");
  };
  band("at_lo_mean", &AssumptionResult::at_lo, &kernel::ReplicationBand::mean, "mean");
  band("at_lo_low", &AssumptionResult::at_lo, &kernel::ReplicationBand::low, "5% quantile");
  band("at_lo_high", &AssumptionResult::at_lo, &kernel::ReplicationBand::high, "95% quantile");
  band("at_hi_mean", &AssumptionResult::at_hi, &kernel::ReplicationBand::mean, "mean");
  band("at_hi_low", &AssumptionResult::at_hi, &kernel::ReplicationBand::low, "5% quantile");
  band("at_hi_high", &AssumptionResult::at_hi, &kernel::ReplicationBand::high, "95% quantile");
  vector_dataset(
      g, "can_flip",
      column(
          r,
          [&](const AssumptionResult& a) { return a.has_extremes && a.can_flip[f] ? 1.0 : 0.0; }),
      "0/1", "1 when the mean difference at lo or hi has the other sign than the baseline's");
}

void write_file(H5::H5File& file, const RobustnessResult& r, const RobustnessProvenance& p) {
  const H5::Group root = file.openGroup("/");
  text_attribute(root, "format", kRobustnessFormat);
  text_attribute(root, "version", p.version);
  text_attribute(root, "revision", p.revision);
  text_attribute(root, "command_line", p.command_line);
  text_list_attribute(root, "scenario_files", p.scenario_files);

  const H5::Group g = root.createGroup("robustness", utf8_links());
  text_attribute(g, "scenario_a", r.name_a);
  text_attribute(g, "scenario_b", r.name_b);
  text_attribute(g, "difference", "B - A, paired (common random numbers)");
  text_attribute(g, "method",
                 "Morris elementary effects on a grid of `levels` levels over each plausible "
                 "range, then one at a time extremes for the top assumptions by mu* of "
                 "net_savings_eur; the scenarios' [uncertainty] draws off");
  uint_attribute(g, "seed", r.settings.master_seed);
  int_attribute(g, "trajectories", r.settings.trajectories);
  int_attribute(g, "levels", r.settings.levels);
  int_attribute(g, "replications", r.settings.replications);
  int_attribute(g, "extreme_replications", r.settings.extreme_replications);
  int_attribute(g, "top", r.settings.top);
  int_attribute(g, "screening_points", static_cast<std::int64_t>(r.screening_points));
  int_attribute(g, "simulations", static_cast<std::int64_t>(r.simulations));
  std::vector<std::string> figures(kRobustnessFigures.begin(), kRobustnessFigures.end());
  text_list_attribute(g, "figures", figures);
  text_list_attribute(g, "decisions", r.decisions);
  text_list_attribute(g, "draw_settings", r.draw_settings);
  std::vector<std::string> skipped_keys;
  std::vector<std::string> skipped_reasons;
  for (const experiment::NotScreened& n : r.not_screened) {
    for (const std::string& key : n.keys) {
      skipped_keys.push_back(key);
      skipped_reasons.push_back(n.reason);
    }
  }
  text_dataset(g, "not_screened_key", skipped_keys,
               {"not_screened_key", "",
                "every other value labelled assumption: that was not screened (besides "
                "`decisions` and `draw_settings`)"});
  text_dataset(g, "not_screened_reason", skipped_reasons,
               {"not_screened_reason", "", "why, for each not_screened_key"});

  std::vector<std::string> keys;
  std::vector<std::string> names;
  std::vector<std::string> labels;
  std::vector<std::string> units;
  for (const AssumptionResult& a : r.assumptions) {
    keys.push_back(a.assumption.key);
    names.push_back(a.assumption.name);
    labels.push_back(a.assumption.label);
    units.push_back(a.assumption.unit);
  }
  text_dataset(g, "key", keys,
               {"key", "",
                "key path of each assumption, in rank order; for a group the path of the table "
                "whose relative range it is"});
  text_dataset(g, "name", names,
               {"name", "", "each assumption as reported: the key, or \"table (n values)\""});
  text_dataset(g, "label", labels, {"label", "", "source label of each assumption"});
  text_dataset(g, "unit", units, {"unit", "", "unit of each assumption's value"});
  vector_dataset(g, "value",
                 column(r, [](const AssumptionResult& a) { return a.assumption.value; }), "",
                 "the scenarios' own value (unit: the `unit` dataset)");
  vector_dataset(g, "lo", column(r, [](const AssumptionResult& a) { return a.assumption.lo; }), "",
                 "lower end of the plausible range (unit: the `unit` dataset; for a group the "
                 "factor of the relative range)");
  vector_dataset(g, "hi", column(r, [](const AssumptionResult& a) { return a.assumption.hi; }), "",
                 "upper end of the plausible range (unit: the `unit` dataset; for a group the "
                 "factor of the relative range)");
  vector_dataset(g, "values",
                 column(r,
                        [](const AssumptionResult& a) {
                          return static_cast<double>(a.assumption.values.size());
                        }),
                 "", "how many values the assumption moves (1, or the group's size)");
  vector_dataset(g, "extremes",
                 column(r, [](const AssumptionResult& a) { return a.has_extremes ? 1.0 : 0.0; }),
                 "0/1", "1 for the assumptions taken to their extremes one at a time");
  for (std::size_t f = 0; f < kFigureCount; ++f) write_figure(g, r, f);
}

std::string csv_number(double x) {
  if (std::isnan(x)) return "";
  return fmt::format("{}", x);
}

std::string csv_text(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<double> read_numbers(const H5::Group& g, const std::string& name) {
  const H5::DataSet ds = g.openDataSet(name);
  hsize_t n = 0;
  ds.getSpace().getSimpleExtentDims(&n);
  std::vector<double> out(n);
  if (n > 0) ds.read(out.data(), H5::PredType::NATIVE_DOUBLE);
  return out;
}

std::vector<std::string> read_texts(const H5::Group& g, const std::string& name) {
  const H5::DataSet ds = g.openDataSet(name);
  const H5::DataSpace space = ds.getSpace();
  hsize_t n = 0;
  space.getSimpleExtentDims(&n);
  std::vector<char*> pointers(n, nullptr);
  std::vector<std::string> out;
  if (n == 0) return out;
  const H5::StrType type = text_type();
  ds.read(static_cast<void*>(pointers.data()), type);
  for (const char* p : pointers) out.emplace_back(p != nullptr ? p : "");
  H5::DataSet::vlenReclaim(pointers.data(), type, space);
  return out;
}

std::string read_text_attribute(const H5::H5Object& object, const char* name) {
  const H5::Attribute a = object.openAttribute(name);
  std::string value;
  a.read(text_type(), value);
  return value;
}

}  // namespace

void write_robustness_hdf5(const std::filesystem::path& path,
                           const experiment::RobustnessResult& result,
                           const RobustnessProvenance& provenance) {
  write_hdf5_atomically(path, "robustness file",
                        [&](H5::H5File& file) { write_file(file, result, provenance); });
}

void write_robustness_csv(const std::filesystem::path& path,
                          const experiment::RobustnessResult& result) {
  std::string text = "rank,key,name,values,unit,value,lo,hi,extremes";
  for (const std::string_view figure : kRobustnessFigures) {
    for (const char* column : {"mu_star", "mu", "sigma", "baseline_mean", "at_lo_mean", "at_lo_low",
                               "at_lo_high", "at_hi_mean", "at_hi_low", "at_hi_high", "can_flip"}) {
      text += fmt::format(",{}_{}", figure, column);
    }
  }
  text += "\n";
  for (std::size_t i = 0; i < result.assumptions.size(); ++i) {
    const AssumptionResult& a = result.assumptions[i];
    text += fmt::format("{},{},{},{},{},{},{},{},{}", i + 1, csv_text(a.assumption.key),
                        csv_text(a.assumption.name), a.assumption.values.size(),
                        csv_text(a.assumption.unit), csv_number(a.assumption.value),
                        csv_number(a.assumption.lo), csv_number(a.assumption.hi),
                        a.has_extremes ? 1 : 0);
    for (std::size_t f = 0; f < kFigureCount; ++f) {
      const experiment::ScreeningEffect& e = a.effects[f];
      text += fmt::format(",{},{},{},{}", csv_number(e.mu_star), csv_number(e.mu),
                          csv_number(e.sigma), csv_number(result.baseline[f].mean));
      if (a.has_extremes) {
        text += fmt::format(",{},{},{},{},{},{},{}", csv_number(a.at_lo[f].mean),
                            csv_number(a.at_lo[f].low), csv_number(a.at_lo[f].high),
                            csv_number(a.at_hi[f].mean), csv_number(a.at_hi[f].low),
                            csv_number(a.at_hi[f].high), a.can_flip[f] ? 1 : 0);
      } else {
        text += ",,,,,,,";
      }
    }
    text += "\n";
  }
  io::write_file_atomically(path, text, "robustness table");
}

RobustnessTornado read_robustness_tornado(const std::filesystem::path& path) {
  try {
    H5::Exception::dontPrint();
    const H5::H5File file(path.string(), H5F_ACC_RDONLY);
    const H5::Group root = file.openGroup("/");
    if (!root.attrExists("format") || read_text_attribute(root, "format") != kRobustnessFormat) {
      throw std::runtime_error("not a robustness file (format " + std::string(kRobustnessFormat) +
                               ")");
    }
    const H5::Group g = file.openGroup("robustness");
    const H5::Group net = g.openGroup(std::string(kRobustnessFigures[0]));
    RobustnessTornado out;
    out.name_a = read_text_attribute(g, "scenario_a");
    out.name_b = read_text_attribute(g, "scenario_b");
    out.baseline = read_numbers(net, "baseline").at(0);
    // The reported names (files before groups have only keys).
    const std::vector<std::string> keys = read_texts(g, g.nameExists("name") ? "name" : "key");
    const std::vector<double> extremes = read_numbers(g, "extremes");
    const std::vector<double> lo = read_numbers(net, "at_lo_mean");
    const std::vector<double> hi = read_numbers(net, "at_hi_mean");
    const std::vector<double> flip = read_numbers(net, "can_flip");
    if (extremes.size() != keys.size() || lo.size() != keys.size() || hi.size() != keys.size() ||
        flip.size() != keys.size()) {
      throw std::runtime_error("datasets of different lengths in /robustness");
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (extremes[i] != 1.0) continue;
      out.keys.push_back(keys[i]);
      out.at_lo.push_back(lo[i]);
      out.at_hi.push_back(hi[i]);
      out.can_flip.push_back(flip[i] == 1.0);
    }
    return out;
  } catch (const H5::Exception& e) {
    throw std::runtime_error("cannot read robustness file " + path.string() + ": " +
                             e.getDetailMsg());
  } catch (const std::out_of_range&) {
    throw std::runtime_error("cannot read robustness file " + path.string() +
                             ": an empty baseline dataset");
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("cannot read robustness file " + path.string() + ": " + e.what());
  }
}

}  // namespace werkstroom::results
