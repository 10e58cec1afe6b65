import { ConfigError } from '@dl/errors';
import { describe, expect, it } from 'vitest';
import { questions } from './bank.js';
import { filterQuestions, getQuestion } from './filter.js';
import { fixtureBank, manyQuestions } from './fixtures.test.js';

const ids = (list: readonly { id: string }[]): string[] => list.map((q) => q.id);
const bank = manyQuestions(20);

describe('filterQuestions', () => {
  it('returns everything, in order, without a filter', () => {
    expect(filterQuestions({}, bank)).toEqual(bank);
    expect(filterQuestions(undefined, bank)).not.toBe(bank);
    expect(filterQuestions()).toEqual(questions);
  });

  it('filters by one topic or several', () => {
    expect(ids(filterQuestions({ topic: 'rnn' }, bank))).toEqual(['question-1', 'question-6', 'question-11', 'question-16']);
    expect(filterQuestions({ topic: ['rnn', 'cnn'] }, bank)).toHaveLength(8);
  });

  it('filters by kind', () => {
    expect(ids(filterQuestions({ kind: 'derivation' }, fixtureBank))).toEqual(['softmax-jacobian', 'vae-reparameterization']);
    expect(filterQuestions({ kind: ['concept', 'derivation'] }, fixtureBank)).toHaveLength(fixtureBank.length);
  });

  it('filters by difficulty or an inclusive range', () => {
    expect(filterQuestions({ difficulty: 3 }, bank).every((q) => q.difficulty === 3)).toBe(true);
    expect(filterQuestions({ difficulty: 3 }, bank)).toHaveLength(4);
    expect(filterQuestions({ difficulty: { min: 2, max: 4 } }, bank)).toHaveLength(12);
    expect(filterQuestions({ difficulty: { min: 4 } }, bank)).toHaveLength(8);
    expect(filterQuestions({ difficulty: { max: 1 } }, bank)).toHaveLength(4);
  });

  it('requires every tag', () => {
    expect(ids(filterQuestions({ tags: ['softmax', 'jacobian'] }, fixtureBank))).toEqual(['softmax-jacobian']);
    expect(filterQuestions({ tags: ['softmax', 'lstm'] }, fixtureBank)).toEqual([]);
    expect(filterQuestions({ tags: 'even' }, bank)).toHaveLength(10);
  });

  it('combines fields with AND', () => {
    expect(ids(filterQuestions({ topic: 'attention-softmax', kind: 'concept', difficulty: 2 }, fixtureBank))).toEqual(['attention-scaling']);
  });

  it('throws a prefixed ConfigError naming the field', () => {
    expect(() => filterQuestions({ topic: 'transformers' as never })).toThrow(ConfigError);
    expect(() => filterQuestions({ topic: 'transformers' as never })).toThrow(
      /^\[@dl\/questions\] Invalid option 'topic': expected one of 'attention-softmax', 'rnn', 'cnn', 'gan-vae', 'transfer-fusion'/u,
    );
    expect(() => filterQuestions({ kind: 'essay' as never })).toThrow(/'kind'/u);
    expect(() => filterQuestions({ difficulty: 0 as never })).toThrow(ConfigError);
    // A rule between two fields names both and their values.
    expect(() => filterQuestions({ difficulty: { min: 4, max: 2 } })).toThrow(
      /^\[@dl\/questions\] Invalid option 'difficulty\.min': expected a value <= difficulty\.max, got 4 \(difficulty\.max is 2\)\.$/u,
    );
    expect(() => filterQuestions({ difficulty: { min: 4 }, tags: 'x' }, bank)).not.toThrow(); // max defaults to 5
    expect(() => filterQuestions({ difficulty: '3' as never })).toThrow(ConfigError);
    expect(() => filterQuestions({ tags: [1] as never })).toThrow(ConfigError);
    expect(() => getQuestion(7 as never)).toThrow(/^\[@dl\/questions\] Invalid option 'id': expected a string, got 7\.$/u);
    expect(() => filterQuestions({ topics: 'rnn' } as never)).toThrow(/^\[@dl\/questions\] Invalid option 'topics'/u);
  });
});

describe('getQuestion', () => {
  it('finds a question by id', () => {
    expect(getQuestion('lstm-forget-gate', fixtureBank)?.topic).toBe('rnn');
    expect(getQuestion('nope', fixtureBank)).toBeUndefined();
  });

  it('finds every question of the real bank', () => {
    for (const question of questions) expect(getQuestion(question.id)).toBe(question);
    expect(getQuestion('no-such-question')).toBeUndefined();
  });
});
