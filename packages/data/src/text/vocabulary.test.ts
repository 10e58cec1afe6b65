import { describe, expect, it } from 'vitest';
import { buildVocabulary } from './build-vocabulary.js';
import { catchConfigError } from '@dl/core/testing';
import { Vocabulary, type VocabularyJSON } from './vocabulary.js';

const vocabulary = buildVocabulary(['the cat sat', 'the dog']);

function roundTrip(original: Vocabulary): Vocabulary {
  return Vocabulary.fromJSON(JSON.parse(JSON.stringify(original)));
}

describe('Vocabulary', () => {
  it('maps tokens to indices with padding at 0 and OOV at 1', () => {
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'the', 'cat', 'sat', 'dog']);
    expect([Vocabulary.paddingIndex, Vocabulary.oovIndex]).toEqual([0, 1]);
    expect(vocabulary.indexOf('the')).toBe(2);
    expect(vocabulary.indexOf('<pad>')).toBe(0);
    expect(vocabulary.indexOf('<unk>')).toBe(1);
    expect(vocabulary.indexOf('bird')).toBe(1);
    expect(vocabulary.has('dog')).toBe(true);
    expect(vocabulary.has('bird')).toBe(false);
  });

  it('maps indices to tokens, undefined outside [0, size)', () => {
    expect(vocabulary.tokenAt(0)).toBe('<pad>');
    expect(vocabulary.tokenAt(5)).toBe('dog');
    expect(vocabulary.tokenAt(6)).toBeUndefined();
    expect(vocabulary.tokenAt(-1)).toBeUndefined();
    expect(vocabulary.tokenAt(1.5)).toBeUndefined();
  });

  it('is immutable', () => {
    expect(() => (vocabulary.tokens as string[]).push('x')).toThrow(TypeError);
    expect(() => ((vocabulary.counts as number[])[0] = 9)).toThrow(TypeError);
    const json = vocabulary.toJSON();
    (json.tokens as string[])[2] = 'changed';
    expect(vocabulary.tokenAt(2)).toBe('the');
  });

  it('encodes texts with its tokenizer and token lists as they are', () => {
    expect(vocabulary.encode('The bird sat!')).toEqual([2, 1, 4]);
    expect(vocabulary.encode(['the', 'Cat'])).toEqual([2, 1]);
    expect(vocabulary.encode('')).toEqual([]);
  });

  it('decodes ids, skipping padding, from arrays and typed arrays', () => {
    expect(vocabulary.decode([0, 0, 2, 1, 4])).toEqual(['the', '<unk>', 'sat']);
    expect(vocabulary.decode(new Int32Array([3, 4]))).toEqual(['cat', 'sat']);
    expect(vocabulary.decode(vocabulary.encode('the dog sat'))).toEqual(['the', 'dog', 'sat']);
  });

  it('rejects bad encode and decode inputs with a ConfigError naming the element', () => {
    expect(catchConfigError(() => vocabulary.encode(5 as never)).path).toBe('input');
    expect(catchConfigError(() => vocabulary.encode(['a', 5] as never)).path).toBe('input.1');
    expect(catchConfigError(() => vocabulary.decode('12' as never)).path).toBe('ids');
    const outOfRange = catchConfigError(() => vocabulary.decode([2, 3, 6]));
    expect([outOfRange.path, outOfRange.value, outOfRange.expected]).toEqual(['ids.2', 6, 'an integer in [0, 5]']);
    expect(outOfRange.message).toMatch(/^\[@dl\/data\] /);
    expect(catchConfigError(() => vocabulary.decode([-1])).path).toBe('ids.0');
    expect(catchConfigError(() => vocabulary.decode([2.5])).path).toBe('ids.0');
    expect(catchConfigError(() => vocabulary.decode(['2'] as never)).path).toBe('ids.0');
  });

  it('round-trips exactly through JSON', () => {
    const original = buildVocabulary(['Grüße, Köln! 😀 a a b', ['<unk>', 'c']], {
      maxSize: 5,
      oovToken: '[UNK]',
      paddingToken: '[PAD]',
      tokenizer: { filters: '!,😀', maxTokenLength: 12, lower: false },
    });
    const restored = roundTrip(original);
    expect(restored.toJSON()).toStrictEqual(original.toJSON());
    expect(restored.tokens).toEqual(original.tokens);
    expect(restored.counts).toEqual(original.counts);
    expect(restored.tokenizer).toStrictEqual(original.tokenizer);
    expect(restored.encode('Grüße b c zz')).toEqual(original.encode('Grüße b c zz'));
    expect(roundTrip(vocabulary).toJSON()).toStrictEqual(vocabulary.toJSON());
  });

  it('writes a versioned, plain JSON form', () => {
    expect(vocabulary.toJSON()).toStrictEqual({
      format: 'dl-vocabulary',
      version: 1,
      tokens: ['<pad>', '<unk>', 'the', 'cat', 'sat', 'dog'],
      counts: [0, 0, 2, 1, 1, 1],
      tokenizer: { lower: true, filters: '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n', split: ' ' },
    });
  });

  it('rejects malformed JSON with a ConfigError naming the field', () => {
    const good = vocabulary.toJSON();
    const bad = (patch: Partial<Record<keyof VocabularyJSON, unknown>>): unknown => ({ ...good, ...patch });
    expect(catchConfigError(() => Vocabulary.fromJSON(null)).message).toBe(
      '[@dl/data] Invalid vocabulary JSON: expected an object written by Vocabulary.toJSON, got null.',
    );
    const empty = catchConfigError(() => Vocabulary.fromJSON({}));
    expect([empty.path, empty.value]).toEqual(['format', undefined]);
    expect(empty.message).toBe('[@dl/data] Missing field \'format\' of the vocabulary JSON: it is required ("dl-vocabulary").');
    const noTokenizer = catchConfigError(() => Vocabulary.fromJSON(bad({ tokenizer: undefined })));
    expect(noTokenizer.message).toBe("[@dl/data] Missing field 'tokenizer' of the vocabulary JSON: it is required (an object).");
    expect(catchConfigError(() => Vocabulary.fromJSON(bad({ format: 'keras' }))).path).toBe('format');
    expect(catchConfigError(() => Vocabulary.fromJSON(bad({ version: 2 }))).path).toBe('version');
    expect(catchConfigError(() => Vocabulary.fromJSON(bad({ tokens: ['<pad>'], counts: [0] }))).path).toBe('tokens');
    const duplicate = catchConfigError(() => Vocabulary.fromJSON(bad({ tokens: ['<pad>', '<unk>', 'a', 'b', 'a', 'c'] })));
    expect([duplicate.path, duplicate.expected]).toEqual(['tokens.4', 'a token not already at index 2']);
    const counts = catchConfigError(() => Vocabulary.fromJSON(bad({ counts: [0, 0] })));
    expect([counts.path, counts.value, counts.related]).toEqual(['counts', [0, 0], { tokens: good.tokens }]);
    expect(counts.message).toBe(
      "[@dl/data] Invalid field 'counts' of the vocabulary JSON: expected 6 counts, one per token, got [0, 0] " +
        '(tokens is ["<pad>", "<unk>", "the", "cat", "sat", "dog"]).',
    );
    expect(catchConfigError(() => Vocabulary.fromJSON(bad({ counts: [0, -1, 2, 1, 1, 1] }))).path).toBe('counts.1');
    expect(catchConfigError(() => Vocabulary.fromJSON(bad({ tokenizer: { split: '' } }))).path).toBe('tokenizer.split');
    expect(catchConfigError(() => Vocabulary.fromJSON({ ...good, extra: 1 })).path).toBe('extra');
  });
});
