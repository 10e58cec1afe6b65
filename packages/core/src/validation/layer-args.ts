import * as v from 'valibot';

/**
 * valibot entries for the arguments every tfjs layer takes (`tf.layers.Layer`'s
 * `LayerArgs`: `name`, `trainable`, `inputShape`, `batchInputShape`, `batchSize`, `dtype`,
 * `weights`, `inputDType`, and the `customObjects` tfjs adds when it loads a model), to spread
 * into a layer's strict schema so that its own options are checked strictly and the base ones
 * still pass through to tfjs.
 *
 * @example
 * ```ts
 * import * as v from 'valibot';
 * import { layerArgsEntries, parseOptions } from '@dl/core';
 * const Args = v.strictObject({ ...layerArgsEntries, units: v.pipe(v.number(), v.integer(), v.minValue(1)) });
 * parseOptions(Args, { units: 4, name: 'cell' }); // ok
 * parseOptions(Args, { unit: 4 }); // ConfigError: no option named 'unit' (did you mean 'units'? ...)
 * ```
 */
export const layerArgsEntries = {
  name: v.optional(v.string()),
  trainable: v.optional(v.boolean()),
  inputShape: v.optional(v.array(v.nullable(v.number()))),
  batchInputShape: v.optional(v.array(v.nullable(v.number()))),
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  dtype: v.optional(v.string()),
  weights: v.optional(v.array(v.unknown())),
  inputDType: v.optional(v.string()),
  /** Added by tfjs when it deserializes a layer (`tf.loadLayersModel`); not a user option. */
  customObjects: v.optional(v.unknown()),
};
