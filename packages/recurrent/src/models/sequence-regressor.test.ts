import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, useBackend, withSeededRandom } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createSequenceRegressor } from './sequence-regressor.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['cpu', 'wasm'] as const)('createSequenceRegressor on %s', (backend) => {
  it('learns a running sum per step (returnSequences) and a sequence mean (one value)', async () => {
    await useBackend(backend);
    const random = createSeededRandom(4);
    const count = 128;
    const time = 8;
    const xs = Float32Array.from({ length: count * time }, () => random.next() - 0.5);
    const sums = new Float32Array(count * time);
    const means = new Float32Array(count);
    for (let n = 0; n < count; n += 1) {
      let sum = 0;
      for (let t = 0; t < time; t += 1) {
        sum += xs[n * time + t]!;
        sums[n * time + t] = sum;
      }
      means[n] = sum / time;
    }
    const x = tf.tensor3d(xs, [count, time, 1]);
    const perStep = createSequenceRegressor({ cell: 'gru', inputDim: 1, units: 12, returnSequences: true, learningRate: 0.01, seed: 1 });
    const perSequence = createSequenceRegressor({ cell: 'lstm', inputDim: 1, sequenceLength: time, units: 12, learningRate: 0.01, clipValue: 1, seed: 1 });
    const stepTargets = tf.tensor3d(sums, [count, time, 1]);
    const meanTargets = tf.tensor2d(means, [count, 1]);
    // Predicting zero everywhere gives the targets' mean square: the baselines to beat.
    const stepBaseline = tf.mean(tf.square(stepTargets)).dataSync()[0]!;
    const meanBaseline = tf.mean(tf.square(meanTargets)).dataSync()[0]!;
    // model.fit shuffles with Math.random: seeded, so the runs (and this test) are deterministic.
    await withSeededRandom(1, () => perStep.fit(x, stepTargets, { epochs: 40, batchSize: 32, verbose: 0 }));
    await withSeededRandom(2, () => perSequence.fit(x, meanTargets, { epochs: 40, batchSize: 32, verbose: 0 }));
    expect((perStep.evaluate(x, stepTargets) as tf.Scalar).dataSync()[0]).toBeLessThan(0.1 * stepBaseline);
    expect((perSequence.evaluate(x, meanTargets) as tf.Scalar).dataSync()[0]).toBeLessThan(0.2 * meanBaseline);
    expect((perStep.predict(x) as tf.Tensor).shape).toEqual([count, time, 1]);
  });
});

describe('createSequenceRegressor options', () => {
  it('rejects bad options with a ConfigError naming the field', () => {
    expect(catchConfigError(() => createSequenceRegressor({} as never)).message).toMatch(/Missing option 'inputDim'/);
    expect(catchConfigError(() => createSequenceRegressor({ inputDim: 2, outputDim: 0 })).path).toBe('outputDim');
    expect(catchConfigError(() => createSequenceRegressor({ inputDim: 2, return_sequences: true } as never)).message).toContain('returnSequences');
  });
});
