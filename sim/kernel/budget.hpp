#pragma once
// A budget ledger of named streams (staff budget, instrument budget, ...). Money is committed
// when an arrangement is agreed and spent when it is delivered.
//
// Contracts, checked on every call (violations throw std::logic_error: never silent):
//   per stream: spent + outstanding commitments <= capacity (nothing committed beyond what is
//   left); per commitment: spent <= committed. Conservation:
//   total committed = total spent + total outstanding + total released.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstroom::kernel {

struct BudgetStreamId {
  std::uint32_t index = UINT32_MAX;
};
struct CommitmentId {
  std::uint32_t index = UINT32_MAX;
};

struct BudgetStreamState {
  std::string name;
  double capacity_eur = 0.0;
  double committed_total_eur = 0.0;  // everything ever committed
  double spent_eur = 0.0;
  double outstanding_eur = 0.0;  // committed, not yet spent, not released
  double released_eur = 0.0;     // committed and given back unspent
  [[nodiscard]] double available_eur() const { return capacity_eur - spent_eur - outstanding_eur; }
};

class BudgetLedger {
 public:
  BudgetStreamId add_stream(std::string name, double capacity_eur);
  /// Raises (or lowers, not below what is used) the capacity of a stream.
  void set_capacity(BudgetStreamId stream, double capacity_eur);
  /// Commits `amount_eur` if that much is available; empty otherwise.
  std::optional<CommitmentId> commit(BudgetStreamId stream, double amount_eur);
  /// Spends part of a commitment. Throws when spending more than is outstanding on it.
  void spend(CommitmentId commitment, double amount_eur);
  /// Spends directly without a prior commitment (e.g. staff hours) if available.
  bool spend_direct(BudgetStreamId stream, double amount_eur);
  /// Returns what is left of a commitment to the stream.
  void release(CommitmentId commitment);
  [[nodiscard]] double outstanding(CommitmentId commitment) const;

  [[nodiscard]] const BudgetStreamState& stream(BudgetStreamId id) const;
  [[nodiscard]] std::size_t stream_count() const { return streams_.size(); }
  [[nodiscard]] const std::vector<BudgetStreamState>& streams() const { return streams_; }

 private:
  struct Commitment {
    std::uint32_t stream = 0;
    double outstanding_eur = 0.0;
  };
  BudgetStreamState& mutable_stream(BudgetStreamId id);
  std::vector<BudgetStreamState> streams_;
  std::vector<Commitment> commitments_;
};

}  // namespace werkstroom::kernel
