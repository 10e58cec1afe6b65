import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, ShapeError, useBackend } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createSingleObjectDetector } from '../models/single-object-detector.js';
import { predictBoxes } from './predict-boxes.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const random = createSeededRandom(11);
const values = (n: number, scale = 1) => Array.from({ length: n }, () => (2 * random.next() - 1) * scale);

/** A model with known weights: 2x3x1 images, flatten, then a softmax `class` head (3) and a sigmoid `box` head (4). */
function tinyModel() {
  const classKernel = values(6 * 3, 2);
  const classBias = values(3);
  const boxKernel = values(6 * 4);
  const boxBias = values(4);
  const input = tf.input({ shape: [2, 3, 1] });
  const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
  const classHead = tf.layers.dense({ units: 3, activation: 'softmax', name: 'class', weights: [tf.tensor2d(classKernel, [6, 3]), tf.tensor1d(classBias)] });
  const boxHead = tf.layers.dense({ units: 4, activation: 'sigmoid', name: 'box', weights: [tf.tensor2d(boxKernel, [6, 4]), tf.tensor1d(boxBias)] });
  const model = tf.model({ inputs: input, outputs: [classHead.apply(flat) as tf.SymbolicTensor, boxHead.apply(flat) as tf.SymbolicTensor] });
  /** float64: softmax(x·K + b) and sigmoid(x·K' + b') of one flattened image. */
  const expected = (x: number[]) => {
    const affine = (kernel: number[], bias: number[], units: number) =>
      bias.map((b, u) => x.reduce((sum, xi, i) => sum + xi * kernel[i * units + u]!, b));
    const logits = affine(classKernel, classBias, 3);
    const max = Math.max(...logits);
    const exps = logits.map((l) => Math.exp(l - max));
    const probabilities = exps.map((e) => e / exps.reduce((a, b) => a + b, 0));
    const best = probabilities.indexOf(Math.max(...probabilities));
    return { box: affine(boxKernel, boxBias, 4).map((z) => 1 / (1 + Math.exp(-z))), class: best, score: probabilities[best]! };
  };
  return { model, expected };
}

describe.each(['cpu', 'wasm'] as const)('predictBoxes on %s', (backend) => {
  it('gives the float64 boxes, classes and scores of a model with known weights, in any batch size, leaking nothing', async () => {
    await useBackend(backend);
    const { model, expected } = tinyModel();
    const n = 7;
    const pixels = values(n * 6);
    const images = tf.tensor4d(pixels, [n, 2, 3, 1]);
    const want = Array.from({ length: n }, (_, i) => expected(pixels.slice(6 * i, 6 * i + 6)));
    for (const batchSize of [1, 3, 64]) {
      const result = await expectNoTensorLeaks(() => predictBoxes(model, images, { batchSize }));
      expect(result.count).toBe(n);
      expect(result.boxes).toBeInstanceOf(Float32Array);
      expect(result.classes).toBeInstanceOf(Int32Array);
      expect(result.scores).toBeInstanceOf(Float32Array);
      expectTensorsClose(tf.tensor1d(result.boxes), want.flatMap((w) => w.box), { atol: 1e-5 });
      expect(Array.from(result.classes)).toEqual(want.map((w) => w.class));
      expectTensorsClose(tf.tensor1d(result.scores), want.map((w) => w.score), { atol: 1e-5 });
    }
    // [n, h, w] for a one-channel model, the same answer.
    const squeezed = predictBoxes(model, images.reshape([n, 2, 3]));
    expectTensorsClose(tf.tensor1d(squeezed.boxes), want.flatMap((w) => w.box), { atol: 1e-5 });
    expect(images.isDisposed).toBe(false);
  });

  it('matches model.predict of a detector from createSingleObjectDetector', async () => {
    await useBackend(backend);
    const model = createSingleObjectDetector({ inputShape: [16, 16, 3], numClasses: 4, backbone: { blocks: [{ filters: 2 }], dense: 8 }, seed: 5 });
    const images = tf.randomUniform([5, 16, 16, 3], 0, 1, 'float32', 2);
    const [probabilities, boxes] = model.predict(images) as [tf.Tensor2D, tf.Tensor2D];
    const result = predictBoxes(model, images, { batchSize: 2 });
    expectTensorsClose(tf.tensor1d(result.boxes), boxes.reshape([-1]), { atol: 1e-6 });
    expect(Array.from(result.classes)).toEqual(Array.from(probabilities.argMax(-1).dataSync()));
    expectTensorsClose(tf.tensor1d(result.scores), probabilities.max(-1), { atol: 1e-6 });
  });
});

describe('predictBoxes arguments', () => {
  it('rejects a model without class and box outputs (ConfigError), images that do not fit (ShapeError), and bad options', () => {
    const { model } = tinyModel();
    const plain = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [2, 3, 1] }), tf.layers.dense({ units: 4 })] });
    expect(catchConfigError(() => predictBoxes(plain, tf.zeros([1, 2, 3, 1]))).path).toBe('model');
    expect(() => predictBoxes(model, tf.zeros([1, 3, 2, 1]))).toThrow(ShapeError);
    expect(() => predictBoxes(model, tf.zeros([6]))).toThrow(ShapeError);
    expect(catchConfigError(() => predictBoxes(model, tf.zeros([1, 2, 3, 1]), { batchSize: 0 })).path).toBe('batchSize');
    expect(catchConfigError(() => predictBoxes(model, tf.zeros([1, 2, 3, 1]), { batch: 2 } as never)).path).toBe('batch');
  });
});
