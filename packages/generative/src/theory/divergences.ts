import { requireDistribution, requireSameLength, xLogXOverY } from './check-args.js';

/**
 * The Kullback-Leibler divergence of two discrete distributions on the same outcomes, in nats:
 * `KL(p ‖ q) = Σ_i p_i log(p_i / q_i)`, with 0 · log 0 = 0. It is +∞ as soon as `p` puts mass
 * where `q` has none, and it is not symmetric: `KL(q ‖ p)` (the "reverse" KL) is mode-seeking,
 * `KL(p ‖ q)` (the "forward" KL, maximum likelihood) is mass-covering.
 *
 * @param p - probabilities, summing to 1.
 * @param q - probabilities on the same outcomes, summing to 1.
 * @returns KL(p ‖ q) ≥ 0 (0 only when p = q), possibly `Infinity`.
 * @throws ConfigError when an argument is not a probability vector or the lengths differ.
 * @example
 * ```ts
 * import { klDivergence } from '@dl/generative';
 * klDivergence([0.5, 0.5], [0.9, 0.1]); // 0.5108 (= 0.5 log(0.5/0.9) + 0.5 log(0.5/0.1))
 * klDivergence([0.5, 0.5], [1, 0]);     // Infinity
 * ```
 */
export function klDivergence(p: readonly number[], q: readonly number[]): number {
  const pp = requireDistribution(p, 'p', 'klDivergence');
  const qq = requireDistribution(q, 'q', 'klDivergence');
  requireSameLength(qq, pp.length, 'q', 'p', 'klDivergence');
  let total = 0;
  for (let i = 0; i < pp.length; i += 1) total += xLogXOverY(pp[i]!, qq[i]!);
  return total;
}

/**
 * The Jensen-Shannon divergence of two discrete distributions, in nats:
 * `JSD(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m)` with the mixture `m = ½(p + q)`. Symmetric, always
 * finite, between 0 (p = q) and log 2 ≈ 0.6931 (disjoint supports, whatever the distance between
 * them). At the optimal discriminator the GAN value is `-log 4 + 2 JSD(p_data, p_g)`, so once the
 * supports separate the value is stuck at 0 and the generator gets no gradient.
 *
 * @param p - probabilities, summing to 1.
 * @param q - probabilities on the same outcomes, summing to 1.
 * @returns JSD(p, q) in [0, log 2].
 * @throws ConfigError when an argument is not a probability vector or the lengths differ.
 * @example
 * ```ts
 * import { jensenShannonDivergence } from '@dl/generative';
 * jensenShannonDivergence([1, 0], [0, 1]);         // 0.6931 (log 2: disjoint supports)
 * jensenShannonDivergence([0.5, 0.5], [0.5, 0.5]); // 0
 * ```
 */
export function jensenShannonDivergence(p: readonly number[], q: readonly number[]): number {
  const pp = requireDistribution(p, 'p', 'jensenShannonDivergence');
  const qq = requireDistribution(q, 'q', 'jensenShannonDivergence');
  requireSameLength(qq, pp.length, 'q', 'p', 'jensenShannonDivergence');
  let total = 0;
  for (let i = 0; i < pp.length; i += 1) {
    const m = (pp[i]! + qq[i]!) / 2;
    total += 0.5 * xLogXOverY(pp[i]!, m) + 0.5 * xLogXOverY(qq[i]!, m);
  }
  // Rounding can leave a tiny negative value for p = q, or a value a hair above log 2.
  return Math.min(Math.max(total, 0), Math.LN2);
}
