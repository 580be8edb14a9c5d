// The menukaart's bookkeeping on its own (model/centre/menukaart.hpp): commitments on the
// instrument budget, delivery, release, the maatwerk cap per person, an instrument's own cap,
// and seats. Every expected figure is worked out by hand in the test from the costs it sets.

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernel/budget.hpp"
#include "model/centre/menukaart.hpp"
#include "model/parameters.hpp"
#include "model_test_support.hpp"

using namespace werkstroom;
using model::Booking;
using model::Enrolment;
using model::FundingStream;
using model::Menukaart;
using model::SeatRequest;

namespace {

model::InstrumentParameters instrument(double cost_eur, const std::string& stream,
                                       double budget_cap_eur = 0.0, int seats = 0) {
  model::InstrumentParameters i;
  i.cost_eur = cost_eur;
  i.budget_stream = stream;
  i.budget_cap_eur = budget_cap_eur;
  i.seats = seats;
  return i;
}

// An enrolment on `instrument` holding what `menukaart` booked for it.
Enrolment enrol(Menukaart& menukaart, std::size_t instrument, double maatwerk_used_eur = 0.0) {
  const Booking booking = menukaart.commit(instrument, maatwerk_used_eur);
  REQUIRE_FALSE(booking.refused);
  Enrolment e;
  e.instrument = instrument;
  e.commitment = booking.commitment;
  return e;
}

}  // namespace

TEST_CASE("a commitment books the cost on the ledger, the stream and the instrument",
          "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 10000.0);
  Menukaart menukaart({instrument(300.0, "instruments"), instrument(600.0, "maatwerk")}, 1000.0,
                      ledger, stream);

  const Booking workshop = menukaart.commit(0, 0.0);
  CHECK_FALSE(workshop.refused);
  REQUIRE(workshop.commitment);
  CHECK(workshop.maatwerk_eur == 0.0);  // not on the maatwerk stream
  CHECK(ledger.outstanding(*workshop.commitment) == 300.0);

  const Booking maatwerk = menukaart.commit(1, 0.0);
  REQUIRE(maatwerk.commitment);
  CHECK(maatwerk.maatwerk_eur == 600.0);

  CHECK(menukaart.committed_eur(FundingStream::instruments) == 300.0);
  CHECK(menukaart.committed_eur(FundingStream::maatwerk) == 600.0);
  CHECK(menukaart.instrument_committed_eur(0) == 300.0);
  CHECK(menukaart.instrument_committed_eur(1) == 600.0);
  CHECK(menukaart.spent_eur(FundingStream::instruments) == 0.0);
  // 10,000 - 300 - 600 = 9,100 left on the ledger's stream.
  CHECK(ledger.stream(stream).outstanding_eur == 900.0);
  CHECK(ledger.stream(stream).available_eur() == 9100.0);
}

TEST_CASE("delivering spends what is outstanding and keeps it committed", "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 10000.0);
  Menukaart menukaart({instrument(300.0, "instruments"), instrument(600.0, "maatwerk")}, 1000.0,
                      ledger, stream);
  Enrolment workshop = enrol(menukaart, 0);
  Enrolment maatwerk = enrol(menukaart, 1);

  CHECK(menukaart.deliver(workshop) == 300.0);
  CHECK(workshop.finished);
  CHECK(menukaart.spent_eur(FundingStream::instruments) == 300.0);
  CHECK(menukaart.committed_eur(FundingStream::instruments) == 300.0);  // spent counts too
  CHECK(menukaart.spent_eur(FundingStream::maatwerk) == 0.0);

  CHECK(menukaart.deliver(maatwerk) == 600.0);
  CHECK(menukaart.spent_eur(FundingStream::maatwerk) == 600.0);
  // 300 + 600 spent, nothing outstanding, 10,000 - 900 = 9,100 left.
  CHECK(ledger.stream(stream).spent_eur == 900.0);
  CHECK(ledger.stream(stream).outstanding_eur == 0.0);
  CHECK(ledger.stream(stream).available_eur() == 9100.0);

  Enrolment free;  // an enrolment without money: delivered for nothing
  free.instrument = 0;
  CHECK(menukaart.deliver(free) == 0.0);
  CHECK(free.finished);
  CHECK(menukaart.spent_eur(FundingStream::instruments) == 300.0);
}

TEST_CASE("a release gives the outstanding euros back and takes them off the totals",
          "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 10000.0);
  Menukaart menukaart({instrument(300.0, "instruments"), instrument(600.0, "maatwerk")}, 1000.0,
                      ledger, stream);
  Enrolment first = enrol(menukaart, 0);
  Enrolment second = enrol(menukaart, 0);
  Enrolment maatwerk = enrol(menukaart, 1);

  CHECK(menukaart.release_enrolment(first) == 300.0);
  CHECK(first.finished);
  CHECK(ledger.outstanding(*first.commitment) == 0.0);
  CHECK(menukaart.release_enrolment(maatwerk) == 600.0);
  // Left committed: the second workshop only (300); the maatwerk stream is back at 0.
  CHECK(menukaart.committed_eur(FundingStream::instruments) == 300.0);
  CHECK(menukaart.committed_eur(FundingStream::maatwerk) == 0.0);
  CHECK(menukaart.instrument_committed_eur(0) == 300.0);
  CHECK(menukaart.instrument_committed_eur(1) == 0.0);
  CHECK(ledger.stream(stream).released_eur == 900.0);
  CHECK(ledger.stream(stream).available_eur() == 9700.0);
  CHECK(second.commitment);

  Enrolment unpaid;  // enrolled without money (waiting for it): released for nothing
  unpaid.instrument = 0;
  CHECK(menukaart.release_enrolment(unpaid) == 0.0);
  CHECK(unpaid.finished);
  CHECK(menukaart.committed_eur(FundingStream::instruments) == 300.0);
}

TEST_CASE("a release is taken off the instrument's own stream", "[model][menukaart]") {
  // A maatwerk instrument's release gives its euros back to the maatwerk total, whichever path
  // (the end of service, or a secondment without a vacancy) releases it.
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 10000.0);
  Menukaart menukaart({instrument(400.0, "maatwerk")}, 1000.0, ledger, stream);
  Enrolment secondment = enrol(menukaart, 0);
  CHECK(menukaart.committed_eur(FundingStream::maatwerk) == 400.0);

  CHECK(menukaart.release_enrolment(secondment) == 400.0);
  CHECK(menukaart.committed_eur(FundingStream::maatwerk) == 0.0);
  CHECK(menukaart.committed_eur(FundingStream::instruments) == 0.0);
  CHECK(menukaart.instrument_committed_eur(0) == 0.0);
  CHECK(ledger.stream(stream).available_eur() == 10000.0);
}

TEST_CASE("maatwerk costs at most what is left of the person's cap", "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 10000.0);
  // A cap of EUR 1,000 per person and a maatwerk instrument of EUR 600.
  Menukaart menukaart({instrument(600.0, "maatwerk"), instrument(2500.0, "instruments")}, 1000.0,
                      ledger, stream);

  const Booking first = menukaart.commit(0, 0.0);  // min(600, 1000 - 0) = 600
  REQUIRE(first.commitment);
  CHECK(first.maatwerk_eur == 600.0);
  CHECK(ledger.outstanding(*first.commitment) == 600.0);

  const Booking second = menukaart.commit(0, 600.0);  // min(600, 1000 - 600) = 400
  REQUIRE(second.commitment);
  CHECK(second.maatwerk_eur == 400.0);
  CHECK(ledger.outstanding(*second.commitment) == 400.0);

  const Booking third = menukaart.commit(0, 1000.0);  // the cap is used up: costs nothing
  CHECK_FALSE(third.refused);
  CHECK_FALSE(third.commitment);
  CHECK(third.maatwerk_eur == 0.0);

  const Booking beyond = menukaart.commit(0, 1500.0);  // never below nothing
  CHECK_FALSE(beyond.refused);
  CHECK_FALSE(beyond.commitment);

  // The cap is the maatwerk stream's only: a retraining costs its full 2,500 whatever the
  // person used of maatwerk.
  const Booking retraining = menukaart.commit(1, 1000.0);
  REQUIRE(retraining.commitment);
  CHECK(retraining.maatwerk_eur == 0.0);
  CHECK(ledger.outstanding(*retraining.commitment) == 2500.0);

  CHECK(menukaart.committed_eur(FundingStream::maatwerk) == 1000.0);  // 600 + 400
  CHECK(menukaart.committed_eur(FundingStream::instruments) == 2500.0);
  CHECK(ledger.stream(stream).available_eur() == 6500.0);  // 10,000 - 1,000 - 2,500
}

TEST_CASE("in the default scenario a job seeker gets maatwerk once, for EUR 1,000",
          "[model][menukaart]") {
  const model::ModelParameters p = test::default_parameters();
  REQUIRE(p.budget.maatwerk_cap_per_person_eur == 1000.0);
  std::size_t maatwerk = p.instruments.size();
  for (std::size_t k = 0; k < p.instruments.size(); ++k) {
    if (p.instruments[k].budget_stream == "maatwerk") maatwerk = k;
  }
  REQUIRE(maatwerk < p.instruments.size());
  REQUIRE(p.instruments[maatwerk].cost_eur == 1000.0);

  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", p.budget.instrument_budget_eur);
  Menukaart menukaart(p.instruments, p.budget.maatwerk_cap_per_person_eur, ledger, stream);
  const Booking first = menukaart.commit(maatwerk, 0.0);
  REQUIRE(first.commitment);
  CHECK(first.maatwerk_eur == 1000.0);
  const Booking again = menukaart.commit(maatwerk, first.maatwerk_eur);  // 1,000 - 1,000 = 0
  CHECK_FALSE(again.refused);
  CHECK_FALSE(again.commitment);
  const Booking someone_else = menukaart.commit(maatwerk, 0.0);
  CHECK(someone_else.maatwerk_eur == 1000.0);
  CHECK(menukaart.committed_eur(FundingStream::maatwerk) == 2000.0);
}

TEST_CASE("an instrument with a cap of its own commits no more than the cap in all",
          "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 10000.0);
  // EUR 300 a place, at most EUR 1,000 in all: three places fit (900), a fourth (1,200) not.
  Menukaart menukaart({instrument(300.0, "instruments", 1000.0)}, 1000.0, ledger, stream);
  Enrolment a = enrol(menukaart, 0);
  Enrolment b = enrol(menukaart, 0);
  Enrolment c = enrol(menukaart, 0);
  CHECK(menukaart.instrument_committed_eur(0) == 900.0);

  const Booking fourth = menukaart.commit(0, 0.0);
  CHECK(fourth.refused);
  CHECK_FALSE(fourth.commitment);
  CHECK(menukaart.instrument_committed_eur(0) == 900.0);
  CHECK(ledger.stream(stream).outstanding_eur == 900.0);  // nothing booked on the ledger

  // Spent money still counts against the cap ...
  CHECK(menukaart.deliver(a) == 300.0);
  CHECK(menukaart.commit(0, 0.0).refused);
  // ... released money does not: 900 - 300 = 600, and 600 + 300 = 900 fits again.
  CHECK(menukaart.release_enrolment(b) == 300.0);
  const Booking after_release = menukaart.commit(0, 0.0);
  CHECK_FALSE(after_release.refused);
  CHECK(after_release.commitment);
  CHECK(menukaart.instrument_committed_eur(0) == 900.0);
  CHECK(c.commitment);
}

TEST_CASE("an instrument cap reached exactly still takes the last place", "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 10000.0);
  // EUR 250 a place under a cap of EUR 1,000: four places make exactly 1,000.
  Menukaart menukaart({instrument(250.0, "instruments", 1000.0)}, 1000.0, ledger, stream);
  for (int i = 0; i < 4; ++i) {
    CHECK_FALSE(menukaart.commit(0, 0.0).refused);
  }
  CHECK(menukaart.instrument_committed_eur(0) == 1000.0);
  CHECK(menukaart.commit(0, 0.0).refused);
}

TEST_CASE("the stream refuses what it cannot pay", "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 1000.0);
  Menukaart menukaart({instrument(400.0, "instruments"), instrument(0.0, "instruments")}, 1000.0,
                      ledger, stream);
  CHECK_FALSE(menukaart.cannot_pay_cheapest());  // 1,000 left, the cheapest costs 400
  Enrolment first = enrol(menukaart, 0);
  Enrolment second = enrol(menukaart, 0);
  CHECK(menukaart.cannot_pay_cheapest());  // 1,000 - 800 = 200 left < 400

  const Booking third = menukaart.commit(0, 0.0);
  CHECK(third.refused);
  CHECK_FALSE(third.commitment);
  CHECK(menukaart.committed_eur(FundingStream::instruments) == 800.0);

  // A free instrument is never refused and books nothing.
  const Booking free = menukaart.commit(1, 0.0);
  CHECK_FALSE(free.refused);
  CHECK_FALSE(free.commitment);

  // A release makes room again: 200 + 400 = 600 left.
  CHECK(menukaart.release_enrolment(first) == 400.0);
  CHECK_FALSE(menukaart.cannot_pay_cheapest());
  CHECK(second.commitment);
}

TEST_CASE("a menukaart of free instruments never runs out of money", "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 0.0);
  Menukaart menukaart({instrument(0.0, "instruments")}, 1000.0, ledger, stream);
  CHECK_FALSE(menukaart.cannot_pay_cheapest());
  CHECK_FALSE(menukaart.commit(0, 0.0).refused);
}

TEST_CASE("a freed seat goes to the first in line who still waits", "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 0.0);
  Menukaart menukaart({instrument(0.0, "instruments", 0.0, 2)}, 1000.0, ledger, stream);
  CHECK_FALSE(menukaart.seats_full(0));
  menukaart.take_seat(0);
  CHECK_FALSE(menukaart.seats_full(0));
  menukaart.take_seat(0);
  CHECK(menukaart.seats_full(0));  // 2 of 2

  menukaart.wait_for_seat(0, SeatRequest{1, 0});
  menukaart.wait_for_seat(0, SeatRequest{2, 0});
  menukaart.wait_for_seat(0, SeatRequest{3, 1});
  CHECK(menukaart.waiting(0) == 3);

  // Client 1 gave up meanwhile: the seat goes to client 2, and client 1 leaves the line.
  const auto next = menukaart.free_seat(0, [](const SeatRequest& r) { return r.client != 1; });
  REQUIRE(next);
  CHECK(next->client == 2);
  CHECK(next->slot == 0);
  CHECK(menukaart.running(0) == 1);
  CHECK(menukaart.waiting(0) == 1);
  CHECK_FALSE(menukaart.seats_full(0));
  menukaart.take_seat(0);  // client 2 starts
  CHECK(menukaart.seats_full(0));

  const auto last = menukaart.free_seat(0, [](const SeatRequest&) { return true; });
  REQUIRE(last);
  CHECK(last->client == 3);
  CHECK(last->slot == 1);
  CHECK(menukaart.waiting(0) == 0);

  // Nobody waits: the seat stays free.
  CHECK_FALSE(menukaart.free_seat(0, [](const SeatRequest&) { return true; }));
  CHECK(menukaart.running(0) == 0);
  CHECK_THROWS_AS(menukaart.free_seat(0, [](const SeatRequest&) { return true; }),
                  std::logic_error);
}

TEST_CASE("an instrument without a seat limit is never full", "[model][menukaart]") {
  kernel::BudgetLedger ledger;
  const auto stream = ledger.add_stream("instruments", 0.0);
  Menukaart menukaart({instrument(0.0, "instruments", 0.0, 0)}, 1000.0, ledger, stream);
  for (int i = 0; i < 100; ++i) {
    menukaart.take_seat(0);
  }
  CHECK(menukaart.running(0) == 100);
  CHECK_FALSE(menukaart.seats_full(0));
}
