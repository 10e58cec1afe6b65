import { describe, expect, it } from 'vitest';
import { catchConfigError } from '@dl/core/testing';
import { defaultFilters, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('uses Keras defaults: lower-case, drop punctuation, split on spaces', () => {
    // keras.preprocessing.text.text_to_word_sequence gives the same lists.
    expect(tokenize("Hello, World! It's 2024.")).toEqual(['hello', 'world', "it's", '2024']);
    expect(tokenize('The quick brown fox\tjumps\nover the lazy dog.')).toEqual([
      'the', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog',
    ]);
  });

  it('has the Keras default filter set and removes every one of its characters', () => {
    expect(defaultFilters).toBe('!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n');
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHI';
    const text = [...defaultFilters].map((c, i) => `${letters[i]}${c}`).join('');
    expect(tokenize(text)).toEqual([...letters.slice(0, defaultFilters.length).toLowerCase()]);
    expect(tokenize('e-mail: user@example.com (urgent)')).toEqual(['e', 'mail', 'user', 'example', 'com', 'urgent']);
  });

  it("keeps the apostrophe, as Keras's filters do not include it", () => {
    expect(tokenize("Don't STOP-believing")).toEqual(["don't", 'stop', 'believing']);
  });

  it('keeps letters of every script, accents, symbols outside the filters and emoji', () => {
    expect(tokenize('Grüße aus Köln — Привет, МИР! 東京タワー café 😀!')).toEqual([
      'grüße', 'aus', 'köln', '—', 'привет', 'мир', '東京タワー', 'café', '😀',
    ]);
    expect(tokenize('مرحبا بالعالم. שלום')).toEqual(['مرحبا', 'بالعالم', 'שלום']);
  });

  it('drops empty pieces: repeated, leading and trailing separators, empty text', () => {
    expect(tokenize('  a   b  ')).toEqual(['a', 'b']);
    expect(tokenize('...!!!')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });

  it('splits on any whitespace with the default split, including \\r and no-break spaces', () => {
    expect(tokenize('one\r\ntwo\u00a0three\u2003four\u3000five')).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('honours lower: false', () => {
    expect(tokenize('Hello World', { lower: false })).toEqual(['Hello', 'World']);
  });

  it('honours custom filters, including regex syntax characters and astral code points', () => {
    expect(tokenize('a,b c', { filters: '' })).toEqual(['a,b', 'c']);
    expect(tokenize('a]b^c-d\\e[f', { filters: ']^-\\[' })).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(tokenize('left😀right', { filters: '😀' })).toEqual(['left', 'right']);
    expect(tokenize('a.b!c', { filters: '.' })).toEqual(['a', 'b!c']);
  });

  it('splits exactly on a custom split string and replaces filters with it, like Keras', () => {
    // text_to_word_sequence('a,b c;d', filters=';', split=',') == ['a', 'b c', 'd']
    expect(tokenize('a,b c;d', { filters: ';', split: ',' })).toEqual(['a', 'b c', 'd']);
    expect(tokenize('x||y||||z', { filters: '', split: '||' })).toEqual(['x', 'y', 'z']);
  });

  it('drops tokens longer than maxTokenLength code points', () => {
    expect(tokenize('see aGVsbG8gd29ybGQ= now', { maxTokenLength: 8 })).toEqual(['see', 'now']);
    expect(tokenize('abc abcd', { maxTokenLength: 3 })).toEqual(['abc']);
    // Two emoji are 4 UTF-16 units but 2 code points.
    expect(tokenize('😀😀 ok', { maxTokenLength: 2 })).toEqual(['😀😀', 'ok']);
    expect(tokenize('😀😀 ok', { maxTokenLength: 1 })).toEqual([]);
  });

  it('rejects a non-string text and bad options with a ConfigError naming the field', () => {
    const text = catchConfigError(() => tokenize(42 as unknown as string));
    expect(text.path).toBe('text');
    expect(text.message).toMatch(/^\[@dl\/data\] /);
    expect(catchConfigError(() => tokenize('a', { lower: 'yes' as unknown as boolean })).path).toBe('lower');
    expect(catchConfigError(() => tokenize('a', { filters: 3 as unknown as string })).path).toBe('filters');
    const split = catchConfigError(() => tokenize('a', { split: '' }));
    expect([split.path, split.expected]).toEqual(['split', 'a non-empty string']);
    expect(catchConfigError(() => tokenize('a', { maxTokenLength: 0 })).path).toBe('maxTokenLength');
    expect(catchConfigError(() => tokenize('a', { maxTokenLength: 2.5 })).path).toBe('maxTokenLength');
    const unknown = catchConfigError(() => tokenize('a', { lowercase: true } as never));
    expect(unknown.path).toBe('lowercase');
    expect(unknown.message).toContain('allowed: lower, filters, split, maxTokenLength');
  });
});
