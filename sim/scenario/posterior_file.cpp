#include "scenario/posterior_file.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "scenario/replication_draws.hpp"
#include "scenario/toml_values.hpp"
#include "scenario/validation.hpp"

namespace werkstroom::scenario {

namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) {
    while (!field.empty() && (field.back() == ' ' || field.back() == '\r')) field.pop_back();
    while (!field.empty() && field.front() == ' ') field.erase(0, 1);
    out.push_back(field);
  }
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

/// A whole field as an int >= 0, or -1.
int parse_index(const std::string& text) {
  if (text.empty() || text.size() > 9) return -1;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
  }
  return std::stoi(text);
}

}  // namespace

model::PosteriorSample read_posterior_csv(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::ifstream in(file);
  if (!in) throw ScenarioError({name}, "uncertainty.posterior", "a readable posterior file", name);
  model::PosteriorSample sample;
  sample.file = name;
  std::string line;
  std::size_t line_number = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string> fields = split(line);
    const SourcePosition at{name, line_number, 1};
    if (!header) {
      if (fields.empty() || fields.front() != "weight") {
        throw ScenarioError(at, "", "a header line starting with \"weight\"",
                            detail::quote(line.substr(0, 80)));
      }
      if (fields.size() < 2) {
        throw ScenarioError(at, "", "at least one parameter column after \"weight\"",
                            detail::quote(line));
      }
      for (std::size_t k = 1; k < fields.size(); ++k) {
        std::string key = fields[k];
        int first = -1;
        int last = -1;
        if (!key.empty() && key.back() == ']') {
          const std::size_t open = key.rfind('[');
          const std::string range =
              open == std::string::npos ? "" : key.substr(open + 1, key.size() - open - 2);
          const std::size_t colon = range.find(':');
          first = parse_index(range.substr(0, colon));
          last = colon == std::string::npos ? first : parse_index(range.substr(colon + 1));
          if (first < 0 || last < first) {
            throw ScenarioError(at, fields[k],
                                "a key path with an element range [i] or [first:last]",
                                detail::quote(fields[k]));
          }
          key = key.substr(0, open);
        }
        if (key.empty()) throw ScenarioError(at, "", "a key path", "an empty column name");
        sample.keys.push_back(key);
        sample.first_element.push_back(first);
        sample.last_element.push_back(last);
      }
      header = true;
      continue;
    }
    if (fields.size() != sample.keys.size() + 1) {
      throw ScenarioError(at, "", std::to_string(sample.keys.size() + 1) + " fields",
                          std::to_string(fields.size()));
    }
    std::vector<double> values;
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const std::string column = k == 0 ? "weight" : posterior_column(sample, k - 1);
      char* end = nullptr;
      errno = 0;
      const double x = std::strtod(fields[k].c_str(), &end);
      if (fields[k].empty() || *end != '\0' || errno == ERANGE || !std::isfinite(x) ||
          (k == 0 && x < 0.0)) {
        throw ScenarioError(at, column, k == 0 ? "a finite weight >= 0" : "a finite number",
                            detail::quote(fields[k]));
      }
      values.push_back(x);
    }
    sample.weights.push_back(values.front());
    sample.lines.push_back(line_number);
    values.erase(values.begin());
    sample.particles.push_back(std::move(values));
  }
  double total = 0.0;
  for (const double w : sample.weights) total += w;
  if (!header || sample.particles.empty() || !(total > 0.0)) {
    throw ScenarioError({name, line_number, 0}, "",
                        "a header and at least one particle with a weight > 0",
                        header ? "no particle with a weight > 0" : "no header line");
  }
  return sample;
}

std::string posterior_column(const model::PosteriorSample& sample, std::size_t k) {
  const int first = sample.first_element.at(k);
  const int last = sample.last_element.at(k);
  if (first < 0) return sample.keys.at(k);
  return sample.keys.at(k) + "[" + std::to_string(first) +
         (last != first ? ":" + std::to_string(last) : "") + "]";
}

std::string posterior_csv_text(const model::PosteriorSample& sample, const std::string& comment) {
  std::string out = "# werkstroom-posterior/1\n";
  std::istringstream lines(comment);
  for (std::string line; std::getline(lines, line);) out += "# " + line + "\n";
  out += "weight";
  for (std::size_t k = 0; k < sample.keys.size(); ++k) out += "," + posterior_column(sample, k);
  out += "\n";
  for (std::size_t i = 0; i < sample.particles.size(); ++i) {
    out += detail::format_number(sample.weights.at(i));
    for (const double x : sample.particles[i]) out += "," + detail::format_number(x);
    out += "\n";
  }
  return out;
}

namespace {

/// Every particle that a replication can draw (weight > 0) must pass the rules across values
/// with the scenario's other values, as a file's values must (a particle with a dearer advisor
/// than the centre budget pays would otherwise fail its replications mid-run). The error names
/// the particle's line (or number, for a sample not read from a text file) and the rule's key.
void check_particles_against_rules(const model::ModelParameters& p,
                                   const model::PosteriorSample& sample) {
  model::ModelParameters q = p;
  const std::vector<std::vector<double*>> targets = posterior_targets(q, sample);
  for (std::size_t j = 0; j < sample.particles.size(); ++j) {
    if (!(sample.weights[j] > 0.0)) continue;
    if (j > 0 && sample.particles[j] == sample.particles[j - 1]) continue;  // checked already
    set_posterior_particle(targets, sample, j);
    const bool has_line = j < sample.lines.size();
    const SourcePosition at{sample.file, has_line ? sample.lines[j] : 0, has_line ? 1U : 0U};
    // The particle's keys count as set last, so a rule names one of them when it can.
    std::map<std::string, SourcePosition> positions;
    for (const std::string& key : sample.keys) positions[key] = at;
    try {
      detail::check_cross_field_rules(q, positions, {sample.file});
    } catch (const ScenarioError& e) {
      throw ScenarioError(at, e.key_path(), e.expected(),
                          e.found() + " with the values of particle " +
                              (has_line ? "on this line" : std::to_string(j + 1)));
    }
  }
}

}  // namespace

void check_posterior(const model::ModelParameters& p, const model::PosteriorSample& sample) {
  for (std::size_t k = 0; k < sample.keys.size(); ++k) {
    const std::string column = posterior_column(sample, k);
    const NumericParameter found = find_numeric_parameter(p, sample.keys[k]);
    const SourcePosition at{sample.file};
    if (found.kind != NumericParameter::Kind::number &&
        found.kind != NumericParameter::Kind::number_list) {
      throw ScenarioError(at, column, "the key path of a number or number list of the scenario",
                          detail::quote(sample.keys[k]));
    }
    const int last = sample.last_element[k];
    if (found.kind == NumericParameter::Kind::number && sample.first_element[k] >= 0) {
      throw ScenarioError(at, column, "no element range for a number", detail::quote(column));
    }
    if (found.kind == NumericParameter::Kind::number_list &&
        last >= static_cast<int>(found.values.size())) {
      throw ScenarioError(at, column,
                          "elements within the list's " + std::to_string(found.values.size()),
                          "element " + std::to_string(last));
    }
    for (const std::vector<double>& particle : sample.particles) {
      const double x = particle[k];
      if (x < found.range.min || x > found.range.max) {
        throw ScenarioError(at, column, detail::range_text(found.range, false),
                            detail::format_number(x));
      }
    }
  }
  check_particles_against_rules(p, sample);
}

}  // namespace werkstroom::scenario
