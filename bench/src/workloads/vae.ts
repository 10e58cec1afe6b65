import * as tf from '@tensorflow/tfjs';
import { fashionMnistFixtureDir } from '@dl/data/node';
import { fixtureImages } from './fixture-images.js';
import { createVae, type Vae, type VaeOptions } from '@dl/generative';
import { modelForwardFlops, shapeOf, trainableParams } from './layer-flops.js';
import type { Workload, WorkloadSize } from './types.js';

/** The one options object of the VAE row (createVae's defaults otherwise); both sides derive from the model it builds. */
export const vaeOptions = { latentDim: 16, imageShape: [28, 28, 1], seed: 1 } as const satisfies VaeOptions;

/**
 * createVae's training settings, which the returned object does not expose: its documented
 * defaults (`learningRate` 1e-3, `beta` 1; tfjs's Adam with betas 0.9/0.999 and epsilon 1e-7, the
 * backend's, as Keras). They change the numbers, not the work of a step.
 */
const vaeTraining = { learningRate: 1e-3, beta: 1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/**
 * The built VAE as the arguments of `Vae(...)` in `python/vae_fashion.py` (the PyTorch twin the
 * VAE's author checked layer for layer), read back off the tfjs models, with what the twin must
 * match: its trainable parameter count and the forward FLOPs of one image (encoder + decoder).
 */
export interface VaeNetwork {
  readonly latentDim: number;
  readonly imageShape: [number, number, number];
  readonly encoderFilters: number[];
  readonly decoderFilters: number[];
  readonly hiddenUnits: number;
  readonly training: typeof vaeTraining;
  readonly trainableParams: number;
  readonly forwardFlopsPerImage: number;
}

/**
 * Reads the architecture off a built VAE. The twin is `vae_fashion.Vae`, whose layers are fixed
 * (4×4 stride-2 'same' convolutions and transposed convolutions with ReLU and bias, a final 4×4
 * stride-1 'same' transposed convolution, dense ReLU layers, no batch norm): anything else in the
 * tfjs models throws here instead of timing a different network.
 */
export function describeVae(vae: Vae): VaeNetwork {
  const fail = (message: string): never => {
    throw new Error(`vae workload: ${message}; python/vae_fashion.py's Vae has no twin for it`);
  };
  const encoderFilters: number[] = [];
  const decoderFilters: number[] = [];
  let hiddenUnits = 0;
  let decoderHidden = 0;
  let latentDim = 0;
  let output: tf.layers.Layer | undefined;
  const checkConv = (layer: tf.layers.Layer, strides: number, activation: string): void => {
    const config = layer.getConfig();
    const pair = (value: unknown): string => (Array.isArray(value) ? value.join() : `${String(value)},${String(value)}`);
    if (pair(config.kernelSize) !== '4,4' || pair(config.strides) !== `${strides},${strides}` || config.padding !== 'same' || config.useBias !== true || config.activation !== activation) {
      fail(`${layer.name} is not a 4x4 stride-${strides} 'same' convolution with bias and ${activation}`);
    }
  };
  for (const layer of [...vae.encoder.layers, ...vae.decoder.layers]) {
    const className = layer.getClassName();
    const config = layer.getConfig();
    if (/^encoder_conv\d+$/.test(layer.name) && className === 'Conv2D') {
      checkConv(layer, 2, 'relu');
      encoderFilters.push(Number(config.filters));
    } else if (/^decoder_up\d+$/.test(layer.name) && className === 'Conv2DTranspose') {
      checkConv(layer, 2, 'linear');
      decoderFilters.push(Number(config.filters));
    } else if (layer.name === 'decoder_output' && className === 'Conv2DTranspose') {
      checkConv(layer, 1, 'linear');
      output = layer;
    } else if (layer.name === 'encoder_hidden' || layer.name === 'decoder_hidden') {
      if (className !== 'Dense' || config.activation !== 'relu') fail(`${layer.name} is not a dense ReLU layer`);
      if (layer.name === 'encoder_hidden') hiddenUnits = Number(config.units);
      else decoderHidden = Number(config.units);
    } else if (layer.name === 'mean') {
      latentDim = Number(config.units);
    } else if (className === 'BatchNormalization') {
      fail(`${layer.name} is a batch norm`);
    }
  }
  if (hiddenUnits === 0 || decoderHidden !== hiddenUnits) fail(`hidden units ${hiddenUnits} (encoder) and ${decoderHidden} (decoder)`);
  if (output === undefined) fail('the decoder has no decoder_output layer');
  const imageShape = shapeOf(vae.encoder.inputs[0]!.shape) as [number, number, number];
  if (shapeOf(vae.decoder.outputs[0]!.shape).join() !== imageShape.join()) fail('the decoder does not give the encoder input shape');
  return {
    latentDim,
    imageShape,
    encoderFilters,
    decoderFilters,
    hiddenUnits,
    training: vaeTraining,
    // The variables `train` updates: the encoder's and the decoder's.
    trainableParams: trainableParams(vae.encoder, vae.decoder),
    forwardFlopsPerImage: modelForwardFlops(vae.encoder) + modelForwardFlops(vae.decoder),
  };
}

/** `createVae(vaeOptions)` described by {@link describeVae}. */
export function vaeNetwork(): VaeNetwork {
  const vae = createVae(vaeOptions);
  try {
    return describeVae(vae);
  } finally {
    vae.dispose();
  }
}

/** What `python/torch_bench.py` needs to build the twin and read the same images. */
export function vaeTorchArguments(): { network: VaeNetwork; dataDir: string; split: 'train' } {
  return { network: vaeNetwork(), dataDir: fashionMnistFixtureDir, split: 'train' };
}

/**
 * One epoch of `createVae({ latentDim: 16, imageShape: [28, 28, 1], seed: 1 })` (its defaults:
 * conv 32-64, dense 128, Adam 1e-3, β 1) through its own `train` (@dl/core's trainLoop), on the
 * first `samples` images of the committed Fashion-MNIST training subset in [0, 1], batch 64, no
 * shuffling. The images load during the untimed warm-up run. One unit = one epoch; FLOPs per
 * unit ≈ 3 × forward (encoder + decoder; the backward pass ≈ twice the forward).
 */
export function vaeWorkload({ samples }: WorkloadSize): Workload {
  const vae = createVae(vaeOptions);
  const { forwardFlopsPerImage } = describeVae(vae);
  const data = fixtureImages('vae', samples).then(({ x }) => x);
  let x: tf.Tensor4D | undefined;
  return {
    unit: `epoch (${samples} images, ${(forwardFlopsPerImage / 1e6).toFixed(1)} MFLOP/image forward)`,
    samplesPerUnit: samples,
    flopsPerUnit: 3 * forwardFlopsPerImage * samples,
    async run() {
      x ??= await data;
      const history = await vae.train(x, { epochs: 1, batchSize: 64, shuffle: false });
      return history.history.loss![0] as number;
    },
    dispose: () => {
      x?.dispose();
      vae.dispose();
    },
  };
}
