import { describe, expect, it } from 'vitest';
import { seededNormals } from './seeded-normals.js';

describe('seededNormals', () => {
  it('draws standard normals: mean 0, variance 1, P(|x| < 1) ≈ 0.6827, repeatable by seed', () => {
    const n = 40_000;
    const xs = seededNormals(n, 3);
    expect(xs).toHaveLength(n);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
    // Four standard errors: 1/√n for the mean, √(2/n) for the variance, √(p(1-p)/n) for the share.
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    const within = xs.filter((x) => Math.abs(x) < 1).length / n;
    expect(Math.abs(within - 0.682689)).toBeLessThan(4 * Math.sqrt((0.682689 * 0.317311) / n));
    expect(seededNormals(5, 3)).toEqual(xs.slice(0, 5));
    expect(seededNormals(5, 4)).not.toEqual(xs.slice(0, 5));
    expect(seededNormals(3, 1)).toHaveLength(3); // odd counts too
  });
});
