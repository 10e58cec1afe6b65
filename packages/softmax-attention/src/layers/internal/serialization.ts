import * as tf from '@tensorflow/tfjs';

/** The base arguments of every tfjs layer (name, inputShape, trainable, ...). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

export type { InitializerLike } from '@dl/core';

/**
 * The `pkg` argument every layer of this package passes to `tf.serialization.registerClass`.
 *
 * Serialized names are the bare class names. tfjs 4.22 writes a layer's bare `className` into
 * model.json and looks classes up by it alone (`SerializationMap.classNameMap[className]`); the
 * package only prefixes the key of `tf.serialization.GLOBALCUSTOMNAMES`, which loading never
 * reads. We keep it that way on purpose, rather than registering `@dl/softmax-attention>Name`
 * under a `name` of its own:
 * - Layers that implement a Keras layer keep Keras's name (`MultiHeadAttention`,
 *   `AdditiveAttention`, `TransformerEncoder`, `PositionEmbedding`, `TokenAndPositionEmbedding`),
 *   so a Keras-style config (snake_case keys, bare class names) loads into them and means the
 *   same; a prefixed name would make every such file fail with "Unknown layer".
 * - Layers of our own use names Keras and tfjs do not (`AttentionPooling`, `PositionalEmbedding`).
 * The price is collisions: another library that registers the same bare name replaces ours in
 * the same process (last registration wins), so do not load two implementations of
 * `MultiHeadAttention` side by side. tfjs-layers exports none of these names in 4.22.
 */
export const registrationPackage = '@dl/softmax-attention';

export { resolveInitializer } from '../../internal/validate.js';
export { serializeInitializer } from '@dl/core';

/** Normalises a layer's input shape argument to a list of shapes. */
export function shapeList(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
  return Array.isArray(inputShape[0]) || inputShape[0] === undefined ? (inputShape as tf.Shape[]) : [inputShape as tf.Shape];
}

/** Normalises call inputs to a list of tensors. */
export function tensorList(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(inputs) ? inputs : [inputs];
}
