import { describe, expect, it } from 'vitest';
import { fixtureBank, manyQuestions } from './fixtures.test.js';
import { createQuiz, DEFAULT_QUIZ_COUNT } from './quiz.js';
import { mulberry32, seedToUint32, shuffled } from './random.js';

const bank = manyQuestions(20);
const ids = (seed: number | string, count = 20): string[] => createQuiz({ seed, count }, bank).questions.map((q) => q.id);

describe('createQuiz', () => {
  it('gives the same questions in the same order for the same seed', () => {
    expect(ids(42)).toEqual(ids(42));
    expect(ids('monday', 5)).toEqual(ids('monday', 5));
    expect(createQuiz({ seed: 7, topic: 'rnn', count: 3 }).questions).toEqual(createQuiz({ seed: 7, topic: 'rnn', count: 3 }).questions);
  });

  it('gives a different order for a different seed', () => {
    expect(ids(1)).not.toEqual(ids(2));
    expect(new Set(ids(1))).toEqual(new Set(ids(2)));
  });

  it('records the seed it used, so a random quiz can be replayed', () => {
    const quiz = createQuiz({ count: 20 }, bank);
    expect(Number.isInteger(quiz.seed)).toBe(true);
    expect(createQuiz({ count: 20, seed: quiz.seed }, bank).questions).toEqual(quiz.questions);
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
    expect(() => quiz.grade(0, 'yes' as never)).toThrow(TypeError);
  });

  it('throws a prefixed TypeError or RangeError naming the field and what is allowed', () => {
    expect(() => createQuiz({ topic: 'nlp' as never })).toThrow(RangeError);
    expect(() => createQuiz({ topic: 'nlp' as never })).toThrow(/^\[@dl\/questions\] Invalid option 'topic': expected one of 'attention-softmax'/u);
    expect(() => createQuiz({ count: 0 })).toThrow(/^\[@dl\/questions\] Invalid option 'count': expected an integer >= 1, got 0\./u);
    expect(() => createQuiz({ count: 2.5 })).toThrow(RangeError);
    expect(() => createQuiz({ count: '3' as never })).toThrow(TypeError);
    expect(() => createQuiz({ difficulty: 6 as never })).toThrow(/^\[@dl\/questions\] Invalid option 'difficulty': expected an integer from 1 to 5/u);
    expect(() => createQuiz({ difficulty: { min: 0 as never } })).toThrow(/'difficulty\.min'/u);
    expect(() => createQuiz({ lang: 'fr' as never })).toThrow(/'lang': expected one of 'zh', 'en'/u);
    expect(() => createQuiz({ seed: {} as never })).toThrow(TypeError);
    expect(() => createQuiz({ seed: Number.NaN })).toThrow(RangeError);
    expect(() => createQuiz({ cout: 3 } as never)).toThrow(/Invalid option 'cout'/u);
    expect(() => createQuiz('rnn' as never)).toThrow(TypeError);
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

  it('shuffled returns a permutation and leaves the input alone', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const output = shuffled(input, mulberry32(1));
    expect([...output].sort((x, y) => x - y)).toEqual(input);
    expect(output).not.toEqual(input);
  });

  it('seedToUint32 keeps integers and hashes strings', () => {
    expect(seedToUint32(7)).toBe(7);
    expect(seedToUint32(-1)).toBe(2 ** 32 - 1);
    expect(seedToUint32('abc')).toBe(seedToUint32('abc'));
    expect(seedToUint32('abc')).not.toBe(seedToUint32('abd'));
  });
});
