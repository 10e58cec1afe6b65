import { ConfigError, parseOptions } from '@dl/core';
import * as v from 'valibot';
import { planImageStages } from './image-stages.js';

/** Options of {@link createVae}. */
export interface VaeOptions {
  /** Size of the latent code z (an integer >= 1): 2 to plot it, 16 or more for sharper reconstructions. Required. */
  readonly latentDim: number;
  /** `[height, width, channels]` of the images, pixels in [0, 1]; height and width multiples of `2 ** encoderFilters.length`. Required. */
  readonly imageShape: readonly [number, number, number];
  /** Filters of the encoder's stride-2 convolutions (4×4, 'same', ReLU), one stage each. Default `[32, 64]`. */
  readonly encoderFilters?: readonly number[];
  /**
   * Filters of the decoder's stride-2 transposed convolutions (4×4, 'same', ReLU), one stage each:
   * as many stages as the encoder, which it mirrors. Default: `encoderFilters` reversed.
   */
  readonly decoderFilters?: readonly number[];
  /** Units of the dense ReLU layer after the encoder's convolutions and before the decoder's projection; 0 for none. Default 128. */
  readonly hiddenUnits?: number;
  /** Weight of the KL term in the training loss (β-VAE; 1 is the plain VAE and the ELBO). Default 1. */
  readonly beta?: number;
  /** Adam's learning rate. Default 1e-3. */
  readonly learningRate?: number;
  /** Seeds the initializers and the `Sampling` layer's noise. */
  readonly seed?: number;
}

const positive = v.pipe(v.number(), v.integer(), v.minValue(1));
const filtersSchema = v.pipe(v.array(positive), v.minLength(1, 'at least one stage'));

const OptionsSchema = v.strictObject({
  latentDim: positive,
  imageShape: v.tuple([positive, positive, positive]),
  encoderFilters: v.optional(filtersSchema, [32, 64]),
  decoderFilters: v.optional(filtersSchema),
  hiddenUnits: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 128),
  beta: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)), 1),
  learningRate: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0)), 1e-3),
  seed: v.optional(v.pipe(v.number(), v.finite())),
});

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const optionsMatchSchema: SameKeys<VaeOptions, v.InferInput<typeof OptionsSchema>> = true;
void optionsMatchSchema;

/** {@link VaeOptions} with defaults filled in and the geometry planned. */
export interface ResolvedVaeOptions {
  readonly latentDim: number;
  readonly imageShape: readonly [number, number, number];
  readonly encoderFilters: readonly number[];
  readonly decoderFilters: readonly number[];
  readonly hiddenUnits: number;
  readonly beta: number;
  readonly learningRate: number;
  readonly seed: number | undefined;
  /** Height and width at the bottom of the encoder, where the decoder starts. */
  readonly baseHeight: number;
  readonly baseWidth: number;
}

/**
 * Validates {@link VaeOptions}: strict keys, ranges, the decoder's stage count (it mirrors the
 * encoder) and image sizes the stride-2 stages can reach exactly.
 *
 * @throws ConfigError naming the field.
 */
export function resolveVaeOptions(options: VaeOptions): ResolvedVaeOptions {
  const o = parseOptions(OptionsSchema, options, { package: 'generative' });
  const decoderFilters = o.decoderFilters ?? [...o.encoderFilters].reverse();
  if (decoderFilters.length !== o.encoderFilters.length) {
    throw new ConfigError({
      package: 'generative',
      path: 'decoderFilters',
      value: decoderFilters,
      expected: `${o.encoderFilters.length} stage${o.encoderFilters.length === 1 ? '' : 's'}, as many as encoderFilters (the decoder mirrors the encoder)`,
    });
  }
  const { baseHeight, baseWidth } = planImageStages(o.imageShape, o.encoderFilters.length, 'imageShape');
  return { ...o, imageShape: o.imageShape, decoderFilters, seed: o.seed, baseHeight, baseWidth };
}
