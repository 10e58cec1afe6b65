import type * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';

/** Input sizes a built {@link MultiHeadAttention} layer is fixed to (its kernels depend on them). */
export interface BuiltInputDims {
  readonly rank: number;
  readonly query: number;
  readonly value: number;
  readonly key: number;
}

/** The query, value and key shapes of one call, with the attention axes resolved for their rank. */
export interface AttentionShapes {
  readonly query: tf.Shape;
  readonly value: tf.Shape;
  readonly key: tf.Shape;
  /** Attention axes normalised to `[1, rank - 2]`, in the order given (Keras keeps that order in the scores). */
  readonly axes: readonly number[];
}

const where = 'MultiHeadAttention';

/**
 * Normalises Keras's `attention_axes` for inputs of `rank`: `undefined` means every axis but
 * batch and features; negative axes count from the end of the input (`-2` is the last axis
 * before the features). The batch axis, the feature axis, repeats and an empty list are
 * ConfigErrors naming `attentionAxes`.
 */
export function resolveAttentionAxes(axes: readonly number[] | undefined, rank: number): number[] {
  if (axes === undefined) return Array.from({ length: rank - 2 }, (_, i) => i + 1);
  const allowed = `axes of a rank-${rank} input other than batch (0) and features (${rank - 1} or -1): integers in [1, ${rank - 2}] or [${-(rank - 1)}, -2], each once`;
  const resolved = axes.map((axis) => (axis < 0 ? axis + rank : axis));
  const bad = resolved.findIndex((axis, i) => !Number.isInteger(axis) || axis < 1 || axis > rank - 2 || resolved.indexOf(axis) !== i);
  if (axes.length === 0 || bad !== -1) {
    throw new ConfigError({ package: 'softmax-attention', path: 'attentionAxes', value: axes, expected: allowed });
  }
  return resolved;
}

/**
 * Checks one call's input shapes as Keras's `build` does (same rank >= 3 for all; key and value
 * alike but for the last axis; query and value alike on the axes that are not attended), and,
 * once the layer is built, against the sizes its kernels were made for: a value of 16 features
 * given to a layer built for 24 is a ShapeError naming the input and both sizes, not a tfjs
 * reshape failure deep inside.
 */
export function checkAttentionShapes(shapes: readonly tf.Shape[], attentionAxes: readonly number[] | undefined, built: BuiltInputDims | undefined): AttentionShapes {
  if (shapes.length === 0 || shapes.length > 3) {
    throw new ShapeError({ package: 'softmax-attention', argument: `${where} inputs`, expected: 'query, [query, value] or [query, value, key] (plus the attention mask when it is an input)', actual: [shapes.length] });
  }
  const query = shapes[0]!;
  const value = shapes[1] ?? query;
  const key = shapes[2] ?? value;
  const named = [['query', query], ['value', value], ['key', key]] as const;
  const rank = built?.rank ?? query.length;
  for (const [name, shape] of named) {
    if (shape.length !== rank || rank < 3) {
      const expected = built === undefined ? 'rank >= 3 ([batch, ...positions, features]), the same for query, value and key' : `rank ${rank}, the rank this layer was built for`;
      throw new ShapeError({ package: 'softmax-attention', argument: `${where} ${name}`, expected, actual: shape });
    }
    const size = shape[rank - 1];
    if (size === null || size === undefined) {
      throw new ShapeError({ package: 'softmax-attention', argument: `${where} ${name}`, expected: 'a known last (feature) dimension', actual: shape });
    }
    if (built !== undefined && size !== built[name]) {
      throw new ShapeError({
        package: 'softmax-attention',
        argument: `${where} ${name}`,
        expected: `last dimension ${built[name]}, the ${name} dimension this layer was built for (got ${size}); use a new layer for inputs of another size`,
        actual: shape,
      });
    }
  }
  const axes = resolveAttentionAxes(attentionAxes, rank);
  const differs = (a: tf.Shape, b: tf.Shape, axis: number) => a[axis] !== null && b[axis] !== null && a[axis] !== b[axis];
  for (let axis = 1; axis < rank - 1; axis++) {
    if (differs(value, key, axis)) {
      throw new ShapeError({ package: 'softmax-attention', argument: `${where} key`, expected: `the value's shape [${value.join(',')}] but for the last axis`, actual: key });
    }
    if (!axes.includes(axis) && differs(query, value, axis)) {
      throw new ShapeError({ package: 'softmax-attention', argument: `${where} value`, expected: `size ${query[axis]} on axis ${axis}, as the query (it is not an attention axis)`, actual: value });
    }
  }
  return { query, value, key, axes };
}

/** `[batch, ...query positions, ...outputShape]`; the feature axis becomes `outputShape` (default: the query's features). */
export function attentionOutputShape(shapes: AttentionShapes, outputShape: readonly number[] | undefined): tf.Shape {
  return [...shapes.query.slice(0, -1), ...(outputShape ?? [shapes.query.at(-1)!])];
}

/**
 * Keras's score layout: `[batch, ...non-attention axes, heads, ...query attention axes, ...key
 * attention axes]`; for rank-3 inputs `[batch, heads, Tq, S]`.
 */
export function attentionScoresShape(shapes: AttentionShapes, heads: number): tf.Shape {
  const rank = shapes.query.length;
  const others = Array.from({ length: rank - 2 }, (_, i) => i + 1).filter((axis) => !shapes.axes.includes(axis));
  return [
    shapes.query[0] ?? null,
    ...others.map((axis) => shapes.query[axis] ?? null),
    heads,
    ...shapes.axes.map((axis) => shapes.query[axis] ?? null),
    ...shapes.axes.map((axis) => shapes.key[axis] ?? null),
  ];
}
