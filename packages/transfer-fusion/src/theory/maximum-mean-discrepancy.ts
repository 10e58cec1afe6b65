import { fail, requireMatrix, requireOptions, requirePositive } from './check-args.js';

/** Options of {@link maximumMeanDiscrepancy}. */
export interface MaximumMeanDiscrepancyOptions {
  /** The Gaussian kernel's bandwidth h > 0: `k(x, y) = exp(-‖x - y‖² / (2h²))`. */
  readonly bandwidth: number;
}

/** Points as rows of a matrix, or plain numbers for 1-D samples. */
export type Points = readonly number[] | readonly (readonly number[])[];

function toRows(points: Points, path: string, where: string): number[][] {
  const value: unknown = points;
  const rows = Array.isArray(value) && value.every((x) => typeof x === 'number') ? (value as number[]).map((x) => [x]) : value;
  const matrix = requireMatrix(rows, path, where);
  if (matrix.length < 2) fail(path, points, `at least 2 points: the unbiased estimate leaves out i = j (${where})`);
  return matrix;
}

/**
 * The unbiased estimate (U-statistic, Gretton et al. 2012) of the squared maximum mean
 * discrepancy between the distributions behind two samples, with a Gaussian kernel:
 *
 * `MMD²_u = 1/(m(m-1)) Σ_{i≠j} k(x_i, x_j) + 1/(n(n-1)) Σ_{i≠j} k(y_i, y_j) - 2/(mn) Σ_{i,j} k(x_i, y_j)`.
 *
 * The population MMD² is 0 exactly when the two distributions are equal (the Gaussian kernel is
 * characteristic) and grows with the shift between them, so it measures domain shift between a
 * source and a target sample. Being unbiased, the estimate averages to 0 under no shift and can
 * then come out slightly negative. Cost O((m + n)² d).
 *
 * @param xs - the first sample: m ≥ 2 points (rows of equal length), or m numbers for 1-D data.
 * @param ys - the second sample: n ≥ 2 points of the same dimension.
 * @param options.bandwidth - the kernel bandwidth h > 0 (the median pairwise distance is a common choice).
 * @returns the unbiased MMD² estimate (may be slightly negative).
 * @throws ConfigError for fewer than 2 points, ragged or non-finite points, dimensions that
 *   differ, an unknown option, or a bandwidth ≤ 0.
 * @example
 * ```ts
 * import { maximumMeanDiscrepancy } from '@dl/transfer-fusion';
 * maximumMeanDiscrepancy([0, 1], [0, 2], { bandwidth: 1 }); // ≈ -0.4323 (= (e^-2 - 1)/2: unbiased, may be < 0)
 * maximumMeanDiscrepancy([[0, 0], [0, 1]], [[5, 5], [5, 6]], { bandwidth: 1 }); // ≈ 1.2131 (2 e^-1/2: far apart)
 * ```
 */
export function maximumMeanDiscrepancy(xs: Points, ys: Points, options: MaximumMeanDiscrepancyOptions): number {
  const where = 'maximumMeanDiscrepancy';
  const x = toRows(xs, 'xs', where);
  const y = toRows(ys, 'ys', where);
  if (x[0]!.length !== y[0]!.length) fail('ys', ys, `points of dimension ${x[0]!.length}, like xs (${where})`);
  const o = requireOptions(options, ['bandwidth'], where);
  const h = requirePositive(o.bandwidth, 'bandwidth', where);
  const kernel = (a: readonly number[], b: readonly number[]): number => {
    let d2 = 0;
    for (let k = 0; k < a.length; k += 1) d2 += (a[k]! - b[k]!) ** 2;
    return Math.exp(-d2 / (2 * h * h));
  };
  const within = (s: readonly (readonly number[])[]): number => {
    let total = 0;
    for (let i = 0; i < s.length; i += 1) for (let j = i + 1; j < s.length; j += 1) total += 2 * kernel(s[i]!, s[j]!);
    return total / (s.length * (s.length - 1));
  };
  let cross = 0;
  for (const a of x) for (const b of y) cross += kernel(a, b);
  return within(x) + within(y) - (2 * cross) / (x.length * y.length);
}
