import * as tf from '@tensorflow/tfjs';
import { expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { freezeBatchNorm, isBatchNormFrozen } from './freeze-batch-norm.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('freezeBatchNorm', () => {
  it('makes a training-mode call normalize with the moving statistics, in nested models too', () => {
    const input = tf.input({ shape: [3] });
    const bn = tf.layers.batchNormalization({ movingMeanInitializer: tf.initializers.constant({ value: 2 }), movingVarianceInitializer: tf.initializers.constant({ value: 4 }) });
    const inner = tf.model({ inputs: input, outputs: bn.apply(input) as tf.SymbolicTensor });
    const outerInput = tf.input({ shape: [3] });
    const outer = tf.model({ inputs: outerInput, outputs: inner.apply(outerInput) as tf.SymbolicTensor });
    const x = tf.tensor2d([[0, 2, 4], [6, 8, 10]]);
    expect(freezeBatchNorm(outer)).toBe(1);
    expect(isBatchNormFrozen(bn)).toBe(true);
    expect(bn.trainable).toBe(false);
    // (x − 2) / sqrt(4 + ε), γ = 1, β = 0: the moving statistics, not the batch's.
    const expected = tf.tensor2d([[0, 2, 4], [6, 8, 10]].map((row) => row.map((value) => (value - 2) / Math.sqrt(4 + 1e-3))));
    expectTensorsClose(bn.apply(x, { training: true }) as tf.Tensor, expected, { atol: 1e-6 });
    expect(Array.from(bn.getWeights()[2]!.dataSync())).toEqual([2, 2, 2]);
    expect(freezeBatchNorm(outer)).toBe(1); // idempotent
    expectTensorsClose(bn.apply(x, { training: true }) as tf.Tensor, expected, { atol: 1e-6 });
  });
});
