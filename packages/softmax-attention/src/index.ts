/**
 * Softmax done right and attention for TensorFlow.js: stable, masked softmax with its
 * Jacobian; scaled dot-product attention; and the attention layers tfjs does not export.
 *
 * @packageDocumentation
 */
export { causalMask, scaledDotProductAttention, type AttentionOptions, type AttentionResult } from './ops/attention.js';
export { logSoftmax, softmax, type SoftmaxOptions } from './ops/softmax.js';
export { softmaxCrossEntropy } from './ops/softmax-cross-entropy.js';
export { softmaxJacobian, softmaxVjp } from './ops/softmax-jacobian.js';
export { AdditiveAttention, additiveAttention, type AdditiveAttentionLayerArgs } from './layers/additive-attention.js';
export { AttentionPooling, attentionPooling, type AttentionPoolingLayerArgs } from './layers/attention-pooling.js';
export {
  MultiHeadAttention,
  multiHeadAttention,
  type MultiHeadAttentionApplyArgs,
  type MultiHeadAttentionCallArgs,
  type MultiHeadAttentionLayerArgs,
} from './layers/multi-head-attention.js';
export { PositionEmbedding, positionEmbedding, type PositionEmbeddingLayerArgs } from './layers/position-embedding.js';
export { PositionalEmbedding, positionalEmbedding, type PositionalEmbeddingLayerArgs } from './layers/positional-embedding.js';
export {
  TokenAndPositionEmbedding,
  tokenAndPositionEmbedding,
  type EmbeddingWeightRole,
  sinusoidalPositionEncoding,
  type TokenAndPositionEmbeddingLayerArgs,
} from './layers/token-and-position-embedding.js';
export type { InitializerLike, LayerArgs } from './layers/internal/serialization.js';
export { gelu, type GeluOptions } from './ops/gelu.js';
export {
  TransformerEncoder,
  transformerEncoder,
  type TransformerEncoderActivation,
  type TransformerEncoderLayerArgs,
} from './layers/transformer-encoder.js';
export { createAttentionTextClassifier, type AttentionTextClassifierOptions } from './models/attention-text-classifier.js';
export {
  explainAttention,
  topAttendedTokens,
  type AttendedToken,
  type TokenLookup,
  type TopAttendedTokensOptions,
} from './models/explain-attention.js';
