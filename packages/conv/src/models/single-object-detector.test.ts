import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, useBackend, withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { convOutputShape } from '../arithmetic/conv-output-shape.js';
import { createSingleObjectDetector } from './single-object-detector.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * `size`×`size` images with one bright rectangle each on a noisy background: class 0 roughly
 * square, 1 wide, 2 tall; the box is the rectangle's exact extent, `[yMin, xMin, yMax, xMax]` / size.
 */
function toyDetection(count: number, seed: number, size = 16) {
  const random = createSeededRandom(seed);
  const pixels = new Float32Array(count * size * size);
  const labels = new Float32Array(count);
  const boxes = new Float32Array(count * 4);
  for (let n = 0; n < count; n += 1) {
    const label = n % 3;
    const long = 8 + random.nextInt(5);
    const short = 3 + random.nextInt(2);
    const [h, w] = label === 0 ? [6 + random.nextInt(3), 6 + random.nextInt(3)] : label === 1 ? [short, long] : [long, short];
    const top = random.nextInt(size - h + 1);
    const left = random.nextInt(size - w + 1);
    for (let i = 0; i < size; i += 1) for (let j = 0; j < size; j += 1) {
      const on = i >= top && i < top + h && j >= left && j < left + w;
      pixels[(n * size + i) * size + j] = (on ? 0.8 : 0) + 0.2 * random.next();
    }
    labels[n] = label;
    boxes.set([top / size, left / size, (top + h) / size, (left + w) / size], 4 * n);
  }
  return { x: tf.tensor4d(pixels, [count, size, size, 1]), y: { class: tf.tensor1d(labels), box: tf.tensor2d(boxes, [count, 4]) } };
}

const tiny = { backbone: { blocks: [{ filters: 4 }, { filters: 8 }], dense: 32 } } as const;


describe.each(['cpu', 'wasm'] as const)('createSingleObjectDetector on %s', (backend) => {
  it('trains a few steps with falling loss, without leaking tensors', async () => {
    await useBackend(backend);
    const train = toyDetection(96, 1);
    const model = createSingleObjectDetector({ inputShape: [16, 16, 1], numClasses: 3, ...tiny, learningRate: 0.01, seed: 1 });
    // Training-mode losses from fit's history (evaluate() would use batch norm's moving
    // statistics, which lag far behind after a few steps). The first fit creates Adam's slots:
    // outside the leak check. fit shuffles with Math.random: seeded.
    const first = await withSeededRandom(1, () => model.fit(train.x, train.y, { epochs: 1, batchSize: 32, verbose: 0 }));
    const rest = await expectNoTensorLeaks(() => withSeededRandom(2, () => model.fit(train.x, train.y, { epochs: 5, batchSize: 32, verbose: 0 })));
    const losses = [...first.history.loss!, ...rest.history.loss!] as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses.at(-1)!).toBeLessThan(0.7 * losses[0]!);
    // Both parts of the loss fall.
    expect((rest.history.class_loss!.at(-1) as number)).toBeLessThan(first.history.class_loss![0] as number);
    expect((rest.history.box_loss!.at(-1) as number)).toBeLessThan(first.history.box_loss![0] as number);
  });

  it('saves and loads with identical predictions', async () => {
    await useBackend(backend);
    const model = createSingleObjectDetector({ inputShape: [16, 16, 1], numClasses: 3, ...tiny, seed: 2 });
    const { x } = toyDetection(4, 3);
    const dir = await mkdtemp(join(tmpdir(), 'dl-conv-detector-'));
    try {
      await saveModel(model, dir);
      const loaded = await loadModel(dir);
      expect(loaded.outputNames).toEqual(['class', 'box']);
      const [p0, b0] = model.predict(x) as tf.Tensor[];
      const [p1, b1] = loaded.predict(x) as tf.Tensor[];
      expectTensorsClose(p1!, p0!, { atol: 0, rtol: 0 });
      expectTensorsClose(b1!, b0!, { atol: 0, rtol: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('createSingleObjectDetector', () => {
  it('builds class and box heads of the right shapes for several input shapes (flatten size from the conv arithmetic)', () => {
    for (const inputShape of [[32, 32, 1], [48, 64, 3], [9, 15, 2]] as const) {
      for (const numClasses of [2, 5]) {
        const model = createSingleObjectDetector({ inputShape, numClasses, seed: 3 });
        // Default backbone: three 3x3 'same' conv blocks of 32, 64, 128 filters with a 2x2 pool each.
        let shape: [number, number, number] = [...inputShape];
        for (const filters of [32, 64, 128]) {
          shape = convOutputShape({ inputShape: shape, kernelSize: 3, padding: 'same', filters });
          shape = convOutputShape({ inputShape: shape, kind: 'pool', kernelSize: 2 });
        }
        expect(model.getLayer('flatten').outputShape).toEqual([null, shape[0] * shape[1] * shape[2]]);
        expect(model.outputNames).toEqual(['class', 'box']);
        expect(model.outputs.map((o) => o.shape)).toEqual([[null, numClasses], [null, 4]]);
        const [probabilities, boxes] = tf.tidy(() => (model.predict(tf.randomUniform([3, ...inputShape], 0, 1, 'float32', 1)) as tf.Tensor[]).map((t) => t.arraySync() as number[][]));
        expect(probabilities!.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(probabilities!.map(() => expect.closeTo(1, 5)));
        expect(boxes!.flat().every((v) => v > 0 && v < 1)).toBe(true);
        model.dispose();
      }
    }
  });

  it('is compiled with cross-entropy + boxLossWeight · (smooth L1 + 1 − IoU), as a float64 reference computes it', async () => {
    await useBackend('cpu');
    const data = toyDetection(12, 4);
    const labels = Array.from(data.y.class.dataSync());
    const truth = data.y.box.arraySync() as number[][];
    for (const [boxLoss, weight] of [['smoothL1+iou', 1], ['smoothL1', 3], ['iou', 0.5]] as const) {
      const model = createSingleObjectDetector({ inputShape: [16, 16, 1], numClasses: 3, ...tiny, boxLoss, boxLossWeight: weight, seed: 6 });
      const [p, b] = (model.predict(data.x) as tf.Tensor[]).map((t) => t.arraySync() as number[][]);
      const crossEntropy = labels.reduce((sum, label, i) => sum - Math.log(p![i]![label]!), 0) / labels.length;
      let smooth = 0;
      let iouLoss = 0;
      truth.forEach((t, i) => {
        const q = b![i]!;
        for (let k = 0; k < 4; k += 1) {
          const d = Math.abs(q[k]! - t[k]!);
          smooth += d < 0.1 ? (0.5 * d * d) / 0.1 : d - 0.05;
        }
        const overlap = Math.max(0, Math.min(t[2]!, q[2]!) - Math.max(t[0]!, q[0]!)) * Math.max(0, Math.min(t[3]!, q[3]!) - Math.max(t[1]!, q[1]!));
        const area = (r: number[]) => Math.max(0, r[2]! - r[0]!) * Math.max(0, r[3]! - r[1]!);
        iouLoss += 1 - overlap / (area(t) + area(q) - overlap);
      });
      const box = weight * ((boxLoss === 'iou' ? 0 : smooth / (4 * truth.length)) + (boxLoss === 'smoothL1' ? 0 : iouLoss / truth.length));
      const evaluated = (model.evaluate(data.x, [data.y.class, data.y.box], { batchSize: 12 }) as tf.Scalar[]).map((s) => s.dataSync()[0]!);
      expect(model.metricsNames).toEqual(['loss', 'class_loss', 'box_loss', 'class_acc', 'box_meanIou']);
      // tfjs-layers 4.22's evaluate() of a two-output model returns six values: its test function
      // pushes the running total after each output's loss (class loss, then the total) before
      // the metrics: [class loss, total, class_loss, box_loss, class_acc, box_meanIou].
      expect(evaluated).toHaveLength(6);
      expect(evaluated[1]).toBeCloseTo(crossEntropy + box, 5);
      expect(evaluated[2]).toBeCloseTo(crossEntropy, 5);
      expect(evaluated[3]).toBeCloseTo(box, 5);
      model.dispose();
    }
  });

  it('gives the same initial weights for the same seed', () => {
    const a = createSingleObjectDetector({ inputShape: [16, 16, 1], numClasses: 3, ...tiny, seed: 9 });
    const b = createSingleObjectDetector({ inputShape: [16, 16, 1], numClasses: 3, ...tiny, seed: 9 });
    a.getWeights().forEach((w, i) => expectTensorsClose(w, b.getWeights()[i]!, { atol: 0, rtol: 0 }));
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    const base = { inputShape: [32, 32, 1], numClasses: 3 } as const;
    expect(catchConfigError(() => createSingleObjectDetector({ inputShape: [32, 32], numClasses: 3 } as never)).path).toMatch(/^inputShape/u);
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, numClasses: 1 })).path).toBe('numClasses');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, boxLos: 'iou' } as never)).path).toBe('boxLos');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, boxLoss: 'giou' as never })).path).toBe('boxLoss');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, boxLossWeight: -1 })).path).toBe('boxLossWeight');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, learningRate: 0 })).path).toBe('learningRate');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, backbone: { block: [] } } as never)).path).toBe('backbone.block');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, backbone: { blocks: [] } })).path).toBe('backbone.blocks');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, backbone: { blocks: [{ filter: 8 }] } } as never)).message).toContain('filters');
    expect(catchConfigError(() => createSingleObjectDetector({ ...base, backbone: { dropout: 1 } })).path).toBe('backbone.dropout');
    expect(catchConfigError(() => createSingleObjectDetector({ inputShape: [4, 4, 1], numClasses: 3 })).path).toBe('backbone.blocks');
  });
});
