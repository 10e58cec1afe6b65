import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { gaussianKlDivergenceGeneral } from './gaussian-kl-general.js';
import { mean, seededNormals } from './normals.test-util.js';

const logDensity = (x: number, m: number, v: number): number => -0.5 * Math.log(2 * Math.PI * v) - (x - m) ** 2 / (2 * v);

/** ∫ q log(q/p) dx by the composite Simpson rule over μ₁ ± 14σ₁. */
function klByQuadrature(m1: number, v1: number, m2: number, v2: number): number {
  const n = 20_000;
  const a = m1 - 14 * Math.sqrt(v1);
  const h = (28 * Math.sqrt(v1)) / n;
  let total = 0;
  for (let i = 0; i <= n; i += 1) {
    const x = a + i * h;
    const weight = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    total += weight * Math.exp(logDensity(x, m1, v1)) * (logDensity(x, m1, v1) - logDensity(x, m2, v2));
  }
  return (total * h) / 3;
}

describe('gaussianKlDivergenceGeneral', () => {
  const cases: [number, number, number, number][] = [
    [0, 1, 1, 4],
    [1, 4, 0, 1],
    [-2, 0.25, 1, 3],
    [0.5, 2, 0.5, 2],
    [3, 0.1, -1, 0.5],
  ];

  it.each(cases)('KL(N(%d, %d) ‖ N(%d, %d)) matches numerical integration', (m1, v1, m2, v2) => {
    expect(gaussianKlDivergenceGeneral([m1], [v1], [m2], [v2])).toBeCloseTo(klByQuadrature(m1, v1, m2, v2), 9);
  });

  it('sums over dimensions and matches a Monte Carlo estimate E_q[log q - log p]', () => {
    const m1 = [0.3, -1, 2];
    const v1 = [0.5, 2, 1];
    const m2 = [0, 0.5, 1];
    const v2 = [1, 1, 3];
    const exact = gaussianKlDivergenceGeneral(m1, v1, m2, v2);
    expect(exact).toBeCloseTo([0, 1, 2].reduce((s, j) => s + klByQuadrature(m1[j]!, v1[j]!, m2[j]!, v2[j]!), 0), 8);
    const eps = seededNormals(3 * 100_000, 5);
    const samples = Array.from({ length: 100_000 }, (_, n) =>
      [0, 1, 2].reduce((s, j) => {
        const z = m1[j]! + Math.sqrt(v1[j]!) * eps[3 * n + j]!;
        return s + logDensity(z, m1[j]!, v1[j]!) - logDensity(z, m2[j]!, v2[j]!);
      }, 0),
    );
    expect(Math.abs(mean(samples) - exact)).toBeLessThan(0.02);
  });

  it('reduces to -½ Σ(1 + log σ² - μ² - σ²) against N(0, I), is 0 only for equal Gaussians, and is asymmetric', () => {
    const mu = [1, 0];
    const variance = [1, 4];
    const vaeForm = -0.5 * mu.reduce((s, m, j) => s + 1 + Math.log(variance[j]!) - m * m - variance[j]!, 0);
    expect(gaussianKlDivergenceGeneral(mu, variance, [0, 0], [1, 1])).toBeCloseTo(vaeForm, 14);
    expect(gaussianKlDivergenceGeneral([0.4], [2], [0.4], [2])).toBe(0);
    expect(gaussianKlDivergenceGeneral([0], [1], [1], [4])).toBeCloseTo(Math.LN2 + 0.25 - 0.5, 14);
    expect(gaussianKlDivergenceGeneral([1], [4], [0], [1])).toBeCloseTo(-Math.LN2 + 2.5 - 0.5, 14);
  });

  it('rejects variances <= 0 and mismatched lengths', () => {
    expect(catchConfigError(() => gaussianKlDivergenceGeneral([0], [0], [0], [1])).path).toBe('variance1');
    expect(catchConfigError(() => gaussianKlDivergenceGeneral([0, 1], [1, 1], [0], [1])).path).toBe('mean2');
  });
});
