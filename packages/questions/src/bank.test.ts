import { describe, expect, it } from 'vitest';
import * as attentionSoftmax from './attention-softmax.js';
import { questions } from './bank.js';
import * as cnn from './cnn.js';
import * as ganVae from './gan-vae.js';
import * as api from './index.js';
import * as rnn from './rnn.js';
import { topics, type Question, type Topic } from './schema.js';
import * as transferFusion from './transfer-fusion.js';

const subpaths: Record<Topic, { questions: readonly Question[] }> = {
  'attention-softmax': attentionSoftmax,
  rnn,
  cnn,
  'gan-vae': ganVae,
  'transfer-fusion': transferFusion,
};

/** Questions per chapter, pinned: adding or removing a question means updating this table (and BANK_SIZE in cli/bin.test.ts). */
const chapterSizes: Record<Topic, number> = { 'attention-softmax': 66, rnn: 71, cnn: 90, 'gan-vae': 62, 'transfer-fusion': 48 };

describe('the bank', () => {
  it('holds 337 questions: 66 attention-softmax, 71 rnn, 90 cnn, 62 gan-vae, 48 transfer-fusion', () => {
    expect(Object.fromEntries(topics.map((topic) => [topic, questions.filter((q) => q.topic === topic).length]))).toEqual(chapterSizes);
    expect(questions).toHaveLength(337);
  });

  it('is the five chapters concatenated in chapter order', () => {
    expect(questions).toEqual(topics.flatMap((topic) => subpaths[topic].questions));
    const order = questions.map((q) => topics.indexOf(q.topic));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it.each(topics)('subpath %s holds only its own topic, under both names', (topic) => {
    const module = subpaths[topic] as unknown as Record<string, unknown>;
    const named = Object.entries(module).filter(([name]) => name !== 'questions');
    expect(named).toHaveLength(1);
    expect(named[0]?.[1]).toBe(module.questions);
    expect(subpaths[topic].questions).toHaveLength(chapterSizes[topic]);
    expect(subpaths[topic].questions.every((q) => q.topic === topic)).toBe(true);
  });

  it('re-exports every topic array from the main entry', () => {
    expect(api.attentionSoftmaxQuestions).toBe(attentionSoftmax.questions);
    expect(api.rnnQuestions).toBe(rnn.questions);
    expect(api.cnnQuestions).toBe(cnn.questions);
    expect(api.ganVaeQuestions).toBe(ganVae.questions);
    expect(api.transferFusionQuestions).toBe(transferFusion.questions);
    expect(api.questions).toBe(questions);
  });

  it('exposes the public API from the main entry', () => {
    for (const name of ['getQuestion', 'filterQuestions', 'searchQuestions', 'createQuiz', 'validateQuestion', 'validateBank']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(api.version).toMatch(/^\d+\.\d+\.\d+/u);
  });
});
