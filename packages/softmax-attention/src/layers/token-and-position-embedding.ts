import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@dl/core';
import * as v from 'valibot';
import { checkCallArgs, initializerSchema, integerAtLeast, parseLayerArgs, requireSequenceShape } from '../internal/validate.js';
import {
  registrationPackage,
  resolveInitializer,
  serializeInitializer,
  shapeList,
  type InitializerLike,
  type LayerArgs,
} from './internal/serialization.js';

/** Constructor arguments of {@link TokenAndPositionEmbedding} (as keras_hub's, plus `positionEncoding`). */
export interface TokenAndPositionEmbeddingLayerArgs extends LayerArgs {
  /** Number of token ids (ids are in [0, vocabularySize)). */
  readonly vocabularySize: number;
  /** Longest sequence the layer accepts (number of positions). */
  readonly sequenceLength: number;
  /** Embedding size. */
  readonly embeddingDim: number;
  /** Treat token id 0 as padding and emit a `[batch, time]` mask for downstream layers. Default false. */
  readonly maskZero?: boolean;
  /** For the token and learned position tables. Default uniform in [-0.05, 0.05] (Keras's `'uniform'`). */
  readonly embeddingsInitializer?: InitializerLike;
  /**
   * `learned` (default, as keras_hub): a trained table of positions; `sinusoidal`: the fixed
   * encoding of Vaswani et al. (our extension; keras_hub has it as `SinePositionEncoding`).
   */
  readonly positionEncoding?: 'learned' | 'sinusoidal';
  /**
   * keras_hub's flag for its reverse (logits) projection, which this layer does not have: it
   * changes nothing here and is kept so that Keras-written configs (`tie_weights`) load. Default true.
   */
  readonly tieWeights?: boolean;
}

/**
 * The sinusoidal position encoding of Vaswani et al. (2017):
 * `PE[p, 2i] = sin(p / 10000^(2i/d))`, `PE[p, 2i+1] = cos(p / 10000^(2i/d))`.
 *
 * @param length - number of positions.
 * @param dim - encoding size.
 * @returns a `[length, dim]` float32 array, row-major.
 * @example
 * ```ts
 * import { sinusoidalPositionEncoding } from '@dl/softmax-attention';
 * sinusoidalPositionEncoding(2, 4); // [0, 1, 0, 1, 0.8415, 0.5403, 0.01, 0.99995]
 * ```
 */
export function sinusoidalPositionEncoding(length: number, dim: number): Float32Array {
  const out = new Float32Array(length * dim);
  for (let p = 0; p < length; p++) {
    for (let i = 0; i < dim; i++) {
      const angle = p / 10000 ** ((2 * Math.floor(i / 2)) / dim);
      out[p * dim + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return out;
}

/** Options of the old `PositionalEmbedding` that have other names here. */
const renamedOptions: Readonly<Record<string, string>> = { inputDim: 'vocabularySize', outputDim: 'embeddingDim' };

/** A ConfigError that names the new option, for code written against `PositionalEmbedding`. */
function rejectRenamedOptions(args: unknown): void {
  if (typeof args !== 'object' || args === null) return;
  const old = Object.keys(renamedOptions).find((key) => key in args && (args as Record<string, unknown>)[key] !== undefined);
  if (old === undefined) return;
  throw new ConfigError({
    package: 'softmax-attention',
    path: old,
    value: (args as Record<string, unknown>)[old],
    expected: `no option named '${old}' in TokenAndPositionEmbedding: it is '${renamedOptions[old]}' here (PositionalEmbedding called it '${old}')`,
  });
}

/** The layer's weights by role, so that the deprecated alias can keep its saved names. */
export type EmbeddingWeightRole = 'token' | 'learnedPosition' | 'sinusoidalPosition';

/**
 * Token embedding plus position embedding, the input layer of a Transformer, with keras_hub's
 * `TokenAndPositionEmbedding` config and weights (`token_embedding/embeddings`,
 * `position_embedding/embeddings`): `out[b, t] = E_token[ids[b, t]] + E_position[t]`.
 * With `positionEncoding: 'sinusoidal'` the position table is the fixed encoding, stored as
 * the non-trainable weight `position_embedding/encoding`.
 *
 * **Input shape:** `[batch, time]` token ids, `time <= sequenceLength`.
 * **Output shape:** `[batch, time, embeddingDim]` (with a `[batch, time]` mask when `maskZero`).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { tokenAndPositionEmbedding } from '@dl/softmax-attention';
 * const ids = tf.input({ shape: [64], dtype: 'int32' });
 * const x = tokenAndPositionEmbedding({ vocabularySize: 5000, sequenceLength: 64, embeddingDim: 32, maskZero: true })
 *   .apply(ids) as tf.SymbolicTensor; // [null, 64, 32], padding (id 0) masked downstream
 * ```
 */
export class TokenAndPositionEmbedding extends tf.layers.Layer {
  static className = 'TokenAndPositionEmbedding';
  readonly vocabularySize: number;
  readonly sequenceLength: number;
  readonly embeddingDim: number;
  readonly positionEncoding: 'learned' | 'sinusoidal';
  readonly maskZero: boolean;
  readonly tieWeights: boolean;
  protected readonly embeddingsInitializer: ReturnType<typeof resolveInitializer>;
  private tokenTable: tf.LayerVariable | undefined;
  private positionTable: tf.LayerVariable | undefined;

  constructor(args: TokenAndPositionEmbeddingLayerArgs) {
    rejectRenamedOptions(args);
    const parsed = parseLayerArgs(
      {
        vocabularySize: integerAtLeast(1),
        sequenceLength: integerAtLeast(1),
        embeddingDim: integerAtLeast(1),
        maskZero: v.optional(v.boolean(), false),
        embeddingsInitializer: v.optional(initializerSchema),
        positionEncoding: v.optional(v.picklist(['learned', 'sinusoidal']), 'learned'),
        tieWeights: v.optional(v.boolean(), true),
      },
      args,
    );
    super({ dtype: 'int32', ...args });
    this.vocabularySize = parsed.vocabularySize;
    this.sequenceLength = parsed.sequenceLength;
    this.embeddingDim = parsed.embeddingDim;
    this.positionEncoding = parsed.positionEncoding;
    this.maskZero = parsed.maskZero;
    this.tieWeights = parsed.tieWeights;
    this.embeddingsInitializer =
      args.embeddingsInitializer === undefined
        ? tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 })
        : resolveInitializer(args.embeddingsInitializer, 'randomUniform', 'embeddingsInitializer');
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    this.checkShape(inputShape);
    const [rows, dim] = [this.sequenceLength, this.embeddingDim];
    this.tokenTable = this.addWeight(this.weightName('token'), [this.vocabularySize, dim], 'float32', this.embeddingsInitializer);
    if (this.positionEncoding === 'learned') {
      this.positionTable = this.addWeight(this.weightName('learnedPosition'), [rows, dim], 'float32', this.embeddingsInitializer);
    } else {
      this.positionTable = this.addWeight(this.weightName('sinusoidalPosition'), [rows, dim], 'float32', tf.initializers.zeros(), undefined, false);
      const encoding = tf.tensor2d(sinusoidalPositionEncoding(rows, dim), [rows, dim]);
      this.positionTable.write(encoding);
      encoding.dispose();
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = this.checkShape(inputShape);
    return [shape[0] ?? null, shape[1] ?? null, this.embeddingDim];
  }

  override computeMask(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    if (!this.maskZero) return null as unknown as tf.Tensor;
    const ids = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.notEqual(ids, 0);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], this.getClassName());
    const input = Array.isArray(inputs) ? inputs[0]! : inputs;
    this.checkShape(input.shape);
    return tf.tidy(() => {
      const ids = tf.cast(input, 'int32');
      const tokens = tf.gather((this.tokenTable as tf.LayerVariable).read(), ids);
      const positions = tf.slice((this.positionTable as tf.LayerVariable).read(), [0, 0], [ids.shape[1] as number, this.embeddingDim]);
      return tf.add(tokens, positions);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      vocabularySize: this.vocabularySize,
      sequenceLength: this.sequenceLength,
      embeddingDim: this.embeddingDim,
      maskZero: this.maskZero,
      embeddingsInitializer: serializeInitializer(this.embeddingsInitializer),
      positionEncoding: this.positionEncoding,
      tieWeights: this.tieWeights,
    };
  }

  /** Weight names: keras_hub's (sub-layer `token_embedding` and `position_embedding`). */
  protected weightName(role: EmbeddingWeightRole): string {
    return { token: 'token_embedding/embeddings', learnedPosition: 'position_embedding/embeddings', sinusoidalPosition: 'position_embedding/encoding' }[role];
  }

  private checkShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const expected = `[batch, time] token ids with time <= ${this.sequenceLength} (for features [batch, time, dim], use PositionEmbedding)`;
    return requireSequenceShape(shapeList(inputShape)[0]!, 2, this.sequenceLength, `${this.getClassName()} input`, expected);
  }
}
tf.serialization.registerClass(TokenAndPositionEmbedding, registrationPackage);

/**
 * Creates a {@link TokenAndPositionEmbedding} layer.
 *
 * @param args - see {@link TokenAndPositionEmbeddingLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { tokenAndPositionEmbedding } from '@dl/softmax-attention';
 * const embed = tokenAndPositionEmbedding({ vocabularySize: 1000, sequenceLength: 32, embeddingDim: 16, positionEncoding: 'sinusoidal' });
 * ```
 */
export function tokenAndPositionEmbedding(args: TokenAndPositionEmbeddingLayerArgs): TokenAndPositionEmbedding {
  return new TokenAndPositionEmbedding(args);
}
