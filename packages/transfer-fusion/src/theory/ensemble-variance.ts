import { fail, requireIntegerIn, requireNumberIn } from './check-args.js';

/**
 * The variance of the average of `n` equicorrelated predictors, each with variance σ² and
 * pairwise correlation ρ: `Var((1/n) Σ f_m) = ρσ² + (1 - ρ)σ²/n`. The uncorrelated part falls as
 * 1/n; the correlated part ρσ² is a floor that no number of members removes, which is why an
 * ensemble pays off through diversity rather than size.
 *
 * ρ must be at least -1/(n - 1): below that no n variables can be pairwise correlated at ρ (the
 * covariance matrix would not be positive semi-definite), and the formula would go negative.
 *
 * @param sigma2 - each member's variance σ² ≥ 0.
 * @param rho - the pairwise correlation, in [-1/(n - 1), 1] (in [-1, 1] for n = 1).
 * @param n - the number of members, an integer ≥ 1.
 * @returns the variance of the average, ≥ 0.
 * @throws ConfigError when σ² < 0, n is not a positive integer, or ρ is out of range.
 * @example
 * ```ts
 * import { ensembleVariance } from '@dl/transfer-fusion';
 * ensembleVariance(1, 0.95, 5); // 0.96: five near-identical checkpoints remove 4% of the variance
 * ensembleVariance(1, 0.3, 5);  // 0.44
 * ensembleVariance(1, 0, 10);   // 0.1
 * ```
 */
export function ensembleVariance(sigma2: number, rho: number, n: number): number {
  const where = 'ensembleVariance';
  const s2 = requireNumberIn(sigma2, 'sigma2', where, 0, Number.MAX_VALUE);
  const members = requireIntegerIn(n, 'n', where, 1);
  const r = requireNumberIn(rho, 'rho', where, -1, 1);
  if (members > 1 && r < -1 / (members - 1)) {
    fail('rho', rho, `a correlation >= -1/(n - 1) = ${-1 / (members - 1)}: n variables cannot all be more negatively correlated (${where})`, { n });
  }
  return Math.max(r * s2 + ((1 - r) * s2) / members, 0);
}
