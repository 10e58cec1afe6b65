import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';

beforeAll(async () => {
  const report = await useBackend('wasm');
  expect(report.installedTrainingKernels).toEqual(expect.arrayContaining(['Identity', 'Cast']));
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('Identity and same-dtype Cast share data on wasm (dl kernels)', () => {
  it('tf.clone and a float32 → float32 cast make no new buffer, and outlive their input', async () => {
    await expectNoTensorLeaks(async () => {
      const x = tf.tensor2d([1.5, -2, 3, 4.25], [2, 2]);
      const buffers = tf.memory().numDataBuffers;
      const clone = tf.clone(x);
      const cast = tf.cast(x, 'float32');
      expect(tf.memory().numDataBuffers).toBe(buffers);
      x.dispose();
      expect(clone.shape).toEqual([2, 2]);
      expect(await clone.data()).toEqual(new Float32Array([1.5, -2, 3, 4.25]));
      expect(await cast.data()).toEqual(new Float32Array([1.5, -2, 3, 4.25]));
      clone.dispose();
      expect(await cast.data()).toEqual(new Float32Array([1.5, -2, 3, 4.25]));
      cast.dispose();
    });
  });

  it('casts to another dtype still convert (the backend’s own kernel)', async () => {
    await expectNoTensorLeaks(async () => {
      const x = tf.tensor1d([1.75, -1.75, 0]);
      const ints = tf.cast(x, 'int32');
      const bools = tf.tensor1d([false, true, false], 'bool');
      const floats = tf.cast(bools, 'float32');
      expect(ints.dtype).toBe('int32');
      expect(floats.dtype).toBe('float32');
      expect(Array.from(await ints.data())).toEqual([1, -1, 0]);
      expect(Array.from(await floats.data())).toEqual([0, 1, 0]);
      tf.dispose([x, ints, bools, floats]);
    });
  });

  it('gradients through clones are unchanged', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const g = tf.grad((v: tf.Tensor) => tf.clone(v).square().sum())(x);
    expect(Array.from(g.dataSync())).toEqual([2, 4, 6]);
    tf.dispose([x, g]);
  });
});
