import * as tf from '@tensorflow/tfjs';
import { createConvClassifier, type ConvClassifierOptions } from '@dl/conv';
import { withSeededRandom } from '@dl/core';
import { fashionMnistFixtureDir } from '@dl/data/node';
import { fixtureImages } from './fixture-images.js';
import { modelForwardFlops, pairOf, shapeOf, trainableParams } from './layer-flops.js';
import type { Workload, WorkloadSize } from './types.js';

/**
 * The one options object of the Fashion-MNIST row: the tfjs model and its PyTorch twin are both
 * derived from it, so a change of @dl/conv's defaults changes both sides of the comparison.
 */
export const fashionOptions = { inputShape: [28, 28, 1], numClasses: 10, seed: 1 } as const satisfies ConvClassifierOptions;

/** A layer of {@link FashionNetwork}, in the terms PyTorch needs (shapes channels last, as tfjs). */
export type NetworkLayer = { readonly name: string; readonly inputShape: number[]; readonly outputShape: number[] } & (
  | {
      readonly type: 'conv2d';
      readonly filters: number;
      readonly kernelSize: [number, number];
      readonly strides: [number, number];
      readonly dilation: [number, number];
      readonly padding: 'same' | 'valid';
      readonly useBias: boolean;
      readonly activation: string;
      readonly initializer: KernelInitializer;
    }
  | { readonly type: 'batchNorm'; readonly epsilon: number; readonly momentum: number }
  | { readonly type: 'activation'; readonly activation: string }
  | { readonly type: 'maxPool'; readonly poolSize: [number, number]; readonly strides: [number, number]; readonly padding: 'same' | 'valid' }
  | { readonly type: 'dropout'; readonly rate: number }
  | { readonly type: 'flatten' }
  | { readonly type: 'dense'; readonly units: number; readonly useBias: boolean; readonly activation: string; readonly initializer: KernelInitializer }
);

/** A kernel initializer: its class and, for variance scaling (He, Glorot), its parameters. */
export interface KernelInitializer {
  readonly className: string;
  readonly scale?: number;
  readonly mode?: string;
  readonly distribution?: string;
}

/** The built classifier as data: what `python/torch_bench.py` turns into an `nn.Sequential`. */
export interface FashionNetwork {
  readonly inputShape: number[];
  readonly layers: NetworkLayer[];
  readonly loss: string;
  /** tfjs's Adam: `epsilon` is the backend's (1e-7 for float32), as Keras. */
  readonly optimizer: { readonly name: 'adam'; readonly learningRate: number; readonly beta1: number; readonly beta2: number; readonly epsilon: number };
  /** Trainable parameters of the tfjs model (the twin must have as many). */
  readonly trainableParams: number;
  /** Forward FLOPs of one image (2 per multiply-add of the convolutions and dense layers; the rest is elementwise). */
  readonly forwardFlopsPerImage: number;
}

const initializerOf = (value: unknown): KernelInitializer => {
  const { className, config } = (value ?? {}) as { className?: string; config?: { scale?: number; mode?: string; distribution?: string } };
  return { className: className ?? '', scale: config?.scale, mode: config?.mode, distribution: config?.distribution };
};

/**
 * Reads a built tfjs model back as a list of layers (order, sizes, rates, BN constants, the
 * optimizer and loss it was compiled with) and counts its forward FLOPs per image
 * (`modelForwardFlops`, which cross-checks each conv against @dl/conv's `convFlops`); a layer this list cannot describe, or a
 * model that is not a plain chain, throws, so the PyTorch twin never silently differs.
 */
export function describeNetwork(model: tf.LayersModel): FashionNetwork {
  const layers: NetworkLayer[] = [];
  let previous: tf.layers.Layer | undefined;
  for (const layer of model.layers) {
    const inbound = layer.inboundNodes.flatMap((node) => node.inboundLayers);
    if (inbound.length !== (previous === undefined ? 0 : 1) || (previous !== undefined && inbound[0] !== previous)) {
      throw new Error(`fashion workload: layer ${layer.name} is not fed by the layer before it; only a plain chain has an nn.Sequential twin`);
    }
    const feeder = previous;
    previous = layer;
    const className = layer.getClassName();
    if (feeder === undefined) {
      if (className !== 'InputLayer') throw new Error(`fashion workload: the model starts with ${className}, not an InputLayer`);
      continue;
    }
    const config = layer.getConfig();
    const base = { name: layer.name, inputShape: shapeOf(feeder.outputShape), outputShape: shapeOf(layer.outputShape) };
    switch (className) {
      case 'Conv2D': {
        const spec = {
          ...base,
          type: 'conv2d' as const,
          filters: Number(config.filters),
          kernelSize: pairOf(config.kernelSize),
          strides: pairOf(config.strides),
          dilation: pairOf(config.dilationRate),
          padding: config.padding as 'same' | 'valid',
          useBias: Boolean(config.useBias),
          activation: String(config.activation),
          initializer: initializerOf(config.kernelInitializer),
        };
        layers.push(spec);
        break;
      }
      case 'BatchNormalization':
        if (config.center === false || config.scale === false || ![-1, 3].includes(Number(config.axis))) {
          throw new Error(`fashion workload: ${layer.name}: only batch norm over channels with center and scale has a twin here`);
        }
        layers.push({ ...base, type: 'batchNorm', epsilon: Number(config.epsilon), momentum: Number(config.momentum) });
        break;
      case 'Activation':
        layers.push({ ...base, type: 'activation', activation: String(config.activation) });
        break;
      case 'MaxPooling2D':
        layers.push({ ...base, type: 'maxPool', poolSize: pairOf(config.poolSize), strides: pairOf(config.strides ?? config.poolSize), padding: config.padding as 'same' | 'valid' });
        break;
      case 'Dropout':
        if (config.noiseShape != null) throw new Error(`fashion workload: ${layer.name}: dropout with a noise shape has no twin here`);
        layers.push({ ...base, type: 'dropout', rate: Number(config.rate) });
        break;
      case 'Flatten':
        layers.push({ ...base, type: 'flatten' });
        break;
      case 'Dense': {
        const units = Number(config.units);
        layers.push({
          ...base,
          type: 'dense',
          units,
          useBias: Boolean(config.useBias),
          activation: String(config.activation),
          initializer: initializerOf(config.kernelInitializer),
        });
        break;
      }
      default:
        throw new Error(`fashion workload: no PyTorch twin for ${className} (${layer.name}); teach describeNetwork and python/torch_bench.py about it`);
    }
  }
  const optimizer = model.optimizer?.getConfig() as { learningRate: number; beta1: number; beta2: number; epsilon: number } | undefined;
  if (optimizer === undefined || model.optimizer.getClassName() !== 'Adam') {
    throw new Error('fashion workload: the model must be compiled with Adam');
  }
  return {
    inputShape: shapeOf(model.inputs[0]!.shape),
    layers,
    loss: String(model.loss),
    optimizer: { name: 'adam', learningRate: optimizer.learningRate, beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon },
    trainableParams: trainableParams(model),
    forwardFlopsPerImage: modelForwardFlops(model),
  };
}

/** `createConvClassifier(fashionOptions)` described by {@link describeNetwork}. */
export function fashionNetwork(): FashionNetwork {
  const model = createConvClassifier(fashionOptions);
  try {
    return describeNetwork(model);
  } finally {
    model.optimizer.dispose();
    model.dispose();
  }
}

/** What `python/torch_bench.py` needs to build the same network and read the same images. */
export function fashionTorchArguments(): { network: FashionNetwork; dataDir: string; split: 'train' } {
  return { network: fashionNetwork(), dataDir: fashionMnistFixtureDir, split: 'train' };
}

/**
 * One epoch of `createConvClassifier({ inputShape: [28, 28, 1], numClasses: 10, seed: 1 })`
 * with @dl/conv's defaults, compiled as the factory does (Adam, sparse cross-entropy, accuracy),
 * on the first `samples` images of the committed Fashion-MNIST training subset, batch 64,
 * no shuffling, dropout seeded per run (`withSeededRandom`). The images load (asynchronously) during the untimed warm-up run.
 * One unit = one epoch; FLOPs per unit ≈ 3 x forward (backward ≈ twice the forward).
 */
export function fashionWorkload({ samples }: WorkloadSize): Workload {
  const model = createConvClassifier(fashionOptions);
  const { forwardFlopsPerImage } = describeNetwork(model);
  const data = fixtureImages('fashion', samples).then(({ x, labels }) => ({ x, y: tf.tensor1d(labels, 'float32') }));
  let tensors: { x: tf.Tensor4D; y: tf.Tensor1D } | undefined;
  let runs = 0;
  return {
    unit: `epoch (${samples} images, ${(forwardFlopsPerImage / 1e6).toFixed(1)} MFLOP/image forward)`,
    samplesPerUnit: samples,
    flopsPerUnit: 3 * forwardFlopsPerImage * samples,
    async run() {
      tensors ??= await data;
      // Dropout draws from Math.random: seeded per run, so that every backend and thread count
      // trains on the same masks and the losses compare exactly.
      runs += 1;
      const history = await withSeededRandom(runs, () => model.fit(tensors!.x, tensors!.y, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 }));
      return history.history.loss![0] as number;
    },
    dispose: () => {
      if (tensors !== undefined) tf.dispose([tensors.x, tensors.y]);
      model.optimizer.dispose();
      model.dispose();
    },
  };
}
