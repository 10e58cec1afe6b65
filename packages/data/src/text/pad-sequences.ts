import { parseOptions } from '@dl/errors';
import * as v from 'valibot';
import { invalidInput, isArrayOrTypedArray } from './invalid-input.js';

/** Options of {@link padSequences}; every default is Keras's `pad_sequences` default. */
export interface PadSequencesOptions {
  /** Length of every output row. Default: the length of the longest sequence. `0` gives empty rows. */
  readonly maxLength?: number;
  /** Where padding goes in a short sequence: `'pre'` (before it, the default) or `'post'` (after it). */
  readonly padding?: 'pre' | 'post';
  /**
   * Which end of a long sequence is cut: `'pre'` (the default) drops elements from the start and
   * keeps the last `maxLength`; `'post'` keeps the first `maxLength`.
   */
  readonly truncating?: 'pre' | 'post';
  /** Value that fills the padding. Default `0` (the padding index of a {@link Vocabulary}). */
  readonly value?: number;
}

const OptionsSchema = v.strictObject({
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  padding: v.optional(v.picklist(['pre', 'post']), 'pre'),
  truncating: v.optional(v.picklist(['pre', 'post']), 'pre'),
  value: v.optional(v.pipe(v.number(), v.finite()), 0),
});

/**
 * Pads and truncates sequences to one length, with the semantics and defaults of Keras's
 * `keras.utils.pad_sequences`: rows of `maxLength` (default: the longest sequence), padded with
 * `value` (default `0`) before the sequence (`padding: 'pre'`, the default) or after it
 * (`'post'`); a longer sequence loses elements from its start (`truncating: 'pre'`, the default)
 * or its end (`'post'`). An empty sequence becomes a row of padding. The input is not modified.
 *
 * The result is plain arrays so that text preprocessing needs no tfjs; make a tensor with
 * `tf.tensor2d(padded, undefined, 'int32')`.
 *
 * @param sequences - an array of sequences, each an array or typed array of finite numbers.
 * @param options - see {@link PadSequencesOptions}.
 * @param options.maxLength - row length (integer >= 0); default: longest sequence.
 * @param options.padding - `'pre'` (default) or `'post'`.
 * @param options.truncating - `'pre'` (default) or `'post'`.
 * @param options.value - padding value; default `0`.
 * @returns `sequences.length` rows of `maxLength` numbers each.
 * @throws `ConfigError` (from `@dl/errors`, also exported by `@dl/core`; message `[@dl/data] ...`) naming the option, or
 *   the sequence element (`sequences.2.0`) that is not a finite number.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { padSequences } from '@dl/data';
 * padSequences([[1, 2, 3], [4, 5], []]); // [[1, 2, 3], [0, 4, 5], [0, 0, 0]]
 * padSequences([[1, 2, 3], [4, 5]], { maxLength: 2 }); // [[2, 3], [4, 5]]
 * padSequences([[1, 2, 3], [4]], { maxLength: 2, padding: 'post', truncating: 'post' }); // [[1, 2], [4, 0]]
 * const x = tf.tensor2d(padSequences([[1, 2, 3], [4, 5]]), undefined, 'int32'); // shape [2, 3], int32
 * ```
 */
export function padSequences(
  sequences: readonly ArrayLike<number>[],
  options?: PadSequencesOptions,
): number[][] {
  const parsed = parseOptions(OptionsSchema, options, { package: 'data' });
  if (!Array.isArray(sequences)) throw invalidInput('sequences', sequences, 'an array of number arrays');
  let longest = 0;
  sequences.forEach((sequence: unknown, row) => {
    if (!isArrayOrTypedArray(sequence)) throw invalidInput(`sequences.${row}`, sequence, 'an array of numbers');
    for (let column = 0; column < sequence.length; column++) {
      const element = sequence[column] as unknown;
      if (typeof element !== 'number' || !Number.isFinite(element)) {
        throw invalidInput(`sequences.${row}.${column}`, element, 'a finite number');
      }
    }
    longest = Math.max(longest, sequence.length);
  });

  const length = parsed.maxLength ?? longest;
  return sequences.map((sequence) => {
    const kept = Math.min(sequence.length, length);
    // Where the kept elements start in the sequence and in the row.
    const from = parsed.truncating === 'pre' ? sequence.length - kept : 0;
    const to = parsed.padding === 'pre' ? length - kept : 0;
    const row = new Array<number>(length).fill(parsed.value);
    for (let i = 0; i < kept; i++) row[to + i] = sequence[from + i] as number;
    return row;
  });
}
