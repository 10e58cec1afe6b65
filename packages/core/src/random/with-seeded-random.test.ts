import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededInitializers } from './seeded-initializers.js';
import { withSeededRandom } from './with-seeded-random.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A model with dropout, fitted with shuffling: both draw from Math.random. Returns its final weights. */
async function fitOnce(seed: number | undefined): Promise<number[]> {
  const init = seededInitializers(1);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [4], units: 8, activation: 'tanh', kernelInitializer: init.next('glorotUniform') }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: 1, kernelInitializer: init.next('glorotUniform') }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  const x = tf.tensor2d(Array.from({ length: 64 * 4 }, (_, i) => Math.sin(i)), [64, 4]);
  const y = tf.tidy(() => x.sum(1, true));
  const fit = () => model.fit(x, y, { epochs: 3, batchSize: 8, shuffle: true, verbose: 0 });
  await (seed === undefined ? fit() : withSeededRandom(seed, fit));
  const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
  tf.dispose([x, y]);
  model.dispose();
  return weights;
}

describe('withSeededRandom', () => {
  it('makes model.fit with shuffling and dropout end at identical weights for the same seed', async () => {
    const first = await fitOnce(42);
    expect(await fitOnce(42)).toEqual(first);
    expect(await fitOnce(43)).not.toEqual(first);
    // Without it, the same starting weights end elsewhere (shuffle and dropout follow Math.random).
    expect(await fitOnce(undefined)).not.toEqual(first);
  });

  it('restores Math.random afterwards, also when the function throws, and returns its result', async () => {
    const original = Math.random;
    expect(await withSeededRandom(1, () => [Math.random(), Math.random()])).toEqual(await withSeededRandom(1, () => [Math.random(), Math.random()]));
    await expect(withSeededRandom(2, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(Math.random).toBe(original);
    await expect(withSeededRandom(Number.POSITIVE_INFINITY, () => 1)).rejects.toThrow(/seed/);
    expect(Math.random).toBe(original);
  });
});
