#pragma once
// A person of the region and the states of their working life.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "kernel/time.hpp"
#include "model/parameters.hpp"

namespace werkstroom::model {

/// Labour-market states. self_employed and inactive are absorbing within the horizon; a job
/// (employed) can end again.
enum class State : std::uint8_t {
  threatened,     // employed, job at risk
  employed,       // in work (new job, kept job, or taken over)
  ww,             // unemployment benefit
  pw,             // social assistance
  nug,            // job seeker without benefit
  tozo,           // self-employed on income support
  self_employed,  // self-employed, recovered
  seconded,       // on secondment (doorleen) at another firm: in work, no benefit
  inactive,       // left the labour market
};
inline constexpr std::size_t kStateCount = 9;
inline constexpr std::array<const char*, kStateCount> kStateNames = {
    "threatened", "employed", "ww", "pw", "nug", "tozo", "self_employed", "seconded", "inactive"};

[[nodiscard]] constexpr bool is_absorbing(State s) {
  return s == State::self_employed || s == State::inactive;
}
/// The centre's service ends when its client reaches one of these states (in work, or out of the
/// labour market); the person's path goes on (a job can end) without the service.
[[nodiscard]] constexpr bool ends_service(State s) {
  return s == State::employed || s == State::self_employed || s == State::inactive;
}
[[nodiscard]] constexpr bool is_in_work(State s) {
  return s == State::employed || s == State::self_employed || s == State::seconded ||
         s == State::threatened;
}

/// Observable and latent characteristics, drawn once per person from their own stream.
struct Attributes {
  std::uint8_t sector = 0;
  bool low_education = false;
  bool flex_contract = false;
  bool language_below_b2 = false;
  bool high_need = false;
  bool banenafspraak = false;
  float age_years = 40.0F;
  float years_in_last_job = 0.0F;
  float work_history_years = 0.0F;
  float last_wage_eur = 0.0F;
  float ww_entitlement_months = 0.0F;  // 0: not entitled
  float distance = 0.0F;               // latent distance to work
  bool operator==(const Attributes&) const = default;
};

/// One spell of a path: the state held from `start` until the next spell's start.
struct Spell {
  double start_day = 0.0;
  State state = State::threatened;
  bool operator==(const Spell&) const = default;
};

struct Person {
  std::uint64_t id = 0;  // stable across scenarios: cohort, origin, month and index
  Cohort cohort = Cohort::ww_inflow;
  Attributes attributes;
  double arrival_day = 0.0;  // < 0 for the initial stock: the start of their current spell
  State start_state = State::ww;
  std::optional<double> forced_job_loss_day;  // a bankruptcy: the job ends on this day
  bool operator==(const Person&) const = default;
};

}  // namespace werkstroom::model
