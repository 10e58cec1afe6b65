import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createSeededRandom, ShapeError, useBackend } from '@dl/core';
import { loadModel, saveModel } from '@dl/core/node';
import { catchConfigError, expectNoTensorLeaks, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { Sampling } from '../layers/sampling.js';
import { createVae, type VaeOptions } from './vae.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** 12x12 grey images in [0, 1]: a bright bar (horizontal or vertical, at a random place) on a dim background. */
function barImages(count: number, seed: number): tf.Tensor4D {
  const random = createSeededRandom(seed);
  const size = 12;
  const pixels = new Float32Array(count * size * size);
  for (let n = 0; n < count; n += 1) {
    const vertical = n % 2 === 0;
    const at = 2 + random.nextInt(size - 4);
    for (let i = 0; i < size; i += 1) for (let j = 0; j < size; j += 1) {
      const on = vertical ? Math.abs(j - at) <= 1 : Math.abs(i - at) <= 1;
      pixels[n * size * size + i * size + j] = on ? 0.9 : 0.05 + 0.05 * random.next();
    }
  }
  return tf.tensor4d(pixels, [count, size, size, 1]);
}

const tiny: VaeOptions = { latentDim: 3, imageShape: [12, 12, 1], encoderFilters: [4, 8], hiddenUnits: 16, seed: 1 };

describe('createVae architecture', () => {
  it('decodes to exactly imageShape and encodes to latentDim for 28x28x1, 32x32x3 and 64x64x3', () => {
    const cases: { options: VaeOptions; base: [number, number, number] }[] = [
      { options: { latentDim: 2, imageShape: [28, 28, 1] }, base: [7, 7, 64] },
      { options: { latentDim: 8, imageShape: [32, 32, 3], encoderFilters: [8, 16, 32] }, base: [4, 4, 32] },
      { options: { latentDim: 16, imageShape: [64, 64, 3], encoderFilters: [4, 8, 8, 16], decoderFilters: [16, 8, 8, 4], hiddenUnits: 0 }, base: [4, 4, 16] },
    ];
    for (const { options, base } of cases) {
      const vae = createVae({ ...options, seed: 2 });
      const [h, w, c] = options.imageShape;
      expect(vae.decoder.outputs[0]!.shape).toEqual([null, h, w, c]);
      expect(vae.encoder.outputs.map((output) => output.shape)).toEqual([[null, options.latentDim], [null, options.latentDim], [null, options.latentDim]]);
      // The encoder's last feature map is the decoder's starting point: the decoder mirrors it.
      const stages = (options.encoderFilters ?? [32, 64]).length;
      expect(vae.encoder.getLayer(`encoder_conv${stages}`).outputShape).toEqual([null, ...base]);
      expect(vae.decoder.getLayer('decoder_reshape').outputShape).toEqual([null, ...base]);
      expect(vae.encoder.getLayer('z')).toBeInstanceOf(Sampling);
      const images = tf.fill([2, h, w, c], 0.5) as tf.Tensor4D;
      const reconstruction = vae.reconstruct(images);
      expect(reconstruction.shape).toEqual([2, h, w, c]);
      const values = reconstruction.dataSync();
      expect(Math.min(...values)).toBeGreaterThan(0);
      expect(Math.max(...values)).toBeLessThan(1);
      tf.dispose([images, reconstruction]);
      vae.dispose();
    }
  });

  it('refuses unreachable image sizes and bad or misspelled options with a ConfigError naming the field', () => {
    const unreachable = catchConfigError(() => createVae({ latentDim: 2, imageShape: [30, 30, 1] }));
    expect(unreachable.path).toBe('imageShape');
    expect(unreachable.message).toMatch(/28.*32/u);
    expect(catchConfigError(() => createVae({ latentDim: 2, imageShape: [28, 28, 1], encoderFilters: [8, 16, 32] })).path).toBe('imageShape');
    expect(catchConfigError(() => createVae({ latentDims: 2, imageShape: [28, 28, 1] } as never)).message).toContain("'latentDim'");
    expect(catchConfigError(() => createVae({ latentDim: 2, imageShape: [28, 28, 1], encoderFilter: [8] } as never)).message).toContain("'encoderFilters'");
    expect(catchConfigError(() => createVae({ latentDim: 0, imageShape: [28, 28, 1] })).path).toBe('latentDim');
    expect(catchConfigError(() => createVae({ latentDim: 2, imageShape: [28, 28] } as never)).path).toMatch(/^imageShape/u);
    expect(catchConfigError(() => createVae({ latentDim: 2, imageShape: [28, 28, 1], decoderFilters: [64, 32, 16] })).path).toBe('decoderFilters');
    expect(catchConfigError(() => createVae({ latentDim: 2, imageShape: [28, 28, 1], encoderFilters: [] })).path).toBe('encoderFilters');
    expect(catchConfigError(() => createVae({ latentDim: 2, imageShape: [28, 28, 1], beta: -1 })).path).toBe('beta');
    expect(catchConfigError(() => createVae({ latentDim: 2, imageShape: [28, 28, 1], learningRate: 0 })).path).toBe('learningRate');
  });

  it('rejects bad calls: wrong image shape (ShapeError), pixels outside [0, 1], misspelled call options (ConfigError)', async () => {
    const vae = createVae(tiny);
    const wrong = tf.zeros([2, 12, 12, 3]) as tf.Tensor4D;
    expect(() => vae.encode(wrong)).toThrow(ShapeError);
    expect(() => vae.decode(tf.zeros([2, 4]) as tf.Tensor2D)).toThrow(/latentDim/u);
    const bright = tf.fill([2, 12, 12, 1], 255) as tf.Tensor4D;
    await expect(vae.evaluate(bright)).rejects.toThrow(/\[0, 1\]/u);
    await expect(vae.train(bright)).rejects.toThrow(/\[0, 1\]/u);
    const images = barImages(2, 1);
    await expect(vae.train(images, { epoch: 1 } as never)).rejects.toThrow(/'epochs'/u);
    await expect(vae.evaluate(images, { seeds: 1 } as never)).rejects.toThrow(/'seed'/u);
    expect(catchConfigError(() => vae.sample(0)).path).toBe('n');
    expect(catchConfigError(() => vae.reconstruct(images, { sampled: true } as never)).message).toContain("'sample'");
    expect(catchConfigError(() => vae.interpolate(images, images)).path).toBe('from');
    vae.dispose();
  });

  it('gives the same initial weights for the same seed', () => {
    const a = createVae(tiny);
    const b = createVae(tiny);
    for (const [x, y] of [[a.encoder, b.encoder], [a.decoder, b.decoder]] as const) {
      x.getWeights().forEach((weight, i) => expectTensorsClose(weight, y.getWeights()[i]!, { atol: 0, rtol: 0 }));
    }
    a.dispose();
    b.dispose();
  });
  it('trains to identical weights from the same seeds (initializers, Sampling noise and shuffles)', async () => {
    const images = barImages(16, 7);
    const run = async () => {
      const vae = createVae(tiny);
      await vae.train(images, { epochs: 1, batchSize: 8, seed: 3 });
      return vae;
    };
    const [a, b] = [await run(), await run()];
    a.encoder.getWeights().forEach((weight, i) => expectTensorsClose(weight, b.encoder.getWeights()[i]!, { atol: 0, rtol: 0 }));
    a.decoder.getWeights().forEach((weight, i) => expectTensorsClose(weight, b.decoder.getWeights()[i]!, { atol: 0, rtol: 0 }));
    images.dispose();
    a.dispose();
    b.dispose();
  });
});

describe('createVae evaluate', () => {
  it('equals a float64 recomputation from the model\'s own mean, logVar and reconstruction, whatever the batch size', async () => {
    const vae = createVae(tiny);
    const images = barImages(6, 2);
    const seed = 5;
    const result = await vae.evaluate(images, { seed, batchSize: 4 });
    const { mean, logVar } = vae.encode(images);
    // reconstruct({ sample: true, seed }) decodes the same latent sample as evaluate({ seed }).
    const reconstruction = vae.reconstruct(images, { sample: true, seed });
    const x = images.dataSync();
    const p = reconstruction.dataSync();
    const mu = mean.arraySync();
    const lv = logVar.arraySync();
    const pixels = 12 * 12;
    let bce = 0;
    let kl = 0;
    for (let n = 0; n < 6; n += 1) {
      for (let k = 0; k < pixels; k += 1) {
        const target = x[n * pixels + k]!;
        const probability = p[n * pixels + k]!;
        bce -= target * Math.log(probability) + (1 - target) * Math.log(1 - probability);
      }
      for (let j = 0; j < 3; j += 1) kl += 0.5 * (Math.exp(lv[n]![j]!) + mu[n]![j]! ** 2 - 1 - lv[n]![j]!);
    }
    expect(result.images).toBe(6);
    expect(result.reconstruction).toBeCloseTo(bce / 6, 2);
    expect(Math.abs(result.reconstruction - bce / 6) / (bce / 6)).toBeLessThan(1e-5);
    expect(Math.abs(result.kl - kl / 6)).toBeLessThan(1e-5 * Math.max(1, kl / 6));
    expect(result.negativeElbo).toBeCloseTo(result.reconstruction + result.kl, 10);
    // Deterministic for a seed, independent of the batch size; another seed draws another eps.
    const again = await vae.evaluate(images, { seed, batchSize: 256 });
    expect(Math.abs(again.negativeElbo - result.negativeElbo)).toBeLessThan(1e-4);
    expect(again.kl).toBeCloseTo(result.kl, 5);
    const other = await vae.evaluate(images, { seed: seed + 1 });
    expect(other.reconstruction).not.toBe(result.reconstruction);
    expect(other.kl).toBeCloseTo(result.kl, 5);
    tf.dispose([images, mean, logVar, reconstruction]);
    vae.dispose();
  });
});

describe.each(['cpu', 'wasm'] as const)('createVae on %s', (backend) => {
  it('trains (the loss falls; logs loss = reconstruction + beta * kl) without leaking tensors', async () => {
    await useBackend(backend);
    const beta = 0.5;
    const vae = createVae({ ...tiny, beta, learningRate: 5e-3 });
    const images = barImages(64, 3);
    const held = barImages(16, 4);
    const before = await vae.evaluate(held);
    const first = await vae.train(images, { epochs: 1, batchSize: 8, seed: 1 });
    // Later epochs allocate nothing that outlives them (Adam's slots exist after the first).
    const history = await expectNoTensorLeaks(() => vae.train(images, { epochs: 12, batchSize: 8, seed: 2, validationImages: held }));
    const losses = [...(first.history.loss as number[]), ...(history.history.loss as number[])];
    expect(losses.at(-1)!).toBeLessThan(0.8 * losses[0]!);
    history.history.loss!.forEach((loss, epoch) => {
      const expected = (history.history.reconstruction![epoch] as number) + beta * (history.history.kl![epoch] as number);
      expect(Math.abs((loss as number) - expected)).toBeLessThan(1e-3 * Math.abs(expected));
    });
    expect(history.history.val_negative_elbo).toHaveLength(12);
    const after = await vae.evaluate(held);
    expect(after.negativeElbo).toBeLessThan(before.negativeElbo);
    expect(history.history.val_negative_elbo!.at(-1)).toBeCloseTo(after.negativeElbo, 3);

    await expectNoTensorLeaks(async () => {
      const { mean, logVar } = vae.encode(held);
      tf.dispose([mean, logVar, vae.decode(mean), vae.sample(3, { seed: 1 }), vae.reconstruct(held), vae.reconstruct(held, { sample: true })]);
      tf.tidy(() => vae.interpolate(held.slice([0], [1]).squeeze([0]), held.slice([1], [1]), 5)).dispose();
      await vae.evaluate(held, { batchSize: 5 });
    });
    tf.dispose([images, held]);
    await expectNoTensorLeaks(() => createVae(tiny).dispose());
    vae.dispose();
  });

  it('saves and loads encoder (with its Sampling layer) and decoder with identical outputs', async () => {
    await useBackend(backend);
    const vae = createVae(tiny);
    const images = barImages(8, 5);
    await vae.train(images, { epochs: 1, batchSize: 8, seed: 1 });
    const dir = await mkdtemp(join(tmpdir(), 'dl-generative-vae-'));
    try {
      await saveModel(vae.encoder, join(dir, 'encoder'));
      await saveModel(vae.decoder, join(dir, 'decoder'));
      const encoder = await loadModel(join(dir, 'encoder'));
      const again = await loadModel(join(dir, 'encoder'));
      const decoder = await loadModel(join(dir, 'decoder'));
      expect(encoder.getLayer('z')).toBeInstanceOf(Sampling);
      const [mean, logVar, z] = vae.encoder.predict(images) as tf.Tensor[];
      const [loadedMean, loadedLogVar, loadedZ] = encoder.predict(images) as tf.Tensor[];
      expectTensorsClose(loadedMean!, mean!, { atol: 0, rtol: 0 });
      expectTensorsClose(loadedLogVar!, logVar!, { atol: 0, rtol: 0 });
      // A loaded Sampling layer restarts its seeded stream: two loads draw the same z.
      expectTensorsClose((again.predict(images) as tf.Tensor[])[2]!, loadedZ!, { atol: 0, rtol: 0 });
      expect(z!.shape).toEqual(loadedZ!.shape);
      expectTensorsClose(decoder.predict(mean!) as tf.Tensor, vae.decode(mean as tf.Tensor2D), { atol: 0, rtol: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    vae.dispose();
  });
});

describe('createVae sampling and interpolation', () => {
  it('samples reproducibly for a seed and interpolates between the latent means of two images', () => {
    const vae = createVae(tiny);
    expectTensorsClose(vae.sample(4, { seed: 9 }), vae.sample(4, { seed: 9 }), { atol: 0, rtol: 0 });
    const images = barImages(2, 6);
    const path = vae.interpolate(images.slice([0], [1]), images.slice([1], [1]).squeeze([0]), 4);
    expect(path.shape).toEqual([4, 12, 12, 1]);
    const { mean } = vae.encode(images);
    const ends = vae.decode(mean);
    expectTensorsClose(path.slice([0], [1]), ends.slice([0], [1]), { atol: 1e-6, rtol: 1e-5 });
    expectTensorsClose(path.slice([3], [1]), ends.slice([1], [1]), { atol: 1e-6, rtol: 1e-5 });
    // The midpoints decode the points 1/3 and 2/3 of the way.
    const m = mean.arraySync();
    const third = tf.tensor2d([m[0]!.map((a, j) => a + (m[1]![j]! - a) / 3)]);
    expectTensorsClose(path.slice([1], [1]), vae.decode(third), { atol: 1e-5, rtol: 1e-4 });
    vae.dispose();
  });
});
