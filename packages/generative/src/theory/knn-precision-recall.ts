import { ConfigError } from '@dl/core';
import { requireMatrix } from './check-args.js';

/**
 * Improved precision and recall of a generative model (Kynkäänniemi et al., 2019) on feature
 * vectors, in float64. Each set's manifold is the union of balls around its points with radius
 * the distance to the point's k-th nearest neighbour in the same set. Precision = share of
 * generated points inside the real manifold (fidelity); recall = share of real points inside the
 * generated manifold (coverage). Mode collapse shows as high precision with low recall.
 *
 * @param real - real feature vectors, one row each (at least k + 1 rows).
 * @param generated - generated feature vectors, the same width (at least k + 1 rows).
 * @param k - the neighbour that sets each radius (default 3, as in the paper).
 * @returns `{ precision, recall }`, each in [0, 1].
 * @throws ConfigError for ragged rows, mismatched widths, or k not in 1..(rows - 1).
 * @example
 * ```ts
 * import { knnPrecisionRecall } from '@dl/generative';
 * const real = [[0], [1], [2], [10], [11], [12]];
 * knnPrecisionRecall(real, [[0.5], [1.5], [1], [0]], 1); // { precision: 1, recall: 0.5 }: one mode of two
 * ```
 */
export function knnPrecisionRecall(
  real: readonly (readonly number[])[],
  generated: readonly (readonly number[])[],
  k = 3,
): { precision: number; recall: number } {
  const where = 'knnPrecisionRecall';
  const r = requireMatrix(real, 'real', where);
  const g = requireMatrix(generated, 'generated', where);
  if (g[0]!.length !== r[0]!.length) throw new ConfigError({ package: 'generative', path: 'generated', value: generated, expected: `rows of ${r[0]!.length} features, like real (${where})` });
  const maxK = Math.min(r.length, g.length) - 1;
  if (!Number.isInteger(k) || k < 1 || k > maxK) throw new ConfigError({ package: 'generative', path: 'k', value: k, expected: `an integer from 1 to ${maxK} (fewer than the rows of each set) (${where})` });
  const realRadii = kthNeighbourDistances(r, k);
  const generatedRadii = kthNeighbourDistances(g, k);
  const inside = (point: readonly number[], set: readonly (readonly number[])[], radii: readonly number[]): boolean =>
    set.some((center, i) => distance(point, center) <= radii[i]!);
  return {
    precision: g.filter((point) => inside(point, r, realRadii)).length / g.length,
    recall: r.filter((point) => inside(point, g, generatedRadii)).length / r.length,
  };
}

function distance(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(total);
}

/** For each point, the distance to its k-th nearest other point of the same set. */
function kthNeighbourDistances(set: readonly (readonly number[])[], k: number): number[] {
  return set.map((point, i) => set.filter((_, j) => j !== i).map((other) => distance(point, other)).sort((a, b) => a - b)[k - 1]!);
}
