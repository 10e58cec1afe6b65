import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { checkGradients } from '../testing/check-gradients.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { seededTensor as random } from './seeded-tensor.test-util.js';

beforeAll(async () => {
  const report = await useBackend('wasm');
  expect(report.installedTrainingKernels).toContain('Unpack');
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('Unpack on wasm (dl kernel)', () => {
  it.each([
    { shape: [3, 4, 2], axis: 1 },
    { shape: [3, 4, 2], axis: 0 },
    { shape: [3, 4, 2], axis: -1 },
    { shape: [5], axis: 0 },
  ])('splits like slicing in float64 for %o, and passes gradients through', ({ shape, axis }) => {
    const x = random(shape, 10);
    const nested = x.arraySync();
    const parts = tf.unstack(x, axis);
    const resolved = axis < 0 ? axis + shape.length : axis;
    expect(parts).toHaveLength(shape[resolved]!);
    parts.forEach((part, k) => {
      const take = (value: unknown, depth: number): unknown =>
        depth === resolved ? (value as unknown[])[k] : (value as unknown[]).map((inner) => take(inner, depth + 1));
      expectTensorsClose(part, take(nested, 0) as number[], { rtol: 0, atol: 0 });
    });
    tf.dispose(parts);
    if (shape.length > 1) {
      const report = checkGradients((a) => tf.stack(tf.unstack(a!, axis).map((p, k) => p.mul(k + 1))), [x]);
      expect(report.passed).toBe(true);
    }
    x.dispose();
  });
});
