import * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@dl/core';
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

/** Constructor arguments of {@link PositionEmbedding} (as keras_hub's `PositionEmbedding`). */
export interface PositionEmbeddingLayerArgs extends LayerArgs {
  /** Number of positions the layer learns (longest input it takes, see `hierarchicalAlpha`). */
  readonly sequenceLength: number;
  /** For the position table. Default `glorotUniform`, as keras_hub. */
  readonly initializer?: InitializerLike;
  /**
   * keras_hub's weight for inputs longer than `sequenceLength` (up to `sequenceLength²`):
   * position `p` gets `α·u[⌊p/L⌋] + (1−α)·u[p mod L]` with `u = (E − α·E[0]) / (1−α)`
   * (hierarchical position embedding, Su 2020). Unused for shorter inputs. Default 0.4.
   */
  readonly hierarchicalAlpha?: number;
}

/**
 * A learned position embedding with keras_hub's `PositionEmbedding` semantics: the output is
 * the position table `E[t]` broadcast to the input's shape `[batch, time, features]`; the
 * input's values are not used, only its shape. Add it to the features yourself (as keras_hub
 * does), e.g. with `tf.layers.add`. The same class name and config keys as keras_hub mean a
 * Keras-written config loads with the same meaning. For token ids, or for padding masks
 * through the sum, use {@link TokenAndPositionEmbedding}; an incoming mask is passed on.
 *
 * **Input shape:** `[batch, time, features]`, `time <= sequenceLength²`.
 * **Output shape:** the input's; weight `embeddings` `[sequenceLength, features]`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { positionEmbedding } from '@dl/softmax-attention';
 * const ids = tf.input({ shape: [50], dtype: 'int32' });
 * const tokens = tf.layers.embedding({ inputDim: 5000, outputDim: 32 }).apply(ids) as tf.SymbolicTensor;
 * const positions = positionEmbedding({ sequenceLength: 50 }).apply(tokens) as tf.SymbolicTensor;
 * const x = tf.layers.add().apply([tokens, positions]) as tf.SymbolicTensor; // [null, 50, 32]
 * ```
 */
export class PositionEmbedding extends tf.layers.Layer {
  static className = 'PositionEmbedding';
  readonly sequenceLength: number;
  readonly hierarchicalAlpha: number;
  private readonly initializer: ReturnType<typeof resolveInitializer>;
  private table: tf.LayerVariable | undefined;

  constructor(args: PositionEmbeddingLayerArgs) {
    const parsed = parseLayerArgs(
      {
        sequenceLength: integerAtLeast(1),
        initializer: v.optional(initializerSchema),
        hierarchicalAlpha: v.optional(v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)')), 0.4),
      },
      args,
    );
    super(args);
    this.sequenceLength = parsed.sequenceLength;
    this.hierarchicalAlpha = parsed.hierarchicalAlpha;
    this.initializer = resolveInitializer(args.initializer, 'glorotUniform', 'initializer');
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = this.checkShape(inputShape);
    if (shape[2] === null || shape[2] === undefined) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'PositionEmbedding input', expected: '[batch, time, features] with a known features size', actual: shape });
    }
    this.table = this.addWeight('embeddings', [this.sequenceLength, shape[2]], 'float32', this.initializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [...this.checkShape(inputShape)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'PositionEmbedding');
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const [, time, features] = this.checkShape(x.shape) as number[];
    const table = this.table as tf.LayerVariable;
    if (features !== table.shape[1]) {
      throw new ShapeError({ package: 'softmax-attention', argument: 'PositionEmbedding input', expected: `[batch, time, ${table.shape[1]}] (the size it was built for)`, actual: x.shape });
    }
    return tf.tidy(() => tf.broadcastTo(this.positions(time!), x.shape));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      sequenceLength: this.sequenceLength,
      hierarchicalAlpha: this.hierarchicalAlpha,
      initializer: serializeInitializer(this.initializer),
    };
  }

  /** Rows `[time, features]` of the table for positions `0..time-1` (hierarchical beyond `sequenceLength`). */
  private positions(time: number): tf.Tensor {
    const table = (this.table as tf.LayerVariable).read();
    if (time <= this.sequenceLength) return tf.slice(table, [0, 0], [time, -1]);
    const alpha = this.hierarchicalAlpha;
    const u = tf.div(tf.sub(table, tf.mul(alpha, tf.slice(table, [0, 0], [1, -1]))), 1 - alpha);
    const p = tf.range(0, time, 1, 'int32');
    const length = tf.scalar(this.sequenceLength, 'int32');
    return tf.add(tf.mul(alpha, tf.gather(u, tf.floorDiv(p, length))), tf.mul(1 - alpha, tf.gather(u, tf.mod(p, length))));
  }

  private checkShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const limit = this.sequenceLength ** 2;
    return requireSequenceShape(shapeList(inputShape)[0]!, 3, limit, 'PositionEmbedding input', `[batch, time, features] with time <= ${limit} (sequenceLength², the hierarchical limit)`);
  }
}
tf.serialization.registerClass(PositionEmbedding, registrationPackage);

/**
 * Creates a {@link PositionEmbedding} layer.
 *
 * @param args - see {@link PositionEmbeddingLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { positionEmbedding } from '@dl/softmax-attention';
 * const positions = positionEmbedding({ sequenceLength: 128 });
 * ```
 */
export function positionEmbedding(args: PositionEmbeddingLayerArgs): PositionEmbedding {
  return new PositionEmbedding(args);
}
