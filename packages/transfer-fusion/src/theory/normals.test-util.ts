import { createSeededRandom } from '@dl/core';

/** Standard normal draws (Box-Muller) in float64 from a seeded stream, for Monte Carlo checks. */
export function seededNormals(count: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const out: number[] = [];
  while (out.length < count) {
    const r = Math.sqrt(-2 * Math.log(1 - random.next()));
    const theta = 2 * Math.PI * random.next();
    out.push(r * Math.cos(theta), r * Math.sin(theta));
  }
  return out.slice(0, count);
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
export const sampleVariance = (xs: readonly number[]): number => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};
