import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';
import { seededInitializers, type InitializerName } from './seeded-initializers.js';

function buildModel(seed: number | undefined): tf.LayersModel {
  const init = seededInitializers(seed);
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [5, 4], units: 8, kernelInitializer: init.next('glorotUniform') }));
  model.add(tf.layers.lstm({ units: 3, returnSequences: false, kernelInitializer: init.next('glorotUniform'), recurrentInitializer: init.next('orthogonal') }));
  return model;
}

function buildDenseModel(seed: number | undefined): tf.LayersModel {
  const init = seededInitializers(seed);
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [4], units: 8, kernelInitializer: init.next('glorotUniform') }),
      tf.layers.dense({ units: 3, kernelInitializer: init.next('heNormal') }),
    ],
  });
}

function weightsOf(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createSeededRandom(7);
    const b = createSeededRandom(7);
    const c = createSeededRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('shuffles to a permutation, reproducibly', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const first = createSeededRandom(1).shuffle([...items]);
    expect(createSeededRandom(1).shuffle([...items])).toEqual(first);
    expect([...first].sort((x, y) => x - y)).toEqual(items);
    expect(first).not.toEqual(items);
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => createSeededRandom(Number.NaN)).toThrow(/option 'seed'/);
    expect(() => createSeededRandom('7' as never)).toThrow(/finite number/);
  });

  it('draws integers uniformly enough', () => {
    const random = createSeededRandom(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[random.nextInt(4)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});

describe('seededInitializers', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives identical weights for the same seed and different ones for another', () => {
    const [a, b, c] = [buildDenseModel(42), buildDenseModel(42), buildDenseModel(43)];
    expect(weightsOf(a)).toEqual(weightsOf(b));
    expect(weightsOf(a)[0]).not.toEqual(weightsOf(c)[0]);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('seeds recurrent (orthogonal) initializers too', () => {
    const [a, b, c] = [buildModel(5), buildModel(5), buildModel(6)];
    expect(weightsOf(a)).toEqual(weightsOf(b));
    // Every weight but the (constant) biases comes from a seeded initializer: dense and
    // LSTM kernels (glorotUniform) and the LSTM's recurrent kernel (orthogonal).
    const seeded = a.weights.flatMap((w, index) => (w.name.endsWith('/bias') ? [] : [index]));
    expect(seeded.map((index) => a.weights[index]!.name.split('/').at(-1))).toEqual(['kernel', 'kernel', 'recurrent_kernel']);
    for (const index of seeded) expect(weightsOf(c)[index], a.weights[index]!.name).not.toEqual(weightsOf(a)[index]);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('passes the seed to every initializer kind: the same seed repeats, another changes the values', () => {
    const names: InitializerName[] = ['glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'leCunNormal', 'leCunUniform', 'orthogonal', 'randomNormal', 'randomUniform', 'truncatedNormal'];
    for (const name of names) {
      const draw = (seed: number): number[] => tf.tidy(() => Array.from(seededInitializers(seed).next(name).apply([4, 4]).dataSync()));
      expect(draw(1), name).toEqual(draw(1));
      expect(draw(2), name).not.toEqual(draw(1));
    }
  });

  it('is unseeded without a seed', () => {
    const a = buildDenseModel(undefined);
    const b = buildDenseModel(undefined);
    expect(weightsOf(a)[0]).not.toEqual(weightsOf(b)[0]);
    a.dispose();
    b.dispose();
  });
});
