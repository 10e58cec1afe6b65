import * as tf from '@tensorflow/tfjs';
import { convFlops, convOutputShape } from '@dl/conv';

/** Layers that cost no multiply-adds worth counting (elementwise, reshapes, noise). */
const elementwiseLayers = new Set(['InputLayer', 'BatchNormalization', 'ReLU', 'LeakyReLU', 'Activation', 'Reshape', 'Flatten', 'Dropout', 'Sampling', 'MaxPooling2D']);

/** A layer config's `[h, w]` pair (kernel size, strides, ...), given as a pair or one number. */
export const pairOf = (value: unknown): [number, number] => (Array.isArray(value) ? [Number(value[0]), Number(value[1])] : [Number(value), Number(value)]);

/** A built layer's shape without the batch axis (the first output's, for a layer with several). */
export const shapeOf = (shape: tf.Shape | tf.Shape[]): number[] => {
  const first = Array.isArray(shape[0]) ? (shape[0] as tf.Shape) : (shape as tf.Shape);
  return first.slice(1).map(Number);
};

/**
 * Forward FLOPs of one image through one built layer: 2 per multiply-add of a Conv2D,
 * Conv2DTranspose or Dense layer (bias, activation and the elementwise layers left out). Each
 * Conv2D is cross-checked against @dl/conv's `convFlops`; each Conv2DTranspose's output shape
 * against `convOutputShape({ kind: 'transpose' })`, and its cost against `convFlops` of its adjoint
 * convolution (from its output back to its input: the same multiply-adds,
 * `H_in·W_in·c_in·kh·kw·filters`). A layer that is neither counted nor known to be elementwise
 * throws, so a new layer in a package's defaults cannot drop out of the count unnoticed.
 */
export function layerForwardFlops(layer: tf.layers.Layer): number {
  const className = layer.getClassName();
  if (elementwiseLayers.has(className)) return 0;
  const config = layer.getConfig();
  const input = shapeOf((layer.input as tf.SymbolicTensor).shape);
  const output = shapeOf(layer.outputShape);
  switch (className) {
    case 'Dense':
      return 2 * input.at(-1)! * Number(config.units);
    case 'Conv2D': {
      const kernelSize = pairOf(config.kernelSize);
      const [outHeight, outWidth, filters] = output as [number, number, number];
      const flops = 2 * outHeight * outWidth * filters * kernelSize[0] * kernelSize[1] * input[2]!;
      const reference = convFlops({
        inputShape: input as [number, number, number],
        kernelSize,
        strides: pairOf(config.strides),
        dilation: pairOf(config.dilationRate),
        padding: config.padding as 'same' | 'valid',
        filters: Number(config.filters),
      });
      if (reference.flops !== flops || reference.outputShape.join() !== output.join()) {
        throw new Error(`${layer.name}: ${flops} FLOPs for output ${output.join('x')} by its shapes, ${reference.flops} for ${reference.outputShape.join('x')} by convFlops`);
      }
      return flops;
    }
    case 'Conv2DTranspose': {
      const kernelSize = pairOf(config.kernelSize);
      const strides = pairOf(config.strides);
      const padding = config.padding as 'same' | 'valid';
      const filters = Number(config.filters);
      const [inHeight, inWidth, inChannels] = input as [number, number, number];
      const flops = 2 * inHeight * inWidth * inChannels * kernelSize[0] * kernelSize[1] * filters;
      const shape = convOutputShape({ inputShape: input as [number, number, number], kind: 'transpose', kernelSize, strides, padding, filters });
      const adjoint = convFlops({ inputShape: output as [number, number, number], kernelSize, strides, padding, filters: inChannels });
      if (shape.join() !== output.join() || adjoint.flops !== flops || adjoint.outputShape.join() !== input.join()) {
        throw new Error(
          `${layer.name}: output ${output.join('x')} and ${flops} FLOPs by its shapes; convOutputShape gives ${shape.join('x')}, the adjoint convolution ${adjoint.flops} FLOPs back to ${adjoint.outputShape.join('x')}`,
        );
      }
      return flops;
    }
    default:
      throw new Error(`${layer.name}: no FLOP count for ${className}; teach bench/src/workloads/layer-flops.ts about it`);
  }
}

/** Forward FLOPs of one image through every layer of `model` (see {@link layerForwardFlops}). */
export function modelForwardFlops(model: tf.LayersModel): number {
  return model.layers.reduce((sum, layer) => sum + layerForwardFlops(layer), 0);
}

/** Trainable parameters of the given models (each weight counted once, even when models share a layer). */
export function trainableParams(...models: tf.LayersModel[]): number {
  const seen = new Set<tf.LayersModel['trainableWeights'][number]>();
  for (const model of models) for (const weight of model.trainableWeights) seen.add(weight);
  return [...seen].reduce((sum, weight) => sum + tf.util.sizeFromShape(weight.shape as number[]), 0);
}
