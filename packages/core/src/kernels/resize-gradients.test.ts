import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { checkGradients } from '../testing/check-gradients.js';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { seededTensor, seededValues } from './seeded-tensor.test-util.js';

const backends = ['wasm', 'cpu'] as const;
beforeAll(async () => {
  for (const backend of backends) await useBackend(backend);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

interface Case {
  readonly name: string;
  readonly input: [number, number, number, number];
  readonly size: [number, number];
  readonly alignCorners: boolean;
  readonly halfPixelCenters: boolean;
}

const cases: Case[] = [
  { name: 'half-pixel, taller and narrower (non-square)', input: [2, 5, 7, 3], size: [9, 4], alignCorners: false, halfPixelCenters: true },
  { name: 'half-pixel, a third the size', input: [1, 9, 9, 2], size: [3, 3], alignCorners: false, halfPixelCenters: true },
  { name: 'half-pixel, 28 → 32 (the transfer preprocess)', input: [2, 28, 28, 1], size: [32, 32], alignCorners: false, halfPixelCenters: true },
  { name: 'aligned corners', input: [1, 6, 3, 2], size: [3, 8], alignCorners: true, halfPixelCenters: false },
  { name: 'neither (legacy)', input: [2, 3, 5, 1], size: [7, 11], alignCorners: false, halfPixelCenters: false },
  { name: 'same size', input: [1, 4, 4, 1], size: [4, 4], alignCorners: false, halfPixelCenters: true },
];

const methods = {
  bilinear: (c: Case) => (x: tf.Tensor) => tf.image.resizeBilinear(x as tf.Tensor4D, c.size, c.alignCorners, c.halfPixelCenters),
  nearest: (c: Case) => (x: tf.Tensor) => tf.image.resizeNearestNeighbor(x as tf.Tensor4D, c.size, c.alignCorners, c.halfPixelCenters),
};
type Method = keyof typeof methods;
const combinations = (Object.keys(methods) as Method[]).flatMap((method) => cases.map((c) => ({ ...c, method })));

/**
 * The reference gradient: the adjoint of the forward resampling, built column by column from
 * tfjs's own forward kernel (the resize of each one-hot image), contracted with dy in float64.
 * It depends on the forward pass only, not on the gradient under test.
 */
async function adjointReference(c: Case, method: Method, dy: Float32Array): Promise<Float64Array> {
  const [batch, height, width, channels] = c.input;
  const pixels = height * width * channels;
  const outputs = c.size[0] * c.size[1] * channels;
  const oneHot = tf.tidy(() => tf.oneHot(tf.range(0, pixels, 1, 'int32'), pixels).reshape([pixels, height, width, channels]));
  const columns = tf.tidy(() => methods[method](c)(oneHot));
  const forward = await columns.data(); // [pixel k][output o] = ∂ output o / ∂ pixel k
  tf.dispose([oneHot, columns]);
  const dx = new Float64Array(batch * pixels);
  for (let b = 0; b < batch; b++) {
    for (let k = 0; k < pixels; k++) {
      let total = 0;
      for (let o = 0; o < outputs; o++) total += forward[k * outputs + o]! * dy[b * outputs + o]!;
      dx[b * pixels + k] = total;
    }
  }
  return dx;
}

describe.each(backends)('ResizeBilinear and ResizeNearestNeighbor gradients on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it.each(combinations)('is the adjoint of the forward resampling: $method, $name', async (c) => {
    const x = seededTensor(c.input, 1);
    const dyValues = seededValues(c.input[0] * c.size[0] * c.size[1] * c.input[3], 2);
    const dy = tf.tensor(dyValues, [c.input[0], ...c.size, c.input[3]]);
    const dx = tf.grad((images: tf.Tensor) => methods[c.method](c)(images).mul(dy).sum())(x);
    expect(dx.shape).toEqual(c.input);
    expectTensorsClose(dx, await adjointReference(c, c.method, dyValues), { atol: 1e-5, rtol: 1e-5 });
    tf.dispose([x, dy, dx]);
  });

  it('passes a finite-difference check (non-square, half-pixel) and leaks nothing', async () => {
    const c = cases[0]!;
    const x = seededTensor(c.input, 3);
    for (const method of Object.values(methods)) {
      expect(checkGradients(method(c), [x]).passed).toBe(true);
      await expectNoTensorLeaks(() => {
        tf.grad((images: tf.Tensor) => method(c)(images).square().sum())(x).dispose();
      });
    }
    x.dispose();
  });
});
