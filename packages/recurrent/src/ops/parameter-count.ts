import { ConfigError } from '@dl/core';
import type { CellKind } from './recurrence-engine.js';

/** Arguments of {@link recurrentParameterCount}. */
export interface ParameterCountArgs {
  readonly cell: CellKind;
  readonly inputDim: number;
  readonly units: number;
  /** GRU only; default `true` (Keras's default: two bias vectors). */
  readonly resetAfter?: boolean;
  /** Default `true`. */
  readonly useBias?: boolean;
}

/**
 * The number of trainable parameters of one recurrent layer in the Keras layout, from the
 * cell equations: with `G` gates (SimpleRNN 1, LSTM 4, GRU 3), `G·(d·u + u·u)` weights plus
 * `G·u` biases, or `2·G·u` for a GRU with `resetAfter` (separate input and recurrent biases).
 *
 * @param args - cell, input dimension `d`, units `u`, and (GRU) `resetAfter`.
 * @returns the count.
 * @example
 * ```ts
 * import { recurrentParameterCount } from '@dl/recurrent';
 * recurrentParameterCount({ cell: 'lstm', inputDim: 100, units: 32 }); // 4·(100·32 + 32·32 + 32) = 17024
 * recurrentParameterCount({ cell: 'gru', inputDim: 100, units: 32 }); // 3·(100·32 + 32·32) + 2·3·32 = 12864
 * ```
 */
export function recurrentParameterCount(args: ParameterCountArgs): number {
  const { cell, inputDim, units } = args;
  for (const [field, value] of [['inputDim', inputDim], ['units', units]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new ConfigError({ package: 'recurrent', path: field, value, expected: 'an integer >= 1' });
  }
  if (cell !== 'simple' && cell !== 'lstm' && cell !== 'gru') {
    throw new ConfigError({ package: 'recurrent', path: 'cell', value: cell, expected: "'simple', 'lstm' or 'gru'" });
  }
  const gates = cell === 'simple' ? 1 : cell === 'lstm' ? 4 : 3;
  const weights = gates * (inputDim * units + units * units);
  if (args.useBias === false) return weights;
  const biasRows = cell === 'gru' && (args.resetAfter ?? true) ? 2 : 1;
  return weights + biasRows * gates * units;
}
