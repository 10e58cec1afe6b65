import { fail, requireConvexWeights, requireFiniteArray, requireMatrix, requireSameLength } from './check-args.js';

/** The three terms of the ambiguity decomposition, each averaged over the examples. */
export interface AmbiguityDecomposition {
  /** Mean squared error of the weighted ensemble `f̄ = Σ_m w_m f_m`. */
  readonly ensembleError: number;
  /** Weighted mean of the members' squared errors, `Σ_m w_m (f_m - y)²`. */
  readonly averageMemberError: number;
  /** Weighted spread of the members around the ensemble, `Σ_m w_m (f_m - f̄)²` (≥ 0). */
  readonly ambiguity: number;
}

/**
 * The ambiguity decomposition of Krogh & Vedelsby (1995) for a weighted regression ensemble:
 * for every input, `(f̄ - y)² = Σ_m w_m (f_m - y)² - Σ_m w_m (f_m - f̄)²`, i.e. the ensemble's
 * squared error is the members' weighted mean error minus their weighted disagreement (the
 * ambiguity). Since the ambiguity is ≥ 0, the ensemble is never worse than its average member, and
 * it gains exactly as much as the members disagree. Each term is computed directly from its
 * definition and averaged over the examples; the identity is what the tests check.
 *
 * @param memberPredictions - one row per member, one column per example.
 * @param weights - one non-negative weight per member, summing to 1.
 * @param targets - one target per example.
 * @returns the ensemble error, the weighted mean member error and the ambiguity.
 * @throws ConfigError for a ragged or non-finite matrix, weights that are not convex, or a
 *   length mismatch.
 * @example
 * ```ts
 * import { ambiguityDecomposition } from '@dl/transfer-fusion';
 * ambiguityDecomposition([[1], [3]], [0.5, 0.5], [2.5]);
 * // { ensembleError: 0.25, averageMemberError: 1.25, ambiguity: 1 }  (0.25 = 1.25 - 1)
 * ```
 */
export function ambiguityDecomposition(
  memberPredictions: readonly (readonly number[])[],
  weights: readonly number[],
  targets: readonly number[],
): AmbiguityDecomposition {
  const where = 'ambiguityDecomposition';
  const f = requireMatrix(memberPredictions, 'memberPredictions', where);
  const w = requireConvexWeights(weights, 'weights', where);
  requireSameLength(w, f.length, 'weights', 'memberPredictions', where);
  const y = requireFiniteArray(targets, 'targets', where);
  if (y.length !== f[0]!.length) fail('targets', targets, `${f[0]!.length} entries, one per column of memberPredictions (${where})`);
  let ensembleError = 0;
  let averageMemberError = 0;
  let ambiguity = 0;
  for (let k = 0; k < y.length; k += 1) {
    const combined = f.reduce((sum, row, m) => sum + w[m]! * row[k]!, 0);
    ensembleError += (combined - y[k]!) ** 2;
    f.forEach((row, m) => {
      averageMemberError += w[m]! * (row[k]! - y[k]!) ** 2;
      ambiguity += w[m]! * (row[k]! - combined) ** 2;
    });
  }
  return { ensembleError: ensembleError / y.length, averageMemberError: averageMemberError / y.length, ambiguity: ambiguity / y.length };
}
