import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { lcg } from '../models/ensemble-members.test-util.js';
import { averageWeights } from './average-weights.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** dense(4→hidden) → BatchNorm → dense(→2, softmax), every weight (moving statistics too) drawn from `seed`. */
function net(seed: number, hidden = 3, extraLayer = false): tf.LayersModel {
  const layers = [
    tf.layers.dense({ units: hidden, inputShape: [4], name: 'dense_a' }),
    tf.layers.batchNormalization({ name: 'bn' }),
    ...(extraLayer ? [tf.layers.dense({ units: hidden, name: 'extra' })] : []),
    tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
  ];
  const model = tf.sequential({ layers });
  const random = lcg(seed);
  // Moving variances must stay positive: draw them in [0.5, 2.5).
  model.setWeights(
    model.weights.map((w) => {
      const shape = w.shape as number[];
      const size = shape.reduce((a, b) => a * b, 1);
      return tf.tensor(Array.from({ length: size }, () => (w.originalName.endsWith('variance') ? 0.5 + 2 * random() : 2 * random() - 1)), shape);
    }),
  );
  return model;
}

/** Σ wᵢ θᵢ / Σ wᵢ of every weight, in float64 from the models' values. */
function average64(models: tf.LayersModel[], weights: number[]): Float64Array[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return models[0]!.weights.map((_, j) => {
    const result = new Float64Array(models[0]!.weights[j]!.read().size);
    models.forEach((model, i) => model.weights[j]!.read().dataSync().forEach((value, k) => (result[k] = result[k]! + (weights[i]! / total) * value)));
    return result;
  });
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, atol = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) expect(Math.abs(actual[k]! - expected[k]!)).toBeLessThanOrEqual(atol);
}

describe('averageWeights', () => {
  it('gives a new, uncompiled model whose every weight (BatchNorm moving statistics too) is the mean of the models’ (float64 reference)', async () => {
    const models = [net(1), net(2), net(3)];
    const before = models.map((m) => m.getWeights().map((w) => Array.from(w.dataSync())));
    const averaged = await averageWeights(models);
    expect(averaged).not.toBe(models[0]);
    expect(averaged.weights.map((w) => w.originalName)).toEqual(models[0]!.weights.map((w) => w.originalName));
    expect(averaged.weights.map((w) => w.originalName)).toContain('bn/moving_mean');
    expect(averaged.weights.map((w) => w.originalName)).toContain('bn/moving_variance');
    expect(averaged.weights.filter((w) => !w.trainable)).toHaveLength(2);
    const expected = average64(models, [1, 1, 1]);
    averaged.weights.forEach((w, j) => expectClose(w.read().dataSync(), expected[j]!));
    expect(averaged.optimizer).toBeUndefined();
    // The inputs are unchanged, and the result does not share their variables.
    averaged.getLayer('out').setWeights([tf.zeros([3, 2]), tf.zeros([2])]);
    expect(models.map((m) => m.getWeights().map((w) => Array.from(w.dataSync())))).toEqual(before);
    // And it computes with the averaged weights.
    const x = tf.tensor2d([[0.1, -0.2, 0.3, 0.4]]);
    expect((averaged.predict(x) as tf.Tensor).arraySync()).toEqual([[0.5, 0.5]]);
  });

  it('weights the models by the normalized weights', async () => {
    const models = [net(4), net(5), net(6)];
    const averaged = await averageWeights(models, { weights: [1, 2, 5] });
    const expected = average64(models, [1, 2, 5]);
    averaged.weights.forEach((w, j) => expectClose(w.read().dataSync(), expected[j]!));
  });

  it('throws a ShapeError naming the first weight whose shape differs, or the number of weights', async () => {
    const wider = await averageWeights([net(1), net(2, 5)]).catch((e: unknown) => e);
    expect(ShapeError.isInstance(wider)).toBe(true);
    expect((wider as Error).message).toContain("'models[1] weight 0 'dense_a/kernel'' has shape [4,5]; expected the shape of models[0]'s weight 'dense_a/kernel', [4,3]");
    const deeper = await averageWeights([net(1), net(2), net(3, 3, true)]).catch((e: unknown) => e);
    expect(ShapeError.isInstance(deeper)).toBe(true);
    expect((deeper as Error).message).toContain('models[0], which has 8 weights (models[2] has 10)');
  });

  it('rejects bad options and models with a ConfigError naming the field', async () => {
    const models = [net(1), net(2)];
    const rejection = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (e) {
        return catchConfigError(() => {
          throw e;
        });
      }
      throw new Error('expected a ConfigError');
    };
    expect((await rejection(() => averageWeights(models, { weigths: [1, 1] } as never))).path).toBe('weigths');
    expect((await rejection(() => averageWeights(models, { weights: [1] }))).path).toBe('weights');
    expect((await rejection(() => averageWeights(models, { weights: [0, 0] }))).path).toBe('weights');
    expect((await rejection(() => averageWeights(models, { weights: [1, Number.POSITIVE_INFINITY] }))).path).toBe('weights.1');
    expect((await rejection(() => averageWeights([models[0]!]))).path).toBe('models');
    expect((await rejection(() => averageWeights([models[0]!, 'model' as never]))).path).toBe('models.1');
  });

  it('leaks no tensors', async () => {
    const models = [net(1), net(2)];
    await expectNoTensorLeaks(async () => {
      const averaged = await averageWeights(models, { weights: [3, 1] });
      averaged.dispose();
    });
  });
});
