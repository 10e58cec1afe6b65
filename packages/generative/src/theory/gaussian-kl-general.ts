import { requireFiniteArray, requirePositiveArray, requireSameLength } from './check-args.js';

/**
 * The KL divergence between two diagonal Gaussians, in closed form and float64:
 * `KL(N(μ₁, diag σ₁²) ‖ N(μ₂, diag σ₂²)) = Σ_j [ log(σ₂ⱼ/σ₁ⱼ) + (σ₁ⱼ² + (μ₁ⱼ - μ₂ⱼ)²) / (2σ₂ⱼ²) - ½ ]`.
 * With μ₂ = 0, σ₂² = 1 it is the VAE term `-½ Σ (1 + log σ² - μ² - σ²)`; with a learned prior
 * (conditional VAE, hierarchical VAE) or between diffusion posteriors, the general form is the
 * one needed. Not symmetric in its two arguments.
 *
 * @param mean1 - μ₁ (the first argument of the KL, e.g. the encoder's q).
 * @param variance1 - σ₁², > 0, as many entries as `mean1`.
 * @param mean2 - μ₂ (e.g. the prior).
 * @param variance2 - σ₂², > 0.
 * @returns the KL summed over dimensions, ≥ 0, in nats.
 * @throws ConfigError for non-finite values, a variance ≤ 0 or mismatched lengths.
 * @example
 * ```ts
 * import { gaussianKlDivergenceGeneral } from '@dl/generative';
 * gaussianKlDivergenceGeneral([0], [1], [1], [4]); // 0.4431 (= log 2 + 2/8 - 1/2)
 * gaussianKlDivergenceGeneral([1], [4], [0], [1]); // 1.3069 (the reverse: KL is not symmetric)
 * ```
 */
export function gaussianKlDivergenceGeneral(
  mean1: readonly number[],
  variance1: readonly number[],
  mean2: readonly number[],
  variance2: readonly number[],
): number {
  const where = 'gaussianKlDivergenceGeneral';
  const m1 = requireFiniteArray(mean1, 'mean1', where);
  const v1 = requirePositiveArray(variance1, 'variance1', where);
  const m2 = requireFiniteArray(mean2, 'mean2', where);
  const v2 = requirePositiveArray(variance2, 'variance2', where);
  requireSameLength(v1, m1.length, 'variance1', 'mean1', where);
  requireSameLength(m2, m1.length, 'mean2', 'mean1', where);
  requireSameLength(v2, m1.length, 'variance2', 'mean1', where);
  let total = 0;
  for (let j = 0; j < m1.length; j += 1) {
    total += 0.5 * Math.log(v2[j]! / v1[j]!) + (v1[j]! + (m1[j]! - m2[j]!) ** 2) / (2 * v2[j]!) - 0.5;
  }
  return total;
}
