import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { initializerSchema, integerAtLeast, parseLayerArgs } from '../internal/validate.js';
import { registrationPackage, type InitializerLike, type LayerArgs } from './internal/serialization.js';
import { TokenAndPositionEmbedding, type EmbeddingWeightRole } from './token-and-position-embedding.js';

export { sinusoidalPositionEncoding } from './token-and-position-embedding.js';

/**
 * Constructor arguments of the deprecated {@link PositionalEmbedding}.
 *
 * @deprecated Use {@link TokenAndPositionEmbeddingLayerArgs}: `inputDim` is `vocabularySize`,
 * `outputDim` is `embeddingDim`.
 */
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
 * The earlier name of {@link TokenAndPositionEmbedding} (it embeds token ids *and* positions,
 * which Keras calls `TokenAndPositionEmbedding`; keras_hub's `PositionEmbedding` is
 * {@link PositionEmbedding}). It computes exactly what `TokenAndPositionEmbedding` does and
 * keeps its old option names (`inputDim`, `outputDim`), config and weight names
 * (`token_embeddings`, `position_embeddings` / `position_encoding`), so that models saved
 * under the name `PositionalEmbedding` still load.
 *
 * @deprecated Use {@link TokenAndPositionEmbedding} (`inputDim` → `vocabularySize`,
 * `outputDim` → `embeddingDim`). This alias stays for saved models.
 * @example
 * ```ts
 * import { tokenAndPositionEmbedding } from '@dl/softmax-attention';
 * // was: positionalEmbedding({ inputDim: 5000, outputDim: 32, sequenceLength: 64, maskZero: true })
 * const embed = tokenAndPositionEmbedding({ vocabularySize: 5000, embeddingDim: 32, sequenceLength: 64, maskZero: true });
 * ```
 */
export class PositionalEmbedding extends TokenAndPositionEmbedding {
  static override className = 'PositionalEmbedding';

  constructor(args: PositionalEmbeddingLayerArgs) {
    parseLayerArgs(
      {
        inputDim: integerAtLeast(1),
        outputDim: integerAtLeast(1),
        sequenceLength: integerAtLeast(1),
        positionEncoding: v.optional(v.picklist(['learned', 'sinusoidal'])),
        maskZero: v.optional(v.boolean()),
        embeddingsInitializer: v.optional(initializerSchema),
      },
      args,
    );
    const { inputDim, outputDim, ...rest } = args;
    super({ ...rest, vocabularySize: inputDim, embeddingDim: outputDim });
  }

  override getConfig(): tf.serialization.ConfigDict {
    // The config it wrote before the rename (no tieWeights), so saved and new configs are alike.
    const { vocabularySize, embeddingDim, tieWeights: _tieWeights, ...rest } = super.getConfig();
    return { ...rest, inputDim: vocabularySize ?? this.vocabularySize, outputDim: embeddingDim ?? this.embeddingDim };
  }

  /** The weight names this layer saved before the rename. */
  protected override weightName(role: EmbeddingWeightRole): string {
    return { token: 'token_embeddings', learnedPosition: 'position_embeddings', sinusoidalPosition: 'position_encoding' }[role];
  }
}
tf.serialization.registerClass(PositionalEmbedding, registrationPackage);

/**
 * Creates a {@link PositionalEmbedding} layer.
 *
 * @deprecated Use {@link tokenAndPositionEmbedding} (`inputDim` → `vocabularySize`, `outputDim` → `embeddingDim`).
 * @param args - see {@link PositionalEmbeddingLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { tokenAndPositionEmbedding } from '@dl/softmax-attention';
 * const embed = tokenAndPositionEmbedding({ vocabularySize: 1000, embeddingDim: 16, sequenceLength: 32, positionEncoding: 'sinusoidal' });
 * ```
 */
export function positionalEmbedding(args: PositionalEmbeddingLayerArgs): PositionalEmbedding {
  return new PositionalEmbedding(args);
}
