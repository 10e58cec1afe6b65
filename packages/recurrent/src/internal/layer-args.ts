// TEMPORARY: the same helpers as softmax-attention's internal/validate.ts and
// layers/internal/serialization.ts; to move into @dl/core once its index is free to edit.
import * as tf from '@tensorflow/tfjs';
import { ConfigError, layerArgsEntries, parseOptions, suggestName } from '@dl/core';
import * as v from 'valibot';

/** A tfjs initializer. */
export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/** The base arguments of every tfjs layer (name, inputShape, trainable, ...). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** A tfjs initializer, or its name (`'glorotUniform'`), or its serialized form. */
export type InitializerLike = Initializer | string | { className: string; config: tf.serialization.ConfigDict };

/** A dropout rate in [0, 1) (valibot). */
export const rateSchema = v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)'));

/** An initializer, its name or its serialized form; `resolveInitializer` checks it. */
export const initializerSchema = v.custom<InitializerLike>(() => true);

/** Validates a layer's constructor arguments strictly (own entries plus tfjs's base layer arguments). */
export function parseLayerArgs<const TEntries extends v.ObjectEntries>(entries: TEntries, args: unknown): v.InferOutput<v.StrictObjectSchema<TEntries & typeof layerArgsEntries, undefined>> {
  return parseOptions(v.strictObject({ ...layerArgsEntries, ...entries }), args, { package: 'recurrent' });
}

/** Throws a ConfigError for a call argument the layer does not take (tfjs would ignore it). */
export function checkCallArgs(kwargs: object, allowed: readonly string[], layer: string, hints: Readonly<Record<string, string>> = {}): void {
  const names = ['mask', 'training', ...allowed];
  for (const [key, value] of Object.entries(kwargs)) {
    if (names.includes(key) || value === undefined) continue;
    const suggestion = suggestName(key, names);
    const hint = hints[key] ?? (suggestion === undefined ? '' : `did you mean '${suggestion}'? `);
    throw new ConfigError({ package: 'recurrent', path: key, value, expected: `no call argument named '${key}' in ${layer} (${hint}call arguments: ${names.join(', ')})` });
  }
}

/** Turns an {@link InitializerLike} into an initializer (string names are tfjs's lowerCamel ones). */
export function resolveInitializer(value: InitializerLike | undefined, fallback: string, field: string): Initializer {
  const identifier = value ?? fallback;
  if (typeof identifier === 'string') {
    const factory = (tf.initializers as unknown as Record<string, ((config?: object) => Initializer) | undefined>)[identifier];
    if (typeof factory !== 'function') {
      throw new ConfigError({ package: 'recurrent', path: field, value: identifier, expected: "a tfjs initializer name such as 'glorotUniform' or 'zeros', or an initializer" });
    }
    return factory({});
  }
  if ('apply' in identifier && typeof identifier.apply === 'function') return identifier as Initializer;
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[(identifier as { className: string }).className];
  if (entry === undefined) throw new ConfigError({ package: 'recurrent', path: field, value: identifier, expected: 'a registered initializer class' });
  const [cls, fromConfig] = entry;
  return fromConfig(cls, (identifier as { config: tf.serialization.ConfigDict }).config) as unknown as Initializer;
}

/** The serialized form of an initializer, for `getConfig`. */
export function serializeInitializer(initializer: Initializer): tf.serialization.ConfigDict {
  const config = Object.fromEntries(Object.entries(initializer.getConfig()).map(([key, value]) => [key, value ?? null]));
  return { className: initializer.getClassName(), config } as tf.serialization.ConfigDict;
}
