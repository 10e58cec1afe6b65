import * as tf from '@tensorflow/tfjs';
import { ConfigError, layerSchemas, layerValidation, ShapeError } from '@dl/core';
import * as v from 'valibot';

/** Option checks bound to this package's name (see `layerValidation` in @dl/core). */
export const { parseLayerArgs, rejectUnknownKeys, checkCallArgs, resolveInitializer } = layerValidation('softmax-attention');

/** An integer >= `min` (valibot), for layer and factory schemas. */
export const integerAtLeast = layerSchemas.integerAtLeast;

/** A dropout rate in [0, 1) (valibot). */
export const rateSchema = layerSchemas.rate;

/** An initializer, its name or its serialized form; `resolveInitializer` checks it. */
export const initializerSchema = layerSchemas.initializer;

/** Normalises a possibly negative axis for a tensor of `rank`, or throws a ConfigError naming `field`. */
export function resolveAxis(axis: number, rank: number, field = 'axis'): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ConfigError({ package: 'softmax-attention', path: field, value: axis, expected: `an integer in [${-rank}, ${rank - 1}] for a rank-${rank} input` });
  }
  return axis < 0 ? axis + rank : axis;
}

/** Throws a ConfigError unless `value` is a finite number > 0. */
export function requirePositive(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError({ package: 'softmax-attention', path: field, value, expected: 'a finite number > 0' });
  }
}

/** Throws a ShapeError unless `tensor` is a tf.Tensor of at least `minRank`. */
export function requireTensor(tensor: unknown, argument: string, minRank = 1): asserts tensor is tf.Tensor {
  if (!(tensor instanceof tf.Tensor)) {
    throw new ConfigError({ package: 'softmax-attention', path: argument, value: tensor, expected: 'a tf.Tensor' });
  }
  if (tensor.rank < minRank) {
    throw new ShapeError({ package: 'softmax-attention', argument, expected: `rank >= ${minRank}`, actual: tensor.shape });
  }
}

/** Throws a ShapeError unless `mask` broadcasts to `shape` (numpy rules). */
export function requireBroadcastable(mask: tf.Tensor, shape: readonly number[], argument = 'mask'): void {
  const ok =
    mask.rank <= shape.length &&
    mask.shape.every((size, i) => {
      const target = shape[shape.length - mask.rank + i]!;
      return size === 1 || size === target;
    });
  if (!ok) {
    throw new ShapeError({ package: 'softmax-attention', argument, expected: `a shape that broadcasts to [${shape.join(',')}]`, actual: mask.shape });
  }
}

/** Throws a ConfigError unless `value` is a rate in [0, 1). */
export function requireRate(value: unknown, field: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new ConfigError({ package: 'softmax-attention', path: field, value, expected: 'a number in [0, 1)' });
  }
  return value;
}

/** Throws a ShapeError unless `shape` has the given rank. */
export function requireRank(shape: readonly (number | null)[], rank: number, argument: string, layer: string): void {
  if (shape.length !== rank) {
    throw new ShapeError({ package: 'softmax-attention', argument: `${layer} ${argument}`, expected: `rank ${rank}`, actual: shape });
  }
}

/**
 * Returns `shape`, or throws a ShapeError (naming `argument`, saying `expected`) unless it has
 * `rank` axes and its time axis (axis 1), where known, is at most `maxTime`.
 */
export function requireSequenceShape(shape: tf.Shape, rank: number, maxTime: number, argument: string, expected: string): tf.Shape {
  const time = shape[1];
  if (shape.length !== rank || (time !== null && time !== undefined && time > maxTime)) {
    throw new ShapeError({ package: 'softmax-attention', argument, expected, actual: shape });
  }
  return shape;
}
