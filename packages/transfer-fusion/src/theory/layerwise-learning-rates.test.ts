import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { layerwiseLearningRates, type LayerwiseLearningRatesOptions } from './layerwise-learning-rates.js';

describe('layerwiseLearningRates', () => {
  it('gives ULMFiT’s rates: the top at 1e-3, each group below divided by 2.6', () => {
    const rates = layerwiseLearningRates({ baseRate: 1e-3, decay: 1 / 2.6, layers: 4 });
    expect(rates[3]).toBe(1e-3);
    expect(rates[2]).toBeCloseTo(1e-3 / 2.6, 16);
    expect(rates[1]).toBeCloseTo(1e-3 / 6.76, 16);
    expect(rates[0]).toBeCloseTo(1e-3 / 17.576, 16);
    expect(rates.map((r) => Number(r.toPrecision(3)))).toEqual([5.69e-5, 1.48e-4, 3.85e-4, 1e-3]);
  });

  it('has a constant ratio between neighbours, one shared rate for decay 1, and one entry per layer', () => {
    const rates = layerwiseLearningRates({ baseRate: 0.05, decay: 0.8, layers: 12 });
    expect(rates).toHaveLength(12);
    for (let i = 1; i < rates.length; i += 1) expect(rates[i - 1]! / rates[i]!).toBeCloseTo(0.8, 14);
    expect(rates[0]).toBeCloseTo(0.05 * 0.8 ** 11, 16);
    expect(layerwiseLearningRates({ baseRate: 0.1, decay: 1, layers: 3 })).toEqual([0.1, 0.1, 0.1]);
  });

  it('rejects bad options, naming the field', () => {
    const ok: LayerwiseLearningRatesOptions = { baseRate: 1e-3, decay: 0.5, layers: 3 };
    expect(catchConfigError(() => layerwiseLearningRates({ ...ok, baseRate: 0 })).path).toBe('baseRate');
    expect(catchConfigError(() => layerwiseLearningRates({ ...ok, decay: 0 })).path).toBe('decay');
    expect(catchConfigError(() => layerwiseLearningRates({ ...ok, decay: 2.6 })).path).toBe('decay');
    expect(catchConfigError(() => layerwiseLearningRates({ ...ok, layers: 0 })).path).toBe('layers');
    expect(catchConfigError(() => layerwiseLearningRates({ ...ok, decy: 0.5 } as never)).path).toBe('decy');
  });
});
