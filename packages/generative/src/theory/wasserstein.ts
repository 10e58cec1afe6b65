import { ConfigError } from '@dl/core';
import { requireDistribution, requireFiniteArray, requireSameLength } from './check-args.js';

/**
 * The Wasserstein-1 (earth mover's) distance between two discrete distributions on the real
 * line, from the CDF form `W₁(p, q) = ∫ |F_p(x) - F_q(x)| dx = Σ_i |F_p(x_i) - F_q(x_i)| (x_{i+1} - x_i)`.
 * Unlike the JS divergence it keeps growing with the distance between disjoint supports (moving
 * a point mass by θ costs |θ|), which is why a WGAN critic still gives gradients there. By the
 * Kantorovich-Rubinstein duality it also equals `sup_{‖f‖_L ≤ 1} E_p f - E_q f`.
 *
 * @param points - the support, strictly increasing.
 * @param p - probabilities on `points`.
 * @param q - probabilities on `points`.
 * @returns W₁(p, q) ≥ 0, in the units of `points`.
 * @throws ConfigError when `points` is not strictly increasing, or p, q are not distributions of its length.
 * @example
 * ```ts
 * import { wasserstein1d } from '@dl/generative';
 * wasserstein1d([0, 1, 2], [1, 0, 0], [0, 0, 1]);       // 2 (move all the mass by 2)
 * wasserstein1d([0, 1, 2], [0.5, 0.5, 0], [0, 0.5, 0.5]); // 1
 * ```
 */
export function wasserstein1d(points: readonly number[], p: readonly number[], q: readonly number[]): number {
  const x = requireFiniteArray(points, 'points', 'wasserstein1d');
  if (x.some((value, i) => i > 0 && value <= x[i - 1]!)) {
    throw new ConfigError({ package: 'generative', path: 'points', value: points, expected: 'strictly increasing support points (wasserstein1d)' });
  }
  const pp = requireDistribution(p, 'p', 'wasserstein1d');
  const qq = requireDistribution(q, 'q', 'wasserstein1d');
  requireSameLength(pp, x.length, 'p', 'points', 'wasserstein1d');
  requireSameLength(qq, x.length, 'q', 'points', 'wasserstein1d');
  let cdfGap = 0;
  let total = 0;
  for (let i = 0; i + 1 < x.length; i += 1) {
    cdfGap += pp[i]! - qq[i]!;
    total += Math.abs(cdfGap) * (x[i + 1]! - x[i]!);
  }
  return total;
}
