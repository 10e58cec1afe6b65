import * as tf from '@tensorflow/tfjs';
import { BackendError } from '@dl/core';
import { checkGradientsAsync, checkLayerGradientsAsync, expectTensorsClose, expectTensorsCloseAsync } from '@dl/core/testing';
import { gru, lstm } from '@dl/recurrent';
import { MultiHeadAttention, scaledDotProductAttention } from '@dl/softmax-attention';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNodeWebGpu } from './node-webgpu.js';

// Gradients checked on webgpu itself, against finite differences of webgpu's own forward
// pass: the parity tests compare with cpu; these would catch a gradient kernel that is wrong
// on both. @dl/core/testing's async helpers read with data(): webgpu in Node cannot read
// synchronously.
beforeAll(async () => {
  expect((await registerNodeWebGpu()).backend).toBe('webgpu');
  await tf.setBackend('webgpu');
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

const fewElements = { maxElementsPerInput: 6 };

describe('@dl/core/testing on webgpu', () => {
  it('the sync helpers say to use their async twins; the async twins work', async () => {
    const t = tf.square(tf.tensor1d([1, 2, 3])); // computed on the device, so no CPU copy to fall back on
    let error: unknown;
    try {
      expectTensorsClose(t, [1, 4, 9]);
    } catch (caught) {
      error = caught;
    }
    expect(BackendError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/use expectTensorsCloseAsync/);
    await expectTensorsCloseAsync(t, [1, 4, 9]);
    await expect(expectTensorsCloseAsync(t, [1, 4, 9.5])).rejects.toThrow(/flat index 2/);
    t.dispose();
  });
});

describe('gradients on webgpu against finite differences', () => {
  it('broadcast batched matmul (dl kernel on webgpu)', async () => {
    const a = tf.randomNormal([2, 1, 3, 4], 0, 1, 'float32', 1);
    const b = tf.randomNormal([1, 3, 4, 2], 0, 1, 'float32', 2);
    const report = await checkGradientsAsync((x, y) => tf.matMul(x!, y!), [a, b], fewElements);
    expect(report.passed).toBe(true);
    tf.dispose([a, b]);
  });

  it('scaled dot-product attention with a causal mask', async () => {
    const [q, k, v] = [3, 4, 5].map((seed) => tf.randomNormal([2, 4, 6], 0, 1, 'float32', seed));
    const report = await checkGradientsAsync((x, y, z) => scaledDotProductAttention(x!, y!, z!, { causal: true }).output, [q!, k!, v!], fewElements);
    expect(report.passed).toBe(true);
    tf.dispose([q!, k!, v!]);
  });

  it('MultiHeadAttention: inputs and every weight', async () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }) });
    const x = tf.randomNormal([2, 4, 5], 0, 1, 'float32', 7);
    const report = await checkLayerGradientsAsync(layer, [x, x], fewElements);
    expect(Object.keys(report.perTensor).length).toBeGreaterThanOrEqual(2 + 8);
    tf.dispose(x);
  });

  it('bilinear and nearest resizing with half-pixel centres (dl gradients; tfjs 4.22 ignores the centres)', async () => {
    const images = tf.randomNormal([2, 5, 4, 2], 0, 1, 'float32', 13);
    for (const resize of [tf.image.resizeBilinear, tf.image.resizeNearestNeighbor]) {
      const report = await checkGradientsAsync((x) => resize(x as tf.Tensor4D, [7, 3], false, true), [images], fewElements);
      expect(report.passed).toBe(true);
    }
    images.dispose();
  });

  it('LSTM and GRU (hand-written BPTT): inputs and every weight', async () => {
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 8);
    for (const layer of [
      lstm({ units: 4, returnSequences: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 9 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 10 }) }),
      gru({ units: 4, returnSequences: true, kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 12 }) }),
    ]) {
      const report = await checkLayerGradientsAsync(layer, x, fewElements);
      expect(Object.keys(report.perTensor)).toHaveLength(4); // input, kernel, recurrent kernel, bias
    }
    tf.dispose(x);
  });
});
