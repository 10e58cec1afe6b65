import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { slantedTriangularLearningRate } from './slanted-triangular.js';

describe('slantedTriangularLearningRate', () => {
  const rate = (step: number): number => slantedTriangularLearningRate({ step, totalSteps: 1000, maxRate: 0.01 });

  it('starts and ends at η_max/ratio and peaks at η_max at step ⌊T · cutFraction⌋ (ULMFiT defaults)', () => {
    expect(rate(0)).toBeCloseTo(0.01 / 32, 16);
    expect(rate(100)).toBeCloseTo(0.01, 16);
    expect(rate(1000)).toBeCloseTo(0.01 / 32, 16);
    expect(rate(50)).toBeCloseTo(0.00515625, 16);
    const all = Array.from({ length: 1001 }, (_, t) => rate(t));
    expect(all.indexOf(Math.max(...all))).toBe(100);
  });

  it('is linear on each side: equal steps up to the cut and equal steps down after it, 9× slower', () => {
    const up = rate(1) - rate(0);
    const down = rate(101) - rate(100);
    expect(up).toBeCloseTo((0.01 - 0.01 / 32) / 100, 16);
    expect(down).toBeCloseTo(-(0.01 - 0.01 / 32) / 900, 16);
    for (const t of [10, 37, 99]) expect(rate(t + 1) - rate(t)).toBeCloseTo(up, 16);
    for (const t of [150, 500, 999]) expect(rate(t + 1) - rate(t)).toBeCloseTo(down, 16);
  });

  it('honours cutFraction and ratio', () => {
    const options = { totalSteps: 200, maxRate: 1, cutFraction: 0.25, ratio: 4 };
    expect(slantedTriangularLearningRate({ ...options, step: 0 })).toBeCloseTo(0.25, 16);
    expect(slantedTriangularLearningRate({ ...options, step: 25 })).toBeCloseTo(0.625, 16);
    expect(slantedTriangularLearningRate({ ...options, step: 50 })).toBeCloseTo(1, 16);
    expect(slantedTriangularLearningRate({ ...options, step: 125 })).toBeCloseTo(0.625, 16);
  });

  it('rejects bad options, naming the field', () => {
    const ok = { step: 0, totalSteps: 100, maxRate: 0.01 };
    expect(catchConfigError(() => slantedTriangularLearningRate({ ...ok, step: 101 })).path).toBe('step');
    expect(catchConfigError(() => slantedTriangularLearningRate({ ...ok, totalSteps: 5 })).path).toBe('totalSteps');
    expect(catchConfigError(() => slantedTriangularLearningRate({ ...ok, maxRate: -1 })).path).toBe('maxRate');
    expect(catchConfigError(() => slantedTriangularLearningRate({ ...ok, cutFraction: 1 })).path).toBe('cutFraction');
    expect(catchConfigError(() => slantedTriangularLearningRate({ ...ok, ratio: 0.5 })).path).toBe('ratio');
    expect(catchConfigError(() => slantedTriangularLearningRate({ ...ok, cut_frac: 0.1 } as never)).path).toBe('cut_frac');
  });
});
