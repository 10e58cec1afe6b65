import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { ddpmAlphaBars, ddpmMarginal, ddpmPosterior } from './ddpm.js';
import { mean, seededNormals, variance } from './normals.test-util.js';

/** The DDPM paper's linear schedule: β from 1e-4 to 0.02 over T = 1000 steps. */
const linearBetas = Array.from({ length: 1000 }, (_, i) => 1e-4 + ((0.02 - 1e-4) * i) / 999);

describe('ddpmAlphaBars and ddpmMarginal', () => {
  it('ᾱ_t is the running product of 1 - β; the linear schedule leaves ᾱ_1000 ≈ 4.0e-5', () => {
    expect(ddpmAlphaBars([0.1, 0.2, 0.5]).map((x) => Number(x.toFixed(12)))).toEqual([0.9, 0.72, 0.36]);
    const bars = ddpmAlphaBars(linearBetas);
    expect(bars[999]! / Math.exp(linearBetas.reduce((s, b) => s + Math.log(1 - b), 0))).toBeCloseTo(1, 12);
    expect(bars[999]).toBeGreaterThan(4.0e-5);
    expect(bars[999]).toBeLessThan(4.1e-5);
  });

  it('q(x_t | x_0) matches iterating the one-step process x_t = √(1-β_t) x_{t-1} + √β_t ε (moments, exactly)', () => {
    const bars = ddpmAlphaBars(linearBetas);
    let scale = 1;
    let v = 0;
    for (let t = 1; t <= 1000; t += 1) {
      const beta = linearBetas[t - 1]!;
      scale *= Math.sqrt(1 - beta);
      v = (1 - beta) * v + beta;
      if (t % 100 === 0 || t === 1) {
        const closed = ddpmMarginal([1, -2], bars[t - 1]!);
        expect(closed.mean[0]).toBeCloseTo(scale, 12);
        expect(closed.mean[1]).toBeCloseTo(-2 * scale, 12);
        expect(closed.variance).toBeCloseTo(v, 12);
      }
    }
  });

  it('q(x_t | x_0) matches simulating the chain (Monte Carlo, 20 000 paths, 50 steps)', () => {
    const steps = 50;
    const betas = Array.from({ length: steps }, (_, i) => 0.01 + 0.002 * i);
    const noise = seededNormals(20_000 * steps, 8);
    const finals = Array.from({ length: 20_000 }, (_, n) => {
      let x = 1.5;
      for (let t = 0; t < steps; t += 1) x = Math.sqrt(1 - betas[t]!) * x + Math.sqrt(betas[t]!) * noise[n * steps + t]!;
      return x;
    });
    const closed = ddpmMarginal([1.5], ddpmAlphaBars(betas)[steps - 1]!);
    expect(Math.abs(mean(finals) - closed.mean[0]!)).toBeLessThan(0.02);
    expect(Math.abs(variance(finals) - closed.variance)).toBeLessThan(0.02);
  });
});

describe('ddpmPosterior', () => {
  it('equals Bayes: the product of q(x_t | x_{t-1}) and q(x_{t-1} | x_0) as Gaussians in x_{t-1}', () => {
    const bars = ddpmAlphaBars(linearBetas);
    for (const t of [2, 10, 500, 1000]) {
      const beta = linearBetas[t - 1]!;
      const prevBar = bars[t - 2]!;
      const x0 = [0.7, -0.3];
      const xt = [0.1, 1.2];
      // Precisions add; the means are precision-weighted.
      const precision = 1 / (1 - prevBar) + (1 - beta) / beta;
      const expectedMean = x0.map((x, i) => ((Math.sqrt(prevBar) * x) / (1 - prevBar) + (Math.sqrt(1 - beta) * xt[i]!) / beta) / precision);
      const posterior = ddpmPosterior({ x0, xt, t, betas: linearBetas });
      expect(posterior.variance).toBeCloseTo(1 / precision, 13);
      posterior.mean.forEach((m, i) => expect(m).toBeCloseTo(expectedMean[i]!, 12));
    }
    expect(ddpmPosterior({ x0: [0.4], xt: [2], t: 1, betas: linearBetas }).mean[0]).toBeCloseTo(0.4, 12); // ᾱ_0 = 1: x_0 is known
  });

  it('turns the KL term into a weighted noise-prediction loss: ‖μ̃ - μ_θ‖² = β_t² / (α_t (1 - ᾱ_t)) ‖ε - ε_θ‖²', () => {
    const bars = ddpmAlphaBars(linearBetas);
    const noise = seededNormals(40, 3);
    for (const t of [5, 250, 900]) {
      const beta = linearBetas[t - 1]!;
      const bar = bars[t - 1]!;
      const x0 = noise.slice(0, 4);
      const eps = noise.slice(4, 8);
      const epsHat = noise.slice(8, 12).map((e, i) => eps[i]! + 0.3 * e); // an imperfect network
      const xt = x0.map((x, i) => Math.sqrt(bar) * x + Math.sqrt(1 - bar) * eps[i]!);
      const x0Hat = xt.map((x, i) => (x - Math.sqrt(1 - bar) * epsHat[i]!) / Math.sqrt(bar));
      const target = ddpmPosterior({ x0, xt, t, betas: linearBetas }).mean;
      const model = ddpmPosterior({ x0: x0Hat, xt, t, betas: linearBetas }).mean;
      const meanGap = target.reduce((s, m, i) => s + (m - model[i]!) ** 2, 0);
      const noiseGap = eps.reduce((s, e, i) => s + (e - epsHat[i]!) ** 2, 0);
      expect(meanGap / noiseGap).toBeCloseTo(beta ** 2 / ((1 - beta) * (1 - bar)), 10);
      // and μ̃ written through the true noise: (x_t - β_t/√(1-ᾱ_t) ε)/√α_t
      target.forEach((m, i) => expect(m).toBeCloseTo((xt[i]! - (beta / Math.sqrt(1 - bar)) * eps[i]!) / Math.sqrt(1 - beta), 10));
    }
  });

  it('rejects a step outside 1..T and β outside (0, 1)', () => {
    expect(catchConfigError(() => ddpmPosterior({ x0: [0], xt: [0], t: 0, betas: [0.1] })).path).toBe('t');
    expect(catchConfigError(() => ddpmAlphaBars([0.1, 1])).path).toBe('betas');
    expect(catchConfigError(() => ddpmMarginal([1], 0)).path).toBe('alphaBar');
  });
});
