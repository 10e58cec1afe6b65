import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { lcg, saveToMemory } from './ensemble-members.test-util.js';
import { stackingEnsemble } from './stacking-ensemble.js';

/** An identity layer that counts how many times any instance of it runs (copies included). */
class CountingIdentity extends tf.layers.Layer {
  static className = 'TestCountingIdentity';
  static calls = 0;
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    CountingIdentity.calls += 1;
    return tf.clone(Array.isArray(inputs) ? inputs[0]! : inputs);
  }
}
tf.serialization.registerClass(CountingIdentity);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const classes = 3;

/**
 * x = [3·onehot(label) + noise, 3 uniform noise features]: member `informed` reads the first
 * three features (it is right almost always), member `noise` the last three (chance).
 */
function task(n: number, seed: number): { x: number[][]; y: number[] } {
  const random = lcg(seed);
  const y = Array.from({ length: n }, () => Math.floor(random() * classes));
  const x = y.map((label) => [...[0, 1, 2].map((c) => (c === label ? 3 : 0) + 0.5 * (random() - 0.5)), ...[0, 1, 2].map(() => 4 * (random() - 0.5))]);
  return { x, y };
}

/** softmax of `scale ×` features `offset..offset+2` of the 6 inputs, with a counting layer in front. */
function member(offset: number, scale: number): tf.LayersModel {
  const input = tf.input({ shape: [6], name: 'features' });
  const counted = new CountingIdentity({ name: 'count' }).apply(input) as tf.SymbolicTensor;
  const head = tf.layers.dense({ units: classes, activation: 'softmax', name: 'head' });
  const output = head.apply(counted) as tf.SymbolicTensor;
  const kernel = Array.from({ length: 6 }, (_, i) => [0, 1, 2].map((c) => (i - offset === c ? scale : 0)));
  head.setWeights([tf.tensor2d(kernel), tf.zeros([classes])]);
  return tf.model({ inputs: input, outputs: output, name: 'member' });
}

/** For rows `from..from+2` of the meta kernel (one member's probabilities): mean diagonal − mean off-diagonal weight. */
function trust(kernel: number[][], from: number): number {
  let diagonal = 0;
  let off = 0;
  for (let i = 0; i < classes; i++) for (let c = 0; c < classes; c++) (i === c ? (diagonal += kernel[from + i]![c]!) : (off += kernel[from + i]![c]!));
  return diagonal / classes - off / (classes * (classes - 1));
}

describe('stackingEnsemble', () => {
  it('computes the member predictions once, trains only the meta learner, and learns to trust the right member', async () => {
    const informed = member(0, 2);
    const noise = member(3, 2);
    const originals = [informed, noise].map((m) => m.getWeights().map((w) => w.arraySync()));
    const stack = stackingEnsemble([noise, informed], { seed: 3 });
    expect(stack.model.outputs[0]!.shape).toEqual([null, classes]);
    expect(stack.model.trainableWeights.map((w) => w.originalName)).toEqual(['meta_logistic_regression/kernel', 'meta_logistic_regression/bias']);
    const copies = stack.members.map((m) => m.getWeights().map((w) => w.arraySync()));
    const spies = stack.members.map((m) => vi.spyOn(m, 'predict'));
    const { x, y } = task(60, 1);
    CountingIdentity.calls = 0;
    const history = await stack.fit(tf.tensor2d(x), tf.tensor1d(y, 'int32'), { epochs: 150, batchSize: 32, learningRate: 0.05 });
    // One pass of each member over 60 samples in batches of 32: 2 runs each, for 150 epochs.
    expect(CountingIdentity.calls).toBe(2 * 2);
    spies.forEach((spy) => expect(spy).toHaveBeenCalledTimes(1));
    const losses = history.history['loss'] as number[];
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 2);
    // Members: copies and originals unchanged.
    expect(stack.members.map((m) => m.getWeights().map((w) => w.arraySync()))).toEqual(copies);
    expect([informed, noise].map((m) => m.getWeights().map((w) => w.arraySync()))).toEqual(originals);
    // Meta kernel rows 0-2 read the noise member, rows 3-5 the informed one.
    const kernel = stack.metaLearner.getLayer('meta_logistic_regression').getWeights()[0]!.arraySync() as number[][];
    const [trustNoise, trustInformed] = [trust(kernel, 0), trust(kernel, 3)];
    expect(trustInformed).toBeGreaterThan(1);
    expect(trustInformed).toBeGreaterThan(4 * Math.abs(trustNoise));
    // The stacked model predicts new data.
    const test = task(90, 2);
    const predicted = (stack.model.predict(tf.tensor2d(test.x)) as tf.Tensor).argMax(-1).arraySync() as number[];
    const accuracy = predicted.filter((c, i) => c === test.y[i]).length / test.y.length;
    expect(accuracy).toBeGreaterThan(0.9);
  });

  it('saves and loads the stacked model with identical outputs', async () => {
    const stack = stackingEnsemble([member(0, 1), member(3, 1), member(1, 1)], { seed: 5 });
    const { x, y } = task(20, 3);
    await stack.fit(tf.tensor2d(x), tf.tensor1d(y), { epochs: 3 });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(stack.model)));
    const input = tf.tensor2d(task(10, 4).x);
    expectTensorsClose(loaded.predict(input) as tf.Tensor, stack.model.predict(input) as tf.Tensor, { rtol: 0, atol: 0 });
  });

  it('takes a meta learner of width members × classes and one-hot labels; rejects another width with a ShapeError', async () => {
    const input = tf.input({ shape: [6] });
    const hidden = tf.layers.dense({ units: 4, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
    const metaLearner = tf.model({ inputs: input, outputs: tf.layers.dense({ units: classes, activation: 'softmax' }).apply(hidden) as tf.SymbolicTensor });
    const stack = stackingEnsemble([member(0, 1), member(3, 1)], { metaLearner, numClasses: 3 });
    expect(stack.metaLearner).toBe(metaLearner);
    const { x, y } = task(12, 5);
    const history = await stack.fit(tf.tensor2d(x), tf.oneHot(tf.tensor1d(y, 'int32'), classes), { epochs: 2, batchSize: 4 });
    expect(history.history['loss']).toHaveLength(2);

    const narrowInput = tf.input({ shape: [3] });
    const narrow = tf.model({ inputs: narrowInput, outputs: tf.layers.dense({ units: 3 }).apply(narrowInput) as tf.SymbolicTensor });
    const error = (() => {
      try {
        stackingEnsemble([member(0, 1), member(3, 1)], { metaLearner: narrow });
      } catch (e) {
        return e;
      }
    })();
    expect(ShapeError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("'metaLearner input' has shape [null,3]; expected [batch, 6] (2 members × 3 classes)");
  });

  it('rejects bad options with a ConfigError naming the field', async () => {
    const members = [member(0, 1), member(3, 1)];
    expect(catchConfigError(() => stackingEnsemble(members, { metalearner: null } as never)).path).toBe('metalearner');
    expect(catchConfigError(() => stackingEnsemble(members, { numClasses: 1 })).path).toBe('numClasses');
    const input = tf.input({ shape: [6] });
    const fourWay = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 4, activation: 'softmax' }).apply(input) as tf.SymbolicTensor });
    expect(catchConfigError(() => stackingEnsemble(members, { metaLearner: fourWay, numClasses: 3 })).path).toBe('numClasses');
    const stack = stackingEnsemble(members);
    const { x, y } = task(8, 6);
    const rejected = await stack.fit(tf.tensor2d(x), tf.tensor1d(y), { epoch: 3 } as never).catch((e: unknown) => e);
    expect(ConfigError.isInstance(rejected) && rejected.path).toBe('epoch');
    const wrongLabels = await stack.fit(tf.tensor2d(x), tf.tensor1d(y.slice(1))).catch((e: unknown) => e);
    expect(ShapeError.isInstance(wrongLabels) && wrongLabels.argument).toBe('heldOutY');
  });

  it('leaks no tensors through build, fit, predict and dispose', async () => {
    const members = [member(0, 1), member(3, 1)];
    const { x, y } = task(16, 7);
    const [xs, ys] = [tf.tensor2d(x), tf.tensor1d(y)];
    await expectNoTensorLeaks(async () => {
      const stack = stackingEnsemble(members, { seed: 1 });
      await stack.fit(xs, ys, { epochs: 2, batchSize: 8, validationSplit: 0.25 });
      (stack.model.predict(xs) as tf.Tensor).dispose();
      stack.memberPredictions(xs).dispose();
      stack.dispose();
    });
  });
});
