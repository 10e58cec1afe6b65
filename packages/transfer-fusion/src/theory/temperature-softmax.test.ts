import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { softmaxWithTemperature } from './temperature-softmax.js';

describe('softmaxWithTemperature', () => {
  it('matches exp(z_i / T) / Σ exp(z_j / T) written out, for T = 1 and T = 4', () => {
    const e = (x: number): number => Math.exp(x);
    const z1 = e(2) + e(1) + e(0);
    expect(softmaxWithTemperature([2, 1, 0], 1).map((x) => x * z1)).toEqual([e(2), e(1), e(0)].map((x) => expect.closeTo(x, 12)));
    const z4 = e(0.5) + e(0.25) + 1;
    const soft = softmaxWithTemperature([2, 1, 0], 4);
    [e(0.5) / z4, e(0.25) / z4, 1 / z4].forEach((x, i) => expect(soft[i]).toBeCloseTo(x, 14));
    // The numbers quoted in the chapter's question: (0.665, 0.245, 0.090) and (0.419, 0.326, 0.254).
    expect(softmaxWithTemperature([2, 1, 0], 1).map((x) => Number(x.toFixed(3)))).toEqual([0.665, 0.245, 0.09]);
    expect(soft.map((x) => Number(x.toFixed(3)))).toEqual([0.419, 0.326, 0.254]);
  });

  it('flattens towards uniform as T grows, sharpens towards one-hot as T shrinks, and survives huge logits', () => {
    const hot = softmaxWithTemperature([3, 1, -2], 1e6);
    hot.forEach((x) => expect(x).toBeCloseTo(1 / 3, 5));
    const cold = softmaxWithTemperature([3, 1, -2], 0.01);
    expect(cold[0]).toBeCloseTo(1, 12);
    expect(softmaxWithTemperature([1000, 999], 1)[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
  });

  it('rejects bad logits and temperatures, naming the argument', () => {
    expect(catchConfigError(() => softmaxWithTemperature([], 1)).path).toBe('logits');
    expect(catchConfigError(() => softmaxWithTemperature([1, Number.NaN], 1)).path).toBe('logits');
    expect(catchConfigError(() => softmaxWithTemperature([1, 2], 0)).path).toBe('temperature');
    expect(catchConfigError(() => softmaxWithTemperature([1, 2], -1)).path).toBe('temperature');
  });
});
