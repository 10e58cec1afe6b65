import * as tf from '@tensorflow/tfjs';
import { ConfigError, createSeededRandom, ShapeError, useBackend } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { classifierScores, type ProbabilityClassifier } from './classifier-scores.js';

/**
 * float64 reference through the identity E_x[KL(p(y|x) || p(y))] = H(p(y)) - E_x[H(p(y|x))]
 * (entropy of the mean minus mean entropy), not the per-row KL the code sums.
 */
function referenceScore(rows: number[][]): number {
  const entropy = (p: number[]): number => -p.reduce((sum, q) => sum + (q > 0 ? q * Math.log(q) : 0), 0);
  const marginal = rows[0]!.map((_, k) => rows.reduce((sum, row) => sum + row[k]!, 0) / rows.length);
  const meanEntropy = rows.reduce((sum, row) => sum + entropy(row), 0) / rows.length;
  return Math.exp(entropy(marginal) - meanEntropy);
}

/** A classifier whose output we set exactly: image i is filled with the value i, and gets rows[i]. */
function tableClassifier(rows: number[][]): { classifier: ProbabilityClassifier; images: tf.Tensor4D } {
  const classifier: ProbabilityClassifier = {
    predict: (x) => tf.tidy(() => {
      const ids = Array.from(tf.max(x, [1, 2, 3]).dataSync(), Math.round);
      return tf.tensor2d(ids.map((id) => rows[id]!));
    }),
  };
  const images = tf.tidy(() => tf.range(0, rows.length).reshape([rows.length, 1, 1, 1]).tile([1, 2, 2, 1])) as tf.Tensor4D;
  return { classifier, images };
}

/** Random probability rows with a few sharp ones; float32-representable, so tfjs returns them exactly. */
function randomRows(count: number, classes: number, seed: number): number[][] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const sharp = i % 3 === 0;
    const raw = Array.from({ length: classes }, (_, k) => (sharp && k === i % classes ? 50 : 0) + random.next());
    const total = raw.reduce((sum, x) => sum + x, 0);
    return raw.map((x) => Math.fround(x / total));
  });
}

describe('classifierScores', () => {
  it('matches the float64 reference on probability rows we control, whatever the batch size', async () => {
    await useBackend('cpu');
    const rows = randomRows(23, 5, 1);
    const { classifier, images } = tableClassifier(rows);
    const scores = classifierScores(classifier, images, { confidence: 0.8, batchSize: 4 });
    expect(scores.inceptionScore).toBeCloseTo(referenceScore(rows), 6);
    // Coverage and counts from the definition: the top class of each row, when its probability > 0.8.
    const counts = [0, 0, 0, 0, 0];
    for (const row of rows) {
      const top = row.indexOf(Math.max(...row));
      if (row[top]! > 0.8) counts[top]! += 1;
    }
    expect(scores.classCounts).toEqual(counts);
    expect(scores.coverage).toBe(counts.filter((c) => c > 0).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(8); // the sharp rows (every third) and no other
    expect(classifierScores(classifier, images, { confidence: 0.8, batchSize: 100 })).toEqual(scores);
    images.dispose();
  });

  it('gives the number of classes for confident, balanced predictions and 1 for identical ones', () => {
    const oneHot = Array.from({ length: 12 }, (_, i) => Array.from({ length: 4 }, (_, k) => (k === i % 4 ? 1 : 0)));
    const balanced = tableClassifier(oneHot);
    const best = classifierScores(balanced.classifier, balanced.images);
    expect(best.inceptionScore).toBeCloseTo(4, 10);
    expect(best).toMatchObject({ coverage: 4, classCounts: [3, 3, 3, 3] });
    // Mode collapse: every image confidently class 2.
    const collapsed = tableClassifier(Array.from({ length: 6 }, () => [0.02, 0.02, 0.95, 0.01]));
    const worst = classifierScores(collapsed.classifier, collapsed.images);
    expect(worst.inceptionScore).toBeCloseTo(1, 6);
    expect(worst).toMatchObject({ coverage: 1, classCounts: [0, 0, 6, 0] });
    // Below the confidence threshold nothing is covered, however varied.
    const unsure = tableClassifier([[0.6, 0.4], [0.4, 0.6]]);
    expect(classifierScores(unsure.classifier, unsure.images)).toMatchObject({ coverage: 0, classCounts: [0, 0] });
    tf.dispose([balanced.images, collapsed.images, unsure.images]);
  });

  it('scores a softmax LayersModel against a float64 softmax of its fixed weights, leaking nothing', async () => {
    await useBackend('cpu');
    const random = createSeededRandom(4);
    const kernel = Array.from({ length: 8 }, () => Array.from({ length: 3 }, () => Math.fround(4 * random.next() - 2)));
    const model = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [2, 2, 2] }), tf.layers.dense({ units: 3, useBias: false, activation: 'softmax', weights: [tf.tensor2d(kernel)] })],
    });
    const pixels = Array.from({ length: 10 * 8 }, () => Math.fround(random.next()));
    const images = tf.tensor4d(pixels, [10, 2, 2, 2]);
    const rows = Array.from({ length: 10 }, (_, n) => {
      const logits = [0, 1, 2].map((k) => kernel.reduce((sum, w, j) => sum + pixels[n * 8 + j]! * w[k]!, 0));
      const exps = logits.map((z) => Math.exp(z - Math.max(...logits)));
      return exps.map((e) => e / exps.reduce((a, b) => a + b, 0));
    });
    const scores = classifierScores(model, images, { batchSize: 3 });
    expect(scores.inceptionScore).toBeCloseTo(referenceScore(rows), 5);
    await expectNoTensorLeaks(() => {
      classifierScores(model, images, { batchSize: 3 });
    });
    images.dispose();
    model.dispose();
  });

  it('refuses outputs that are not probabilities, and bad options, naming the field', () => {
    const images = tf.zeros([2, 1, 1, 1]);
    const logits: ProbabilityClassifier = { predict: () => tf.tensor2d([[2, -1], [0.5, 0.5]]) };
    const notProbabilities = catchConfigError(() => classifierScores(logits, images));
    expect(notProbabilities.path).toBe('classifier');
    expect(notProbabilities.message).toContain('softmax');
    expect(() => classifierScores({ predict: () => tf.ones([2]) }, images)).toThrow(ShapeError);
    expect(() => classifierScores({ predict: () => tf.ones([2, 1]) }, images)).toThrow(ShapeError);
    expect(catchConfigError(() => classifierScores(logits, images, { confidance: 0.9 } as never)).message).toContain('confidence');
    expect(catchConfigError(() => classifierScores(logits, images, { confidence: 1 })).path).toBe('confidence');
    expect(catchConfigError(() => classifierScores({} as never, images)).path).toBe('classifier');
    expect(catchConfigError(() => classifierScores(logits, tf.zeros([0, 1, 1, 1]))).path).toBe('images');
    expect(ConfigError.isInstance(notProbabilities)).toBe(true);
    images.dispose();
  });
});
