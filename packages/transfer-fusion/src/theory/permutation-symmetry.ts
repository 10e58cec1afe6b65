import { fail, requireFiniteArray, requireMatrix, requireNumberIn, requireOptions, requireSameLength } from './check-args.js';

/**
 * A one-hidden-layer ReLU network on plain arrays: `f(x) = w2 · ReLU(w1 · x + b1) + b2`, with
 * `w1` of shape [hidden][inputs] and `w2` of shape [outputs][hidden].
 */
export interface ReluMlp {
  readonly w1: readonly (readonly number[])[];
  readonly b1: readonly number[];
  readonly w2: readonly (readonly number[])[];
  readonly b2: readonly number[];
}

function checkMlp(network: ReluMlp, path: string, where: string): ReluMlp {
  const o = requireOptions(network, ['w1', 'b1', 'w2', 'b2'], where);
  const w1 = requireMatrix(o.w1, `${path}.w1`, where);
  const b1 = requireFiniteArray(o.b1, `${path}.b1`, where);
  requireSameLength(b1, w1.length, `${path}.b1`, `${path}.w1 rows`, where);
  const w2 = requireMatrix(o.w2, `${path}.w2`, where);
  if (w2[0]!.length !== w1.length) fail(`${path}.w2`, o.w2, `rows of ${w1.length} entries, one per hidden unit (${where})`);
  const b2 = requireFiniteArray(o.b2, `${path}.b2`, where);
  requireSameLength(b2, w2.length, `${path}.b2`, `${path}.w2 rows`, where);
  return { w1, b1, w2, b2 };
}

/**
 * Evaluates a one-hidden-layer ReLU network in float64: `w2 · ReLU(w1 · x + b1) + b2`.
 *
 * @param network - the weights ({@link ReluMlp}).
 * @param x - one input vector, as long as a row of `w1`.
 * @returns the output vector.
 * @throws ConfigError for inconsistent weight shapes or an input of the wrong length.
 * @example
 * ```ts
 * import { reluMlpForward } from '@dl/transfer-fusion';
 * const absolute = { w1: [[1], [-1]], b1: [0, 0], w2: [[1, 1]], b2: [0] }; // |x|
 * reluMlpForward(absolute, [-3]); // [3]
 * ```
 */
export function reluMlpForward(network: ReluMlp, x: readonly number[]): number[] {
  const where = 'reluMlpForward';
  const { w1, b1, w2, b2 } = checkMlp(network, 'network', where);
  const input = requireFiniteArray(x, 'x', where);
  requireSameLength(input, w1[0]!.length, 'x', 'network.w1 columns', where);
  const hidden = w1.map((row, j) => Math.max(0, row.reduce((s, wjk, k) => s + wjk * input[k]!, b1[j]!)));
  return w2.map((row, i) => row.reduce((s, wij, j) => s + wij * hidden[j]!, b2[i]!));
}

/**
 * Reorders the hidden units of a one-hidden-layer network: unit j of the result is unit
 * `permutation[j]` of `network` (rows of w1 and entries of b1 move, and the columns of w2 move
 * with them). The result computes exactly the same function — ReLU acts elementwise, so
 * `w2 Pᵀ ReLU(P w1 x + P b1) = w2 ReLU(w1 x + b1)` — which is why a hidden layer of width n has n!
 * equivalent parameter vectors, and why two independently trained networks need aligning before
 * their weights can be averaged.
 *
 * @param network - the weights.
 * @param permutation - a permutation of 0..hidden-1.
 * @returns the permuted network (new arrays).
 * @throws ConfigError when `permutation` is not a permutation of the hidden units.
 * @example
 * ```ts
 * import { permuteHiddenUnits } from '@dl/transfer-fusion';
 * permuteHiddenUnits({ w1: [[1], [-1]], b1: [0, 0], w2: [[1, 1]], b2: [0] }, [1, 0]);
 * // { w1: [[-1], [1]], b1: [0, 0], w2: [[1, 1]], b2: [0] }, still |x|
 * ```
 */
export function permuteHiddenUnits(network: ReluMlp, permutation: readonly number[]): ReluMlp {
  const where = 'permuteHiddenUnits';
  const { w1, b1, w2, b2 } = checkMlp(network, 'network', where);
  const hidden = w1.length;
  const seen = new Set(permutation);
  const ok = Array.isArray(permutation) && permutation.length === hidden && seen.size === hidden && permutation.every((j) => Number.isInteger(j) && j >= 0 && j < hidden);
  if (!ok) fail('permutation', permutation, `a permutation of 0..${hidden - 1}, one entry per hidden unit (${where})`);
  return {
    w1: permutation.map((j) => [...w1[j]!]),
    b1: permutation.map((j) => b1[j]!),
    w2: w2.map((row) => permutation.map((j) => row[j]!)),
    b2: [...b2],
  };
}

/**
 * The parameter-space interpolation `(1 - t) · a + t · b` of two networks of the same shape
 * (t = ½ is their weight average). Unlike output averaging, this is not the average of the two
 * functions: averaging a network with a hidden-unit permutation of itself (the same function)
 * can give a very different one, e.g. the zero function for `|x| = ReLU(x) + ReLU(-x)`.
 *
 * @param a - the first network.
 * @param b - the second network, with the same shapes.
 * @param t - the interpolation coefficient in [0, 1] (default ½).
 * @returns the interpolated network.
 * @throws ConfigError when the shapes differ or t is outside [0, 1].
 * @example
 * ```ts
 * import { interpolateNetworks, reluMlpForward } from '@dl/transfer-fusion';
 * const a = { w1: [[1], [-1]], b1: [0, 0], w2: [[1, 1]], b2: [0] };
 * const b = { w1: [[-1], [1]], b1: [0, 0], w2: [[1, 1]], b2: [0] }; // a with its units swapped
 * reluMlpForward(interpolateNetworks(a, b), [5]); // [0], though a and b both give 5
 * ```
 */
export function interpolateNetworks(a: ReluMlp, b: ReluMlp, t = 0.5): ReluMlp {
  const where = 'interpolateNetworks';
  const na = checkMlp(a, 'a', where);
  const nb = checkMlp(b, 'b', where);
  const weight = requireNumberIn(t, 't', where, 0, 1);
  const sameShape =
    na.w1.length === nb.w1.length && na.w1[0]!.length === nb.w1[0]!.length && na.w2.length === nb.w2.length;
  if (!sameShape) fail('b', b, `a network with the same shapes as a (${na.w1.length} hidden units, ${na.w1[0]!.length} inputs, ${na.w2.length} outputs) (${where})`);
  const mix = (x: number, y: number): number => (1 - weight) * x + weight * y;
  return {
    w1: na.w1.map((row, j) => row.map((x, k) => mix(x, nb.w1[j]![k]!))),
    b1: na.b1.map((x, j) => mix(x, nb.b1[j]!)),
    w2: na.w2.map((row, i) => row.map((x, j) => mix(x, nb.w2[i]![j]!))),
    b2: na.b2.map((x, i) => mix(x, nb.b2[i]!)),
  };
}
