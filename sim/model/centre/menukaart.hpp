#pragma once
// The menukaart's bookkeeping: the money and the seats of the instruments, apart from the
// people who use them, so that it can be checked on its own (tests/model/test_menukaart.cpp).
//
// Contracts:
// - Money comes from one stream of a BudgetLedger (the instrument budget). An enrolment's
//   money is committed when it is agreed, spent in full when it is delivered (deliver) and
//   released when it never starts (release_enrolment); release_enrolment is the only place
//   that gives money back.
// - The maatwerk stream is capped per person: an instrument on it costs at most what is left
//   of the person's cap (maatwerk_cap_per_person_eur), possibly nothing.
// - An instrument with a cap of its own (budget_cap_eur > 0) never has more committed in all
//   (spent or outstanding) than that cap; a commitment that would pass it is refused.
// - The committed totals count spent and outstanding euros; a release takes them down.
// - Seats: an instrument with seats > 0 runs at most that many enrolments at once; the others
//   wait in a line, first come first served.

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <vector>

#include "kernel/budget.hpp"
#include "model/parameters.hpp"

namespace werkstroom::model {

/// The two budget streams of the menukaart (InstrumentParameters::budget_stream).
enum class FundingStream : std::uint8_t { instruments, maatwerk };

/// One instrument agreed for one client.
struct Enrolment {
  std::size_t instrument = 0;
  std::optional<kernel::CommitmentId> commitment;  // empty: free, or no money
  bool started = false;
  bool finished = false;  // delivered, released or given up: its money is settled
};

/// The answer to a request for an instrument's money.
struct Booking {
  /// No money: the instrument's own cap or the stream cannot pay it.
  bool refused = false;
  /// The commitment, when euros were committed.
  std::optional<kernel::CommitmentId> commitment;
  /// The euros committed that count against the person's maatwerk cap.
  double maatwerk_eur = 0.0;
};

/// An enrolment waiting for a seat: client index and the enrolment's slot.
struct SeatRequest {
  std::size_t client = 0;
  std::size_t slot = 0;
};

class Menukaart {
 public:
  /// `ledger` must outlive the menukaart; `stream` is the instrument budget's stream in it.
  Menukaart(const std::vector<InstrumentParameters>& instruments,
            double maatwerk_cap_per_person_eur, kernel::BudgetLedger& ledger,
            kernel::BudgetStreamId stream);

  /// Asks for the money of `instrument` for a person who has used `maatwerk_used_eur` of their
  /// maatwerk cap. Commits it when the instrument's own cap and the stream allow; costs nothing
  /// (no commitment, not refused) when the instrument is free or the person's cap is used up.
  [[nodiscard]] Booking commit(std::size_t instrument, double maatwerk_used_eur);
  /// Marks the enrolment finished and spends what is outstanding on it; returns the euros.
  double deliver(Enrolment& enrolment);
  /// Marks the enrolment finished and gives back what is outstanding on it (taken off the
  /// committed totals of the instrument and its stream); returns the euros given back (0
  /// without commitment).
  double release_enrolment(Enrolment& enrolment);

  /// Whether every seat of `instrument` is taken (never for one with unlimited seats).
  [[nodiscard]] bool seats_full(std::size_t instrument) const;
  void take_seat(std::size_t instrument);
  void wait_for_seat(std::size_t instrument, SeatRequest request);
  /// Frees a seat of `instrument` and hands it to the first in its line for whom
  /// `still_waiting` holds; those before them leave the line. Empty when nobody takes it.
  std::optional<SeatRequest> free_seat(
      std::size_t instrument, const std::function<bool(const SeatRequest&)>& still_waiting);

  [[nodiscard]] FundingStream stream_of(std::size_t instrument) const;
  /// Committed (spent or outstanding) and spent euros of a stream.
  [[nodiscard]] double committed_eur(FundingStream stream) const;
  [[nodiscard]] double spent_eur(FundingStream stream) const;
  /// Committed (spent or outstanding) euros of one instrument, against its own cap.
  [[nodiscard]] double instrument_committed_eur(std::size_t instrument) const {
    return instruments_.at(instrument).committed_eur;
  }
  [[nodiscard]] int running(std::size_t instrument) const {
    return instruments_.at(instrument).running;
  }
  [[nodiscard]] std::size_t waiting(std::size_t instrument) const {
    return instruments_.at(instrument).waiting.size();
  }
  /// Whether what is left of the instrument budget cannot pay the cheapest costed instrument
  /// (never when no instrument costs anything).
  [[nodiscard]] bool cannot_pay_cheapest() const;

 private:
  struct Instrument {
    double cost_eur = 0.0;
    double budget_cap_eur = 0.0;
    FundingStream stream = FundingStream::instruments;
    int seats = 0;
    double committed_eur = 0.0;
    int running = 0;
    std::deque<SeatRequest> waiting;
  };
  struct StreamTotals {
    double committed_eur = 0.0;
    double spent_eur = 0.0;
  };
  StreamTotals& totals(FundingStream stream) {
    return stream == FundingStream::maatwerk ? maatwerk_ : instruments_total_;
  }

  std::vector<Instrument> instruments_;
  double maatwerk_cap_per_person_eur_;
  kernel::BudgetLedger& ledger_;
  kernel::BudgetStreamId stream_;
  StreamTotals instruments_total_;
  StreamTotals maatwerk_;
  double cheapest_instrument_eur_;
};

}  // namespace werkstroom::model
