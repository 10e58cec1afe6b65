import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { catchConfigError, checkGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { gelu } from './gelu.js';
import { erf64, gelu64, gelu64Derivative, geluTanh64 } from './gelu.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** float64 erf and GELU from PyTorch (torch.erf, F.gelu), written by bench/python/transformer_encoder_golden.py. */
const torchGelu = (JSON.parse(readFileSync(new URL('../layers/fixtures/transformer-encoder-golden.json', import.meta.url), 'utf8')) as { gelu: { x: number[]; erf: number[]; exact: number[]; tanh: number[] } }).gelu;

describe('float64 references', () => {
  it('erf64 matches tabulated erf and PyTorch float64 erf to 1e-14', () => {
    // Tabulated values (Abramowitz & Stegun, table 7.1; DLMF 7.2).
    const table: [number, number][] = [
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [3, 0.9999779095030014],
    ];
    for (const [x, value] of table) {
      expect(Math.abs(erf64(x) - value)).toBeLessThan(1e-15);
      expect(Math.abs(erf64(-x) + value)).toBeLessThan(1e-15);
    }
    torchGelu.x.forEach((x, i) => expect(Math.abs(erf64(x / Math.SQRT2) - torchGelu.erf[i]!)).toBeLessThan(1e-14));
  });

  it('gelu64 and geluTanh64 match PyTorch float64 F.gelu (exact and tanh) to 1e-13', () => {
    torchGelu.x.forEach((x, i) => {
      expect(Math.abs(gelu64(x) - torchGelu.exact[i]!)).toBeLessThan(1e-13);
      expect(Math.abs(geluTanh64(x) - torchGelu.tanh[i]!)).toBeLessThan(1e-13);
    });
  });

  it('gelu64Derivative matches central differences of gelu64', () => {
    for (const x of [-4, -1.5, -0.3, 0, 0.7, 2, 3.5]) {
      const h = 1e-5;
      expect(Math.abs(gelu64Derivative(x) - (gelu64(x + h) - gelu64(x - h)) / (2 * h))).toBeLessThan(1e-9);
    }
  });
});

describe.each(['cpu', 'wasm'] as const)('gelu on %s', (backend) => {
  const grid = Array.from({ length: 97 }, (_, i) => -6 + i * 0.125);

  it('is the exact x·Φ(x) by default (float64 erf reference and PyTorch F.gelu), not the tanh form', async () => {
    await useBackend(backend);
    const x = tf.tensor1d(grid);
    const y = gelu(x);
    // float32 output; tfjs's cpu erf is a 1.5e-7 fit, so 1e-6 absolute. The tanh form is up to 4.7e-4 off.
    expectTensorsClose(y, grid.map(gelu64), { rtol: 1e-6, atol: 1e-6 });
    const ours = y.dataSync();
    expect(Math.max(...grid.map((v, i) => Math.abs(ours[i]! - geluTanh64(v))))).toBeGreaterThan(4e-4);
    const fromTorch = gelu(tf.tensor1d(torchGelu.x));
    expectTensorsClose(fromTorch, torchGelu.exact, { rtol: 1e-6, atol: 1e-6 });
    tf.dispose([x, y, fromTorch]);
  });

  it('gives the tanh approximation with approximate: true', async () => {
    await useBackend(backend);
    const x = tf.tensor1d(torchGelu.x);
    const y = gelu(x, { approximate: true });
    expectTensorsClose(y, torchGelu.tanh, { rtol: 1e-6, atol: 1e-6 });
    expectTensorsClose(y, torchGelu.x.map(geluTanh64), { rtol: 1e-6, atol: 1e-6 });
    tf.dispose([x, y]);
  });

  it.each([false, true])('has the float64 derivative, and passes a finite-difference check (approximate %s)', async (approximate) => {
    await useBackend(backend);
    const x = tf.tensor1d(grid);
    const dy = tf.grad((t: tf.Tensor) => gelu(t, { approximate }))(x);
    const derivative = (v: number): number => {
      if (!approximate) return gelu64Derivative(v);
      const h = 1e-6;
      return (geluTanh64(v + h) - geluTanh64(v - h)) / (2 * h);
    };
    expectTensorsClose(dy, grid.map(derivative), { rtol: 1e-5, atol: 2e-6 });
    const points = tf.tensor1d([-3.1, -1.2, -0.4, 0.3, 0.9, 2.2, 4.1]);
    const report = checkGradients((t) => gelu(t, { approximate }), [points], { step: 1e-2, tolerance: 1e-2 });
    expect(report.maxRelativeError).toBeLessThan(1e-2);
    tf.dispose([x, dy, points]);
  });

  it('leaks no tensors', async () => {
    await useBackend(backend);
    const x = tf.tensor1d([-1, 0, 1]);
    await expectNoTensorLeaks(() => {
      tf.dispose([gelu(x), gelu(x, { approximate: true }), tf.grad((t: tf.Tensor) => gelu(t))(x)]);
    });
    x.dispose();
  });
});

describe('gelu options', () => {
  it('rejects unknown options and a non-boolean approximate', () => {
    const x = tf.tensor1d([1]);
    expect(catchConfigError(() => gelu(x, { approximat: true } as never)).path).toBe('approximat');
    expect(catchConfigError(() => gelu(x, { approximate: 'tanh' } as never)).path).toBe('approximate');
    x.dispose();
  });
});
