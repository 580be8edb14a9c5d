#include "verification/birth_death.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace werkstroom::verification {

QueueMeasures solve_birth_death(const QueueParameters& p) {
  if (!(p.arrival_rate > 0.0) || !(p.service_rate > 0.0) || p.servers < 1 ||
      p.abandonment_rate < 0.0) {
    throw std::invalid_argument("birth-death chain needs positive rates and c >= 1");
  }
  const double c = p.servers;
  if (p.abandonment_rate == 0.0 && p.arrival_rate >= c * p.service_rate) {
    throw std::invalid_argument("M/M/c without abandonment is unstable for lambda >= c mu");
  }
  // Unnormalised probabilities by the cut equations pi_{n+1} d_{n+1} = pi_n lambda, scaled
  // relative to the running maximum to stay in range.
  constexpr double kNegligible = 1e-18;
  constexpr int kMaxStates = 50'000'000;
  std::vector<long double> weight{1.0L};
  long double max_weight = 1.0L;
  for (int n = 0; n < kMaxStates; ++n) {
    const double next = n + 1.0;
    const double death =
        std::min(next, c) * p.service_rate + std::max(next - c, 0.0) * p.abandonment_rate;
    const long double w = weight.back() * (p.arrival_rate / death);
    weight.push_back(w);
    max_weight = std::max(max_weight, w);
    if (next > c && w < kNegligible * max_weight) break;
  }
  long double total = 0.0L;
  for (const long double w : weight) total += w;

  QueueMeasures m;
  m.truncation_state = static_cast<int>(weight.size()) - 1;
  long double wait = 0.0L;
  long double queue = 0.0L;
  long double busy = 0.0L;
  for (std::size_t n = 0; n < weight.size(); ++n) {
    const long double pi = weight[n] / total;
    const auto nd = static_cast<long double>(n);
    if (nd >= c) wait += pi;
    if (nd > c) queue += (nd - c) * pi;
    busy += std::min(nd, static_cast<long double>(c)) * pi;
  }
  m.wait_probability = static_cast<double>(wait);
  m.mean_queue_length = static_cast<double>(queue);
  m.mean_wait = m.mean_queue_length / p.arrival_rate;
  m.abandonment_share = p.abandonment_rate * m.mean_queue_length / p.arrival_rate;
  m.utilisation = static_cast<double>(busy) / c;
  return m;
}

}  // namespace werkstroom::verification
