import { requireFiniteArray, requireOptions, requirePositive, fail } from './check-args.js';

/** A 1-D Gaussian density N(mean, std²). */
export interface Gaussian1d {
  readonly mean: number;
  readonly std: number;
}

/** Options of {@link importanceWeights}. */
export interface ImportanceWeightsOptions {
  /** The source (training) input density p_s. */
  readonly source: Gaussian1d;
  /** The target (test) input density p_t. */
  readonly target: Gaussian1d;
}

function checkGaussian(value: unknown, path: string, where: string): Gaussian1d {
  const o = requireOptions(value, ['mean', 'std'], `${where} ${path}`);
  if (!(typeof o.mean === 'number' && Number.isFinite(o.mean))) fail(`${path}.mean`, o.mean, `a finite number (${where})`);
  return { mean: o.mean, std: requirePositive(o.std, `${path}.std`, where) };
}

/**
 * Importance weights for covariate shift with known 1-D Gaussian input densities:
 * `w(x) = p_t(x) / p_s(x)`. Under covariate shift (p(y | x) unchanged), `E_t[f] = E_s[w f]`, so a
 * weighted average over source samples estimates a target expectation (and a weighted training
 * loss estimates the target risk). Computed in log space, so far tails do not give 0/0.
 *
 * When the target is wider than the source or far from it, w has a large (even infinite)
 * variance and a few samples carry all the weight; {@link effectiveSampleSize} measures this.
 *
 * @param xs - source samples.
 * @param options.source - the source density N(mean, std²).
 * @param options.target - the target density N(mean, std²).
 * @returns one weight per sample, w(x) > 0.
 * @throws ConfigError for non-finite samples, an unknown option or a std ≤ 0.
 * @example
 * ```ts
 * import { importanceWeights } from '@dl/transfer-fusion';
 * importanceWeights([0, 1, 2], { source: { mean: 0, std: 1 }, target: { mean: 1, std: 1 } });
 * // [e^-1/2, e^1/2, e^3/2] ≈ [0.607, 1.649, 4.482]  (w(x) = exp(x - 1/2))
 * ```
 */
export function importanceWeights(xs: readonly number[], options: ImportanceWeightsOptions): number[] {
  const where = 'importanceWeights';
  const x = requireFiniteArray(xs, 'xs', where);
  const o = requireOptions(options, ['source', 'target'], where);
  const s = checkGaussian(o.source, 'source', where);
  const t = checkGaussian(o.target, 'target', where);
  const logDensity = (g: Gaussian1d, v: number): number => -Math.log(g.std) - ((v - g.mean) / g.std) ** 2 / 2;
  return x.map((v) => Math.exp(logDensity(t, v) - logDensity(s, v)));
}

/**
 * Kish's effective sample size of importance weights, `(Σ w)² / Σ w²`: n for equal weights, 1
 * when one weight dominates. For unit-variance Gaussians shifted by Δ, `E_s[w²] = exp(Δ²)`, so the
 * effective sample size is about `n · exp(-Δ²)`: a shift of 2 standard deviations leaves under 2%.
 *
 * @param weights - non-negative weights, not all 0.
 * @returns the effective sample size, in [1, n].
 * @throws ConfigError when a weight is negative or non-finite, or all are 0.
 * @example
 * ```ts
 * import { effectiveSampleSize } from '@dl/transfer-fusion';
 * effectiveSampleSize([1, 1, 1, 1]); // 4
 * effectiveSampleSize([1, 0, 0, 0]); // 1
 * ```
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  const w = requireFiniteArray(weights, 'weights', 'effectiveSampleSize');
  const total = w.reduce((a, b) => a + b, 0);
  if (w.some((v) => v < 0) || total <= 0) fail('weights', weights, 'non-negative weights, not all 0 (effectiveSampleSize)');
  return (total * total) / w.reduce((a, b) => a + b * b, 0);
}
