import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { findLayer } from '../internal/model-layers.js';

/** How features of rank 3 (`[batch, steps, channels]`) or 4 (`[batch, h, w, channels]`) become a vector. */
export type FeaturePooling = 'average' | 'max' | 'flatten';
export const featurePoolingSchema = v.picklist(['average', 'max', 'flatten']);

const fail = (path: string, value: unknown, expected: string): never => {
  throw new ConfigError({ package: 'transfer-fusion', path, value, expected });
};

/**
 * The features of `base` that a new head reads: the output of the layer named `cutAt`, or, by
 * default, the input of the base's output layer (what its own head read: the penultimate
 * features).
 *
 * @param field - the option's path for errors (`cutAt`, `branches.1.cutAt`).
 */
export function cutFeatures(base: tf.LayersModel, cutAt: string | undefined, field: string): tf.SymbolicTensor {
  if (base.inputs.length !== 1) fail(field.replace(/cutAt$/, 'base'), base.name, `a model with one input (this one has ${base.inputs.length})`);
  if (cutAt !== undefined) {
    const layer = findLayer(base, cutAt, field);
    if (!base.layers.includes(layer)) fail(field, cutAt, `a layer of the base itself, not of a model nested in it`);
    const output = layer.output;
    if (Array.isArray(output)) return fail(field, cutAt, `a layer with one output (this one has ${output.length})`);
    return output;
  }
  if (base.outputs.length !== 1) return fail(field, cutAt, `the name of the layer to cut at (the base has ${base.outputs.length} outputs, so its penultimate layer is ambiguous)`);
  const head = base.outputs[0]!.sourceLayer;
  const features = head.input;
  if (Array.isArray(features) || features === undefined) {
    return fail(field, cutAt, `the name of the layer to cut at (the base's output layer '${head.name}' does not read a single tensor)`);
  }
  if (head.getClassName() === 'InputLayer') return fail(field, cutAt, 'the name of a layer: the base has no layers to cut');
  return features;
}

/**
 * A model from the base's input to its cut features, sharing the base's layers (and so its
 * weights): the part of the base a transfer model keeps.
 */
export function featureExtractor(base: tf.LayersModel, cutAt: string | undefined, name: string, field: string): tf.LayersModel {
  return tf.model({ inputs: base.inputs, outputs: cutFeatures(base, cutAt, field), name });
}

/** Turns features of rank 2 to 4 into `[batch, features]` with `pooling`; rank 2 passes through. */
export function poolFeatures(features: tf.SymbolicTensor, pooling: FeaturePooling, name: string): tf.SymbolicTensor {
  const rank = features.shape.length;
  if (rank === 2) return features;
  if (rank !== 3 && rank !== 4) {
    throw new ShapeError({ package: 'transfer-fusion', argument: 'cut features', expected: 'rank 2 to 4: [batch, features], [batch, steps, channels] or [batch, height, width, channels]', actual: features.shape });
  }
  const layer =
    pooling === 'flatten'
      ? tf.layers.flatten({ name })
      : rank === 4
        ? pooling === 'average'
          ? tf.layers.globalAveragePooling2d({ name })
          : tf.layers.globalMaxPooling2d({ name })
        : pooling === 'average'
          ? tf.layers.globalAveragePooling1d({ name })
          : tf.layers.globalMaxPooling1d({ name });
  return layer.apply(features) as tf.SymbolicTensor;
}
