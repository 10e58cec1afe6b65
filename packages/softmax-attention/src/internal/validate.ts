import * as tf from '@tensorflow/tfjs';
import { ConfigError, layerArgsEntries, parseOptions, ShapeError, suggestName } from '@dl/core';
import * as v from 'valibot';

/** An integer >= `min` (valibot), for layer and factory schemas. */
export const integerAtLeast = (min = 1) => v.pipe(v.number(), v.integer(), v.minValue(min));

/** A dropout rate in [0, 1) (valibot). */
export const rateSchema = v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)'));

/** An initializer, its name or its serialized form; `resolveInitializer` checks it. */
export const initializerSchema = v.unknown();

/**
 * Validates a layer's constructor arguments against a strict schema of its own options
 * plus tfjs's base layer arguments (`name`, `trainable`, `inputShape`, ...): an unknown or
 * misspelled key, a wrong type or an out-of-range value is a ConfigError naming the field
 * (with the closest allowed name), before the layer exists.
 */
export function parseLayerArgs<const TEntries extends v.ObjectEntries>(entries: TEntries, args: unknown): v.InferOutput<v.StrictObjectSchema<TEntries & typeof layerArgsEntries, undefined>> {
  return parseOptions(v.strictObject({ ...layerArgsEntries, ...entries }), args, { package: 'softmax-attention' });
}

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
 * Throws a ConfigError for a key of `object` that is not in `allowed` (keys set to
 * `undefined` are ignored): JavaScript callers get no compile-time check, and a misspelled
 * option (`softmax(x, { temprature: 2 })`) would otherwise be ignored. The message names
 * the closest allowed key, or uses `hints[key]` when given.
 */
export function rejectUnknownKeys(
  object: object,
  allowed: readonly string[],
  context: { readonly kind: 'option' | 'call argument'; readonly where: string; readonly hints?: Readonly<Record<string, string>> },
): void {
  if (typeof object !== 'object' || object === null) {
    throw new ConfigError({ package: 'softmax-attention', path: '', value: object, expected: `an object of ${context.kind}s for ${context.where}` });
  }
  for (const [key, value] of Object.entries(object)) {
    if (allowed.includes(key) || value === undefined) continue;
    const suggestion = suggestName(key, allowed);
    const hint = context.hints?.[key] ?? (suggestion === undefined ? '' : `did you mean '${suggestion}'? `);
    throw new ConfigError({
      package: 'softmax-attention',
      path: key,
      value,
      expected: `no ${context.kind} named '${key}' in ${context.where} (${hint}${context.kind}s: ${allowed.join(', ')})`,
    });
  }
}

/** Call arguments tfjs itself passes to every layer's `call`. */
const tfjsCallArgs = ['mask', 'training'];

/**
 * Throws a ConfigError for a call argument the layer does not take: tfjs would ignore it
 * silently (a Keras user's `mha.apply(query, { value })` computed self-attention on `query`).
 * `hints` maps names users try to what they should write instead.
 */
export function checkCallArgs(kwargs: object, allowed: readonly string[], layer: string, hints: Readonly<Record<string, string>> = {}): void {
  rejectUnknownKeys(kwargs, [...tfjsCallArgs, ...allowed], { kind: 'call argument', where: layer, hints });
}
