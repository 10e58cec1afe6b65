import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, useBackend, withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { convOutputShape } from '../arithmetic/conv-output-shape.js';
import { convParameterCount } from '../arithmetic/parameter-count.js';
import { createConvClassifier } from './conv-classifier.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** 12x12 images: class 0 a bright left half, class 1 a bright top half, class 2 a bright centre; noise added. */
function toyImages(count: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const random = createSeededRandom(seed);
  const size = 12;
  const pixels = new Float32Array(count * size * size);
  const labels = new Float32Array(count);
  for (let n = 0; n < count; n += 1) {
    const label = n % 3;
    labels[n] = label;
    for (let i = 0; i < size; i += 1) for (let j = 0; j < size; j += 1) {
      const on = label === 0 ? j < size / 2 : label === 1 ? i < size / 2 : Math.abs(i - 5.5) < 3 && Math.abs(j - 5.5) < 3;
      pixels[n * size * size + i * size + j] = (on ? 0.8 : 0.1) + 0.2 * random.next();
    }
  }
  return { x: tf.tensor4d(pixels, [count, size, size, 1]), y: tf.tensor1d(labels) };
}

describe.each(['cpu', 'wasm'] as const)('createConvClassifier on %s', (backend) => {
  it('learns a toy three-class image task without leaking tensors', async () => {
    await useBackend(backend);
    const train = toyImages(96, 1);
    const test = toyImages(48, 2);
    const model = createConvClassifier({ inputShape: [12, 12, 1], numClasses: 3, blocks: [{ filters: 4 }, { filters: 8 }], dense: 16, dropout: 0, learningRate: 0.01, seed: 1 });
    // model.fit shuffles with Math.random: seeded, so the run (and this test) is deterministic.
    await withSeededRandom(1, () => model.fit(train.x, train.y, { epochs: 1, batchSize: 32, verbose: 0 }));
    await expectNoTensorLeaks(async () => {
      await withSeededRandom(2, () => model.fit(train.x, train.y, { epochs: 20, batchSize: 32, verbose: 0 }));
    });
    const [, accuracy] = model.evaluate(test.x, test.y) as tf.Scalar[];
    expect(accuracy!.dataSync()[0]).toBeGreaterThan(0.95);
  });

  it('saves and loads with the same predictions', async () => {
    await useBackend(backend);
    const model = createConvClassifier({ inputShape: [12, 12, 1], numClasses: 2, blocks: [{ filters: 3, convolutions: 2 }], dense: 0, seed: 2 });
    const { x } = toyImages(4, 3);
    const dir = await mkdtemp(join(tmpdir(), 'dl-conv-'));
    try {
      await saveModel(model, dir);
      const loaded = await loadModel(dir);
      expectTensorsClose(loaded.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor, { atol: 0, rtol: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('createConvClassifier', () => {
  it('draws a new dropout mask on every training call (a seeded tfjs dropout layer repeats its mask)', () => {
    const model = createConvClassifier({ inputShape: [8, 8, 1], numClasses: 3, blocks: [{ filters: 2, dropout: 0.5 }], dense: 16, dropout: 0.5, seed: 1 });
    const x = tf.randomUniform([4, 8, 8, 1], 0, 1, 'float32', 3);
    const [a, b] = [model.apply(x, { training: true }) as tf.Tensor, model.apply(x, { training: true }) as tf.Tensor];
    expect(tf.sub(a, b).abs().max().dataSync()[0]).toBeGreaterThan(1e-4);
    tf.dispose([x, a, b]);
    model.dispose();
  });

  it('builds the documented architecture for several input shapes (shapes and parameters from the arithmetic)', () => {
    for (const inputShape of [[28, 28, 1], [32, 32, 3], [9, 15, 2]] as const) {
      const model = createConvClassifier({ inputShape, numClasses: 10, seed: 3 });
      // Default: a block of one 3x3 'same' conv with 32 filters and one of two with 64 (no bias, batch norm), a 2x2 pool each.
      let shape: [number, number, number] = [...inputShape];
      let parameters = 0;
      for (const [filters, convolutions] of [[32, 1], [64, 2]] as const) {
        for (let c = 0; c < convolutions; c += 1) {
          parameters += convParameterCount({ kind: 'conv', kernelSize: 3, inputChannels: shape[2], filters, useBias: false }) + convParameterCount({ kind: 'batchNorm', channels: filters });
          shape = convOutputShape({ inputShape: shape, kernelSize: 3, padding: 'same', filters });
        }
        shape = convOutputShape({ inputShape: shape, kind: 'pool', kernelSize: 2 });
      }
      parameters += convParameterCount({ kind: 'dense', inputs: shape[0] * shape[1] * shape[2], units: 128 }) + convParameterCount({ kind: 'dense', inputs: 128, units: 10 });
      expect(model.getLayer('flatten').outputShape).toEqual([null, shape[0] * shape[1] * shape[2]]);
      expect(model.countParams()).toBe(parameters);
      expect(model.outputs[0]!.shape).toEqual([null, 10]);
      model.dispose();
    }
    const binary = createConvClassifier({ inputShape: [8, 8, 1], numClasses: 2, blocks: [{ filters: 2 }] });
    expect(binary.outputs[0]!.shape).toEqual([null, 1]);
  });

  it('gives the same initial weights for the same seed', () => {
    const a = createConvClassifier({ inputShape: [8, 8, 1], numClasses: 3, blocks: [{ filters: 2 }], dense: 4, seed: 9 });
    const b = createConvClassifier({ inputShape: [8, 8, 1], numClasses: 3, blocks: [{ filters: 2 }], dense: 4, seed: 9 });
    a.getWeights().forEach((w, i) => expectTensorsClose(w, b.getWeights()[i]!, { atol: 0, rtol: 0 }));
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    expect(catchConfigError(() => createConvClassifier({ inputShape: [28, 28], numClasses: 10 } as never)).path).toMatch(/^inputShape/u);
    expect(catchConfigError(() => createConvClassifier({ inputShape: [28, 28, 1], numClasses: 1 })).path).toBe('numClasses');
    expect(catchConfigError(() => createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, blocks: [{ filter: 8 }] } as never)).message).toContain('filters');
    expect(catchConfigError(() => createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, blocks: [] })).path).toBe('blocks');
    expect(catchConfigError(() => createConvClassifier({ inputShape: [4, 4, 1], numClasses: 10, blocks: [{ filters: 2 }, { filters: 2 }, { filters: 2 }] })).path).toBe('blocks');
    expect(catchConfigError(() => createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, dropout: 1 })).path).toBe('dropout');
  });
});
