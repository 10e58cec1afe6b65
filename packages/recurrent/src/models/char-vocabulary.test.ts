import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { CharVocabulary } from './char-vocabulary.js';

describe('CharVocabulary', () => {
  it('orders characters by frequency (ties by code point) and round-trips text, Chinese included', () => {
    const vocabulary = CharVocabulary.fromText('baacc注意力注');
    expect(vocabulary.characters).toEqual(['a', 'c', '注', 'b', '力', '意']);
    expect(vocabulary.size).toBe(7);
    expect(Array.from(vocabulary.encode('ab注?'))).toEqual([1, 4, 3, 0]);
    expect(vocabulary.decode(vocabulary.encode('注意cab'))).toBe('注意cab');
    expect(vocabulary.decode([0, 1], '?')).toBe('?a');
  });

  it('keeps the most frequent characters with maxSize and survives JSON', () => {
    const vocabulary = CharVocabulary.fromText('aaabbc', { maxSize: 3 });
    expect(vocabulary.characters).toEqual(['a', 'b']);
    expect(CharVocabulary.fromJSON(JSON.parse(JSON.stringify(vocabulary))).characters).toEqual(['a', 'b']);
  });

  it('rejects bad input with a ConfigError naming the field', () => {
    expect(catchConfigError(() => CharVocabulary.fromText('')).path).toBe('text');
    expect(catchConfigError(() => CharVocabulary.fromText('ab', { maxSize: 1 })).path).toBe('maxSize');
    expect(catchConfigError(() => CharVocabulary.fromText('ab', { max_size: 3 } as never)).message).toContain('maxSize');
    expect(catchConfigError(() => CharVocabulary.fromJSON({})).path).toBe('format');
    expect(catchConfigError(() => CharVocabulary.fromJSON({ format: 'dl-char-vocabulary', characters: ['a', 'a'] })).path).toBe('characters');
    expect(catchConfigError(() => CharVocabulary.fromText('ab').decode([3])).path).toBe('ids[0]');
  });
});
