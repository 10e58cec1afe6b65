import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { discreteLatentElbo } from './discrete-elbo.js';
import { klDivergence } from './divergences.js';
import { seededDistribution } from './normals.test-util.js';

const logEvidence = (prior: number[], likelihood: number[]): number => Math.log(prior.reduce((s, p, z) => s + p * likelihood[z]!, 0));
const bayesPosterior = (prior: number[], likelihood: number[]): number[] => {
  const joint = prior.map((p, z) => p * likelihood[z]!);
  const total = joint.reduce((a, b) => a + b, 0);
  return joint.map((j) => j / total);
};

describe('discreteLatentElbo', () => {
  it('satisfies log p(x) = ELBO(q) + KL(q ‖ p(z | x)) for any q', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const prior = seededDistribution(5, seed);
      const likelihood = seededDistribution(5, seed + 40).map((x) => 3 * x); // any non-negative numbers
      const q = seededDistribution(5, seed + 80, seed % 3);
      const posterior = bayesPosterior(prior, likelihood);
      expect(discreteLatentElbo(prior, likelihood, q) + klDivergence(q, posterior)).toBeCloseTo(logEvidence(prior, likelihood), 13);
    }
  });

  it('is a lower bound (Jensen), tight exactly at the true posterior', () => {
    const prior = [0.5, 0.5];
    const likelihood = [0.8, 0.2];
    expect(discreteLatentElbo(prior, likelihood, [0.5, 0.5])).toBeCloseTo(0.5 * Math.log(0.4 / 0.5) + 0.5 * Math.log(0.1 / 0.5), 14);
    expect(discreteLatentElbo(prior, likelihood, [0.5, 0.5])).toBeLessThan(Math.log(0.5));
    expect(discreteLatentElbo(prior, likelihood, [0.8, 0.2])).toBeCloseTo(Math.log(0.5), 14);
    expect(Math.log(0.5) - discreteLatentElbo(prior, likelihood, [0.5, 0.5])).toBeCloseTo(Math.log(1.25), 14);
  });

  it('with a likelihood that ignores z, q = prior gives KL(q ‖ p(z)) = 0 and ELBO = log p(x): collapse costs nothing', () => {
    const prior = [0.2, 0.3, 0.5];
    const constant = [0.37, 0.37, 0.37];
    expect(discreteLatentElbo(prior, constant, prior)).toBeCloseTo(Math.log(0.37), 14);
    expect(discreteLatentElbo(prior, constant, [0.6, 0.2, 0.2])).toBeLessThan(Math.log(0.37));
  });

  it('rejects negative likelihoods and mismatched lengths', () => {
    expect(catchConfigError(() => discreteLatentElbo([0.5, 0.5], [-1, 1], [0.5, 0.5])).path).toBe('likelihood');
    expect(catchConfigError(() => discreteLatentElbo([0.5, 0.5], [1, 1], [1])).path).toBe('posterior');
  });
});
