#include "calibration/abc_smc.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace werkstroom::calibration {

namespace {

/// Scale of the perturbation kernel: twice the weighted covariance of the last generation
/// (Beaumont et al. 2009: optimal for Gaussian targets in the sense of Kullback-Leibler).
constexpr double kKernelScale = 2.0;
/// A diagonal added to the kernel covariance so a collapsed generation can still move.
constexpr double kKernelJitter = 1e-10;
/// Proposals (most outside the prior) allowed per simulation of the budget before giving up.
constexpr long kMaxProposalsPerSimulation = 100;

std::uint64_t particle_seed(std::uint64_t seed, int generation, long proposal) {
  return kernel::derive_stream_key(kernel::StreamKey{seed, static_cast<std::uint64_t>(generation),
                                                     kernel::hash_name("abc/simulation"),
                                                     static_cast<std::uint64_t>(proposal)});
}

double ess(const std::vector<double>& w) {
  double s2 = 0.0;
  for (const double x : w) s2 += x * x;
  return s2 > 0.0 ? 1.0 / s2 : 0.0;
}

void normalise(std::vector<double>& w) {
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  for (double& x : w) x /= sum;
}

}  // namespace

double weighted_quantile(std::vector<double> values, std::vector<double> weights, double q) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return values[a] != values[b] ? values[a] < values[b] : a < b;
  });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double cumulative = 0.0;
  for (const std::size_t k : order) {
    cumulative += weights[k];
    if (cumulative >= q * total) return values[k];
  }
  return values[order.back()];
}

AbcResult run_abc(Evaluator& evaluator, const AbcSettings& settings, std::uint64_t seed) {
  const ParameterSpace& space = evaluator.space();
  const auto n = static_cast<std::size_t>(std::max(settings.particles, 2));
  const std::size_t p = space.size();
  const auto P = static_cast<Eigen::Index>(p);
  AbcResult result;

  std::vector<std::vector<double>> z(n);  // search coordinates of the current particles
  std::vector<double> weights(n, 1.0 / static_cast<double>(n));
  std::vector<double> distances(n);
  // The simulated paths of the particles: each accepted particle with the realisation that
  // was accepted (its latent path given the data; AbcResult::paths).
  std::vector<std::vector<std::vector<double>>> paths(n);
  long simulations = 0;

  // Generation 0: the prior.
  {
    std::vector<std::vector<double>> values(n);
    std::vector<std::uint64_t> seeds(n);
    for (std::size_t k = 0; k < n; ++k) {
      kernel::RandomStream rng(kernel::StreamKey{seed, 0, kernel::hash_name("abc/proposal"), k});
      values[k] = space.sample_prior(rng);
      seeds[k] = particle_seed(seed, 0, static_cast<long>(k));
    }
    const std::vector<Evaluation> ev = evaluator.evaluate(values, seeds, settings.replications);
    for (std::size_t k = 0; k < n; ++k) {
      z[k] = space.to_search(values[k]);
      distances[k] = ev[k].distance;
      paths[k] = ev[k].paths;
    }
    simulations += static_cast<long>(n) * settings.replications;
    result.generations.push_back(AbcGeneration{std::numeric_limits<double>::infinity(),
                                               static_cast<int>(n), static_cast<long>(n), 1.0,
                                               static_cast<double>(n)});
  }

  result.stopped_because = "all generations done";
  // The error model's level of the tolerance (AbcSettings::stop_at_error_model).
  const double error_model_level = static_cast<double>(evaluator.targets().size()) + 2.0;
  for (int g = 1; g < settings.generations; ++g) {
    double tolerance = weighted_quantile(distances, weights, settings.quantile);
    if (settings.stop_at_error_model) {
      tolerance = std::max(tolerance, error_model_level);
    }
    // Kernel: Gaussian with kKernelScale x the weighted covariance of the particles.
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(P);
    for (std::size_t k = 0; k < n; ++k) {
      mean += weights[k] * Eigen::Map<const Eigen::VectorXd>(z[k].data(), P);
    }
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(P, P);
    for (std::size_t k = 0; k < n; ++k) {
      const Eigen::VectorXd d = Eigen::Map<const Eigen::VectorXd>(z[k].data(), P) - mean;
      cov += weights[k] * d * d.transpose();
    }
    cov = kKernelScale * cov + kKernelJitter * Eigen::MatrixXd::Identity(P, P);
    const Eigen::LLT<Eigen::MatrixXd> llt(cov);
    const Eigen::MatrixXd L = llt.matrixL();
    const Eigen::MatrixXd precision = llt.solve(Eigen::MatrixXd::Identity(P, P));
    const double log_norm = -0.5 * std::log(cov.determinant());

    std::vector<std::vector<double>> next_z;
    std::vector<double> next_d;
    std::vector<std::vector<std::vector<double>>> next_paths;
    long proposals = 0;
    long used = 0;  // proposals made until the n-th acceptance
    // Batches of n proposals: the batch size is fixed, so the proposals do not depend on threads.
    while (next_z.size() < n) {
      if (simulations >= settings.max_simulations) break;
      // A kernel that keeps leaving the prior's support would loop without simulating.
      if (proposals > kMaxProposalsPerSimulation * settings.max_simulations) break;
      std::vector<std::vector<double>> values;
      std::vector<std::vector<double>> batch_z;
      std::vector<std::uint64_t> seeds;
      std::vector<long> ids;
      for (std::size_t k = 0; k < n; ++k, ++proposals) {
        kernel::RandomStream rng(kernel::StreamKey{seed, static_cast<std::uint64_t>(g),
                                                   kernel::hash_name("abc/proposal"),
                                                   static_cast<std::uint64_t>(proposals)});
        const std::size_t parent = rng.discrete(weights.data(), n);
        Eigen::VectorXd e(P);
        for (Eigen::Index i = 0; i < P; ++i) e(i) = rng.normal(0.0, 1.0);
        const Eigen::VectorXd moved =
            Eigen::Map<const Eigen::VectorXd>(z[parent].data(), P) + L * e;
        std::vector<double> candidate(moved.data(), moved.data() + P);
        if (!std::isfinite(space.log_prior_search(candidate))) continue;  // outside the prior
        batch_z.push_back(candidate);
        values.push_back(space.from_search(candidate));
        seeds.push_back(particle_seed(seed, g, proposals));
        ids.push_back(proposals);
      }
      if (values.empty()) continue;
      const std::vector<Evaluation> ev = evaluator.evaluate(values, seeds, settings.replications);
      simulations += static_cast<long>(values.size()) * settings.replications;
      for (std::size_t k = 0; k < ev.size() && next_z.size() < n; ++k) {
        if (ev[k].distance <= tolerance) {
          next_z.push_back(batch_z[k]);
          next_d.push_back(ev[k].distance);
          next_paths.push_back(ev[k].paths);
          // Proposals up to this acceptance: the rest of the batch was simulated but not needed.
          if (next_z.size() == n) used = ids[k] + 1;
        }
      }
    }
    if (next_z.size() < n) used = proposals;
    const double rate =
        used > 0 ? static_cast<double>(next_z.size()) / static_cast<double>(used) : 0.0;
    if (next_z.size() < n) {
      result.stopped_because = fmt::format(
          "simulation budget ({}) spent in generation {}; the last complete generation is kept",
          settings.max_simulations, g);
      break;
    }
    // Importance weights: prior over the mixture of kernels around the last particles.
    std::vector<double> next_w(n);
    for (std::size_t k = 0; k < n; ++k) {
      const Eigen::Map<const Eigen::VectorXd> x(next_z[k].data(), P);
      double mixture = 0.0;
      for (std::size_t j = 0; j < n; ++j) {
        const Eigen::VectorXd d = x - Eigen::Map<const Eigen::VectorXd>(z[j].data(), P);
        mixture += weights[j] * std::exp(log_norm - 0.5 * d.dot(precision * d));
      }
      next_w[k] = std::exp(space.log_prior_search(next_z[k])) / mixture;
    }
    normalise(next_w);
    z = std::move(next_z);
    distances = std::move(next_d);
    paths = std::move(next_paths);
    weights = std::move(next_w);
    result.generations.push_back(
        AbcGeneration{tolerance, static_cast<int>(n), used, rate, ess(weights)});
    if (settings.stop_at_error_model && tolerance <= error_model_level) {
      result.stopped_because = fmt::format(
          "tolerance reached the error model's level (targets + 2 = {}) in generation {}",
          error_model_level, g);
      break;
    }
    if (rate < settings.min_acceptance) {
      result.stopped_because =
          fmt::format("acceptance {:.3f} below min_acceptance {} in generation {}", rate,
                      settings.min_acceptance, g);
      break;
    }
  }

  result.particles.resize(static_cast<Eigen::Index>(n), P);
  for (std::size_t k = 0; k < n; ++k) {
    const std::vector<double> v = space.from_search(z[k]);
    for (std::size_t i = 0; i < p; ++i) {
      result.particles(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(i)) = v[i];
    }
  }
  result.weights = weights;
  result.distances = distances;
  result.paths = std::move(paths);
  result.simulations = simulations;
  for (std::size_t i = 0; i < p; ++i) {
    std::vector<double> column(n);
    double m = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      column[k] = result.particles(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(i));
      m += weights[k] * column[k];
    }
    result.mean.push_back(m);
    result.q05.push_back(weighted_quantile(column, weights, 0.05));
    result.q95.push_back(weighted_quantile(column, weights, 0.95));
  }
  return result;
}

}  // namespace werkstroom::calibration
