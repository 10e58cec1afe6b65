import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@dl/core';

/** The base arguments of every tfjs layer (name, inputShape, trainable, ...). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** A tfjs initializer, or its name (`'glorotUniform'`), or its serialized form. */
export type InitializerLike = ReturnType<typeof tf.initializers.glorotUniform> | string | { className: string; config: tf.serialization.ConfigDict };

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

/** Turns an {@link InitializerLike} into an initializer (string names are tfjs's lowerCamel ones). */
export function resolveInitializer(value: InitializerLike | undefined, fallback: string, field: string): ReturnType<typeof tf.initializers.glorotUniform> {
  const identifier = value ?? fallback;
  if (typeof identifier === 'string') {
    const factory = (tf.initializers as unknown as Record<string, ((config?: object) => ReturnType<typeof tf.initializers.glorotUniform>) | undefined>)[identifier];
    if (typeof factory !== 'function') {
      throw new ConfigError({ package: 'softmax-attention', path: field, value: identifier, expected: "a tfjs initializer name such as 'glorotUniform' or 'zeros', or an initializer" });
    }
    return factory({});
  }
  if ('apply' in identifier && typeof identifier.apply === 'function') return identifier as ReturnType<typeof tf.initializers.glorotUniform>;
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[(identifier as { className: string }).className];
  if (entry === undefined) {
    throw new ConfigError({ package: 'softmax-attention', path: field, value: identifier, expected: 'a registered initializer class' });
  }
  const [cls, fromConfig] = entry;
  return fromConfig(cls, (identifier as { config: tf.serialization.ConfigDict }).config) as unknown as ReturnType<typeof tf.initializers.glorotUniform>;
}

/** The serialized form of an initializer, for `getConfig`. */
export function serializeInitializer(initializer: ReturnType<typeof tf.initializers.glorotUniform>): tf.serialization.ConfigDict {
  // undefined (e.g. no seed) becomes null, as it comes back from JSON.
  const config = Object.fromEntries(Object.entries(initializer.getConfig()).map(([key, value]) => [key, value ?? null]));
  return { className: initializer.getClassName(), config } as tf.serialization.ConfigDict;
}

/** Normalises a layer's input shape argument to a list of shapes. */
export function shapeList(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
  return Array.isArray(inputShape[0]) || inputShape[0] === undefined ? (inputShape as tf.Shape[]) : [inputShape as tf.Shape];
}

/** Normalises call inputs to a list of tensors. */
export function tensorList(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(inputs) ? inputs : [inputs];
}
