import * as tf from '@tensorflow/tfjs';
import { layerSchemas, layerValidation, serializeInitializer, ShapeError, type InitializerLike } from '@dl/core';
import * as v from 'valibot';

const { parseLayerArgs, checkCallArgs, resolveInitializer } = layerValidation('transfer-fusion');

/** The base arguments of every tfjs layer (name, trainable, ...). */
type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Constructor arguments of {@link BranchAttention}. */
export interface BranchAttentionLayerArgs extends LayerArgs {
  /**
   * Size of the scoring network's hidden layer: the score of branch i is `uᵀ tanh(W f_i + b)`.
   * Omit (or `null`) for a linear score `wᵀ f_i` (no bias: the softmax over branches ignores a
   * bias shared by all of them).
   */
  readonly units?: number | null;
  /** Default `'glorotUniform'`. */
  readonly kernelInitializer?: InitializerLike;
}

/**
 * Attention over branches: given the feature vectors `f_1 … f_n` of n models (each
 * `[batch, features]`, the same width), it scores each one with a small learned network,
 * turns the scores into weights with a softmax over the branches, and returns the weighted sum
 * `Σ_i α_i f_i`. Unlike a fixed average, the weights depend on the input: for each example the
 * fused feature leans on the branch whose features look most useful. {@link
 * BranchAttention.branchWeights} gives the weights.
 *
 * **Input shape:** a list of n ≥ 2 tensors `[batch, features]`. **Output shape:** `[batch, features]`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { branchAttention } from '@dl/transfer-fusion';
 * const a = tf.input({ shape: [16] });
 * const b = tf.input({ shape: [16] });
 * const fused = branchAttention({ units: 8 }).apply([a, b]) as tf.SymbolicTensor; // [null, 16]
 * ```
 */
export class BranchAttention extends tf.layers.Layer {
  static className = 'BranchAttention';
  /** Hidden units of the scoring network, or `undefined` for a linear score. */
  readonly units: number | undefined;
  private readonly kernelInitializer: ReturnType<typeof resolveInitializer>;
  private hiddenKernel: tf.LayerVariable | undefined;
  private hiddenBias: tf.LayerVariable | undefined;
  private scoreKernel: tf.LayerVariable | undefined;

  constructor(args: BranchAttentionLayerArgs = {}) {
    const parsed = parseLayerArgs({ units: v.optional(v.nullable(layerSchemas.integerAtLeast(1))), kernelInitializer: v.optional(layerSchemas.initializer) }, args);
    const { units: _units, kernelInitializer: _init, ...base } = args;
    super(base);
    this.units = parsed.units ?? undefined;
    this.kernelInitializer = resolveInitializer(args.kernelInitializer, 'glorotUniform', 'kernelInitializer');
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const features = branchWidth(inputShape);
    if (this.units === undefined) {
      this.scoreKernel = this.addWeight('score/kernel', [features, 1], 'float32', this.kernelInitializer);
    } else {
      this.hiddenKernel = this.addWeight('hidden/kernel', [features, this.units], 'float32', this.kernelInitializer);
      this.hiddenBias = this.addWeight('hidden/bias', [this.units], 'float32', tf.initializers.zeros());
      this.scoreKernel = this.addWeight('score/kernel', [this.units, 1], 'float32', this.kernelInitializer);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shapes = inputShape as tf.Shape[];
    return [shapes[0]?.[0] ?? null, branchWidth(inputShape)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'BranchAttention');
    return tf.tidy(() => {
      const stacked = tf.stack(toList(inputs), 1); // [batch, n, features]
      const weights = this.weightsOf(stacked); // [batch, n]
      return tf.squeeze(tf.matMul(tf.expandDims(weights, 1), stacked), [1]);
    });
  }

  /**
   * The weight of each branch for each example, `[batch, n]`, rows summing to 1.
   *
   * @param inputs - the branches' features, n tensors `[batch, features]`.
   * @returns the weights; the caller disposes them.
   * @example
   * ```ts
   * const weights = fusionLayer.branchWeights([imageFeatures, textFeatures]); // [batch, 2]
   * ```
   */
  branchWeights(inputs: readonly tf.Tensor[]): tf.Tensor2D {
    return tf.tidy(() => this.weightsOf(tf.stack([...inputs], 1)));
  }

  private weightsOf(stacked: tf.Tensor): tf.Tensor2D {
    const [batch, n, features] = stacked.shape as [number, number, number];
    const flat = tf.reshape(stacked, [batch * n, features]);
    const hidden = this.hiddenKernel === undefined ? flat : tf.tanh(tf.add(tf.matMul(flat, this.hiddenKernel.read()), (this.hiddenBias as tf.LayerVariable).read()));
    const scores = tf.reshape(tf.matMul(hidden, (this.scoreKernel as tf.LayerVariable).read()), [batch, n]);
    return tf.softmax(scores, -1) as tf.Tensor2D;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units ?? null, kernelInitializer: serializeInitializer(this.kernelInitializer) };
  }
}
tf.serialization.registerClass(BranchAttention, '@dl/transfer-fusion');

const toList = (inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] => (Array.isArray(inputs) ? inputs : [inputs]);

function branchWidth(inputShape: tf.Shape | tf.Shape[]): number {
  const shapes = (Array.isArray(inputShape[0]) ? inputShape : [inputShape]) as tf.Shape[];
  if (shapes.length < 2) {
    throw new ShapeError({ package: 'transfer-fusion', argument: 'BranchAttention inputs', expected: `a list of at least 2 tensors [batch, features] (got ${shapes.length})`, actual: shapes[0] ?? [] });
  }
  const width = shapes[0]![1];
  shapes.forEach((shape, i) => {
    if (shape.length !== 2 || typeof shape[1] !== 'number' || shape[1] !== width) {
      throw new ShapeError({ package: 'transfer-fusion', argument: `BranchAttention input ${i}`, expected: `[batch, ${width ?? 'features'}] like input 0 (project the branches to one width first)`, actual: shape });
    }
  });
  return width as number;
}

/**
 * Creates a {@link BranchAttention} layer.
 *
 * @param args - see {@link BranchAttentionLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { branchAttention } from '@dl/transfer-fusion';
 * const fuse = branchAttention({ units: 32 });
 * ```
 */
export function branchAttention(args: BranchAttentionLayerArgs = {}): BranchAttention {
  return new BranchAttention(args);
}
