import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { catchConfigError, checkLayerGradients, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { WeightedAverage, weightedAverage } from './weighted-average.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('WeightedAverage', () => {
  const a = [[0.2, 0.8], [1, 0]];
  const b = [[0.6, 0.4], [0.3, 0.7]];
  const c = [[0, 1], [0.5, 0.5]];

  it('returns Σ cᵢ xᵢ / Σ cᵢ (float64 reference), symbolically and eagerly', async () => {
    const coefficients = [2, 1, 5];
    const expected = a.map((row, r) => row.map((_, k) => (2 * a[r]![k]! + 1 * b[r]![k]! + 5 * c[r]![k]!) / 8));
    const layer = weightedAverage({ coefficients });
    expectTensorsClose(layer.apply([tf.tensor2d(a), tf.tensor2d(b), tf.tensor2d(c)]) as tf.Tensor, tf.tensor2d(expected), { rtol: 1e-6, atol: 1e-7 });
    const inputs = [tf.input({ shape: [2] }), tf.input({ shape: [2] }), tf.input({ shape: [2] })];
    expect((layer.apply(inputs) as tf.SymbolicTensor).shape).toEqual([null, 2]);
    expect(layer.trainableWeights).toHaveLength(0);
    const xs = [a, b, c].map((m) => tf.tensor2d(m));
    await expectNoTensorLeaks(() => (layer.apply(xs) as tf.Tensor).dispose());
  });

  it('has the gradients of its definition for every input (it has no weights)', () => {
    const inputs = [1, 2, 3].map((seed) => tf.randomNormal([2, 4], 0, 1, 'float32', seed));
    const report = checkLayerGradients(weightedAverage({ coefficients: [1, 3, 0.5] }), inputs);
    expect(report.passed).toBe(true);
    expect(Object.keys(report.perTensor)).toHaveLength(3);
  });

  it('keeps its coefficients in its config and rebuilds from it', () => {
    const layer = weightedAverage({ coefficients: [1, 3], name: 'soft' });
    const config = layer.getConfig();
    expect(config['coefficients']).toEqual([1, 3]);
    const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap['WeightedAverage']!;
    const rebuilt = fromConfig(cls, config) as unknown as WeightedAverage;
    expect(rebuilt).toBeInstanceOf(WeightedAverage);
    expect(rebuilt.coefficients).toEqual([1, 3]);
  });

  it('rejects bad coefficients with a ConfigError and a wrong number or shape of inputs with a ShapeError', () => {
    expect(catchConfigError(() => weightedAverage({ coefficients: [1, -2] })).path).toBe('coefficients.1');
    expect(catchConfigError(() => weightedAverage({ coefficients: [0, 0] })).path).toBe('coefficients');
    expect(catchConfigError(() => weightedAverage({ coefficients: [1, 2], coeficients: [1, 2] } as never)).path).toBe('coeficients');
    expect(catchConfigError(() => weightedAverage({ coeficients: [1, 2] } as never)).path).toBe('coefficients');
    const layer = weightedAverage({ coefficients: [1, 1, 1] });
    expect(() => layer.apply([tf.tensor2d(a), tf.tensor2d(b)])).toThrow(ShapeError);
    expect(() => layer.apply([tf.tensor2d(a), tf.tensor2d(b), tf.zeros([2, 3])])).toThrow(/WeightedAverage input 2/);
  });
});
