import { fail, requireIntegerIn, requireNumberIn, requireOptions, requirePositive } from './check-args.js';

/** Options of {@link slantedTriangularLearningRate}. */
export interface SlantedTriangularOptions {
  /** The training step t, an integer in [0, totalSteps]. */
  readonly step: number;
  /** The number of training steps T, an integer ≥ 1. */
  readonly totalSteps: number;
  /** The peak learning rate η_max > 0, reached at step ⌊T · cutFraction⌋. */
  readonly maxRate: number;
  /** The share of steps spent warming up, in (0, 1) (ULMFiT: 0.1). */
  readonly cutFraction?: number;
  /** How much smaller the lowest rate is than η_max, ≥ 1 (ULMFiT: 32). */
  readonly ratio?: number;
}

/**
 * The slanted triangular learning rate of ULMFiT (Howard & Ruder 2018, eq. 3): a short linear
 * increase from `η_max / ratio` to `η_max` over the first `cut = ⌊T · cutFraction⌋` steps, then a
 * long linear decrease back to `η_max / ratio` at step T:
 *
 * `p = t / cut` for t < cut, else `1 - (t - cut) / (cut · (1/cutFraction - 1))`;
 * `η_t = η_max · (1 + p (ratio - 1)) / ratio`.
 *
 * The quick warm-up lets the model find a good region of parameter space for the new task;
 * the long decay then refines it.
 *
 * @param options.step - the step t in [0, totalSteps].
 * @param options.totalSteps - T ≥ 1 (with cutFraction, it must give cut ≥ 1).
 * @param options.maxRate - η_max > 0.
 * @param options.cutFraction - in (0, 1), default 0.1.
 * @param options.ratio - ≥ 1, default 32.
 * @returns η_t.
 * @throws ConfigError for an unknown option, a step outside [0, T], or out-of-range values.
 * @example
 * ```ts
 * import { slantedTriangularLearningRate } from '@dl/transfer-fusion';
 * slantedTriangularLearningRate({ step: 0, totalSteps: 1000, maxRate: 0.01 });   // 0.0003125 (= 0.01/32)
 * slantedTriangularLearningRate({ step: 50, totalSteps: 1000, maxRate: 0.01 });  // 0.00515625
 * slantedTriangularLearningRate({ step: 100, totalSteps: 1000, maxRate: 0.01 }); // 0.01 (the peak)
 * ```
 */
export function slantedTriangularLearningRate(options: SlantedTriangularOptions): number {
  const where = 'slantedTriangularLearningRate';
  const o = requireOptions(options, ['step', 'totalSteps', 'maxRate', 'cutFraction', 'ratio'], where);
  const total = requireIntegerIn(o.totalSteps, 'totalSteps', where, 1);
  const step = requireIntegerIn(o.step, 'step', where, 0, total);
  const maxRate = requirePositive(o.maxRate, 'maxRate', where);
  const cutFraction = o.cutFraction === undefined ? 0.1 : requireNumberIn(o.cutFraction, 'cutFraction', where, 0, 1, true);
  if (cutFraction === 1) fail('cutFraction', cutFraction, `a number in (0, 1): some steps must be left to decay (${where})`);
  const ratio = o.ratio === undefined ? 32 : requireNumberIn(o.ratio, 'ratio', where, 1, Number.MAX_VALUE);
  const cut = Math.floor(total * cutFraction);
  if (cut < 1) fail('totalSteps', total, `enough steps that ⌊totalSteps · cutFraction⌋ ≥ 1 (${where})`, { cutFraction });
  const p = step < cut ? step / cut : 1 - (step - cut) / (cut * (1 / cutFraction - 1));
  return (maxRate * (1 + p * (ratio - 1))) / ratio;
}
