import * as tf from '@tensorflow/tfjs';
import { ConfigError, ShapeError } from '@dl/core';
import * as v from 'valibot';
import { addMultiHeadAttentionWeights, attendOverAxes, type MultiHeadAttentionWeights } from './multi-head-attention-compute.js';
import { attentionOutputShape, attentionScoresShape, checkAttentionShapes, type AttentionShapes, type BuiltInputDims } from './multi-head-attention-shapes.js';
import {
  registrationPackage,
  resolveInitializer,
  serializeInitializer,
  shapeList,
  tensorList,
  type InitializerLike,
  type LayerArgs,
} from './internal/serialization.js';
import { checkCallArgs, initializerSchema, integerAtLeast, parseLayerArgs, rateSchema } from '../internal/validate.js';

/** Constructor arguments of {@link MultiHeadAttention} (Keras names, lowerCamel). */
export interface MultiHeadAttentionLayerArgs extends LayerArgs {
  /** Number of attention heads (integer >= 1). */
  readonly numHeads: number;
  /** Size of each head's query/key projection (integer >= 1). */
  readonly keyDim: number;
  /** Size of each head's value projection. Default `keyDim`. */
  readonly valueDim?: number;
  /** Dropout rate on the attention weights, in [0, 1), during training. Default 0. */
  readonly dropout?: number;
  /** Whether the projections have biases. Default true. */
  readonly useBias?: boolean;
  /**
   * Shape of each output position's features: an integer or a list of positive integers
   * (Keras's `output_shape=(3, 4)` gives outputs `[batch, Tq, 3, 4]`). Default: the query's
   * last dimension.
   */
  readonly outputShape?: number | readonly number[] | null;
  /**
   * Axes attended over (Keras's `attention_axes`): an axis or a list of axes of the inputs
   * other than batch (0) and features (-1); negative axes count from the end. Default: every
   * axis but batch and features (the sequence axis of `[batch, T, dim]` inputs; both spatial
   * axes of `[batch, H, W, C]` ones). Axes not attended act as batch axes.
   */
  readonly attentionAxes?: number | readonly number[] | null;
  /** Mask future positions (query i sees keys j <= i; needs one attention axis). Default false; a call argument overrides it. */
  readonly useCausalMask?: boolean;
  /** Also output the attention weights (a second output). Default false; a call argument overrides it. */
  readonly returnAttentionScores?: boolean;
  /** Default `'glorotUniform'`. */
  readonly kernelInitializer?: InitializerLike;
  /** Default `'zeros'`. */
  readonly biasInitializer?: InitializerLike;
}

const integer = v.pipe(v.number(), v.integer());
const argsEntries = {
  numHeads: integerAtLeast(1),
  keyDim: integerAtLeast(1),
  valueDim: v.optional(integerAtLeast(1)),
  dropout: v.optional(rateSchema, 0),
  useBias: v.optional(v.boolean(), true),
  outputShape: v.optional(v.nullable(v.union([integerAtLeast(1), v.pipe(v.array(integerAtLeast(1)), v.minLength(1))], 'a positive integer or a non-empty list of positive integers'))),
  attentionAxes: v.optional(v.nullable(v.union([integer, v.pipe(v.array(integer), v.minLength(1))], 'an integer axis or a non-empty list of integer axes'))),
  useCausalMask: v.optional(v.boolean(), false),
  returnAttentionScores: v.optional(v.boolean(), false),
  kernelInitializer: v.optional(initializerSchema),
  biasInitializer: v.optional(initializerSchema),
};

/** Call arguments of {@link MultiHeadAttention}: `layer.call([query, value], { attentionMask })`. */
export interface MultiHeadAttentionCallArgs {
  /** Keras's `attention_mask`, e.g. `[batch, Tq, S]`; 1 = may attend. Combined with padding masks and the causal mask. */
  readonly attentionMask?: tf.Tensor;
  /** Mask future positions in this call (Keras's `use_causal_mask`). Default: the constructor's `useCausalMask`. */
  readonly useCausalMask?: boolean;
  /** Return `[output, scores]` from this call (Keras's `return_attention_scores`). Default: the constructor's value. */
  readonly returnAttentionScores?: boolean;
  /**
   * The last input is the attention mask: `[query, value, (key,) attentionMask]`. This is how a
   * symbolic `attentionMask` is stored in a functional model; set it by hand only to call such a
   * layer with tensors in another arrangement.
   */
  readonly attentionMaskIsLastInput?: boolean;
  readonly training?: boolean;
  /** Padding masks: the query's, or one per input; masks set by tfjs (`tensor.kerasMask`) are used otherwise. */
  readonly mask?: tf.Tensor | (tf.Tensor | null | undefined)[] | null;
}

/**
 * Arguments of {@link MultiHeadAttention.apply}: the call arguments, with `attentionMask` also a
 * `tf.SymbolicTensor` (an input of a functional model). Other keys are rejected at run time.
 */
export type MultiHeadAttentionApplyArgs = Omit<MultiHeadAttentionCallArgs, 'attentionMask'> & {
  readonly attentionMask?: tf.Tensor | tf.SymbolicTensor;
  readonly [key: string]: unknown;
};

interface CallOptions {
  readonly useCausalMask: boolean;
  readonly returnAttentionScores: boolean;
  readonly attentionMaskIsLastInput: boolean;
}
const optionNames = ['useCausalMask', 'returnAttentionScores', 'attentionMaskIsLastInput'] as const;
const where = 'MultiHeadAttention';
const asInputs = 'pass the tensors as inputs: layer.apply([query, value]) or layer.apply([query, value, key]); ';

/**
 * Multi-head attention (Vaswani et al., 2017) as a tfjs layer with Keras's `MultiHeadAttention`
 * configuration, call arguments and weight layout (`query/kernel [dq, H, K]` ...
 * `attention_output/kernel [H, V, ...outputShape]`), so Keras weights load as they are. tfjs 4.22
 * has such a layer internally but does not export it.
 *
 * Inputs: `query` alone (self-attention), `[query, value]` or `[query, value, key]`, and in a
 * functional model optionally the attention mask: `layer.apply([q, v], { attentionMask: m })`
 * with `m` a `tf.input` adds `m` as the last input of the node (tfjs does not track tensors in
 * call arguments), stored as `{ attentionMaskIsLastInput: true }`; the model then saves and loads.
 *
 * Masks: the padding masks of the query (rows) and of the value and key (columns) are combined
 * as Keras does (`query_mask & value_mask & key_mask`), with `attentionMask` and the causal mask.
 * A query with no visible key gets zero weights and the bias-only output (Keras spreads it
 * uniformly over the masked keys).
 *
 * Call-time `useCausalMask` and `returnAttentionScores` win over the constructor's. tfjs 4.22 runs
 * functional models without their nodes' call arguments, so the layer keeps the options of its
 * symbolic call for later runs; applying one layer symbolically twice with different options is
 * a ConfigError.
 *
 * **Input shape:** `[batch, ...positions, dq]`, `[batch, ...positions', dv]`, `[batch, ...positions', dk]`
 * (the same rank >= 3; for sequences `[batch, Tq, dq]`, `[batch, S, dv]`, `[batch, S, dk]`).
 * **Output shape:** `[batch, ...positions, ...(outputShape ?? [dq])]`, and with attention scores
 * also `[batch, ...non-attention axes, numHeads, ...query attention axes, ...key attention axes]`
 * (for sequences `[batch, numHeads, Tq, S]`).
 *
 * Parameters: `H·K·(dq + dk) + H·V·dv + H·V·O`, plus `2·H·K + H·V + O` biases (`O` = product of `outputShape`).
 *
 * @throws ConfigError for a bad option or call argument (misspelled keys name the closest one);
 * ShapeError for inputs of the wrong rank, or of another size than the layer was built for.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { multiHeadAttention } from '@dl/softmax-attention';
 * const tokens = tf.input({ shape: [16, 32] });
 * const attended = multiHeadAttention({ numHeads: 4, keyDim: 8 }).apply(tokens) as tf.SymbolicTensor;
 * attended.shape; // [null, 16, 32]
 *
 * // Keras's output_shape=(2, 3) and attention over both axes of an image's feature map
 * const image = tf.input({ shape: [4, 5, 6] });
 * const mixed = multiHeadAttention({ numHeads: 2, keyDim: 3, outputShape: [2, 3], attentionAxes: [1, 2] }).apply(image) as tf.SymbolicTensor;
 * mixed.shape; // [null, 4, 5, 2, 3]
 *
 * // Call-time options and an attention mask that is an input of the model
 * const query = tf.input({ shape: [3, 8] });
 * const value = tf.input({ shape: [7, 8] });
 * const allowed = tf.input({ shape: [3, 7] });
 * const [out, scores] = multiHeadAttention({ numHeads: 2, keyDim: 4 })
 *   .apply([query, value], { attentionMask: allowed, returnAttentionScores: true }) as tf.SymbolicTensor[];
 * const model = tf.model({ inputs: [query, value, allowed], outputs: [out!, scores!] }); // saves and loads
 *
 * // Eager: call arguments as Keras's call(query, value, attention_mask=..., use_causal_mask=...)
 * const layer = multiHeadAttention({ numHeads: 2, keyDim: 4 });
 * const x = tf.randomNormal([1, 5, 8]);
 * const causal = layer.call([x, x], { attentionMask: tf.ones([1, 5, 5]), useCausalMask: true }) as tf.Tensor; // [1, 5, 8]
 * ```
 */
export class MultiHeadAttention extends tf.layers.Layer {
  static className = 'MultiHeadAttention';
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  /** `outputShape` as a list (undefined: the query's last dimension). */
  readonly outputFeatureShape: readonly number[] | undefined;
  /** `attentionAxes` as given, as a list (undefined: all but batch and features). */
  readonly attentionAxes: readonly number[] | undefined;
  readonly useCausalMask: boolean;
  readonly returnAttentionScores: boolean;
  private readonly outputShapeArg: number | readonly number[] | undefined;
  private readonly kernelInitializer: ReturnType<typeof resolveInitializer>;
  private readonly biasInitializer: ReturnType<typeof resolveInitializer>;
  private attentionWeights: MultiHeadAttentionWeights | undefined;
  private builtDims: BuiltInputDims | undefined;
  /** Options of the symbolic call(s) of this layer, used when tfjs runs the model (it drops call arguments). */
  private graphOptions: CallOptions | undefined;
  /** Options of the apply() in progress, for build/computeOutputShape/computeMask (tfjs passes them no call arguments). */
  private activeOptions: CallOptions | undefined;
  /** Numbers of inputs (mask included) of the symbolic calls whose last input is the attention mask. */
  private maskInputCounts = new Set<number>();

  constructor(args: MultiHeadAttentionLayerArgs) {
    const parsed = parseLayerArgs(argsEntries, args);
    super(args);
    this.numHeads = parsed.numHeads;
    this.keyDim = parsed.keyDim;
    this.valueDim = parsed.valueDim ?? parsed.keyDim;
    this.dropout = parsed.dropout;
    this.useBias = parsed.useBias;
    this.outputShapeArg = parsed.outputShape ?? undefined;
    this.outputFeatureShape = parsed.outputShape == null ? undefined : typeof parsed.outputShape === 'number' ? [parsed.outputShape] : [...parsed.outputShape];
    this.attentionAxes = parsed.attentionAxes == null ? undefined : typeof parsed.attentionAxes === 'number' ? [parsed.attentionAxes] : [...parsed.attentionAxes];
    const axes = this.attentionAxes;
    if (axes !== undefined && axes.some((axis, i) => axis === 0 || axis === -1 || axes.indexOf(axis) !== i)) {
      throw new ConfigError({ package: 'softmax-attention', path: 'attentionAxes', value: args.attentionAxes, expected: 'axes other than batch (0) and features (-1), each once' });
    }
    this.useCausalMask = parsed.useCausalMask;
    this.returnAttentionScores = parsed.returnAttentionScores;
    if (this.useCausalMask) this.requireOneAxis(axes?.length ?? 1);
    this.kernelInitializer = resolveInitializer(args.kernelInitializer, 'glorotUniform', 'kernelInitializer');
    this.biasInitializer = resolveInitializer(args.biasInitializer, 'zeros', 'biasInitializer');
    this.supportsMasking = true;
  }

  override apply(
    inputs: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[],
    kwargs: MultiHeadAttentionApplyArgs = {},
  ): tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[] {
    checkCallArgs(kwargs, ['attentionMask', ...optionNames], where, { value: asInputs, key: asInputs });
    const list = (Array.isArray(inputs) ? inputs : [inputs]) as (tf.Tensor | tf.SymbolicTensor)[];
    const symbolic = list[0] instanceof tf.SymbolicTensor;
    const { attentionMask } = kwargs;
    if (attentionMask instanceof tf.SymbolicTensor) {
      if (!symbolic) throw this.maskKindError(attentionMask, 'a tf.Tensor when the inputs are tensors');
      if (kwargs.attentionMaskIsLastInput === true) throw this.maskKindError(attentionMask, 'absent when attentionMaskIsLastInput is true (the mask is the last input)');
      const { attentionMask: _moved, ...rest } = kwargs;
      return this.apply([...(list as tf.SymbolicTensor[]), attentionMask], { ...rest, attentionMaskIsLastInput: true });
    }
    if (symbolic && attentionMask !== undefined) {
      throw this.maskKindError(attentionMask, 'a tf.SymbolicTensor (a tf.input) in a functional model: a tensor in the call arguments would not be part of the model');
    }
    const options = this.resolveOptions(kwargs, list.length, symbolic);
    if (symbolic && this.graphOptions !== undefined) this.requireSameGraphOptions(options);
    const [previousActive, previousGraph, previousCounts] = [this.activeOptions, this.graphOptions, new Set(this.maskInputCounts)];
    this.activeOptions = options;
    if (symbolic) {
      this.graphOptions = options;
      if (options.attentionMaskIsLastInput) this.maskInputCounts.add(list.length);
    }
    try {
      return super.apply(inputs, kwargs);
    } catch (error) {
      this.graphOptions = previousGraph;
      this.maskInputCounts = previousCounts;
      throw error;
    } finally {
      this.activeOptions = previousActive;
    }
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    this.buildFor(this.shapesOf(shapeList(inputShape), this.currentOptions()));
  }

  private buildFor({ query, value, key }: AttentionShapes): void {
    this.attentionWeights = addMultiHeadAttentionWeights(
      (name, shape, dtype, initializer) => this.addWeight(name, shape, dtype, initializer),
      {
        heads: this.numHeads,
        keyDim: this.keyDim,
        valueDim: this.valueDim,
        queryInputDim: query.at(-1)!,
        keyInputDim: key.at(-1)!,
        valueInputDim: value.at(-1)!,
        outputShape: this.outputFeatureShape ?? [query.at(-1)!],
        useBias: this.useBias,
      },
      this.kernelInitializer,
      this.biasInitializer,
    );
    this.builtDims = { rank: query.length, query: query.at(-1)!, value: value.at(-1)!, key: key.at(-1)! };
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const options = this.currentOptions();
    const shapes = this.shapesOf(shapeList(inputShape), options);
    const output = attentionOutputShape(shapes, this.outputFeatureShape);
    return options.returnAttentionScores ? [output, attentionScoresShape(shapes, this.numHeads)] : output;
  }

  override computeMask(inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    // The output keeps the query's padding mask (as in Keras); the scores have none. Without masks
    // (tfjs's eager apply), the mask tfjs set on the query tensor is copied: disposing the output
    // disposes its mask.
    const fromQuery = tensorList(inputs)[0]?.kerasMask;
    const queryMask = (mask === undefined || mask === null ? (fromQuery == null ? null : fromQuery.clone()) : ((Array.isArray(mask) ? mask[0] : mask) ?? null)) as tf.Tensor;
    return this.currentOptions().returnAttentionScores ? [queryMask, null as unknown as tf.Tensor] : queryMask;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: MultiHeadAttentionCallArgs = {}): tf.Tensor | tf.Tensor[] {
    checkCallArgs(kwargs, ['attentionMask', ...optionNames], where, { value: asInputs, key: asInputs });
    const tensors = [...tensorList(inputs)];
    const options = this.activeOptions ?? this.resolveOptions(kwargs, tensors.length, false);
    const shapes = this.shapesOf(tensors.map((t) => t.shape), options);
    if (!this.built) {
      // A direct call() builds the layer, as apply() would (and counts the use, so dispose() works).
      this.buildFor(shapes);
      if (this._refCount === null) this._refCount = 1;
    }
    let attentionMask = kwargs.attentionMask;
    if (attentionMask !== undefined && !(attentionMask instanceof tf.Tensor)) throw this.maskKindError(attentionMask, 'a tf.Tensor');
    if (options.attentionMaskIsLastInput) {
      if (attentionMask !== undefined) throw this.maskKindError(attentionMask, 'absent when attentionMaskIsLastInput is true (the mask is the last input)');
      attentionMask = tensors.pop();
    }
    const masks = Array.isArray(kwargs.mask) ? kwargs.mask : [kwargs.mask];
    const maskOf = (i: number) => masks[i] ?? tensors[i]?.kerasMask ?? undefined;
    return tf.tidy(() => {
      const [query, value = query, key = value] = tensors as [tf.Tensor, tf.Tensor?, tf.Tensor?];
      const { output, scores } = attendOverAxes(this.attentionWeights as MultiHeadAttentionWeights, {
        query,
        value,
        key,
        axes: shapes.axes,
        attentionMask,
        queryMask: maskOf(0),
        valueMask: tensors.length > 1 ? maskOf(1) : maskOf(0),
        keyMask: tensors.length > 2 ? maskOf(2) : undefined,
        causal: options.useCausalMask,
        dropout: kwargs.training === true ? this.dropout : 0,
      });
      return options.returnAttentionScores ? [output, scores] : output;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      dropout: this.dropout,
      useBias: this.useBias,
      outputShape: (this.outputShapeArg ?? null) as tf.serialization.ConfigDictValue,
      attentionAxes: (this.attentionAxes ?? null) as tf.serialization.ConfigDictValue,
      useCausalMask: this.useCausalMask,
      returnAttentionScores: this.returnAttentionScores,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
    };
  }

  private constructorOptions(): CallOptions {
    return { useCausalMask: this.useCausalMask, returnAttentionScores: this.returnAttentionScores, attentionMaskIsLastInput: false };
  }

  private currentOptions(): CallOptions {
    return this.activeOptions ?? this.graphOptions ?? this.constructorOptions();
  }

  /**
   * Call-time values win (each must be a boolean). Otherwise a symbolic call takes the
   * constructor's options, and a call with tensors those of the layer's symbolic call (how tfjs
   * runs the model); it reads its last input as the mask only when that call did and the number
   * of inputs matches.
   */
  private resolveOptions(kwargs: object, inputCount: number, symbolic: boolean): CallOptions {
    const fallback = symbolic ? this.constructorOptions() : (this.graphOptions ?? this.constructorOptions());
    const maskInput = fallback.attentionMaskIsLastInput && (kwargs as { attentionMask?: unknown }).attentionMask === undefined && this.maskInputCounts.has(inputCount);
    const resolved = { ...fallback, attentionMaskIsLastInput: maskInput };
    for (const name of optionNames) {
      const value = (kwargs as Readonly<Record<string, unknown>>)[name];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') {
        throw new ConfigError({ package: 'softmax-attention', path: name, value, expected: `a boolean (call argument of ${where})` });
      }
      resolved[name] = value;
    }
    return resolved;
  }

  private requireSameGraphOptions(options: CallOptions): void {
    const graph = this.graphOptions!;
    const name = optionNames.find((key) => graph[key] !== options[key]);
    if (name === undefined) return;
    const what = name === 'attentionMaskIsLastInput' ? 'an attentionMask input' : `${name}: ${graph[name]}`;
    throw new ConfigError({
      package: 'softmax-attention',
      path: name === 'attentionMaskIsLastInput' ? 'attentionMask' : name,
      value: options[name],
      expected: `the same as in this layer's earlier symbolic call (${what}): tfjs 4.22 runs every node of a layer with the same call arguments, so use another layer for other options`,
    });
  }

  private shapesOf(shapes: tf.Shape[], options: CallOptions): AttentionShapes {
    const inputs = options.attentionMaskIsLastInput ? shapes.slice(0, -1) : shapes;
    const checked = checkAttentionShapes(inputs, this.attentionAxes, this.builtDims);
    if (options.useCausalMask) this.requireOneAxis(checked.axes.length);
    return checked;
  }

  private requireOneAxis(count: number): void {
    if (count !== 1) {
      throw new ConfigError({ package: 'softmax-attention', path: 'useCausalMask', value: true, expected: `false with ${count} attention axes: a causal mask orders the positions of one attention axis` });
    }
  }

  private maskKindError(value: unknown, expected: string): ConfigError {
    return new ConfigError({ package: 'softmax-attention', path: 'attentionMask', value, expected });
  }
}
tf.serialization.registerClass(MultiHeadAttention, registrationPackage);

/**
 * Creates a {@link MultiHeadAttention} layer (as `tf.layers.dense` creates a Dense).
 *
 * @param args - see {@link MultiHeadAttentionLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { multiHeadAttention } from '@dl/softmax-attention';
 * const layer = multiHeadAttention({ numHeads: 2, keyDim: 16, useCausalMask: true });
 * const images = multiHeadAttention({ numHeads: 2, keyDim: 8, attentionAxes: [1, 2], outputShape: [4, 4] });
 * ```
 */
export function multiHeadAttention(args: MultiHeadAttentionLayerArgs): MultiHeadAttention {
  return new MultiHeadAttention(args);
}
