import type * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@dl/core';
import { rejectUnknownKeys } from '../internal/layer-args.js';
import { recurrentActivationNames, type RecurrentActivation } from './activations.js';

/**
 * The weights of one recurrent cell in the Keras layout. With `G` gates (1 for SimpleRNN,
 * 4 for LSTM in the order i, f, c, o, 3 for GRU in the order z, r, h):
 * - `kernel`: `[inputDim, G·units]`
 * - `recurrentKernel`: `[units, G·units]`
 * - `bias`: `[G·units]`; for a GRU with `resetAfter`, `[2, 3·units]` (row 0 is added to the
 *   input projection, row 1 to the recurrent one, as in Keras and cuDNN).
 */
export interface CellWeights {
  readonly kernel: tf.Tensor;
  readonly recurrentKernel: tf.Tensor;
  readonly bias?: tf.Tensor | undefined;
}

/** Activations of a cell (Keras 2 defaults: `tanh` and `sigmoid`). */
export interface CellActivations {
  /** Of the candidate (and, in an LSTM, of the cell state on output). Default `'tanh'`. */
  readonly activation?: RecurrentActivation;
  /** Of the gates (LSTM, GRU). Default `'sigmoid'`. */
  readonly recurrentActivation?: RecurrentActivation;
  /**
   * A `[batch, units]` mask multiplied into the previous state where it enters the recurrent
   * products (recurrent dropout, the same mask at every step); the state itself is unmasked.
   */
  readonly recurrentMask?: tf.Tensor | undefined;
}

/**
 * Checks the options of a cell op strictly: no unknown key (a misspelled `recurentActivation`
 * would otherwise be ignored) and activations by their names in {@link recurrentActivationNames}.
 * A ConfigError names the field.
 */
export function checkCellOptions(options: object, where: string, extraKeys: readonly string[] = []): void {
  rejectUnknownKeys(options, ['activation', 'recurrentActivation', 'recurrentMask', ...extraKeys], { kind: 'option', where });
  for (const field of ['activation', 'recurrentActivation'] as const) {
    const value = (options as Record<string, unknown>)[field];
    if (value !== undefined && !(recurrentActivationNames as readonly unknown[]).includes(value)) {
      throw new ConfigError({ package: 'recurrent', path: field, value, expected: `one of ${recurrentActivationNames.map((n) => `"${n}"`).join(', ')}` });
    }
  }
}
