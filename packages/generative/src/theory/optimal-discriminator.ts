import { ConfigError } from '@dl/core';
import { requireDistribution, requireFiniteArray, requireSameLength } from './check-args.js';

/**
 * The discriminator that maximizes the GAN value for a fixed generator, outcome by outcome:
 * `D*(x) = p_data(x) / (p_data(x) + p_g(x))`. Where neither distribution has mass the value of
 * D does not affect the objective; this function returns ½ there. Its logit is the log density
 * ratio `log p_data(x) - log p_g(x)`: a trained discriminator is a density-ratio estimator.
 *
 * @param pData - the data distribution on a finite set of outcomes.
 * @param pModel - the generator's distribution on the same outcomes.
 * @returns D*(x) for each outcome, in [0, 1].
 * @throws ConfigError when an argument is not a probability vector or the lengths differ.
 * @example
 * ```ts
 * import { optimalDiscriminator } from '@dl/generative';
 * optimalDiscriminator([0.3, 0.7, 0], [0.1, 0.5, 0.4]); // [0.75, 0.5833, 0]
 * ```
 */
export function optimalDiscriminator(pData: readonly number[], pModel: readonly number[]): number[] {
  const data = requireDistribution(pData, 'pData', 'optimalDiscriminator');
  const model = requireDistribution(pModel, 'pModel', 'optimalDiscriminator');
  requireSameLength(model, data.length, 'pModel', 'pData', 'optimalDiscriminator');
  return data.map((a, i) => {
    const b = model[i]!;
    return a + b === 0 ? 0.5 : a / (a + b);
  });
}

/**
 * The GAN value function for discrete distributions and a given discriminator:
 * `V(D) = Σ_x p_data(x) log D(x) + Σ_x p_g(x) log(1 - D(x))` (nats), with 0 · log 0 = 0. This is
 * minus the discriminator's binary cross-entropy (real = 1, fake = 0); its maximum over D is
 * `-log 4 + 2 JSD(p_data, p_g)`, reached at {@link optimalDiscriminator}.
 *
 * @param discriminator - D(x) ∈ [0, 1] for each outcome.
 * @param pData - the data distribution.
 * @param pModel - the generator's distribution.
 * @returns V(D), ≤ 0; `-Infinity` when D is 0 where the data has mass (or 1 where the model has mass).
 * @throws ConfigError for a D outside [0, 1], a non-distribution or mismatched lengths.
 * @example
 * ```ts
 * import { ganValueFunction } from '@dl/generative';
 * ganValueFunction([0.5, 0.5], [0.5, 0.5], [0.5, 0.5]); // -1.3863 (= -log 4: the equilibrium)
 * ```
 */
export function ganValueFunction(discriminator: readonly number[], pData: readonly number[], pModel: readonly number[]): number {
  const d = requireFiniteArray(discriminator, 'discriminator', 'ganValueFunction');
  if (d.some((x) => x < 0 || x > 1)) {
    throw new ConfigError({ package: 'generative', path: 'discriminator', value: discriminator, expected: 'values in [0, 1] (ganValueFunction)' });
  }
  const data = requireDistribution(pData, 'pData', 'ganValueFunction');
  const model = requireDistribution(pModel, 'pModel', 'ganValueFunction');
  requireSameLength(data, d.length, 'pData', 'discriminator', 'ganValueFunction');
  requireSameLength(model, d.length, 'pModel', 'discriminator', 'ganValueFunction');
  // 0 · log 0 = 0: an outcome without mass contributes nothing, whatever D is there.
  const weightedLog = (weight: number, x: number): number => (weight === 0 ? 0 : weight * Math.log(x));
  let total = 0;
  for (let i = 0; i < d.length; i += 1) total += weightedLog(data[i]!, d[i]!) + weightedLog(model[i]!, 1 - d[i]!);
  return total;
}
