import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { attentionSoftmaxQuestions, questions } from './questions.js';

describe('@dl/softmax-attention/questions', () => {
  it('re-exports the attention-softmax chapter with at least 35 questions', () => {
    expect(questions).toBe(attentionSoftmaxQuestions);
    expect(questions.length).toBeGreaterThanOrEqual(35);
    expect(questions.every((q) => q.topic === 'attention-softmax')).toBe(true);
  });

  it('links every formula question to an export of this package that exists at run time', () => {
    const links = questions.flatMap((q) => (q.verification ?? []).map((link) => ({ id: q.id, ...link })));
    const ours = links.filter((link) => link.package === '@dl/softmax-attention');
    expect(ours.length).toBeGreaterThan(20);
    for (const link of ours) {
      expect(api, `${link.id} -> ${link.export}`).toHaveProperty(link.export);
      expect(link.status, link.id).toBe('verified');
    }
    for (const id of ['attn-softmax-derivative', 'attn-scaling-sqrt-dk']) {
      expect(questions.find((q) => q.id === id)?.verification?.length, id).toBeGreaterThan(0);
    }
  });
});
