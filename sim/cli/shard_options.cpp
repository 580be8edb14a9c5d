#include "shard_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "build_info.hpp"
#include "report/sha256.hpp"

namespace werkstroom::cli {

namespace {

/// A whole number of decimal digits that fits, or nothing.
bool whole_number(const std::string& text, std::size_t& value) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return false;
  }
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

results::ShardRange parse_replication_range(const std::string& text, int study_replications) {
  const auto refuse = [&](const std::string& why) {
    throw std::invalid_argument(
        fmt::format("--replications: expected A:B, the replications A to B-1 of the study "
                    "(0 <= A < B <= --reps {}){}, found \"{}\"",
                    study_replications, why, text));
  };
  const std::size_t colon = text.find(':');
  std::size_t first = 0;
  std::size_t end = 0;
  if (colon == std::string::npos || !whole_number(text.substr(0, colon), first) ||
      !whole_number(text.substr(colon + 1), end)) {
    refuse("");
  }
  if (first >= end) refuse(": A must be below B");
  if (end > static_cast<std::size_t>(study_replications)) refuse(": B beyond --reps");
  return {first, end, static_cast<std::size_t>(study_replications)};
}

std::string study_fingerprint(const StudyInputs& in) {
  // Every part with its length, so that no two different inputs run together into one text.
  std::string text = "werkstroom study fingerprint 1\n";
  const auto part = [&text](const std::string& name, const std::string& value) {
    text += fmt::format("{} {}\n", name, value.size());
    text += value;
    text += '\n';
  };
  part("version", werkstroom::version());
  part("revision", werkstroom::revision());
  part("master_seed", std::to_string(in.master_seed));
  part("replications", std::to_string(in.replications));
  for (std::size_t i = 0; i < in.scenario_files.size(); ++i) {
    part("scenario_file", in.scenario_files[i]);
    part("scenario_text", i < in.scenario_texts.size() ? in.scenario_texts[i] : "");
  }
  for (const std::string& set : in.sets) part("set", set);
  if (!in.posterior.empty()) {
    try {
      part("posterior", report::sha256_file_hex(in.posterior));
    } catch (const std::exception& e) {
      throw std::invalid_argument(
          fmt::format("--posterior {}: cannot read it: {}", in.posterior, e.what()));
    }
  }
  part("uncertainty", in.no_uncertainty ? "off" : "on");
  return report::sha256_hex(text);
}

}  // namespace werkstroom::cli
