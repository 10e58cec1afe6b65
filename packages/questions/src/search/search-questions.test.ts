import { ConfigError } from '@dl/errors';
import { describe, expect, it } from 'vitest';
import { fixtureBank, manyQuestions } from '../fixtures.test.js';
import { searchQuestions } from './search-questions.js';

const topIds = (query: string, options = {}): string[] => searchQuestions(query, options, fixtureBank).map((r) => r.question.id);

describe('searchQuestions on fixtures', () => {
  it('finds the softmax derivative question from a Chinese query', () => {
    expect(topIds('softmax 导数')[0]).toBe('softmax-jacobian');
    expect(topIds('雅可比矩阵')[0]).toBe('softmax-jacobian');
    expect(topIds('求导', { lang: 'zh' })[0]).toBe('softmax-jacobian');
  });

  it('finds attention questions for 注意力 without word boundaries', () => {
    expect(topIds('注意力')[0]).toBe('attention-scaling');
    expect(topIds('遗忘门')[0]).toBe('lstm-forget-gate');
    expect(topIds('重参数化')[0]).toBe('vae-reparameterization');
  });

  it('is case-insensitive in English and matches plurals', () => {
    expect(topIds('SOFTMAX Jacobian')[0]).toBe('softmax-jacobian');
    expect(topIds('forget gates')[0]).toBe('lstm-forget-gate');
  });

  it('ranks the question whose prompt matches above one that only mentions the word', () => {
    const results = searchQuestions('softmax', {}, fixtureBank);
    expect(results.map((r) => r.question.id)).toEqual(['softmax-jacobian', 'attention-scaling']);
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? Number.POSITIVE_INFINITY);
  });

  it('matches tags and subtopics', () => {
    expect(topIds('reparameterization')).toContain('vae-reparameterization');
    expect(topIds('scaled dot product')[0]).toBe('attention-scaling');
  });

  it('restricts to one language', () => {
    expect(topIds('遗忘门', { lang: 'en' })).toEqual([]);
    expect(topIds('forget', { lang: 'zh' })).toEqual([]);
    expect(topIds('forget', { lang: 'en' })).toEqual(['lstm-forget-gate']);
  });

  it('applies topic and limit', () => {
    expect(topIds('softmax', { topic: 'rnn' })).toEqual([]);
    expect(topIds('softmax', { limit: 1 })).toEqual(['softmax-jacobian']);
    const many = manyQuestions(20);
    expect(searchQuestions('pooling', {}, many)).toHaveLength(10);
    expect(searchQuestions('pooling', { limit: Number.POSITIVE_INFINITY }, many)).toHaveLength(20);
    expect(searchQuestions('pooling', { topic: ['cnn', 'rnn'], limit: 100 }, many)).toHaveLength(8);
  });

  it('returns nothing for an empty query or no match', () => {
    expect(searchQuestions('   ', {}, fixtureBank)).toEqual([]);
    expect(searchQuestions('quantum chromodynamics', {}, fixtureBank)).toEqual([]);
    expect(searchQuestions('softmax', {}, [])).toEqual([]);
  });

  it('throws a prefixed error for bad options', () => {
    expect(() => searchQuestions('x', { lang: 'fr' as never }, fixtureBank)).toThrow(/^\[@dl\/questions\] Invalid option 'lang': expected one of 'zh', 'en', 'both'/u);
    expect(() => searchQuestions('x', { limit: 0 }, fixtureBank)).toThrow(ConfigError);
    expect(() => searchQuestions('x', { topic: 'nlp' as never }, fixtureBank)).toThrow(ConfigError);
    expect(() => searchQuestions(42 as never)).toThrow(ConfigError);
    expect(() => searchQuestions('x', { limt: 3 } as never, fixtureBank)).toThrow(/did you mean 'limit'\?/u);
  });
});

describe('searchQuestions on the real bank', () => {
  it('finds an attention-softmax question for "softmax"', () => {
    const results = searchQuestions('softmax');
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.question.topic === 'attention-softmax')).toBe(true);
  });

  it('returns results sorted by score', () => {
    const results = searchQuestions('gradient 梯度', { limit: Number.POSITIVE_INFINITY });
    expect(results.length).toBeGreaterThan(10);
    const scores = results.map((r) => r.score);
    expect(new Set(scores).size).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
