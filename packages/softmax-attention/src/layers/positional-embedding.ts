import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
import {
  registrationPackage,
  resolveInitializer,
  serializeInitializer,
  shapeList,
  type InitializerLike,
  type LayerArgs,
} from './internal/serialization.js';
import * as v from 'valibot';
import { checkCallArgs, initializerSchema, integerAtLeast, parseLayerArgs } from '../internal/validate.js';

/** Constructor arguments of {@link PositionalEmbedding}. */
export interface PositionalEmbeddingLayerArgs extends LayerArgs {
  /** Vocabulary size (token ids are in [0, inputDim)). */
  readonly inputDim: number;
  /** Embedding size. */
  readonly outputDim: number;
  /** Longest sequence the layer accepts (number of positions). */
  readonly sequenceLength: number;
  /** `learned` (default): a trained table of positions; `sinusoidal`: the fixed encoding of Vaswani et al. */
  readonly positionEncoding?: 'learned' | 'sinusoidal';
  /** Treat token id 0 as padding and emit a mask for downstream layers. Default false. */
  readonly maskZero?: boolean;
  /** For the token (and learned position) tables. Default: uniform in [-0.05, 0.05], as Keras's Embedding. */
  readonly embeddingsInitializer?: InitializerLike;
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

/**
 * Token embedding plus position embedding, the input layer of a Transformer:
 * `out[b, t] = E_token[ids[b, t]] + E_position[t]`.
 *
 * **Input shape:** `[batch, time]` token ids, `time <= sequenceLength`.
 * **Output shape:** `[batch, time, outputDim]` (with a `[batch, time]` mask when `maskZero`).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { positionalEmbedding } from '@dl/softmax-attention';
 * const ids = tf.input({ shape: [64], dtype: 'int32' });
 * const x = positionalEmbedding({ inputDim: 5000, outputDim: 32, sequenceLength: 64, maskZero: true }).apply(ids);
 * ```
 */
export class PositionalEmbedding extends tf.layers.Layer {
  static className = 'PositionalEmbedding';
  readonly inputDim: number;
  readonly outputDim: number;
  readonly sequenceLength: number;
  readonly positionEncoding: 'learned' | 'sinusoidal';
  readonly maskZero: boolean;
  private readonly embeddingsInitializer: ReturnType<typeof resolveInitializer>;
  private tokenTable: tf.LayerVariable | undefined;
  private positionTable: tf.LayerVariable | undefined;

  constructor(args: PositionalEmbeddingLayerArgs) {
    const parsed = parseLayerArgs(
      {
        inputDim: integerAtLeast(1),
        outputDim: integerAtLeast(1),
        sequenceLength: integerAtLeast(1),
        positionEncoding: v.optional(v.picklist(['learned', 'sinusoidal']), 'learned'),
        maskZero: v.optional(v.boolean(), false),
        embeddingsInitializer: v.optional(initializerSchema),
      },
      args,
    );
    super({ dtype: 'int32', ...args });
    this.inputDim = parsed.inputDim;
    this.outputDim = parsed.outputDim;
    this.sequenceLength = parsed.sequenceLength;
    this.positionEncoding = parsed.positionEncoding;
    this.maskZero = parsed.maskZero;
    this.embeddingsInitializer = args.embeddingsInitializer === undefined
      ? tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 })
      : resolveInitializer(args.embeddingsInitializer, 'randomUniform', 'embeddingsInitializer');
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    this.checkShape(inputShape);
    this.tokenTable = this.addWeight('token_embeddings', [this.inputDim, this.outputDim], 'float32', this.embeddingsInitializer);
    if (this.positionEncoding === 'learned') {
      this.positionTable = this.addWeight('position_embeddings', [this.sequenceLength, this.outputDim], 'float32', this.embeddingsInitializer);
    } else {
      this.positionTable = this.addWeight('position_encoding', [this.sequenceLength, this.outputDim], 'float32', tf.initializers.zeros(), undefined, false);
      this.positionTable.write(tf.tensor2d(sinusoidalPositionEncoding(this.sequenceLength, this.outputDim), [this.sequenceLength, this.outputDim]));
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = this.checkShape(inputShape);
    return [shape[0] ?? null, shape[1] ?? null, this.outputDim];
  }

  override computeMask(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    if (!this.maskZero) return null as unknown as tf.Tensor;
    const ids = Array.isArray(inputs) ? inputs[0]! : inputs;
    return tf.notEqual(ids, 0);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'PositionalEmbedding');
    return tf.tidy(() => {
      const ids = tf.cast(Array.isArray(inputs) ? inputs[0]! : inputs, 'int32');
      const time = ids.shape[1] as number;
      const tokens = tf.gather((this.tokenTable as tf.LayerVariable).read(), ids);
      const positions = tf.slice((this.positionTable as tf.LayerVariable).read(), [0, 0], [time, this.outputDim]);
      return tf.add(tokens, positions);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      sequenceLength: this.sequenceLength,
      positionEncoding: this.positionEncoding,
      maskZero: this.maskZero,
      embeddingsInitializer: serializeInitializer(this.embeddingsInitializer),
    };
  }

  private checkShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = shapeList(inputShape)[0]!;
    if (shape.length !== 2 || (shape[1] !== null && (shape[1] as number) > this.sequenceLength)) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'PositionalEmbedding input', expected: `[batch, time] token ids with time <= ${this.sequenceLength}`, actual: shape });
    }
    return shape;
  }
}
tf.serialization.registerClass(PositionalEmbedding, registrationPackage);

/**
 * Creates a {@link PositionalEmbedding} layer.
 *
 * @param args - see {@link PositionalEmbeddingLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { positionalEmbedding } from '@dl/softmax-attention';
 * const embed = positionalEmbedding({ inputDim: 1000, outputDim: 16, sequenceLength: 32, positionEncoding: 'sinusoidal' });
 * ```
 */
export function positionalEmbedding(args: PositionalEmbeddingLayerArgs): PositionalEmbedding {
  return new PositionalEmbedding(args);
}
