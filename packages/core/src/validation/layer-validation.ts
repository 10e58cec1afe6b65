import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { ConfigError } from '../errors/config-error.js';
import type { Initializer } from '../random/seeded-initializers.js';
import { layerArgsEntries } from './layer-args.js';
import { parseOptions } from './parse-options.js';
import { suggestName } from './suggest-name.js';


/** A tfjs initializer, or its name (`'glorotUniform'`), or its serialized form. */
export type InitializerLike = Initializer | string | { className: string; config: tf.serialization.ConfigDict };

/** Context of {@link LayerValidation.rejectUnknownKeys}. */
export interface UnknownKeysContext {
  readonly kind: 'option' | 'call argument';
  /** Where the keys go, for the message (`'softmax'`, `'MultiHeadAttention'`). */
  readonly where: string;
  /** Messages for names users try, instead of the closest allowed name. */
  readonly hints?: Readonly<Record<string, string>>;
}

/** The validation helpers of {@link layerValidation}, bound to one package's name. */
export interface LayerValidation {
  /**
   * Validates a layer's constructor arguments against a strict schema of its own entries
   * plus tfjs's base layer arguments (`name`, `trainable`, `inputShape`, ...): an unknown or
   * misspelled key, a wrong type or an out-of-range value is a ConfigError naming the field
   * (with the closest allowed name), before the layer exists.
   */
  parseLayerArgs<const TEntries extends v.ObjectEntries>(entries: TEntries, args: unknown): v.InferOutput<v.StrictObjectSchema<TEntries & typeof layerArgsEntries, undefined>>;
  /**
   * Throws a ConfigError for a key of `object` not in `allowed` (keys set to `undefined` are
   * ignored): JavaScript callers get no compile-time check, and a misspelled option would
   * otherwise be ignored. The message names the closest allowed key, or `hints[key]`.
   */
  rejectUnknownKeys(object: object, allowed: readonly string[], context: UnknownKeysContext): void;
  /**
   * Throws a ConfigError for a call argument the layer does not take (besides tfjs's own
   * `mask` and `training`): tfjs would ignore it silently.
   */
  checkCallArgs(kwargs: object, allowed: readonly string[], layer: string, hints?: Readonly<Record<string, string>>): void;
  /** Turns an {@link InitializerLike} (or `fallback`, a tfjs initializer name) into an initializer. */
  resolveInitializer(value: InitializerLike | undefined, fallback: string, field: string): Initializer;
}

/** Call arguments tfjs itself passes to every layer's `call`. */
const tfjsCallArgs = ['mask', 'training'];

/**
 * The option and argument checks every layer package needs, with errors that name the
 * package (`[@dl/recurrent] Invalid option 'units' ...`). Each package binds them once:
 * `export const { parseLayerArgs, checkCallArgs } = layerValidation('recurrent');`.
 *
 * @param packageName - the package named in the errors, without `@dl/`.
 * @returns the bound helpers.
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { layerValidation } from '@dl/core';
 * const { parseLayerArgs } = layerValidation('my-layers');
 * parseLayerArgs({ units: v.number() }, { unit: 4 }); // ConfigError: no option named 'unit' (did you mean 'units'? ...)
 * ```
 */
export function layerValidation(packageName: string): LayerValidation {
  const rejectUnknownKeys = (object: object, allowed: readonly string[], context: UnknownKeysContext): void => {
    if (typeof object !== 'object' || object === null) {
      throw new ConfigError({ package: packageName, path: '', value: object, expected: `an object of ${context.kind}s for ${context.where}` });
    }
    for (const [key, value] of Object.entries(object)) {
      if (allowed.includes(key) || value === undefined) continue;
      const suggestion = suggestName(key, allowed);
      const hint = context.hints?.[key] ?? (suggestion === undefined ? '' : `did you mean '${suggestion}'? `);
      throw new ConfigError({
        package: packageName,
        path: key,
        value,
        expected: `no ${context.kind} named '${key}' in ${context.where} (${hint}${context.kind}s: ${allowed.join(', ')})`,
      });
    }
  };
  return {
    parseLayerArgs: (entries, args) => parseOptions(v.strictObject({ ...layerArgsEntries, ...entries }), args, { package: packageName }),
    rejectUnknownKeys,
    checkCallArgs: (kwargs, allowed, layer, hints = {}) => rejectUnknownKeys(kwargs, [...tfjsCallArgs, ...allowed], { kind: 'call argument', where: layer, hints }),
    resolveInitializer: (value, fallback, field) => {
      const identifier = value ?? fallback;
      if (typeof identifier === 'string') {
        const factory = (tf.initializers as unknown as Record<string, ((config?: object) => Initializer) | undefined>)[identifier];
        if (typeof factory !== 'function') {
          throw new ConfigError({ package: packageName, path: field, value: identifier, expected: "a tfjs initializer name such as 'glorotUniform' or 'zeros', or an initializer" });
        }
        return factory({});
      }
      if ('apply' in identifier && typeof identifier.apply === 'function') return identifier as Initializer;
      const entry = tf.serialization.SerializationMap.getMap().classNameMap[(identifier as { className: string }).className];
      if (entry === undefined) throw new ConfigError({ package: packageName, path: field, value: identifier, expected: 'a registered initializer class' });
      const [cls, fromConfig] = entry;
      return fromConfig(cls, (identifier as { config: tf.serialization.ConfigDict }).config) as unknown as Initializer;
    },
  };
}

/**
 * The serialized form of an initializer, for a layer's `getConfig` (unset fields such as a
 * missing seed become `null`, as they come back from JSON).
 *
 * @param initializer - the initializer.
 * @returns `{ className, config }`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { serializeInitializer } from '@dl/core';
 * serializeInitializer(tf.initializers.zeros()); // { className: 'Zeros', config: {} }
 * ```
 */
export function serializeInitializer(initializer: Initializer): tf.serialization.ConfigDict {
  const config = Object.fromEntries(Object.entries(initializer.getConfig()).map(([key, value]) => [key, value ?? null]));
  return { className: initializer.getClassName(), config } as tf.serialization.ConfigDict;
}

/**
 * valibot entries for layer schemas: an integer `>= min`, a dropout rate in [0, 1), and an
 * initializer (checked later by {@link LayerValidation.resolveInitializer}).
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { layerSchemas } from '@dl/core';
 * const Args = v.object({ units: layerSchemas.integerAtLeast(1), dropout: layerSchemas.rate });
 * ```
 */
export const layerSchemas = {
  integerAtLeast: (min = 1) => v.pipe(v.number(), v.integer(), v.minValue(min)),
  rate: v.pipe(v.number(), v.minValue(0), v.ltValue(1, 'a number in [0, 1)')),
  initializer: v.custom<InitializerLike>(() => true),
};
