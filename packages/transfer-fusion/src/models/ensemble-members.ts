import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { copyModelWithPrefix } from '../internal/copy-model.js';
import { setLayersTrainable } from '../internal/set-trainable.js';

/** The package named in this package's errors. */
export const packageName = 'transfer-fusion';

/** What the members of an ensemble share, as {@link parseMembers} found it. */
export interface MembersInfo {
  /** The members, in the order given. */
  readonly models: readonly tf.LayersModel[];
  /** The shape of every member's one input, batch dimension first (`null`). */
  readonly inputShape: readonly (number | null)[];
  /** The shape of every member's one output, batch dimension first (`null`). */
  readonly outputShape: readonly (number | null)[];
}

/**
 * Checks the members of an ensemble: an array of at least two `tf.LayersModel`s, each with one
 * input and one output, all inputs of one shape and all outputs of one shape (as those of
 * `models[0]`), so that one input can feed every member and their outputs can be combined.
 *
 * @param models - what the caller passed as the members.
 * @returns the members and their common shapes.
 * @throws ConfigError (path `models`) for fewer than two members, a non-model, or a member with
 * several inputs or outputs; ShapeError naming `models[i]` and both shapes when member `i`'s
 * input or output shape differs from member 0's.
 * @example
 * ```ts
 * const { inputShape, outputShape } = parseMembers([a, b]); // [null, 4], [null, 3]
 * ```
 */
export function parseMembers(models: unknown): MembersInfo {
  if (!Array.isArray(models) || models.length < 2) {
    throw new ConfigError({ package: packageName, path: 'models', value: models, expected: 'an array of at least two tf.LayersModel members' });
  }
  models.forEach((model: unknown, i) => {
    if (!(model instanceof tf.LayersModel)) {
      throw new ConfigError({ package: packageName, path: `models.${i}`, value: model, expected: 'a tf.LayersModel' });
    }
    if (model.inputs.length !== 1 || model.outputs.length !== 1) {
      throw new ConfigError({
        package: packageName,
        path: `models.${i}`,
        value: `a model with ${model.inputs.length} inputs and ${model.outputs.length} outputs`,
        expected: 'a model with one input and one output',
      });
    }
  });
  const members = models as tf.LayersModel[];
  const first = members[0]!;
  const inputShape = first.inputs[0]!.shape;
  const outputShape = first.outputs[0]!.shape;
  members.forEach((model, i) => {
    const input = model.inputs[0]!.shape;
    if (!sameShape(input, inputShape)) {
      throw new ShapeError({ package: packageName, argument: `models[${i}] input`, expected: `the input shape of models[0], ${formatShape(inputShape)}`, actual: input });
    }
    const output = model.outputs[0]!.shape;
    if (!sameShape(output, outputShape)) {
      throw new ShapeError({ package: packageName, argument: `models[${i}] output`, expected: `the output shape of models[0], ${formatShape(outputShape)}`, actual: output });
    }
  });
  return { models: members, inputShape, outputShape };
}

/**
 * Checks that the members output class scores, `[batch, numClasses]`.
 *
 * @param info - the members, from {@link parseMembers}.
 * @param allowSingleUnit - also accept `[batch, 1]` (one sigmoid unit, a binary classifier).
 * @returns the width of the output (the number of classes, or 1 for a sigmoid unit).
 * @throws ShapeError naming `models[0] output` otherwise.
 * @example
 * ```ts
 * const width = classScoresWidth(parseMembers([a, b]), true); // 10
 * ```
 */
export function classScoresWidth(info: MembersInfo, allowSingleUnit: boolean): number {
  const width = info.outputShape[1];
  const min = allowSingleUnit ? 1 : 2;
  if (info.outputShape.length !== 2 || width === null || width === undefined || width < min) {
    throw new ShapeError({
      package: packageName,
      argument: 'models[0] output',
      expected: `class probabilities [batch, numClasses] with numClasses >= 2${allowSingleUnit ? ' (or [batch, 1], one sigmoid unit)' : ''}`,
      actual: info.outputShape,
    });
  }
  return width;
}

/**
 * A valibot schema for the `weights` option of an ensemble or of `averageWeights`: one finite
 * number >= 0 per member, not all 0.
 *
 * @param count - the number of members.
 * @returns the schema (output: the weights as given).
 * @example
 * ```ts
 * const Options = v.strictObject({ weights: v.optional(memberWeightsSchema(3)) });
 * ```
 */
export function memberWeightsSchema(count: number) {
  return v.pipe(
    v.array(v.pipe(v.number(), v.finite(), v.minValue(0, 'a finite number >= 0'))),
    v.check((weights) => weights.length === count, `one weight per member (${count})`),
    v.check((weights) => weights.some((w) => w > 0), 'weights that are not all 0'),
  );
}

/**
 * Divides weights by their sum (uniform when `weights` is undefined).
 *
 * @param weights - finite, >= 0, not all 0 (as {@link memberWeightsSchema} checks).
 * @param count - the number of members.
 * @returns weights that sum to 1.
 * @example
 * ```ts
 * normalizeWeights([1, 3], 2); // [0.25, 0.75]
 * ```
 */
export function normalizeWeights(weights: readonly number[] | undefined, count: number): number[] {
  if (weights === undefined) return Array.from({ length: count }, () => 1 / count);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/**
 * Frozen copies of the members for an ensemble: `models[i]` becomes a model named
 * `member{i}_<name>` whose layers (and weights) carry the prefix `member{i}_`, every layer not
 * trainable. Copies, not the members themselves: two members built by the same factory have the
 * same layer names, and tfjs can neither nest two models of one name nor load a model with two
 * weights of one name; and freezing the copies leaves the caller's models trainable.
 *
 * @param models - the members (checked by {@link parseMembers}).
 * @returns one frozen copy per member.
 * @example
 * ```ts
 * const [a0, b1] = frozenMemberCopies([a, b]);
 * ```
 */
export function frozenMemberCopies(models: readonly tf.LayersModel[]): tf.LayersModel[] {
  return models.map((model, i) => {
    const copy = copyModelWithPrefix(model, `member${i}_`, `member${i}_${model.name}`);
    setLayersTrainable(copy, () => false);
    return copy;
  });
}

/**
 * Applies frozen copies of the members to one new input.
 *
 * @param info - the members, from {@link parseMembers}.
 * @param inputName - name of the ensemble's input layer.
 * @returns the input, the copies and each copy's symbolic output.
 * @example
 * ```ts
 * const { input, outputs } = applyMemberCopies(parseMembers([a, b]), 'input');
 * ```
 */
export function applyMemberCopies(info: MembersInfo, inputName = 'ensemble_input'): { input: tf.SymbolicTensor; copies: tf.LayersModel[]; outputs: tf.SymbolicTensor[] } {
  const input = tf.input({ batchShape: [...info.inputShape], name: inputName, dtype: info.models[0]!.inputs[0]!.dtype });
  const copies = frozenMemberCopies(info.models);
  const outputs = copies.map((copy) => copy.apply(input) as tf.SymbolicTensor);
  return { input, copies, outputs };
}

/**
 * Shapes are equal, reading `null` (an unknown size) as equal only to `null`.
 *
 * @example
 * ```ts
 * sameShape([null, 3], [null, 3]); // true
 * ```
 */
export function sameShape(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i]);
}

/**
 * `[null,28,28,1]`, for messages.
 *
 * @example
 * ```ts
 * formatShape([null, 3]); // '[null,3]'
 * ```
 */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((size) => (size === null ? 'null' : size)).join(',')}]`;
}
