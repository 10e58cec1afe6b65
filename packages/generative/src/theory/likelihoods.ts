import { ConfigError } from '@dl/core';
import { requireFiniteArray, requirePositiveArray, requireSameLength } from './check-args.js';

/**
 * The negative log-likelihood of `x` under a factorized Gaussian decoder `N(mean, σ² I)`, in nats:
 * `Σ_i (x_i - mean_i)² / (2σ²) + (D/2) log(2πσ²)`. With σ² fixed it is the sum of squared errors
 * scaled by 1/(2σ²) plus a constant, so "MSE loss" means a Gaussian likelihood with a chosen σ:
 * the ELBO `SSE/(2σ²) + KL` is, times 2σ², `SSE + 2σ² KL`, i.e. a β-VAE with β = 2σ². Minimized
 * over a shared σ², the best variance is the mean squared error `SSE / D`.
 *
 * @param x - the observation, D values.
 * @param mean - the decoder's mean, D values.
 * @param variance - σ², > 0: one shared number, or one per dimension.
 * @returns -log N(x; mean, σ²), in nats (can be negative for small σ²: it is a density).
 * @throws ConfigError for non-finite values, σ² ≤ 0 or mismatched lengths.
 * @example
 * ```ts
 * import { gaussianNegativeLogLikelihood } from '@dl/generative';
 * gaussianNegativeLogLikelihood([1, 2], [0, 2], 1); // 2.3379 (= ½·1 + log 2π)
 * ```
 */
export function gaussianNegativeLogLikelihood(x: readonly number[], mean: readonly number[], variance: number | readonly number[]): number {
  const where = 'gaussianNegativeLogLikelihood';
  const xs = requireFiniteArray(x, 'x', where);
  const ms = requireFiniteArray(mean, 'mean', where);
  requireSameLength(ms, xs.length, 'mean', 'x', where);
  const vs = typeof variance === 'number' ? requirePositiveArray(xs.map(() => variance), 'variance', where) : requirePositiveArray(variance, 'variance', where);
  requireSameLength(vs, xs.length, 'variance', 'x', where);
  let total = 0;
  for (let i = 0; i < xs.length; i += 1) total += (xs[i]! - ms[i]!) ** 2 / (2 * vs[i]!) + 0.5 * Math.log(2 * Math.PI * vs[i]!);
  return total;
}

/**
 * The negative log-likelihood of `x` under a factorized Bernoulli decoder with probabilities
 * `p`, i.e. the binary cross-entropy summed over pixels: `-Σ_i [x_i log p_i + (1 - x_i) log(1 - p_i)]`.
 * It is a proper likelihood only for binary x; for grey levels x ∈ [0, 1] it is still used, but
 * its minimum (at p = x) is the entropy `Σ H(x_i)`, not 0, and it is not normalized over x (the
 * continuous Bernoulli fixes that). 0 · log 0 = 0, so p = x = 0 or 1 gives 0.
 *
 * @param x - targets in [0, 1].
 * @param probabilities - the decoder's p in [0, 1], as many as x.
 * @returns the summed BCE in nats, ≥ 0; `Infinity` when p is 0 or 1 against a target that disagrees.
 * @throws ConfigError for values outside [0, 1] or mismatched lengths.
 * @example
 * ```ts
 * import { bernoulliNegativeLogLikelihood } from '@dl/generative';
 * bernoulliNegativeLogLikelihood([1, 0], [0.9, 0.2]); // 0.3285 (= -log 0.9 - log 0.8)
 * bernoulliNegativeLogLikelihood([0.5], [0.5]);       // 0.6931: the minimum for x = 0.5 is log 2, not 0
 * ```
 */
export function bernoulliNegativeLogLikelihood(x: readonly number[], probabilities: readonly number[]): number {
  const where = 'bernoulliNegativeLogLikelihood';
  const xs = requireFiniteArray(x, 'x', where);
  const ps = requireFiniteArray(probabilities, 'probabilities', where);
  requireSameLength(ps, xs.length, 'probabilities', 'x', where);
  for (const [path, values, original] of [['x', xs, x], ['probabilities', ps, probabilities]] as const) {
    if (values.some((v) => v < 0 || v > 1)) throw new ConfigError({ package: 'generative', path, value: original, expected: `values in [0, 1] (${where})` });
  }
  const weightedLog = (weight: number, value: number): number => (weight === 0 ? 0 : weight * Math.log(value));
  let total = 0;
  for (let i = 0; i < xs.length; i += 1) total -= weightedLog(xs[i]!, ps[i]!) + weightedLog(1 - xs[i]!, 1 - ps[i]!);
  return total;
}
