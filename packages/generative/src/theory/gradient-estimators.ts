import { ConfigError } from '@dl/core';
import { requireFiniteArray, requireNumberIn } from './check-args.js';

/**
 * Per-sample score-function (REINFORCE) estimates of `d/dμ E_{z ~ N(μ, σ²)}[f(z)]`:
 * `(f(z) - b) ∂_μ log N(z; μ, σ²) = (f(z) - b) (z - μ) / σ²` with `z = μ + σ ε`. Unbiased for
 * any constant baseline b, because E[∂_μ log q] = 0; it only uses values of f, so its variance
 * grows with |f| (add 10 to f and the variance grows by about 100/σ²) and a baseline near
 * E[f · ε²]/E[ε²] reduces it.
 *
 * @param f - the integrand.
 * @param mean - μ.
 * @param std - σ > 0.
 * @param epsilons - standard normal draws ε (one estimate per draw).
 * @param baseline - b, a constant subtracted from f (default 0).
 * @returns one estimate per ε; their mean estimates the gradient.
 * @throws ConfigError for σ ≤ 0, non-finite values or a non-function f.
 * @example
 * ```ts
 * import { scoreFunctionGradient } from '@dl/generative';
 * scoreFunctionGradient((z) => z * z, 1, 1, [0.5, 2]); // [1.125, 18]: (1.5²)(0.5), (3²)(2)
 * ```
 */
export function scoreFunctionGradient(f: (z: number) => number, mean: number, std: number, epsilons: readonly number[], baseline = 0): number[] {
  const where = 'scoreFunctionGradient';
  requireFunction(f, 'f', where);
  requireNumberIn(mean, 'mean', where, -Number.MAX_VALUE, Number.MAX_VALUE);
  requireNumberIn(std, 'std', where, 0, Number.MAX_VALUE, true);
  requireNumberIn(baseline, 'baseline', where, -Number.MAX_VALUE, Number.MAX_VALUE);
  return requireFiniteArray(epsilons, 'epsilons', where).map((eps) => (f(mean + std * eps) - baseline) * (eps / std));
}

/**
 * Per-sample pathwise (reparameterization) estimates of `d/dμ E_{z ~ N(μ, σ²)}[f(z)]`: with
 * `z = μ + σ ε`, `∂z/∂μ = 1`, so each estimate is `f'(μ + σ ε)`. It uses the derivative of f,
 * which is why its variance is usually far below the score-function estimator's (for f = z²,
 * σ = 1: 4 against μ⁴ + 14μ² + 15).
 *
 * @param derivative - f', the derivative of the integrand.
 * @param mean - μ.
 * @param std - σ > 0.
 * @param epsilons - standard normal draws ε.
 * @returns one estimate per ε.
 * @throws ConfigError for σ ≤ 0, non-finite values or a non-function derivative.
 * @example
 * ```ts
 * import { pathwiseGradient } from '@dl/generative';
 * pathwiseGradient((z) => 2 * z, 1, 1, [0.5, 2]); // [3, 6]
 * ```
 */
export function pathwiseGradient(derivative: (z: number) => number, mean: number, std: number, epsilons: readonly number[]): number[] {
  const where = 'pathwiseGradient';
  requireFunction(derivative, 'derivative', where);
  requireNumberIn(mean, 'mean', where, -Number.MAX_VALUE, Number.MAX_VALUE);
  requireNumberIn(std, 'std', where, 0, Number.MAX_VALUE, true);
  return requireFiniteArray(epsilons, 'epsilons', where).map((eps) => derivative(mean + std * eps));
}

function requireFunction(value: unknown, path: string, where: string): void {
  if (typeof value !== 'function') throw new ConfigError({ package: 'generative', path, value, expected: `a function of one number (${where})` });
}
