import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const terms = (text: string): string[] => tokenize(text).map((token) => token.term);

describe('tokenize', () => {
  it('lower-cases English, drops stop words and plural s', () => {
    expect(terms('What are the Gradients of Softmax?')).toEqual(['gradient', 'softmax']);
    expect(terms("LSTM's gates")).toEqual(['lstm', 'gate']);
  });

  it('normalises full-width letters', () => {
    expect(terms('ＳＯＦＴＭＡＸ')).toEqual(['softmax']);
  });

  it('segments Chinese without spaces and adds bigrams and characters', () => {
    const result = terms('注意力机制');
    expect(result).toEqual(expect.arrayContaining(['注意力', '机制', '注意', '意力', '力机', '注', '制']));
  });

  it('handles mixed text', () => {
    expect(terms('softmax 导数')).toEqual(['softmax', '导数', '导数', '导', '数']);
  });

  it('weights single characters low', () => {
    const weights = new Map(tokenize('门').map((token) => [token.weight, token.term]));
    expect([...weights.keys()].sort()).toEqual([0.25, 1]);
  });

  it('returns nothing for punctuation and whitespace', () => {
    expect(tokenize('  ?! ，。 ')).toEqual([]);
  });
});
