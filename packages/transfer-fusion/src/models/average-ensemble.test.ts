import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { WeightedAverage } from '../layers/weighted-average.js';
import { averageEnsemble } from './average-ensemble.js';
import { denseMember, denseMember64, lcg, randomMatrix, saveToMemory } from './ensemble-members.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const random = lcg(7);
const kernels = [randomMatrix(random, 3, 4, -2, 2), randomMatrix(random, 3, 4, -2, 2), randomMatrix(random, 3, 4, -2, 2)];
const biases = [randomMatrix(random, 1, 4)[0]!, randomMatrix(random, 1, 4)[0]!, randomMatrix(random, 1, 4)[0]!];
const x = randomMatrix(random, 5, 3, -1.5, 1.5);
const members = () => kernels.map((k, i) => denseMember(k, biases[i]!));

/** Σ wᵢ pᵢ / Σ wᵢ from the members' float64 probabilities. */
function softVote64(weights: number[]): number[][] {
  const p = kernels.map((k, i) => denseMember64(x, k, biases[i]!));
  const total = weights.reduce((a, b) => a + b, 0);
  return x.map((_, r) => [0, 1, 2, 3].map((c) => weights.reduce((sum, w, i) => sum + (w / total) * p[i]![r]![c]!, 0)));
}

describe('averageEnsemble', () => {
  it('outputs the mean of the members’ probabilities (float64 reference) and leaves the members as they were', () => {
    const models = members();
    const before = models.map((m) => m.getWeights().map((w) => w.arraySync()));
    const ensemble = averageEnsemble(models);
    expectTensorsClose(ensemble.predict(tf.tensor2d(x)) as tf.Tensor, tf.tensor2d(softVote64([1, 1, 1])), { rtol: 1e-5, atol: 1e-6 });
    expect(ensemble.getLayer('soft_vote').getClassName()).toBe('Average');
    expect(ensemble.trainableWeights).toHaveLength(0);
    expect(ensemble.weights).toHaveLength(6);
    // The members are copied, not frozen in place nor shared.
    models.forEach((m, i) => {
      expect(m.trainable).toBe(true);
      expect(m.trainableWeights).toHaveLength(2);
      expect(m.getWeights().map((w) => w.arraySync())).toEqual(before[i]);
    });
    models[0]!.getLayer('head').setWeights([tf.zeros([3, 4]), tf.zeros([4])]);
    expectTensorsClose(ensemble.predict(tf.tensor2d(x)) as tf.Tensor, tf.tensor2d(softVote64([1, 1, 1])), { rtol: 1e-5, atol: 1e-6 });
  });

  it('weights the members by the normalized weights with a WeightedAverage layer', () => {
    const ensemble = averageEnsemble(members(), { weights: [1, 3, 0] });
    expect(ensemble.getLayer('soft_vote')).toBeInstanceOf(WeightedAverage);
    expectTensorsClose(ensemble.predict(tf.tensor2d(x)) as tf.Tensor, tf.tensor2d(softVote64([1, 3, 0])), { rtol: 1e-5, atol: 1e-6 });
    // Weights given as a distribution give the same ensemble.
    const same = averageEnsemble(members(), { weights: [0.25, 0.75, 0] });
    expectTensorsClose(same.predict(tf.tensor2d(x)) as tf.Tensor, tf.tensor2d(softVote64([1, 3, 0])), { rtol: 1e-5, atol: 1e-6 });
  });

  it('saves and loads (memory) with identical outputs, members of one factory (same layer names) included', async () => {
    for (const weights of [undefined, [2, 1, 1]]) {
      const ensemble = averageEnsemble(members(), weights === undefined ? {} : { weights });
      const artifacts = await saveToMemory(ensemble);
      const names = artifacts.weightSpecs!.map((spec) => spec.name);
      expect(new Set(names).size).toBe(names.length);
      const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
      const input = tf.tensor2d(x);
      expectTensorsClose(loaded.predict(input) as tf.Tensor, ensemble.predict(input) as tf.Tensor, { rtol: 0, atol: 0 });
      expect(loaded.trainableWeights).toHaveLength(0);
    }
  });

  it('takes Sequential members with BatchNorm and members that nest a model, and equals the mean of their own predictions', async () => {
    const sequentialMember = (seed: number) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 5, inputShape: [3], name: 'd' }), tf.layers.batchNormalization({ name: 'bn' }), tf.layers.dense({ units: 4, activation: 'softmax', name: 'head' })] });
      const r = lcg(seed);
      model.setWeights(model.weights.map((w) => tf.tensor(randomMatrix(r, 1, w.shape.reduce((a, b) => a! * b!, 1)!, 0.5, 1.5)[0]!, w.shape as number[])));
      return model;
    };
    const inner = sequentialMember(3);
    const input = tf.input({ shape: [3] });
    const nesting = tf.model({ inputs: input, outputs: inner.apply(input) as tf.SymbolicTensor, name: 'member' });
    const models = [sequentialMember(1), sequentialMember(2), nesting];
    const ensemble = averageEnsemble(models);
    const xs = tf.tensor2d(x);
    const expected = tf.addN(models.map((m) => m.predict(xs) as tf.Tensor)).div(3);
    expectTensorsClose(ensemble.predict(xs) as tf.Tensor, expected, { rtol: 1e-5, atol: 1e-6 });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(ensemble)));
    expectTensorsClose(loaded.predict(xs) as tf.Tensor, expected, { rtol: 1e-5, atol: 1e-6 });
  });

  it('throws a ShapeError naming the member and both shapes when shapes differ', () => {
    const wideInput = denseMember(randomMatrix(random, 5, 4), [0, 0, 0, 0]);
    const inputError = (() => {
      try {
        averageEnsemble([...members(), wideInput]);
      } catch (e) {
        return e;
      }
    })();
    expect(ShapeError.isInstance(inputError)).toBe(true);
    expect((inputError as Error).message).toContain("'models[3] input' has shape [null,5]");
    expect((inputError as Error).message).toContain('[null,3]');
    const fewerClasses = denseMember(randomMatrix(random, 3, 2), [0, 0]);
    expect(() => averageEnsemble([members()[0]!, fewerClasses])).toThrow(/'models\[1\] output' has shape \[null,2\]; expected the output shape of models\[0\], \[null,4\]/);
  });

  it('rejects bad options and members with a ConfigError naming the field', () => {
    expect(catchConfigError(() => averageEnsemble(members(), { weight: [1, 1, 1] } as never)).path).toBe('weight');
    expect(catchConfigError(() => averageEnsemble(members(), { weights: [1, 1] })).path).toBe('weights');
    expect(catchConfigError(() => averageEnsemble(members(), { weights: [1, -1, 1] })).path).toBe('weights.1');
    expect(catchConfigError(() => averageEnsemble(members(), { weights: [1, Number.NaN, 1] })).path).toBe('weights.1');
    const allZero = catchConfigError(() => averageEnsemble(members(), { weights: [0, 0, 0] }));
    expect([allZero.path, allZero.expected]).toEqual(['weights', 'weights that are not all 0']);
    expect(catchConfigError(() => averageEnsemble([members()[0]!])).path).toBe('models');
    expect(catchConfigError(() => averageEnsemble([members()[0]!, {} as tf.LayersModel])).path).toBe('models.1');
  });

  it('leaks no tensors when built, used and disposed', async () => {
    const models = members();
    const input = tf.tensor2d(x);
    await expectNoTensorLeaks(() => {
      for (const options of [{}, { weights: [1, 2, 3] }]) {
        const ensemble = averageEnsemble(models, options);
        (ensemble.predict(input) as tf.Tensor).dispose();
        ensemble.dispose();
      }
    });
  });
});
