import { describe, expect, it } from 'vitest';
import { catchConfigError } from '@dl/core/testing';
import { padSequences } from './pad-sequences.js';

describe('padSequences', () => {
  it('matches the examples of the Keras pad_sequences documentation', () => {
    const sequences = [[1], [2, 3], [4, 5, 6]];
    expect(padSequences(sequences)).toEqual([[0, 0, 1], [0, 2, 3], [4, 5, 6]]);
    expect(padSequences(sequences, { value: -1 })).toEqual([[-1, -1, 1], [-1, 2, 3], [4, 5, 6]]);
    expect(padSequences(sequences, { padding: 'post' })).toEqual([[1, 0, 0], [2, 3, 0], [4, 5, 6]]);
    expect(padSequences(sequences, { maxLength: 2 })).toEqual([[0, 1], [2, 3], [5, 6]]);
  });

  it("truncates from the start by default ('pre') and from the end with 'post'", () => {
    expect(padSequences([[1, 2, 3], [4, 5]], { maxLength: 2 })).toEqual([[2, 3], [4, 5]]);
    expect(padSequences([[1, 2, 3], [4, 5]], { maxLength: 2, truncating: 'post' })).toEqual([[1, 2], [4, 5]]);
  });

  it('combines each padding side with each truncating side', () => {
    const sequences = [[1, 2, 3], [4]];
    expect(padSequences(sequences, { maxLength: 2, padding: 'pre', truncating: 'pre' })).toEqual([[2, 3], [0, 4]]);
    expect(padSequences(sequences, { maxLength: 2, padding: 'pre', truncating: 'post' })).toEqual([[1, 2], [0, 4]]);
    expect(padSequences(sequences, { maxLength: 2, padding: 'post', truncating: 'pre' })).toEqual([[2, 3], [4, 0]]);
    expect(padSequences(sequences, { maxLength: 2, padding: 'post', truncating: 'post' })).toEqual([[1, 2], [4, 0]]);
  });

  it('pads to a maxLength longer than every sequence', () => {
    expect(padSequences([[1, 2], [3]], { maxLength: 4 })).toEqual([[0, 0, 1, 2], [0, 0, 0, 3]]);
    expect(padSequences([[1, 2], [3]], { maxLength: 4, padding: 'post', value: 9 })).toEqual([[1, 2, 9, 9], [3, 9, 9, 9]]);
  });

  it('turns empty sequences into padding and handles empty and zero-length cases', () => {
    expect(padSequences([[], [7]], { maxLength: 3 })).toEqual([[0, 0, 0], [0, 0, 7]]);
    expect(padSequences([[], []])).toEqual([[], []]);
    expect(padSequences([])).toEqual([]);
    expect(padSequences([[1, 2], [3]], { maxLength: 0 })).toEqual([[], []]);
  });

  it('accepts typed arrays and leaves the input unchanged', () => {
    const sequences = [new Int32Array([1, 2, 3]), [4]];
    expect(padSequences(sequences, { maxLength: 2 })).toEqual([[2, 3], [0, 4]]);
    expect([...(sequences[0] ?? [])]).toEqual([1, 2, 3]);
    const plain = [[1, 2, 3]];
    const [row] = padSequences(plain);
    expect(row).not.toBe(plain[0]);
  });

  it('rejects bad sequences and options with a ConfigError naming the field', () => {
    const notArray = catchConfigError(() => padSequences('abc' as never));
    expect(notArray.path).toBe('sequences');
    expect(notArray.message).toMatch(/^\[@dl\/data\] /);
    expect(catchConfigError(() => padSequences([[1], 5] as never)).path).toBe('sequences.1');
    expect(catchConfigError(() => padSequences([[1, 'a']] as never)).path).toBe('sequences.0.1');
    expect(catchConfigError(() => padSequences([[1, Number.NaN]])).path).toBe('sequences.0.1');
    const negative = catchConfigError(() => padSequences([[1]], { maxLength: -1 }));
    expect([negative.path, negative.value]).toEqual(['maxLength', -1]);
    expect(catchConfigError(() => padSequences([[1]], { maxLength: 1.5 })).path).toBe('maxLength');
    expect(catchConfigError(() => padSequences([[1]], { padding: 'middle' as never })).path).toBe('padding');
    expect(catchConfigError(() => padSequences([[1]], { truncating: 'both' as never })).path).toBe('truncating');
    expect(catchConfigError(() => padSequences([[1]], { value: Infinity })).path).toBe('value');
    expect(catchConfigError(() => padSequences([[1]], { maxlen: 3 } as never)).path).toBe('maxlen');
  });
});
