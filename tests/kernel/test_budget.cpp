#include <catch2/catch.hpp>

#include "kernel/budget.hpp"
#include "kernel/random.hpp"

using namespace werkstroom::kernel;

TEST_CASE("commitments never exceed what is left and spending never exceeds commitments",
          "[kernel]") {
  BudgetLedger ledger;
  const auto instruments = ledger.add_stream("instruments", 1000.0);
  const auto a = ledger.commit(instruments, 600.0);
  REQUIRE(a.has_value());
  CHECK_FALSE(ledger.commit(instruments, 500.0).has_value());  // only 400 left
  const auto b = ledger.commit(instruments, 400.0);
  REQUIRE(b.has_value());
  ledger.spend(*a, 250.0);
  CHECK_THROWS_AS(ledger.spend(*a, 400.0), std::logic_error);  // 350 outstanding
  ledger.release(*a);                                          // 350 back
  CHECK(ledger.stream(instruments).available_eur() == Approx(350.0));
  CHECK(ledger.stream(instruments).spent_eur == Approx(250.0));
  CHECK_FALSE(ledger.spend_direct(instruments, 351.0));
  CHECK(ledger.spend_direct(instruments, 350.0));
  CHECK(ledger.stream(instruments).available_eur() == Approx(0.0));
  CHECK_THROWS_AS(ledger.commit(instruments, -1.0), std::logic_error);
  CHECK_THROWS_AS(ledger.set_capacity(instruments, 10.0), std::logic_error);
}

TEST_CASE("the ledger conserves money under random use", "[kernel]") {
  BudgetLedger ledger;
  const auto s = ledger.add_stream("s", 200000.0);
  RandomStream rng(StreamKey{5, 0, hash_name("ledger"), 0});
  std::vector<CommitmentId> open;
  for (int i = 0; i < 5000; ++i) {
    const double u = rng.uniform01();
    if (u < 0.5) {
      if (auto c = ledger.commit(s, rng.uniform(0.0, 3000.0))) open.push_back(*c);
    } else if (!open.empty()) {
      const auto k =
          static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(open.size()) - 1));
      if (u < 0.8) {
        ledger.spend(open[k], ledger.outstanding(open[k]) * rng.uniform01());
      } else {
        ledger.release(open[k]);
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
      }
    }
    const auto& st = ledger.stream(s);
    REQUIRE(st.spent_eur + st.outstanding_eur <= st.capacity_eur + 1e-6);
    REQUIRE(st.committed_total_eur ==
            Approx(st.spent_eur + st.outstanding_eur + st.released_eur).margin(1e-6));
    REQUIRE(st.outstanding_eur >= -1e-6);
  }
}
