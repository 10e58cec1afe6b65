import { ConfigError } from '@dl/core';
import { requireDistribution, requireNumberIn } from './check-args.js';

/**
 * The Inception-Score formula applied to class probabilities p(y | x) of generated samples,
 * in float64: `IS = exp(E_x KL(p(y | x) ‖ p(y)))` with `p(y) = E_x p(y | x)`. It equals
 * exp(I(x; y)) = exp(H(p(y)) - E_x H(p(y | x))), so it lies in [1, K]: K when every sample is
 * classified with certainty and the classes are used equally, 1 when every prediction is the
 * same. A generator that collapses onto m of K classes (confidently) scores m.
 *
 * @param probabilities - one row p(y | x) per generated sample, each summing to 1.
 * @returns the score, in [1, number of classes].
 * @throws ConfigError when a row is not a distribution or the rows differ in length.
 * @example
 * ```ts
 * import { inceptionScoreFromProbabilities } from '@dl/generative';
 * inceptionScoreFromProbabilities([[1, 0, 0], [0, 1, 0], [0, 0, 1]]); // 3
 * inceptionScoreFromProbabilities([[1, 0, 0], [1, 0, 0]]);            // 1 (collapsed)
 * ```
 */
export function inceptionScoreFromProbabilities(probabilities: readonly (readonly number[])[]): number {
  const rows = requireRows(probabilities, 'inceptionScoreFromProbabilities');
  const k = rows[0]!.length;
  const marginal = Array.from({ length: k }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length);
  let meanKl = 0;
  for (const row of rows) for (let j = 0; j < k; j += 1) if (row[j]! > 0) meanKl += (row[j]! * Math.log(row[j]! / marginal[j]!)) / rows.length;
  return Math.exp(meanKl);
}

/**
 * Class coverage of generated samples: how many classes appear among the samples classified with
 * confidence above `threshold` (max_y p(y | x) > threshold). A mode-collapse diagnostic that the
 * Inception Score hides: IS rewards confident, balanced predictions but cannot see which classes
 * are missing from a small sample, coverage counts them directly.
 *
 * @param probabilities - one row p(y | x) per generated sample.
 * @param threshold - confidence needed to count a sample, in [0, 1) (default 0.9).
 * @returns the number of distinct classes covered, 0..K.
 * @throws ConfigError for rows that are not distributions or a threshold outside [0, 1).
 * @example
 * ```ts
 * import { classCoverageFromProbabilities } from '@dl/generative';
 * classCoverageFromProbabilities([[0.95, 0.05], [0.97, 0.03], [0.6, 0.4]]); // 1
 * ```
 */
export function classCoverageFromProbabilities(probabilities: readonly (readonly number[])[], threshold = 0.9): number {
  const rows = requireRows(probabilities, 'classCoverageFromProbabilities');
  const limit = requireNumberIn(threshold, 'threshold', 'classCoverageFromProbabilities', 0, 1);
  if (limit === 1) throw new ConfigError({ package: 'generative', path: 'threshold', value: threshold, expected: 'a number in [0, 1) (classCoverageFromProbabilities)' });
  const covered = new Set<number>();
  for (const row of rows) {
    const best = row.reduce((arg, p, j) => (p > row[arg]! ? j : arg), 0);
    if (row[best]! > limit) covered.add(best);
  }
  return covered.size;
}

function requireRows(value: unknown, where: string): readonly (readonly number[])[] {
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError({ package: 'generative', path: 'probabilities', value, expected: `a non-empty array of probability rows (${where})` });
  const rows = value.map((row: unknown, i) => requireDistribution(row, `probabilities.${i}`, where));
  const k = rows[0]!.length;
  rows.forEach((row, i) => {
    if (row.length !== k) throw new ConfigError({ package: 'generative', path: `probabilities.${i}`, value: row, expected: `${k} class probabilities, like row 0 (${where})` });
  });
  return rows;
}
