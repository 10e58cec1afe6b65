import type * as tf from '@tensorflow/tfjs';
import { layerSchemas, layerValidation } from '@dl/core';

export { serializeInitializer, type InitializerLike } from '@dl/core';

/** The base arguments of every tfjs layer (name, inputShape, trainable, ...). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** A tfjs initializer. */
export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** Option checks bound to this package's name (see `layerValidation` in @dl/core). */
export const { parseLayerArgs, checkCallArgs, resolveInitializer, rejectUnknownKeys } = layerValidation('recurrent');

/** A dropout rate in [0, 1) (valibot). */
export const rateSchema = layerSchemas.rate;

/** An initializer, its name or its serialized form; `resolveInitializer` checks it. */
export const initializerSchema = layerSchemas.initializer;
