import { describe, expect, it } from 'vitest';
import { buildVocabulary } from './build-vocabulary.js';
import { catchConfigError } from '@dl/core/testing';

describe('buildVocabulary', () => {
  it('matches Keras Tokenizer(oov_token) word_index and texts_to_sequences', () => {
    // Tokenizer(oov_token='<unk>').fit_on_texts(texts).word_index ==
    // {'<unk>': 1, 'the': 2, 'cat': 3, 'sat': 4, 'on': 5, 'mat': 6, 'dog': 7, 'ate': 8, 'my': 9, 'homework': 10}
    const vocabulary = buildVocabulary(['The cat sat on the mat.', 'The dog ate my homework!']);
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'the', 'cat', 'sat', 'on', 'mat', 'dog', 'ate', 'my', 'homework']);
    expect(vocabulary.size).toBe(11);
    // texts_to_sequences(['the cat ate the fish']) == [[2, 3, 8, 2, 1]]
    expect(vocabulary.encode('the cat ate the fish')).toEqual([2, 3, 8, 2, 1]);
  });

  it('orders words by descending count and breaks ties by first appearance', () => {
    expect(buildVocabulary(['b a c', 'a c', 'c']).tokens).toEqual(['<pad>', '<unk>', 'c', 'a', 'b']);
    expect(buildVocabulary(['x y z', 'z y x']).tokens.slice(2)).toEqual(['x', 'y', 'z']);
    expect(buildVocabulary(['z y x', 'x y z']).tokens.slice(2)).toEqual(['z', 'y', 'x']);
  });

  it('is deterministic: pinned indices, ties in first-appearance order (not alphabetical, not last seen)', () => {
    // Counts: three 3; one 2, two 2 (one seen first); four 1, five 1 (four seen first).
    const corpus = ['one two three two', 'three three four', 'five one'];
    const vocabulary = buildVocabulary(corpus);
    expect(vocabulary.toJSON()).toMatchObject({ tokens: ['<pad>', '<unk>', 'three', 'one', 'two', 'four', 'five'], counts: [0, 0, 3, 2, 2, 1, 1] });
    expect(vocabulary.encode('five four three two one')).toEqual([6, 5, 2, 4, 3]);
    // A maxSize cut inside a tie keeps the word seen first.
    expect(buildVocabulary(corpus, { maxSize: 6 }).tokens).toEqual(['<pad>', '<unk>', 'three', 'one', 'two', 'four']);
    expect(buildVocabulary(corpus, { maxSize: 4 }).tokens).toEqual(['<pad>', '<unk>', 'three', 'one']);
  });

  it('counts every occurrence, so counts sum to the number of corpus tokens', () => {
    const vocabulary = buildVocabulary(['b a c', 'a c', 'c']);
    expect(vocabulary.counts).toEqual([0, 0, 3, 2, 1]);
    expect(vocabulary.counts.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('keeps at most maxSize indices, reserved ones included, and counts the rest as OOV', () => {
    const corpus = ['a a a b b c', 'd'];
    const vocabulary = buildVocabulary(corpus, { maxSize: 4 });
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'a', 'b']);
    expect(vocabulary.counts).toEqual([0, 2, 3, 2]);
    expect(vocabulary.encode('a b c d')).toEqual([2, 3, 1, 1]);
    expect(buildVocabulary(corpus, { maxSize: 2 }).tokens).toEqual(['<pad>', '<unk>']);
    expect(buildVocabulary(corpus, { maxSize: 100 }).size).toBe(6);
  });

  it('leaves out words seen fewer than minCount times', () => {
    const vocabulary = buildVocabulary(['a a b c c c', 'd'], { minCount: 2 });
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'c', 'a']);
    expect(vocabulary.counts[1]).toBe(2);
    expect(vocabulary.indexOf('b')).toBe(1);
  });

  it('accepts token lists, mixed with texts, without tokenizing them', () => {
    const vocabulary = buildVocabulary([['Hello', 'world'], 'hello World', ['world']]);
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'world', 'Hello', 'hello']);
  });

  it('accepts any iterable, such as a generator', () => {
    function* texts(): Generator<string> {
      yield 'a b';
      yield 'b';
    }
    expect(buildVocabulary(texts()).tokens).toEqual(['<pad>', '<unk>', 'b', 'a']);
  });

  it('maps literal reserved tokens in token lists to their reserved index', () => {
    const vocabulary = buildVocabulary([['<unk>', 'a', '<pad>', '<unk>']]);
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'a']);
    expect(vocabulary.counts).toEqual([1, 2, 1]);
  });

  it('uses custom reserved tokens', () => {
    const vocabulary = buildVocabulary(['a'], { oovToken: '[UNK]', paddingToken: '' });
    expect(vocabulary.tokens).toEqual(['', '[UNK]', 'a']);
    expect([vocabulary.paddingToken, vocabulary.oovToken]).toEqual(['', '[UNK]']);
    expect(vocabulary.decode([0, 1, 2])).toEqual(['[UNK]', 'a']);
  });

  it('passes tokenizer options through, stores them, and encodes with them', () => {
    const vocabulary = buildVocabulary(['The the THE.', 'x aGVsbG8gd29ybGQ'], {
      tokenizer: { lower: false, maxTokenLength: 10 },
    });
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'The', 'the', 'THE', 'x']);
    expect(vocabulary.tokenizer).toEqual({ lower: false, filters: expect.any(String), split: ' ', maxTokenLength: 10 });
    expect(vocabulary.encode('THE the aGVsbG8gd29ybGQ')).toEqual([4, 3]);
  });

  it('gives just the reserved tokens for an empty corpus', () => {
    const vocabulary = buildVocabulary([]);
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>']);
    expect(vocabulary.encode('anything')).toEqual([1]);
  });

  it('rejects bad corpora and options with a ConfigError naming the field', () => {
    const corpus = catchConfigError(() => buildVocabulary('just a string' as never));
    expect(corpus.path).toBe('corpus');
    expect(corpus.message).toMatch(/^\[@dl\/data\] /);
    expect(catchConfigError(() => buildVocabulary(null as never)).path).toBe('corpus');
    expect(catchConfigError(() => buildVocabulary(['ok', 7] as never)).path).toBe('corpus.1');
    expect(catchConfigError(() => buildVocabulary([['a', 2]] as never)).path).toBe('corpus.0.1');
    expect(catchConfigError(() => buildVocabulary([], { maxSize: 1 })).path).toBe('maxSize');
    expect(catchConfigError(() => buildVocabulary([], { maxSize: 3.5 })).path).toBe('maxSize');
    expect(catchConfigError(() => buildVocabulary([], { minCount: 0 })).path).toBe('minCount');
    const same = catchConfigError(() => buildVocabulary([], { oovToken: 'x', paddingToken: 'x' }));
    expect([same.path, same.value, same.expected, same.related]).toEqual(['oovToken', 'x', 'a token different from paddingToken', { paddingToken: 'x' }]);
    // Both fields and their values, not the whole options object with its tokenizer settings.
    expect(same.message).toBe('[@dl/data] Invalid option \'oovToken\': expected a token different from paddingToken, got "x" (paddingToken is "x").');
    const defaulted = catchConfigError(() => buildVocabulary([], { oovToken: '<pad>' }));
    expect(defaulted.message).toMatch(/got "<pad>" \(paddingToken is "<pad>"\)\.$/);
    expect(catchConfigError(() => buildVocabulary([], { tokenizer: { split: '' } })).path).toBe('tokenizer.split');
    expect(catchConfigError(() => buildVocabulary([], { maxWords: 5 } as never)).path).toBe('maxWords');
  });
});
