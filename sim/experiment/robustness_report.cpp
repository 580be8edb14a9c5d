#include "experiment/robustness_report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "experiment/console_report.hpp"
#include "experiment/number_format.hpp"
#include "model/metric_registry.hpp"

namespace werkstroom::experiment {

namespace {

std::string range_text(const Assumption& a, Language language) {
  const std::string interval =
      format_interval(format_general(a.lo, language), format_general(a.hi, language), language);
  if (a.group) return "\u00d7" + interval;
  return format_general(a.value, language) + " " + interval;
}

/// At most this many keys are named per reason; the files hold them all.
constexpr std::size_t kKeysNamed = 6;

/// One line per reason: "  12  a flag (true or false): key, key, ... and 6 more".
std::string reason_line(const std::string& reason, const std::vector<std::string>& keys,
                        Language language) {
  std::string named;
  for (std::size_t i = 0; i < std::min(keys.size(), kKeysNamed); ++i) {
    named += (i == 0 ? "" : ", ") + keys[i];
  }
  if (keys.size() > kKeysNamed) {
    named += " " + fmt::format(fmt::runtime(translate("and {} more", language)),
                               keys.size() - kKeysNamed);
  }
  return fmt::format("  {:>4}  {}: {}\n", keys.size(), translate(reason, language), named);
}

std::string fit(const std::string& text, std::size_t width) {
  return text.size() <= width ? text : text.substr(0, width - 1) + "~";
}

}  // namespace

std::string tornado_bar(double baseline, double at_lo, double at_hi, double axis_min,
                        double axis_max, int width) {
  const auto cells = static_cast<std::size_t>(std::max(width, 2));
  std::string bar(cells, ' ');
  const double span = axis_max > axis_min ? axis_max - axis_min : 1.0;
  const auto cell = [&](double v) {
    const double t = std::clamp((v - axis_min) / span, 0.0, 1.0);
    return static_cast<std::size_t>(std::lround(t * static_cast<double>(cells - 1)));
  };
  const auto fill = [&](double to, char c) {
    const std::size_t from = cell(baseline);
    const std::size_t end = cell(to);
    for (std::size_t i = std::min(from, end); i <= std::max(from, end); ++i) bar[i] = c;
  };
  // The longer span first, so that the shorter one stays visible where they overlap.
  if (std::abs(at_lo - baseline) >= std::abs(at_hi - baseline)) {
    fill(at_lo, '=');
    fill(at_hi, '#');
  } else {
    fill(at_hi, '#');
    fill(at_lo, '=');
  }
  if (axis_min <= 0.0 && axis_max >= 0.0) bar[cell(0.0)] = ':';
  bar[cell(baseline)] = '|';
  return bar;
}

std::string robustness_report(const RobustnessResult& r, Language language) {
  std::string out;
  const RobustnessSettings& s = r.settings;
  out += fmt::format(fmt::runtime(translate("Decision robustness of '{}' against '{}': the paired "
                                            "difference B - A",
                                            language)),
                     r.name_a, r.name_b) +
         "\n";
  std::size_t top = 0;
  for (const AssumptionResult& a : r.assumptions) top += a.has_extremes ? 1 : 0;
  out += fmt::format(fmt::runtime(translate(
                         "Screening: Morris, {} trajectories on a grid of {} levels, {} "
                         "assumptions, {} points x {} replications (common random numbers); "
                         "extremes: the top {} at lo and hi, {} replications each; seed {}",
                         language)),
                     s.trajectories, s.levels, r.assumptions.size(), r.screening_points,
                     s.replications, top, s.extreme_replications, s.master_seed) +
         "\n";
  out += translate(
             "The scenarios' per-replication draws ([uncertainty]) are off: each assumption is "
             "set, not drawn, so its effect is not hidden by a draw.",
             language) +
         "\n";
  std::size_t own = 0;
  std::size_t grouped = 0;
  std::size_t groups = 0;
  for (const AssumptionResult& a : r.assumptions) {
    if (a.assumption.group) {
      grouped += a.assumption.values.size();
      ++groups;
    } else {
      ++own;
    }
  }
  std::size_t left_out = r.decisions.size() + r.draw_settings.size();
  for (const NotScreened& n : r.not_screened) left_out += n.keys.size();
  out +=
      fmt::format(fmt::runtime(translate("Screened: {} values labelled assumption: {} with a range "
                                         "of their own, {} in {} groups (a table's relative range: "
                                         "the group's values move together). Not screened: {} "
                                         "values, by reason:",
                                         language)),
                  own + grouped, own, grouped, groups, left_out) +
      "\n";
  if (!r.decisions.empty()) {
    out += reason_line("the options set it differently (a decision, not an assumption)",
                       r.decisions, language);
  }
  if (!r.draw_settings.empty()) {
    out += reason_line("a setting of the per-replication draws, which are off", r.draw_settings,
                       language);
  }
  for (const NotScreened& n : r.not_screened) out += reason_line(n.reason, n.keys, language);
  out += "\n" +
         translate("Baseline difference B - A at the scenarios' own values, mean [5%, 95%]:",
                   language) +
         "\n";
  for (std::size_t f = 0; f < kFigureCount; ++f) {
    out += fmt::format("  {:<28}{}\n", kpi_label(kRobustnessFigures[f], language),
                       report_band(r.baseline[f], language));
  }

  out += "\n" +
         translate(
             "Screening: mu* (sigma) of the elementary effects, the change of the "
             "difference per move over the whole range; sorted by the net savings column",
             language) +
         "\n\n";
  out += fmt::format("{:>4} {:<44}{:<24}", "#", translate("assumption", language),
                     translate("range", language));
  for (const std::string_view figure : kRobustnessFigures) {
    out += fmt::format("{:>22}", fit(kpi_label(figure, language), 21));
  }
  out += "\n";
  for (std::size_t i = 0; i < r.assumptions.size(); ++i) {
    const AssumptionResult& a = r.assumptions[i];
    out += fmt::format("{:>4} {:<44}{:<24}", i + 1, fit(a.assumption.name, 43),
                       fit(range_text(a.assumption, language), 23));
    for (const ScreeningEffect& e : a.effects) {
      out += fmt::format("{:>22}", fmt::format("{} ({})", report_number(e.mu_star, language),
                                               report_number(e.sigma, language)));
    }
    out += "\n";
  }

  out += "\n" +
         translate("One at a time at the range's ends: the difference B - A, mean [5%, 95%]",
                   language) +
         "\n\n";
  out += fmt::format("{:<44}{:<22}{:>28}{:>28}{:>14}\n", translate("assumption", language), "",
                     translate("at lo", language), translate("at hi", language),
                     translate("can flip", language));
  std::vector<std::string> flips;
  double axis_min = r.baseline[0].mean;
  double axis_max = r.baseline[0].mean;
  for (const AssumptionResult& a : r.assumptions) {
    if (!a.has_extremes) continue;
    for (std::size_t f = 0; f < kFigureCount; ++f) {
      out += fmt::format(
          "{:<44}{:<22}{:>28}{:>28}{:>14}\n", f == 0 ? fit(a.assumption.name, 43) : "",
          fit(kpi_label(kRobustnessFigures[f], language), 21), report_band(a.at_lo[f], language),
          report_band(a.at_hi[f], language), translate(a.can_flip[f] ? "yes" : "no", language));
    }
    if (a.can_flip[0]) flips.push_back(a.assumption.name);
    axis_min = std::min({axis_min, a.at_lo[0].mean, a.at_hi[0].mean, 0.0});
    axis_max = std::max({axis_max, a.at_lo[0].mean, a.at_hi[0].mean, 0.0});
  }
  std::string flip_keys;
  for (const std::string& k : flips) flip_keys += (flip_keys.empty() ? "" : ", ") + k;
  out +=
      "\n" +
      fmt::format(fmt::runtime(translate("Can flip the recommendation (at an end of its range the "
                                         "net savings difference takes the opposite sign, its 95% "
                                         "interval of the mean excluding 0): {}",
                                         language)),
                  flips.empty() ? translate("none", language) : flip_keys) +
      "\n";

  constexpr int kTornadoWidth = 50;
  out += "\n" +
         fmt::format(
             fmt::runtime(translate("Tornado of the net savings difference B - A (EUR): '=' to "
                                    "the difference at lo, '#' to the difference at hi, '|' the "
                                    "baseline, ':' zero; axis {} to {}",
                                    language)),
             report_number(axis_min, language), report_number(axis_max, language)) +
         "\n\n";
  for (const AssumptionResult& a : r.assumptions) {
    if (!a.has_extremes) continue;
    out += fmt::format("  {:<44}{}\n", fit(a.assumption.name, 43),
                       tornado_bar(r.baseline[0].mean, a.at_lo[0].mean, a.at_hi[0].mean, axis_min,
                                   axis_max, kTornadoWidth));
  }
  return out;
}

}  // namespace werkstroom::experiment
