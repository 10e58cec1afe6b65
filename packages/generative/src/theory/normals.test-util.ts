import { createSeededRandom } from '@dl/core';

export { seededNormals } from '@dl/core/testing';

/** A random probability vector of length n (some entries exactly 0 when `zeros` is set). */
export function seededDistribution(n: number, seed: number, zeros = 0): number[] {
  const random = createSeededRandom(seed);
  const raw = Array.from({ length: n }, (_, i) => (i < zeros ? 0 : 0.05 + random.next()));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / total);
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
export const variance = (xs: readonly number[]): number => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};
