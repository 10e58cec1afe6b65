import * as tf from '@tensorflow/tfjs';
import { seededInitializers, withSeededRandom } from '@dl/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerNodeWebGpu } from './node-webgpu.js';
import { expectParity, onCpuAndWebGpu } from './parity.js';

beforeAll(async () => {
  const report = await registerNodeWebGpu();
  expect(report.backend).toBe('webgpu');
});

describe('@dl/core on webgpu', () => {
  it('reports a webgpu backend that can train', async () => {
    const report = await registerNodeWebGpu();
    expect(report.canTrain).toBe(true);
  });

  it('matches cpu on broadcast batched matmuls and their gradients', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const a = tf.randomNormal([2, 1, 3, 4], 0, 1, 'float32', 1);
        const b = tf.randomNormal([1, 3, 4, 5], 0, 1, 'float32', 2);
        const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y).square().sum())([a, b]);
        return { product: (await tf.matMul(a, b).array()) as number[], da: (await da!.array()) as number[], db: (await db!.array()) as number[] };
      }),
    );
  });

  it('trains a conv + batch norm + dense model for a few steps with the same losses as cpu', async () => {
    expectParity(
      await onCpuAndWebGpu(async () => {
        const init = seededInitializers(3);
        const model = tf.sequential({
          layers: [
            tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, padding: 'same', kernelInitializer: init.next('glorotUniform') }),
            tf.layers.batchNormalization(),
            tf.layers.maxPooling2d({ poolSize: 2 }),
            tf.layers.flatten(),
            tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: init.next('glorotUniform') }),
          ],
        });
        model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy' });
        const x = tf.randomUniform([16, 8, 8, 1], 0, 1, 'float32', 4);
        const y = tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 3));
        const history = await withSeededRandom(1, () => model.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, verbose: 0 }));
        return history.history.loss as number[];
      }),
      { atol: 1e-4, rtol: 1e-3 },
    );
  });
});
