import * as tf from '@tensorflow/tfjs';
import { fashionMnistFixtureDir } from '@dl/data/node';
import { fixtureImages } from './fixture-images.js';
import { createDcgan, type Dcgan, type DcganOptions } from '@dl/generative';
import { layerForwardFlops, pairOf, shapeOf, trainableParams } from './layer-flops.js';
import type { Workload, WorkloadSize } from './types.js';

/** The one options object of the DCGAN row (createDcgan's defaults otherwise); both sides derive from the models it builds. */
export const dcganOptions = { imageShape: [28, 28, 1], seed: 1 } as const satisfies DcganOptions;

/**
 * createDcgan's training settings, which the returned object does not expose: its documented
 * defaults (Adam 2e-4 with beta1 0.5 for both networks, beta2 0.999 and epsilon 1e-7 as tfjs's
 * float32 backend and Keras, one-sided label smoothing 0.1). They change the numbers, not the work.
 */
const dcganTraining = { learningRate: 2e-4, beta1: 0.5, beta2: 0.999, epsilon: 1e-7, labelSmoothing: 0.1 } as const;

/** A layer of a plain-chain network, in the terms PyTorch needs (shapes channels last, as tfjs). */
export type ChainLayer = { readonly name: string; readonly inputShape: number[]; readonly outputShape: number[] } & (
  | { readonly type: 'dense'; readonly units: number; readonly useBias: boolean; readonly activation: string; readonly initializer: InitializerSpec }
  | {
      readonly type: 'conv2d' | 'conv2dTranspose';
      readonly filters: number;
      readonly kernelSize: [number, number];
      readonly strides: [number, number];
      readonly padding: 'same' | 'valid';
      readonly useBias: boolean;
      readonly activation: string;
      readonly initializer: InitializerSpec;
    }
  | { readonly type: 'batchNorm'; readonly epsilon: number; readonly momentum: number }
  | { readonly type: 'activation'; readonly activation: string; readonly alpha?: number }
  | { readonly type: 'reshape' }
  | { readonly type: 'flatten' }
  | { readonly type: 'dropout'; readonly rate: number }
);

/** A kernel initializer: its class and, for a normal one, its mean and standard deviation. */
export interface InitializerSpec {
  readonly className: string;
  readonly mean?: number;
  readonly stddev?: number;
}

/** One network of the GAN as data: what `python/torch_bench.py` turns into an `nn.Sequential`. */
export interface ChainNetwork {
  readonly inputShape: number[];
  readonly layers: ChainLayer[];
  readonly trainableParams: number;
  readonly forwardFlopsPerImage: number;
}

/** Both networks and the training settings: the PyTorch twin's recipe. */
export interface DcganNetwork {
  readonly latentDim: number;
  readonly generator: ChainNetwork;
  readonly discriminator: ChainNetwork;
  readonly training: typeof dcganTraining;
  /**
   * FLOPs of one epoch per real image: `4·G + 8·D` forward FLOPs (see {@link dcganWorkload}).
   */
  readonly trainFlopsPerImage: number;
}

const initializerOf = (value: unknown): InitializerSpec => {
  const { className, config } = (value ?? {}) as { className?: string; config?: { mean?: number; stddev?: number } };
  return { className: className ?? '', mean: config?.mean, stddev: config?.stddev };
};

/**
 * Reads a built tfjs model back as a chain of layers (order, sizes, BN constants, LeakyReLU's
 * slope, dropout rates, initializers) with its trainable parameter count and forward FLOPs per
 * image. A model that is not a plain chain, or a layer this list cannot describe, throws: the
 * PyTorch twin never silently differs.
 */
export function describeChain(model: tf.LayersModel, what: string): ChainNetwork {
  const layers: ChainLayer[] = [];
  let flops = 0;
  let previous: tf.layers.Layer | undefined;
  for (const layer of model.layers) {
    const inbound = layer.inboundNodes.flatMap((node) => node.inboundLayers);
    if (inbound.length !== (previous === undefined ? 0 : 1) || (previous !== undefined && inbound[0] !== previous)) {
      throw new Error(`dcgan workload: ${what} layer ${layer.name} is not fed by the layer before it; only a plain chain has an nn.Sequential twin`);
    }
    const feeder = previous;
    previous = layer;
    const className = layer.getClassName();
    if (feeder === undefined) {
      if (className !== 'InputLayer') throw new Error(`dcgan workload: the ${what} starts with ${className}, not an InputLayer`);
      continue;
    }
    flops += layerForwardFlops(layer);
    const config = layer.getConfig();
    const base = { name: layer.name, inputShape: shapeOf(feeder.outputShape), outputShape: shapeOf(layer.outputShape) };
    switch (className) {
      case 'Dense':
        layers.push({ ...base, type: 'dense', units: Number(config.units), useBias: Boolean(config.useBias), activation: String(config.activation), initializer: initializerOf(config.kernelInitializer) });
        break;
      case 'Conv2D':
      case 'Conv2DTranspose':
        if (pairOf(config.dilationRate ?? 1).join() !== '1,1') throw new Error(`dcgan workload: ${layer.name}: a dilated convolution has no twin here`);
        layers.push({
          ...base,
          type: className === 'Conv2D' ? 'conv2d' : 'conv2dTranspose',
          filters: Number(config.filters),
          kernelSize: pairOf(config.kernelSize),
          strides: pairOf(config.strides),
          padding: config.padding as 'same' | 'valid',
          useBias: Boolean(config.useBias),
          activation: String(config.activation),
          initializer: initializerOf(config.kernelInitializer),
        });
        break;
      case 'BatchNormalization':
        if (config.center === false || config.scale === false || ![-1, base.inputShape.length].includes(Number(config.axis))) {
          throw new Error(`dcgan workload: ${layer.name}: only batch norm over the last axis with center and scale has a twin here`);
        }
        layers.push({ ...base, type: 'batchNorm', epsilon: Number(config.epsilon), momentum: Number(config.momentum) });
        break;
      case 'ReLU':
        if (config.maxValue != null) throw new Error(`dcgan workload: ${layer.name}: a capped ReLU has no twin here`);
        layers.push({ ...base, type: 'activation', activation: 'relu' });
        break;
      case 'LeakyReLU':
        layers.push({ ...base, type: 'activation', activation: 'leakyRelu', alpha: Number(config.alpha) });
        break;
      case 'Activation':
        layers.push({ ...base, type: 'activation', activation: String(config.activation) });
        break;
      case 'Reshape':
        layers.push({ ...base, type: 'reshape' });
        break;
      case 'Flatten':
        layers.push({ ...base, type: 'flatten' });
        break;
      case 'Dropout':
        if (config.noiseShape != null) throw new Error(`dcgan workload: ${layer.name}: dropout with a noise shape has no twin here`);
        layers.push({ ...base, type: 'dropout', rate: Number(config.rate) });
        break;
      default:
        throw new Error(`dcgan workload: no PyTorch twin for ${className} (${layer.name}); teach describeChain and python/torch_bench.py about it`);
    }
  }
  return { inputShape: shapeOf(model.inputs[0]!.shape), layers, trainableParams: trainableParams(model), forwardFlopsPerImage: flops };
}

/** Both networks of a built DCGAN described by {@link describeChain}, with the epoch's FLOPs per image. */
export function describeDcgan(gan: Dcgan): DcganNetwork {
  const generator = describeChain(gan.generator, 'generator');
  const discriminator = describeChain(gan.discriminator, 'discriminator');
  return {
    latentDim: generator.inputShape[0]!,
    generator,
    discriminator,
    training: dcganTraining,
    trainFlopsPerImage: 4 * generator.forwardFlopsPerImage + 8 * discriminator.forwardFlopsPerImage,
  };
}

/** `createDcgan(dcganOptions)` described by {@link describeDcgan}. */
export function dcganNetwork(): DcganNetwork {
  const gan = createDcgan(dcganOptions);
  try {
    return describeDcgan(gan);
  } finally {
    gan.dispose();
  }
}

/** What `python/torch_bench.py` needs to build the twin and read the same images. */
export function dcganTorchArguments(): { network: DcganNetwork; dataDir: string; split: 'train' } {
  return { network: dcganNetwork(), dataDir: fashionMnistFixtureDir, split: 'train' };
}

/**
 * One epoch of `createDcgan({ imageShape: [28, 28, 1], seed: 1 })` (its defaults: latent 100,
 * generator 7×7×128 → 64 → 32 → 1, discriminator 64 → 128 → 1 logit, Adam 2e-4 / 0.5, label
 * smoothing 0.1) through its own `train` (@dl/core's trainLoop), on the first `samples` images of
 * the committed Fashion-MNIST training subset scaled to [-1, 1], batch 64, no shuffling. The
 * images load during the untimed warm-up run. One unit = one epoch; the returned loss is the
 * epoch's mean discriminator loss.
 *
 * FLOPs per real image, with G and D the forward FLOPs of one image through each network and a
 * backward pass ≈ 2 forwards (input and weight gradients): the D step runs G forward once without
 * a backward pass (G) and D forward and backward on a real and a generated image (2 × 3D); the
 * G step runs G and D forward, D backward for its input gradients only (D frozen: 1 forward's
 * worth) and G backward (2G): 3G + 2D. Total 4G + 8D.
 */
export function dcganWorkload({ samples }: WorkloadSize): Workload {
  const gan = createDcgan(dcganOptions);
  const { trainFlopsPerImage, generator, discriminator } = describeDcgan(gan);
  const data = fixtureImages('dcgan', samples).then(({ x: pixels }) => {
    const x = tf.tidy(() => pixels.mul(2).sub(1) as tf.Tensor4D); // the generator's tanh range
    pixels.dispose();
    return x;
  });
  let x: tf.Tensor4D | undefined;
  return {
    unit: `epoch (${samples} images, G ${(generator.forwardFlopsPerImage / 1e6).toFixed(1)} + D ${(discriminator.forwardFlopsPerImage / 1e6).toFixed(1)} MFLOP/image forward)`,
    samplesPerUnit: samples,
    flopsPerUnit: trainFlopsPerImage * samples,
    async run() {
      x ??= await data;
      const history = await gan.train(x, { epochs: 1, batchSize: 64, shuffle: false });
      return history.history.dLoss![0] as number;
    },
    dispose: () => {
      x?.dispose();
      gan.dispose();
    },
  };
}
