// The bytes ranks send each other: a replication result survives encoding bit for bit, and
// bytes that are not an encoded result are refused.

#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "experiment/result_codec.hpp"
#include "model/region_model.hpp"
#include "model/world_totals.hpp"
#include "scenario/loader.hpp"

using namespace werkstroom;

namespace {
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}
double total_returns(const model::ReplicationResult& r) {
  double total = 0.0;
  for (const double v : r.with_service.ww_returns) total += v;
  return total;
}
}  // namespace

TEST_CASE("a replication result survives encoding bit for bit", "[distributed]") {
  const auto s =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/bankruptcy-wave.toml");
  const model::ReplicationResult r = model::run_replication(s.parameters, {3, 1});
  const std::vector<std::uint8_t> bytes = experiment::encode_result(r);
  const model::ReplicationResult back = experiment::decode_result(bytes.data(), bytes.size());
  CHECK(back.month_labels == r.month_labels);
  for (std::size_t i = 0; i < model::kIndicatorCount; ++i) {
    const auto ind = static_cast<model::Indicator>(i);
    CHECK(same_bits(back.service.row(ind), r.service.row(ind)));
  }
  for (std::size_t st = 0; st < r.with_service.running.size(); ++st) {
    CHECK(same_bits(back.with_service.running[st], r.with_service.running[st]));
    CHECK(same_bits(back.without_service.running[st], r.without_service.running[st]));
  }
  for (const model::WorldFlow& flow : model::kWorldFlows) {
    INFO(flow.name);
    CHECK(same_bits(back.with_service.*flow.member, r.with_service.*flow.member));
    CHECK(same_bits(back.without_service.*flow.member, r.without_service.*flow.member));
  }
  CHECK(back.with_service == r.with_service);  // every member, listed in kWorldFlows or not
  CHECK(back.without_service == r.without_service);
  CHECK(total_returns(r) > 0.0);  // the newest flow carries numbers: not vacuous
  CHECK(same_bits(back.arrived_by_month_end, r.arrived_by_month_end));
  CHECK(model::same_figures(back.kpis, r.kpis));
  CHECK(back.events == r.events);
  CHECK(back.people == r.people);
  CHECK(back.clients == r.clients);
  // Encoding the decoded result gives the same bytes.
  CHECK(experiment::encode_result(back) == bytes);
}

TEST_CASE("bytes that are not an encoded result are refused", "[distributed]") {
  const auto s =
      scenario::load_scenario(std::string(WERKSTROOM_SCENARIOS_DIR) + "/gooi-en-vechtstreek.toml");
  const std::vector<std::uint8_t> bytes =
      experiment::encode_result(model::run_replication(s.parameters, {1, 0}));
  CHECK_THROWS_AS(experiment::decode_result(bytes.data(), bytes.size() - 1), std::runtime_error);
  std::vector<std::uint8_t> longer = bytes;
  longer.push_back(0);
  CHECK_THROWS_AS(experiment::decode_result(longer.data(), longer.size()), std::runtime_error);
  std::vector<std::uint8_t> wrong = bytes;
  wrong[0] ^= 0xffU;
  CHECK_THROWS_AS(experiment::decode_result(wrong.data(), wrong.size()), std::runtime_error);
  CHECK_THROWS_AS(experiment::decode_result(bytes.data(), 3), std::runtime_error);
}
