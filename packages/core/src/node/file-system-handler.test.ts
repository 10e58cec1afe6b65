import { mkdtemp, readdir, rm } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import { createFileSystemHandler, type FileSystem } from './file-system-handler.js';
import { loadModel, saveModel } from './save-load.js';

let root: string;

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'dl-core-save-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * A compiled two-layer model whose every weight, biases included, is drawn from a seeded
 * sequence after building, so its weights differ from anything its initializers (and so a
 * loader that rebuilds the model from `model.json` alone) would give.
 *
 * @param seed - seed of the weight values; different seeds give different weights.
 * @returns the model.
 */
function smallModel(seed: number): tf.LayersModel {
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [3], units: 4, activation: 'relu' }), tf.layers.dense({ units: 2 })],
  });
  const random = createSeededRandom(seed);
  tf.tidy(() => model.setWeights(model.getWeights().map((w) => tf.tensor(Float32Array.from({ length: w.size }, () => random.next() * 2 - 1), w.shape))));
  model.compile({ optimizer: tf.train.rmsprop(0.0125), loss: 'meanAbsoluteError' });
  return model;
}

/** The values of a model's weights, as plain arrays. */
function weightValues(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

const input = () => tf.tensor2d([[0.1, -0.5, 2], [1, 1, 1]]);

describe('saveModel / loadModel', () => {
  it('round-trips a model exactly, with its training config (includeOptimizer)', async () => {
    const dir = join(root, 'roundtrip');
    const model = smallModel(1);
    await saveModel(model, dir, { includeOptimizer: true });
    const loaded = await loadModel(dir);
    const x = input();
    const expected = model.predict(x) as tf.Tensor;
    const actual = loaded.predict(x) as tf.Tensor;
    expectTensorsClose(actual, expected, { rtol: 0, atol: 0 });
    const saved = weightValues(model);
    expect(saved[1]!.every((bias) => bias !== 0)).toBe(true);
    expect(weightValues(loaded)).toEqual(saved);
    expect(loaded.loss).toBe('meanAbsoluteError');
    expect(loaded.optimizer.getClassName()).toBe('RMSProp');
    expect(loaded.optimizer.getConfig()).toMatchObject({ learningRate: 0.0125 });
    expect(await readdir(dir)).toHaveLength(2);
    tf.dispose([x, expected, actual]);
    model.dispose();
    loaded.dispose();
  });

  it('replaces the previous save and removes its stale weights', async () => {
    const dir = join(root, 'overwrite');
    const first = smallModel(2);
    const second = smallModel(3);
    await saveModel(first, dir);
    await saveModel(second, dir);
    const files = await readdir(dir);
    expect(files.sort()).toHaveLength(2);
    const loaded = await loadModel(dir);
    expect(weightValues(loaded)).toEqual(weightValues(second));
    [first, second, loaded].forEach((m) => m.dispose());
  });

  it('keeps the old model loadable when a save is interrupted mid-write', async () => {
    const dir = join(root, 'interrupted');
    const original = smallModel(4);
    await saveModel(original, dir);
    const expected = weightValues(original);

    for (const failAt of ['weights', 'model-json', 'commit'] as const) {
      let writes = 0;
      const failing: FileSystem = {
        ...nodeFs,
        writeFile: (async (path: string, data: unknown, options: unknown) => {
          writes++;
          if (failAt === 'weights' && writes === 1) {
            await nodeFs.writeFile(path, 'partial');
            throw new Error('disk full');
          }
          if (failAt === 'model-json' && writes === 2) {
            await nodeFs.writeFile(path, '{"truncat');
            throw new Error('disk full');
          }
          return nodeFs.writeFile(path, data as string, options as Parameters<typeof nodeFs.writeFile>[2]);
        }) as FileSystem['writeFile'],
        rename: (async (from: string, to: string) => {
          if (failAt === 'commit' && to.endsWith('model.json')) throw new Error('power cut');
          return nodeFs.rename(from, to);
        }) as FileSystem['rename'],
      };
      const other = smallModel(10);
      await expect(other.save(createFileSystemHandler(dir, failing))).rejects.toThrow(/disk full|power cut/);
      other.dispose();
      const loaded = await loadModel(dir);
      expect(weightValues(loaded)).toEqual(expected);
      loaded.dispose();
    }
    // The next good save cleans up the debris of the failed ones.
    await saveModel(original, dir);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    original.dispose();
  });

  it('reports a missing model clearly', async () => {
    await expect(loadModel(join(root, 'nothing-here'))).rejects.toThrow(/No saved model at/);
  });
});
