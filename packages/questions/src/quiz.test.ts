import { ConfigError, DlError } from '@dl/errors';
import { describe, expect, it } from 'vitest';
import { fixtureBank, manyQuestions } from './fixtures.test.js';
import { createQuiz, DEFAULT_QUIZ_COUNT } from './quiz.js';
import { mulberry32, seedToUint32, shuffled } from './random.js';

const bank = manyQuestions(20);
const ids = (seed: number | string, count = 20): string[] => createQuiz({ seed, count }, bank).questions.map((q) => q.id);

/**
 * mulberry32 as published (Tommy Ettinger's generator, in bryc's JavaScript form), written
 * from that definition rather than from random.ts, so that the two can disagree.
 */
function referenceMulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a over the UTF-8 bytes of `text` (offset basis 2166136261, prime 16777619), in BigInt arithmetic. */
function referenceFnv1a(text: string): number {
  let hash = 2166136261n;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * 16777619n) % 2n ** 32n;
  return Number(hash);
}

/** Durstenfeld's Fisher–Yates: for i from n - 1 down to 1, swap item i with item floor(random() * (i + 1)). */
function referenceShuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = items.slice();
  for (let i = result.length - 1; i >= 1; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const item = result[i] as T;
    result[i] = result[j] as T;
    result[j] = item;
  }
  return result;
}

/** The order createQuiz documents: integer seeds as they are (mod 2^32), strings hashed with FNV-1a; mulberry32; Fisher–Yates. */
const referenceIds = (seed: number | string, count = 20): string[] => {
  const state = typeof seed === 'number' ? seed >>> 0 : referenceFnv1a(seed);
  return referenceShuffle(bank, referenceMulberry32(state)).slice(0, count).map((q) => q.id);
};

describe('createQuiz', () => {
  it('gives the same questions in the same order for the same seed', () => {
    expect(ids(42)).toEqual(ids(42));
    expect(ids('monday', 5)).toEqual(ids('monday', 5));
    const rnnQuiz = createQuiz({ seed: 7, topic: 'rnn', count: 3 }).questions;
    expect(rnnQuiz).toHaveLength(3);
    expect(createQuiz({ seed: 7, topic: 'rnn', count: 3 }).questions).toEqual(rnnQuiz);
  });

  it('pins the order for seeds 42 and "monday"', () => {
    expect(ids(42).slice(0, 5)).toEqual(['question-13', 'question-0', 'question-19', 'question-4', 'question-6']);
    expect(ids('monday', 5)).toEqual(['question-7', 'question-15', 'question-16', 'question-9', 'question-0']);
  });

  it('shuffles exactly as an independent mulberry32 + Fisher-Yates reference does', () => {
    for (const seed of [42, 'monday', 0, 1, 2 ** 32 - 1, -7]) expect(ids(seed), String(seed)).toEqual(referenceIds(seed));
    expect(ids('monday', 5)).toEqual(referenceIds('monday', 5));
  });

  it('gives a different order for a different seed', () => {
    expect(ids(1)).not.toEqual(ids(2));
    expect(new Set(ids(1))).toEqual(new Set(bank.map((q) => q.id)));
    expect(new Set(ids(2))).toEqual(new Set(bank.map((q) => q.id)));
  });

  it('records the seed it used, so a random quiz can be replayed', () => {
    const quiz = createQuiz({ count: 20 }, bank);
    expect(Number.isInteger(quiz.seed)).toBe(true);
    expect(createQuiz({ count: 20, seed: quiz.seed }, bank).questions).toEqual(quiz.questions);
    expect(quiz.questions.map((q) => q.id)).toEqual(referenceIds(quiz.seed));
    expect(createQuiz({ seed: 5 }, bank).seed).toBe(5);
  });

  it('takes count questions from those that match the filter', () => {
    expect(createQuiz({ seed: 1 }, bank).questions).toHaveLength(DEFAULT_QUIZ_COUNT);
    const quiz = createQuiz({ seed: 1, count: 3, topic: 'cnn', difficulty: { min: 1, max: 5 } }, bank);
    expect(quiz.questions).toHaveLength(3);
    expect(quiz.questions.every((q) => q.topic === 'cnn')).toBe(true);
    expect(createQuiz({ count: 50, kind: 'derivation' }, fixtureBank).questions).toHaveLength(2);
    expect(createQuiz({ topic: 'transfer-fusion' }, fixtureBank).questions).toEqual([]);
  });

  it('defaults to English and keeps the language', () => {
    expect(createQuiz({}, bank).lang).toBe('en');
    expect(createQuiz({ lang: 'zh' }, bank).lang).toBe('zh');
  });

  it('grades and scores', () => {
    const quiz = createQuiz({ seed: 3, count: 4 }, bank);
    expect(quiz.score()).toEqual({ correct: 0, answered: 0, total: 4 });
    quiz.grade(0, true);
    quiz.grade(1, false);
    quiz.grade(2, true);
    expect(quiz.score()).toEqual({ correct: 2, answered: 3, total: 4 });
    quiz.grade(2, false);
    expect(quiz.score()).toEqual({ correct: 1, answered: 3, total: 4 });
    expect(() => quiz.grade(4, true)).toThrow(/^\[@dl\/questions\] Invalid option 'index': expected an integer from 0 to 3, got 4\./u);
    expect(() => quiz.grade(0, 'yes' as never)).toThrow(ConfigError);
  });

  it('throws a prefixed ConfigError naming the field and what is allowed', () => {
    expect(() => createQuiz({ topic: 'nlp' as never })).toThrow(ConfigError);
    expect(() => createQuiz({ topic: 'nlp' as never })).toThrow(/^\[@dl\/questions\] Invalid option 'topic': expected one of 'attention-softmax'/u);
    expect(() => createQuiz({ count: 0 })).toThrow(/^\[@dl\/questions\] Invalid option 'count': expected an integer >= 1, got 0\./u);
    expect(() => createQuiz({ count: 2.5 })).toThrow(ConfigError);
    expect(() => createQuiz({ count: '3' as never })).toThrow(ConfigError);
    expect(() => createQuiz({ difficulty: 6 as never })).toThrow(/^\[@dl\/questions\] Invalid option 'difficulty': expected an integer from 1 to 5/u);
    expect(() => createQuiz({ difficulty: { min: 0 as never } })).toThrow(/'difficulty\.min'/u);
    expect(() => createQuiz({ lang: 'fr' as never })).toThrow(/'lang': expected one of 'zh', 'en'/u);
    expect(() => createQuiz({ seed: {} as never })).toThrow(ConfigError);
    expect(() => createQuiz({ seed: Number.NaN })).toThrow(ConfigError);
    expect(() => createQuiz({ cout: 3 } as never)).toThrow(
      /^\[@dl\/questions\] Invalid option 'cout': expected no option named 'cout' \(did you mean 'count'\? createQuiz\(\) allows: topic, kind, difficulty, tags, count, seed, lang\), got 3\.$/u,
    );
    expect(() => createQuiz('rnn' as never)).toThrow(/^\[@dl\/questions\] Invalid options: expected an options object for createQuiz\(\), got "rnn"\.$/u);
  });

  it('throws errors that every dl package recognises: ConfigError with code, path and value', () => {
    let caught: unknown;
    try {
      createQuiz({ count: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(caught).not.toBeInstanceOf(RangeError);
    expect(DlError.isInstance(caught)).toBe(true);
    expect(ConfigError.isInstance(caught)).toBe(true);
    const error = caught as ConfigError;
    expect([error.code, error.path, error.value, error.expected, error.name]).toEqual(['config', 'count', 0, 'an integer >= 1', 'ConfigError']);
  });
});

describe('random helpers', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('mulberry32 gives the published generator\'s numbers', () => {
    const next = mulberry32(9);
    const reference = referenceMulberry32(9);
    const firstThree = [next(), next(), next()];
    expect(firstThree).toEqual([0.19872891809791327, 0.8512107962742448, 0.1417661067098379]);
    expect(firstThree).toEqual([reference(), reference(), reference()]);
    expect(mulberry32(42)()).toBe(0.6011037519201636); // the value its TSDoc example shows
    for (const seed of [0, 1, 0x7fffffff, 0xffffffff]) {
      const [ours, theirs] = [mulberry32(seed), referenceMulberry32(seed)];
      expect(Array.from({ length: 100 }, () => ours()), String(seed)).toEqual(Array.from({ length: 100 }, () => theirs()));
    }
  });

  it('shuffled returns a permutation and leaves the input alone', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const output = shuffled(input, mulberry32(1));
    expect([...output].sort((x, y) => x - y)).toEqual(input);
    expect(output).not.toEqual(input);
    expect(input).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(output).toEqual(referenceShuffle(input, referenceMulberry32(1)));
    expect(shuffled([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], mulberry32(1))).toEqual([7, 8, 3, 2, 1, 5, 9, 4, 0, 6]);
  });

  it('seedToUint32 keeps integers and hashes strings with FNV-1a', () => {
    expect(seedToUint32(7)).toBe(7);
    expect(seedToUint32(-1)).toBe(2 ** 32 - 1);
    expect(seedToUint32(2 ** 32 + 5)).toBe(5);
    // Test vectors of the FNV reference code: FNV-1a-32 of "", "a" and "foobar".
    expect([seedToUint32(''), seedToUint32('a'), seedToUint32('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
    expect(seedToUint32('monday')).toBe(1291458361);
    for (const text of ['monday', 'abc', 'abd', 'seed 42']) expect(seedToUint32(text), text).toBe(referenceFnv1a(text));
    expect(seedToUint32(2.5)).toBe(referenceFnv1a('2.5'));
    expect(seedToUint32('abc')).not.toBe(seedToUint32('abd'));
  });
});
