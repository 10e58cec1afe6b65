import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ShapeError, seededInitializers, useBackend, withSeededRandom } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { Sampling, sampling } from './sampling.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** features [4] -> dense mean [3], dense logVar [3] -> Sampling. */
function tinyEncoder(seed: number): tf.LayersModel {
  const init = seededInitializers(seed);
  const features = tf.input({ shape: [4] });
  const mean = tf.layers.dense({ units: 3, kernelInitializer: init.next('glorotUniform'), name: 'mean' }).apply(features) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({ units: 3, kernelInitializer: init.next('glorotUniform'), name: 'log_var' }).apply(features) as tf.SymbolicTensor;
  const z = sampling({ seed, name: 'z' }).apply([mean, logVar]) as tf.SymbolicTensor;
  return tf.model({ inputs: features, outputs: [mean, logVar, z] });
}

describe.each(['cpu', 'wasm'] as const)('Sampling on %s', (backend) => {
  it('computes mean + exp(logVar / 2) * eps with the seeded eps (float64 reference), in inference too', async () => {
    await useBackend(backend);
    const shape = [5, 3];
    // With mean 0 and logVar 0 the output is eps itself: the n-th call of a layer with the same seed draws the same eps.
    const eps = sampling({ seed: 11 }).apply([tf.zeros(shape), tf.zeros(shape)]) as tf.Tensor;
    const mean = [[0.5, -1, 2], [0, 0, 0], [1, 1, 1], [-3, 0.2, 0.1], [0.7, 0.8, 0.9]];
    const logVar = [[0, Math.log(4), -1], [1, -2, 0.5], [0, 0, 0], [2, -0.3, 0.3], [-1, -1, -1]];
    const epsValues = eps.arraySync() as number[][];
    const expected = mean.map((row, i) => row.map((mu, j) => mu + Math.sqrt(Math.exp(logVar[i]![j]!)) * epsValues[i]![j]!));
    const layer = sampling({ seed: 11 });
    const z = layer.apply([tf.tensor2d(mean), tf.tensor2d(logVar)], { training: false }) as tf.Tensor;
    expectTensorsClose(z, tf.tensor2d(expected), { rtol: 1e-5, atol: 1e-6 });
    // Keras's VAE example samples in inference as well: the output is not the mean.
    expect(tf.sub(z, tf.tensor2d(mean)).abs().max().dataSync()[0]).toBeGreaterThan(0.01);
    const zeros = tf.zeros(shape);
    await expectNoTensorLeaks(() => (layer.apply([zeros, zeros]) as tf.Tensor).dispose());
  });

  it('draws a new eps on every call, the same sequence for the same seed, another for another seed', async () => {
    await useBackend(backend);
    const inputs = [tf.zeros([2, 4]), tf.zeros([2, 4])];
    const a = sampling({ seed: 5 });
    const b = sampling({ seed: 5 });
    const c = sampling({ seed: 6 });
    const a1 = (a.apply(inputs) as tf.Tensor).arraySync();
    const a2 = (a.apply(inputs) as tf.Tensor).arraySync();
    expect((b.apply(inputs) as tf.Tensor).arraySync()).toEqual(a1);
    expect((b.apply(inputs) as tf.Tensor).arraySync()).toEqual(a2);
    expect(a2).not.toEqual(a1);
    expect((c.apply(inputs) as tf.Tensor).arraySync()).not.toEqual(a1);
    // Unseeded, it follows Math.random, so withSeededRandom pins it.
    const unseeded = async () => withSeededRandom(3, () => (sampling().apply(inputs) as tf.Tensor).arraySync());
    expect(await unseeded()).toEqual(await unseeded());
  });

  it('gives samples with the mean and variance of N(mean, exp(logVar)) (4 standard errors)', async () => {
    await useBackend(backend);
    const n = 50_000;
    const mu = [1, -2];
    const logVar = [Math.log(0.5), Math.log(3)];
    const z = tf.tidy(() => sampling({ seed: 2 }).apply([tf.tensor2d([mu]).tile([n, 1]), tf.tensor2d([logVar]).tile([n, 1])]) as tf.Tensor);
    const { mean, variance } = tf.moments(z, 0);
    mu.forEach((m, j) => {
      const sigma2 = Math.exp(logVar[j]!);
      expect(Math.abs(mean.arraySync()[j as never] - m)).toBeLessThan(4 * Math.sqrt(sigma2 / n));
      expect(Math.abs(variance.arraySync()[j as never] - sigma2)).toBeLessThan(4 * sigma2 * Math.sqrt(2 / (n - 1)));
    });
    tf.dispose([z, mean, variance]);
  });

  it('passes gradients: dz/dmean = 1 and dz/dlogVar = (z - mean) / 2 on the same call', async () => {
    await useBackend(backend);
    const layer = sampling({ seed: 4 });
    const mean = tf.tensor2d([[0.3, -0.2], [1, 2]]);
    const logVar = tf.tensor2d([[0.1, -0.5], [0.7, -1.3]]);
    let z: tf.Tensor | undefined;
    const [dMean, dLogVar] = tf.grads((m: tf.Tensor, l: tf.Tensor) => {
      const out = layer.apply([m, l]) as tf.Tensor;
      z = tf.keep(out.clone());
      return out.sum();
    })([mean, logVar]);
    expectTensorsClose(dMean!, tf.onesLike(mean), { rtol: 0, atol: 0 });
    expectTensorsClose(dLogVar!, tf.sub(z!, mean).mul(0.5), { rtol: 1e-5, atol: 1e-6 });
  });

  it('saves and loads (memory and directory) inside a model, with identical outputs', async () => {
    await useBackend(backend);
    const model = tinyEncoder(8);
    const x = tf.tensor2d([[0.1, 0.2, -0.3, 0.4], [1, -1, 0.5, 0]]);
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (saved) => ((artifacts = saved), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    expect(JSON.stringify(artifacts!.modelTopology)).toContain('"class_name":"Sampling"');
    const fromMemory = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    const dir = await mkdtemp(join(tmpdir(), 'dl-generative-sampling-'));
    try {
      await saveModel(model, dir);
      const fromDirectory = await loadModel(dir);
      const layer = fromDirectory.getLayer('z');
      expect(layer).toBeInstanceOf(Sampling);
      expect((layer as Sampling).seed).toBe(8);
      // Each model's Sampling layer is on its first call: the same seeded eps, so identical z.
      const expected = model.predict(x) as tf.Tensor[];
      for (const loaded of [fromMemory, fromDirectory]) {
        const outputs = loaded.predict(x) as tf.Tensor[];
        outputs.forEach((output, i) => expectTensorsClose(output, expected[i]!, { rtol: 0, atol: 0 }));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Sampling arguments', () => {
  it('rejects misspelled or bad arguments with a ConfigError naming the field', () => {
    expect(catchConfigError(() => sampling({ seeds: 1 } as never)).message).toContain("'seed'");
    expect(catchConfigError(() => sampling({ seed: 'one' } as never)).path).toBe('seed');
    expect(catchConfigError(() => sampling({ seed: Number.NaN })).path).toBe('seed');
    expect(catchConfigError(() => sampling().apply([tf.zeros([1, 2]), tf.zeros([1, 2])], { traning: true })).path).toBe('traning');
  });

  it('rejects a wrong number of inputs or mismatched shapes with a ShapeError', () => {
    const mean = tf.input({ shape: [3] });
    const catchShape = (fn: () => unknown): ShapeError => {
      try {
        fn();
      } catch (error) {
        if (ShapeError.isInstance(error)) return error as ShapeError;
        throw error;
      }
      throw new Error('expected a ShapeError');
    };
    expect(catchShape(() => sampling().apply(mean)).message).toContain('two inputs');
    expect(catchShape(() => sampling().apply([mean, tf.input({ shape: [4] })])).message).toContain('logVar');
    expect(catchShape(() => sampling().apply([tf.zeros([2, 3]), tf.zeros([2, 4])])).message).toContain('logVar');
    expect(new Sampling().getConfig().seed).toBeNull();
  });
});
