import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as data from './index.js';
import { buildVocabulary, padSequences, stratifiedSplit, tokenize, Vocabulary } from './index.js';

describe('@dl/data public API', () => {
  it('exports the text, image and synthetic-data functions and nothing internal', () => {
    expect(Object.keys(data).sort()).toEqual([
      'Vocabulary',
      'addingProblem',
      'buildVocabulary',
      'defaultFilters',
      'drawImage',
      'fashionMnistClassNames',
      'imageGrid',
      'padSequences',
      'readIdx',
      'shapeClassNames',
      'shapesDataset',
      'stratifiedSplit',
      'tokenize',
    ]);
  });

  it('does what the TSDoc examples say', () => {
    expect(tokenize('Grüße aus Köln — Привет')).toEqual(['grüße', 'aus', 'köln', '—', 'привет']);
    expect(tokenize('a,b;c', { filters: ';', split: ',' })).toEqual(['a', 'b', 'c']);

    const texts = ['Free money, click now!', 'Lunch at noon?', 'Click for free money'];
    const vocabulary = buildVocabulary(texts, { maxSize: 6 });
    expect(vocabulary.tokens).toEqual(['<pad>', '<unk>', 'free', 'money', 'click', 'now']);
    expect(vocabulary.counts).toEqual([0, 4, 2, 2, 2, 1]);
    expect(padSequences(texts.map((text) => vocabulary.encode(text)), { maxLength: 4 })).toEqual([
      [2, 3, 4, 5],
      [0, 1, 1, 1],
      [4, 1, 2, 3],
    ]);

    const small = buildVocabulary(['the cat sat', 'the dog']);
    expect(small.encode('The cat, the DOG!')).toEqual([2, 3, 2, 5]);
    expect(Vocabulary.fromJSON(JSON.parse(JSON.stringify(small))).encode('the dog')).toEqual([2, 5]);

    const labels = ['ham', 'ham', 'ham', 'ham', 'spam', 'spam', 'ham', 'ham', 'spam', 'ham'];
    const { train, test } = stratifiedSplit(labels, { testFraction: 0.3, seed: 42 });
    expect([train.length, test.length]).toEqual([7, 3]);
    expect(test.filter((i) => labels[i] === 'spam')).toHaveLength(1);
  });

  it('gives rows that tf.tensor2d takes as an int32 batch', () => {
    const x = tf.tensor2d(padSequences([[1, 2, 3], [4, 5]]), undefined, 'int32');
    expect([x.shape, x.dtype, x.arraySync()]).toEqual([[2, 3], 'int32', [[1, 2, 3], [0, 4, 5]]]);
    x.dispose();
  });
});
