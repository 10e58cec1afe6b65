import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError, useBackend } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createDcgan, type DcganOptions } from './dcgan.js';
import { discriminatorStep, generatorStep, type GanParts } from './dcgan-train.js';

afterAll(async () => {
  await useBackend('cpu');
});

/** A tiny DCGAN: 8x8x1 images, two generator stages from 2x2. */
const tiny: DcganOptions = { latentDim: 6, imageShape: [8, 8, 1], generatorFilters: [4, 3], discriminatorFilters: [4, 6], seed: 1 };

/** Real images in [-1, 1]: a bright square on a dark background, shifted per image. */
function squares(count: number): tf.Tensor4D {
  const data = new Float32Array(count * 64).fill(-1);
  for (let n = 0; n < count; n += 1) {
    const top = n % 4;
    const left = (n >> 2) % 4;
    for (let r = top; r < top + 4; r += 1) for (let c = left; c < left + 4; c += 1) data[n * 64 + r * 8 + c] = 0.8;
  }
  return tf.tensor4d(data, [count, 8, 8, 1]);
}

/** Every weight's values (trainable and not), by weight name. */
function snapshot(model: tf.LayersModel): Map<string, Float32Array> {
  return new Map(model.weights.map((weight) => [weight.originalName, weight.read().dataSync() as Float32Array]));
}

/** Names of the weights whose values differ between two snapshots. */
function changed(before: Map<string, Float32Array>, after: Map<string, Float32Array>): string[] {
  return [...before].filter(([name, values]) => values.some((value, i) => value !== after.get(name)![i])).map(([name]) => name);
}

describe('createDcgan', () => {
  it('makes exactly imageShape for 28x28x1, 32x32x3 and 64x64x3, and one logit per image', async () => {
    await useBackend('cpu');
    for (const [imageShape, generatorFilters] of [[[28, 28, 1], [8, 4]], [[32, 32, 3], [8, 4, 4]], [[64, 64, 3], [4, 4, 4, 2]]] as const) {
      const gan = createDcgan({ latentDim: 5, imageShape, generatorFilters, discriminatorFilters: [4, 4], seed: 2 });
      expect(gan.generator.outputs[0]!.shape).toEqual([null, ...imageShape]);
      expect(gan.discriminator.inputs[0]!.shape).toEqual([null, ...imageShape]);
      expect(gan.discriminator.outputs[0]!.shape).toEqual([null, 1]);
      const images = gan.sample(2, { seed: 1 });
      expect(images.shape).toEqual([2, ...imageShape]);
      const values = images.dataSync();
      expect(values.every((value) => value >= -1 && value <= 1)).toBe(true);
      const logits = gan.discriminator.predict(images) as tf.Tensor;
      expect(logits.shape).toEqual([2, 1]);
      tf.dispose([images, logits]);
      gan.dispose();
    }
  });

  it('has the documented default architecture for Fashion-MNIST', () => {
    const gan = createDcgan();
    const shapes = (model: tf.LayersModel, names: string[]) => names.map((name) => model.getLayer(name).outputShape);
    expect(gan.generator.inputs[0]!.shape).toEqual([null, 100]);
    expect(shapes(gan.generator, ['generator_reshape', 'generator_up1_relu', 'generator_up2_relu', 'generator_output'])).toEqual([
      [null, 7, 7, 128],
      [null, 14, 14, 64],
      [null, 28, 28, 32],
      [null, 28, 28, 1],
    ]);
    expect(gan.generator.getLayer('generator_output').getConfig().activation).toBe('tanh');
    expect(shapes(gan.discriminator, ['discriminator_conv1', 'discriminator_conv2', 'discriminator_logit'])).toEqual([[null, 14, 14, 64], [null, 7, 7, 128], [null, 1]]);
    expect(gan.discriminator.getLayer('discriminator_conv1_dropout').getConfig().rate).toBe(0.3);
    gan.dispose();
  });

  it('refuses an unreachable image size and misspelled or bad options with a ConfigError naming the field', () => {
    const size = catchConfigError(() => createDcgan({ imageShape: [30, 30, 1] }));
    expect(size.path).toBe('imageShape');
    expect(size.message).toMatch(/multiples of 4 \(2 stride-2 stages.*24, 28, 32, 36/u);
    expect(catchConfigError(() => createDcgan({ imageShape: [32, 32, 3], generatorFilters: [8, 8, 8, 8, 8, 8] })).message).toContain('multiples of 64');
    expect(catchConfigError(() => createDcgan({ latentDims: 10 } as never)).message).toContain('latentDim');
    expect(catchConfigError(() => createDcgan({ generatorFilter: [8] } as never)).message).toContain('generatorFilters');
    expect(catchConfigError(() => createDcgan({ generatorFilters: [] })).path).toBe('generatorFilters');
    expect(catchConfigError(() => createDcgan({ labelSmoothing: 1 })).path).toBe('labelSmoothing');
    expect(catchConfigError(() => createDcgan({ dropout: -0.1 })).path).toBe('dropout');
    expect(catchConfigError(() => createDcgan({ beta1: 1 })).path).toBe('beta1');
    expect(catchConfigError(() => createDcgan({ imageShape: [28, 28] } as never)).path).toMatch(/^imageShape/u);
  });

  it('refuses training images of the wrong shape or range, and bad train and sample options', async () => {
    await useBackend('cpu');
    const gan = createDcgan(tiny);
    const zeroToOne = tf.tidy(() => squares(4).add(1).div(2)) as tf.Tensor4D;
    const error = await gan.train(zeroToOne).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error) && error.path === 'images').toBe(true);
    expect((error as Error).message).toContain('mul(2).sub(1)');
    const outside = await gan.train(tf.fill([2, 8, 8, 1], 1.5) as tf.Tensor4D).catch((e: unknown) => e);
    expect((outside as ConfigError).expected).toContain('[-1, 1]');
    expect(await gan.train(tf.zeros([2, 8, 8, 3]) as tf.Tensor4D).catch((e: unknown) => e)).toBeInstanceOf(ShapeError);
    expect((await gan.train(squares(2), { epoch: 2 } as never).catch((e: unknown) => e) as ConfigError).message).toContain('epochs');
    expect(catchConfigError(() => gan.sample(0)).path).toBe('n');
    expect(catchConfigError(() => gan.sample(2, { sed: 1 } as never)).message).toContain('seed');
    tf.dispose(zeroToOne);
    gan.dispose();
  });

  it('gives the same weights for the same seed and the same samples for the same sample seed', async () => {
    await useBackend('cpu');
    const a = createDcgan(tiny);
    const b = createDcgan(tiny);
    [...a.generator.weights, ...a.discriminator.weights].forEach((weight, i) => expectTensorsClose(weight.read(), [...b.generator.weights, ...b.discriminator.weights][i]!.read(), { atol: 0, rtol: 0 }));
    expectTensorsClose(a.sample(3, { seed: 4 }), b.sample(3, { seed: 4 }), { atol: 0, rtol: 0 });
    const other = createDcgan({ ...tiny, seed: 2 });
    expect(changed(snapshot(a.generator), snapshot(other.generator)).length).toBeGreaterThan(0);
    [a, b, other].forEach((gan) => gan.dispose());
  });
});

describe.each(['cpu', 'wasm'] as const)('createDcgan training on %s', (backend) => {
  it('changes only the discriminator in the D step and only the generator in the G step', async () => {
    await useBackend(backend);
    const gan = createDcgan(tiny);
    const parts: GanParts = {
      generator: gan.generator,
      discriminator: gan.discriminator,
      generatorOptimizer: tf.train.adam(1e-2, 0.5),
      discriminatorOptimizer: tf.train.adam(1e-2, 0.5),
      latentDim: 6,
      labelSmoothing: 0.1,
    };
    const real = squares(8);
    const g0 = snapshot(gan.generator);
    const d0 = snapshot(gan.discriminator);
    const dLogs = discriminatorStep(parts, real);
    const g1 = snapshot(gan.generator);
    const d1 = snapshot(gan.discriminator);
    // D step: every discriminator weight moves (Adam's first step is about lr * sign(gradient));
    // the generator is untouched, BatchNorm moving statistics included.
    expect(changed(d0, d1).sort()).toEqual([...d0.keys()].sort());
    expect(changed(g0, g1)).toEqual([]);
    const gLoss = generatorStep(parts, 8);
    const g2 = snapshot(gan.generator);
    const d2 = snapshot(gan.discriminator);
    // G step: the discriminator is frozen; every generator weight moves, its moving statistics too
    // (a training-mode pass with batch statistics, as model.fit does).
    expect(changed(d1, d2)).toEqual([]);
    expect(changed(g1, g2).sort()).toEqual([...g1.keys()].sort());
    expect(gan.generator.nonTrainableWeights.map((weight) => weight.originalName).every((name) => /moving_(mean|variance)$/u.test(name))).toBe(true);
    for (const value of [dLogs.dLoss, dLogs.dReal, dLogs.dFake, gLoss]) expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    tf.dispose([real, dLogs.dLoss, dLogs.dReal, dLogs.dFake, gLoss]);
    parts.generatorOptimizer.dispose();
    parts.discriminatorOptimizer.dispose();
    gan.dispose();
  });

  it('trains a few steps inside trainLoop with finite per-epoch logs, callbacks, and no leaked tensors', async () => {
    await useBackend(backend);
    const gan = createDcgan(tiny);
    const real = squares(20);
    const batchEnds: number[] = [];
    // First run: creates Adam's moment variables (kept for later runs, so outside the leak check).
    const history = await gan.train(real, { epochs: 2, batchSize: 8, callbacks: { onBatchEnd: (batch: number) => void batchEnds.push(batch) } });
    expect(batchEnds).toEqual([0, 1, 2, 0, 1, 2]); // 20 images: batches of 8, 8 and 4
    expect(history.stopReason).toBe('completed');
    for (const name of ['dLoss', 'gLoss', 'dReal', 'dFake']) {
      const values = history.history[name] as number[];
      expect(values).toHaveLength(2);
      expect(values.every(Number.isFinite)).toBe(true);
    }
    expect((history.history.dReal as number[]).every((p) => p > 0 && p < 1)).toBe(true);
    await expectNoTensorLeaks(async () => {
      await gan.train(real, { epochs: 1, batchSize: 8 });
    });
    await expectNoTensorLeaks(() => {
      gan.sample(4, { seed: 1 }).dispose();
    });
    tf.dispose(real);
    gan.dispose();
  });

  it('repeats a seeded training run exactly', async () => {
    await useBackend(backend);
    const run = async (): Promise<Float32Array> => {
      const gan = createDcgan(tiny);
      const real = squares(16);
      await gan.train(real, { epochs: 1, batchSize: 8, seed: 3 });
      const images = gan.sample(2, { seed: 1 });
      const values = images.dataSync() as Float32Array;
      tf.dispose([real, images]);
      gan.dispose();
      return values;
    };
    expect(await run()).toEqual(await run());
  });

  it('saves and loads the generator with identical samples', async () => {
    await useBackend(backend);
    const gan = createDcgan(tiny);
    const real = squares(8);
    await gan.train(real, { epochs: 1, batchSize: 8 }); // BatchNorm moving statistics away from 0 and 1
    let artifacts: tf.io.ModelArtifacts | undefined;
    await gan.generator.save(tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    const z = tf.randomNormal([3, 6], 0, 1, 'float32', 5);
    expectTensorsClose(loaded.predict(z) as tf.Tensor, gan.generator.predict(z) as tf.Tensor, { atol: 0, rtol: 0 });
    tf.dispose([real, z]);
    loaded.dispose();
    gan.dispose();
  });
});
