import { requireIntegerIn, requireNumberIn, requireOptions, requirePositive } from './check-args.js';

/** Options of {@link layerwiseLearningRates}. */
export interface LayerwiseLearningRatesOptions {
  /** The learning rate of the top layer (or layer group), > 0. */
  readonly baseRate: number;
  /** The factor in (0, 1] per layer going down; ULMFiT uses 1/2.6. */
  readonly decay: number;
  /** The number of layers (or layer groups), an integer ≥ 1. */
  readonly layers: number;
}

/**
 * Discriminative (layer-wise decayed) learning rates, as in ULMFiT (Howard & Ruder 2018) and
 * layer-wise learning-rate decay for fine-tuning: the layer `l` steps below the top trains at
 * `baseRate · decay^l`. Lower layers hold more general features and need smaller changes; the top
 * layers and the new head adapt the most. decay = 1 is one shared rate; freezing is the limit 0.
 *
 * @param options.baseRate - the top layer's learning rate, > 0.
 * @param options.decay - the factor per layer, in (0, 1].
 * @param options.layers - how many layers or groups, ≥ 1.
 * @returns the rates in model order, input side first: entry i is for layer i, and the last
 *   entry (the top) is `baseRate`.
 * @throws ConfigError for an unknown option, a rate ≤ 0, a decay outside (0, 1] or a layer count
 *   that is not a positive integer.
 * @example
 * ```ts
 * import { layerwiseLearningRates } from '@dl/transfer-fusion';
 * layerwiseLearningRates({ baseRate: 1e-3, decay: 1 / 2.6, layers: 4 });
 * // [5.69e-5, 1.48e-4, 3.85e-4, 1e-3]  (bottom ... top)
 * ```
 */
export function layerwiseLearningRates(options: LayerwiseLearningRatesOptions): number[] {
  const where = 'layerwiseLearningRates';
  const o = requireOptions(options, ['baseRate', 'decay', 'layers'], where);
  const baseRate = requirePositive(o.baseRate, 'baseRate', where);
  const decay = requireNumberIn(o.decay, 'decay', where, 0, 1, true);
  const layers = requireIntegerIn(o.layers, 'layers', where, 1);
  return Array.from({ length: layers }, (_, i) => baseRate * decay ** (layers - 1 - i));
}
