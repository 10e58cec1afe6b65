import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';
import { trainLoop } from './train-loop.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function linearModel(): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1, kernelInitializer: 'zeros' })] });
  return model;
}

function batches(count: number): Array<{ x: tf.Tensor; y: tf.Tensor }> {
  return Array.from({ length: count }, (_, i) => {
    const xs = [i, i + 0.5, i - 0.5, i * 0.3].map((v) => v / 4);
    return { x: tf.tensor2d(xs, [4, 1]), y: tf.tensor2d(xs.map((v) => 2 * v + 1), [4, 1]) };
  });
}

describe('trainLoop', () => {
  it('trains a custom step, averages epoch logs and fills a History like model.fit', async () => {
    const model = linearModel();
    const optimizer = tf.train.sgd(0.5);
    const events: string[] = [];
    const history = await trainLoop(
      ({ x, y }: { x: tf.Tensor; y: tf.Tensor }) => ({
        loss: optimizer.minimize(() => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor), true) as tf.Scalar,
        constant: 2,
      }),
      {
        epochs: 30,
        data: () => batches(4),
        batchesPerEpoch: 4,
        batchSize: 4,
        models: model,
        callbacks: {
          onTrainBegin: () => void events.push('train-begin'),
          onEpochBegin: (epoch: number) => void (epoch === 0 && events.push('epoch-begin-0')),
          onBatchEnd: (batch: number, logs?: tf.Logs) => void (batch === 0 && events.length === 2 && events.push(`batch-${logs?.loss !== undefined}`)),
          onTrainEnd: () => void events.push('train-end'),
        },
      },
    );
    expect(events).toEqual(['train-begin', 'epoch-begin-0', 'batch-true', 'train-end']);
    expect(history).toBeInstanceOf(tf.History);
    expect(history.epoch).toHaveLength(30);
    const losses = history.history.loss as number[];
    expect(losses[29]!).toBeLessThan(losses[0]! / 20);
    expect(history.history.constant).toEqual(Array(30).fill(2));
    expect(history.stopReason).toBe('completed');
    const [w, b] = model.getWeights().map((t) => t.dataSync()[0]!);
    expect(w).toBeCloseTo(2, 1);
    expect(b).toBeCloseTo(1, 1);
    model.dispose();
    optimizer.dispose();
  });

  it('stops with the last good weights when a loss becomes NaN', async () => {
    const model = linearModel();
    const optimizer = tf.train.sgd(0.1);
    let calls = 0;
    let beforeBadStep: number[] = [];
    const history = await trainLoop(
      ({ x, y }: { x: tf.Tensor; y: tf.Tensor }) => {
        calls++;
        if (calls === 6) {
          beforeBadStep = model.getWeights().flatMap((t) => Array.from(t.dataSync()));
          // A poisoned step: it corrupts the weights and reports NaN.
          model.setWeights(model.getWeights().map((w) => tf.fill(w.shape, Number.NaN)));
          return { loss: Number.NaN };
        }
        return { loss: optimizer.minimize(() => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor), true) as tf.Scalar };
      },
      { epochs: 5, data: () => batches(4), models: [model] },
    );
    expect(history.stopReason).toBe('non-finite-loss');
    expect(history.nonFinite).toMatchObject({ epoch: 1, batch: 1 });
    expect(history.epoch).toEqual([0]);
    // Exactly the weights after step 5, the last good one (not those of an earlier step or epoch).
    expect(beforeBadStep.some((w) => w !== 0)).toBe(true);
    expect(model.getWeights().flatMap((t) => Array.from(t.dataSync()))).toEqual(beforeBadStep);
    model.dispose();
    optimizer.dispose();
  });

  it('with a seed, repeats a run with random shuffles and noise exactly; another seed differs', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const w = tf.variable(tf.zeros([2]));
      const optimizer = tf.train.sgd(0.1);
      const points = Array.from({ length: 16 }, (_, i) => i / 16);
      await trainLoop(
        (p: number) => ({
          // Unseeded noise and a Math.random shuffle: both follow the loop's seed.
          loss: optimizer.minimize(() => w.sub(tf.tensor1d([p, 1 - p])).add(tf.randomNormal([2], 0, 0.1)).square().sum() as tf.Scalar, true)!,
        }),
        { epochs: 3, data: () => tf.util.shuffle([...points]) ?? points, seed },
      );
      const values = Array.from(w.dataSync());
      w.dispose();
      optimizer.dispose();
      return values;
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
    await expect(trainLoop(() => ({ loss: 1 }), { epochs: 1, data: () => [0], seed: Number.NaN })).rejects.toThrow(/option 'seed'/);
  });

  it('honours early stopping, a tf.Callback that sets model.stopTraining', async () => {
    const model = linearModel();
    const history = await trainLoop(() => ({ loss: 1 }), {
      epochs: 50,
      data: () => [0, 1],
      models: model,
      callbacks: [tf.callbacks.earlyStopping({ monitor: 'loss', patience: 2 })],
    });
    expect(history.stopReason).toBe('stopped-by-callback');
    expect(history.epoch.length).toBe(3);
    model.dispose();
  });

  it('accepts a tf.data.Dataset, async iterables and validation metrics', async () => {
    const history = await trainLoop((batch: tf.Tensor) => ({ loss: batch.sum().dataSync()[0]! }), {
      epochs: 2,
      data: () => tf.data.array([1, 2, 3]).map((v) => tf.scalar(v as number)),
      validate: (epoch) => ({ val_loss: epoch }),
    });
    expect(history.history.loss).toEqual([2, 2]);
    expect(history.history.val_loss).toEqual([0, 1]);
    async function* source() {
      yield 4;
      yield 6;
    }
    const asyncHistory = await trainLoop((n: number) => ({ loss: n }), { epochs: 1, data: () => source() });
    expect(asyncHistory.history.loss).toEqual([5]);
  });

  it('leaks no tensors across epochs', async () => {
    const model = linearModel();
    const optimizer = tf.train.adam(0.01);
    const step = ({ x, y }: { x: tf.Tensor; y: tf.Tensor }) => ({
      loss: optimizer.minimize(() => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor), true) as tf.Scalar,
    });
    await trainLoop(step, { epochs: 1, data: () => batches(2), models: model }); // creates optimizer slots
    await expectNoTensorLeaks(() => trainLoop(step, { epochs: 3, data: () => batches(3), models: model }));
    model.dispose();
    optimizer.dispose();
  });

  it('rejects bad options with a ConfigError before running', async () => {
    let ran = false;
    const step = () => {
      ran = true;
      return { loss: 0 };
    };
    await expect(trainLoop(step, { epochs: 0, data: () => [1] })).rejects.toThrow(ConfigError);
    await expect(trainLoop(step, { epochs: 1, data: () => [1], epoch: 3 } as never)).rejects.toThrow(/no option named 'epoch'/);
    await expect(trainLoop(step, { epochs: 1 } as never)).rejects.toThrow(/'data'/);
    expect(ran).toBe(false);
  });
});
