#include "model/centre/menukaart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace werkstroom::model {

Menukaart::Menukaart(const std::vector<InstrumentParameters>& instruments,
                     double maatwerk_cap_per_person_eur, kernel::BudgetLedger& ledger,
                     kernel::BudgetStreamId stream)
    : maatwerk_cap_per_person_eur_(maatwerk_cap_per_person_eur),
      ledger_(ledger),
      stream_(stream),
      cheapest_instrument_eur_(std::numeric_limits<double>::infinity()) {
  for (const InstrumentParameters& ip : instruments) {
    Instrument i;
    i.cost_eur = ip.cost_eur;
    i.budget_cap_eur = ip.budget_cap_eur;
    // Validation allows "instruments" and "maatwerk" only (scenario/validation.cpp).
    i.stream =
        ip.budget_stream == "maatwerk" ? FundingStream::maatwerk : FundingStream::instruments;
    i.seats = ip.seats;
    instruments_.push_back(i);
    if (ip.cost_eur > 0.0) {
      cheapest_instrument_eur_ = std::min(cheapest_instrument_eur_, ip.cost_eur);
    }
  }
}

Booking Menukaart::commit(std::size_t instrument, double maatwerk_used_eur) {
  Instrument& i = instruments_.at(instrument);
  double cost = i.cost_eur;
  if (i.stream == FundingStream::maatwerk) {
    cost = std::min(cost, std::max(0.0, maatwerk_cap_per_person_eur_ - maatwerk_used_eur));
  }
  Booking booking;
  if (!(cost > 0.0)) {
    return booking;  // free, or the person's maatwerk is used up
  }
  // The instrument's own cap counts what it ever committed, spent or not.
  const bool over_cap = i.budget_cap_eur > 0.0 && i.committed_eur + cost > i.budget_cap_eur;
  if (!over_cap) {
    booking.commitment = ledger_.commit(stream_, cost);
  }
  if (!booking.commitment) {
    booking.refused = true;
    return booking;
  }
  i.committed_eur += cost;
  totals(i.stream).committed_eur += cost;
  if (i.stream == FundingStream::maatwerk) {
    booking.maatwerk_eur = cost;
  }
  return booking;
}

double Menukaart::deliver(Enrolment& enrolment) {
  enrolment.finished = true;
  if (!enrolment.commitment) {
    return 0.0;
  }
  const double due = ledger_.outstanding(*enrolment.commitment);
  ledger_.spend(*enrolment.commitment, due);
  totals(instruments_.at(enrolment.instrument).stream).spent_eur += due;
  return due;
}

double Menukaart::release_enrolment(Enrolment& enrolment) {
  enrolment.finished = true;
  if (!enrolment.commitment) {
    return 0.0;
  }
  Instrument& i = instruments_.at(enrolment.instrument);
  const double back = ledger_.outstanding(*enrolment.commitment);
  ledger_.release(*enrolment.commitment);
  i.committed_eur -= back;
  totals(i.stream).committed_eur -= back;
  return back;
}

bool Menukaart::seats_full(std::size_t instrument) const {
  const Instrument& i = instruments_.at(instrument);
  return i.seats > 0 && i.running >= i.seats;
}

void Menukaart::take_seat(std::size_t instrument) { ++instruments_.at(instrument).running; }

void Menukaart::wait_for_seat(std::size_t instrument, SeatRequest request) {
  instruments_.at(instrument).waiting.push_back(request);
}

std::optional<SeatRequest> Menukaart::free_seat(
    std::size_t instrument, const std::function<bool(const SeatRequest&)>& still_waiting) {
  Instrument& i = instruments_.at(instrument);
  if (i.running <= 0) {
    throw std::logic_error("a seat was freed on an instrument with none taken");
  }
  --i.running;
  while (!i.waiting.empty()) {
    const SeatRequest next = i.waiting.front();
    i.waiting.pop_front();
    if (still_waiting(next)) {
      return next;
    }
  }
  return std::nullopt;
}

FundingStream Menukaart::stream_of(std::size_t instrument) const {
  return instruments_.at(instrument).stream;
}

double Menukaart::committed_eur(FundingStream stream) const {
  return stream == FundingStream::maatwerk ? maatwerk_.committed_eur
                                           : instruments_total_.committed_eur;
}

double Menukaart::spent_eur(FundingStream stream) const {
  return stream == FundingStream::maatwerk ? maatwerk_.spent_eur : instruments_total_.spent_eur;
}

bool Menukaart::cannot_pay_cheapest() const {
  return std::isfinite(cheapest_instrument_eur_) &&
         ledger_.stream(stream_).available_eur() < cheapest_instrument_eur_;
}

}  // namespace werkstroom::model
