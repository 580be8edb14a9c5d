#include "kernel/budget.hpp"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace werkstroom::kernel {

namespace {
void require_amount(double amount_eur) {
  if (!(amount_eur >= 0.0) || !std::isfinite(amount_eur)) {
    throw std::logic_error("budget amounts must be finite and >= 0, found " +
                           std::to_string(amount_eur));
  }
}
}  // namespace

BudgetStreamId BudgetLedger::add_stream(std::string name, double capacity_eur) {
  require_amount(capacity_eur);
  streams_.push_back(BudgetStreamState{std::move(name), capacity_eur, 0.0, 0.0, 0.0, 0.0});
  return BudgetStreamId{static_cast<std::uint32_t>(streams_.size() - 1)};
}

BudgetStreamState& BudgetLedger::mutable_stream(BudgetStreamId id) {
  if (id.index >= streams_.size()) throw std::logic_error("unknown budget stream");
  return streams_[id.index];
}

const BudgetStreamState& BudgetLedger::stream(BudgetStreamId id) const {
  if (id.index >= streams_.size()) throw std::logic_error("unknown budget stream");
  return streams_[id.index];
}

void BudgetLedger::set_capacity(BudgetStreamId id, double capacity_eur) {
  require_amount(capacity_eur);
  BudgetStreamState& s = mutable_stream(id);
  if (capacity_eur < s.spent_eur + s.outstanding_eur) {
    throw std::logic_error("budget stream " + s.name + " cannot shrink below what is used");
  }
  s.capacity_eur = capacity_eur;
}

std::optional<CommitmentId> BudgetLedger::commit(BudgetStreamId id, double amount_eur) {
  require_amount(amount_eur);
  BudgetStreamState& s = mutable_stream(id);
  if (amount_eur > s.available_eur()) return std::nullopt;
  s.outstanding_eur += amount_eur;
  s.committed_total_eur += amount_eur;
  commitments_.push_back(Commitment{id.index, amount_eur});
  return CommitmentId{static_cast<std::uint32_t>(commitments_.size() - 1)};
}

void BudgetLedger::spend(CommitmentId commitment, double amount_eur) {
  require_amount(amount_eur);
  if (commitment.index >= commitments_.size()) throw std::logic_error("unknown commitment");
  Commitment& c = commitments_[commitment.index];
  BudgetStreamState& s = streams_[c.stream];
  // Floating sums of euro amounts: allow a rounding residue of a thousandth of a cent.
  if (amount_eur > c.outstanding_eur + 1e-5) {
    throw std::logic_error("spending " + std::to_string(amount_eur) + " EUR on a commitment of " +
                           s.name + " with only " + std::to_string(c.outstanding_eur) +
                           " EUR outstanding");
  }
  const double amount = amount_eur > c.outstanding_eur ? c.outstanding_eur : amount_eur;
  c.outstanding_eur -= amount;
  s.outstanding_eur -= amount;
  s.spent_eur += amount;
}

bool BudgetLedger::spend_direct(BudgetStreamId id, double amount_eur) {
  require_amount(amount_eur);
  BudgetStreamState& s = mutable_stream(id);
  if (amount_eur > s.available_eur()) return false;
  s.spent_eur += amount_eur;
  s.committed_total_eur += amount_eur;
  return true;
}

void BudgetLedger::release(CommitmentId commitment) {
  if (commitment.index >= commitments_.size()) throw std::logic_error("unknown commitment");
  Commitment& c = commitments_[commitment.index];
  BudgetStreamState& s = streams_[c.stream];
  s.outstanding_eur -= c.outstanding_eur;
  s.released_eur += c.outstanding_eur;
  c.outstanding_eur = 0.0;
}

double BudgetLedger::outstanding(CommitmentId commitment) const {
  if (commitment.index >= commitments_.size()) throw std::logic_error("unknown commitment");
  return commitments_[commitment.index].outstanding_eur;
}

}  // namespace werkstroom::kernel
