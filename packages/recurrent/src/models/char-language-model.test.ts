import * as tf from '@tensorflow/tfjs';
import { useBackend, withSeededRandom } from '@dl/core';
import { catchConfigError, expectNoTensorLeaks } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { charLanguageModelData, createCharLanguageModel, generateText } from './char-language-model.js';
import { CharVocabulary } from './char-vocabulary.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('charLanguageModelData', () => {
  it('pairs each window with the same window shifted by one character', () => {
    const vocabulary = CharVocabulary.fromText('abcdefg');
    const { inputs, targets } = charLanguageModelData('abcdefg', vocabulary, { sequenceLength: 3, stride: 2 });
    // (7 - 3 - 1) / 2 + 1 = 2 windows: a third would need an 8th character as its last target.
    expect(inputs.shape).toEqual([2, 3]);
    expect(targets.shape).toEqual([2, 3, 1]);
    expect((inputs.arraySync() as number[][]).map((ids) => vocabulary.decode(ids))).toEqual(['abc', 'cde']);
    expect((targets.arraySync() as number[][][]).map((ids) => vocabulary.decode(ids.flat()))).toEqual(['bcd', 'def']);
    expect(catchConfigError(() => charLanguageModelData('ab', vocabulary, { sequenceLength: 2 })).path).toBe('text');
    expect(catchConfigError(() => charLanguageModelData('abcdefg', vocabulary, { sequenceLength: 2, strides: 1 } as never)).message).toContain("did you mean 'stride'");
  });
});

describe.each(['cpu', 'wasm'] as const)('createCharLanguageModel on %s', (backend) => {
  // 30 epochs of training: about 8 s on wasm and 50 s on the cpu backend of a quiet 2-core machine,
  // so more than the default minute when the machine is shared.
  it('learns a periodic text and continues it; generation is seeded and leaks nothing', async () => {
    await useBackend(backend);
    const text = 'hello world. '.repeat(40);
    const vocabulary = CharVocabulary.fromText(text);
    const model = createCharLanguageModel({ vocabularySize: vocabulary.size, sequenceLength: 16, embeddingDim: 8, units: 32, learningRate: 0.01, clipNorm: 1, seed: 1 });
    const { inputs, targets } = charLanguageModelData(text, vocabulary, { sequenceLength: 16, stride: 3 });
    const before = (model.evaluate(inputs, targets) as tf.Scalar).dataSync()[0]!;
    // Untrained, the loss is near log(vocabulary size): a uniform guess.
    expect(Math.abs(before - Math.log(vocabulary.size))).toBeLessThan(0.2);
    // model.fit shuffles with Math.random: seeded, so the run (and this test) is deterministic.
    await withSeededRandom(1, () => model.fit(inputs, targets, { epochs: 30, batchSize: 32, verbose: 0 }));
    expect((model.evaluate(inputs, targets) as tf.Scalar).dataSync()[0]).toBeLessThan(0.2);
    expect(generateText(model, vocabulary, { seedText: 'hello wor', length: 16, temperature: 0 })).toBe('ld. hello world.');
    const a = await expectNoTensorLeaks(() => generateText(model, vocabulary, { seedText: 'he', length: 20, temperature: 1, seed: 5 }));
    expect(generateText(model, vocabulary, { seedText: 'he', length: 20, temperature: 1, seed: 5 })).toBe(a);
    expect(a).toHaveLength(20);
  }, 180_000);
});

describe('createCharLanguageModel options', () => {
  it('rejects a bidirectional language model and bad generation options', async () => {
    await useBackend('cpu');
    expect(catchConfigError(() => createCharLanguageModel({ vocabularySize: 5, sequenceLength: 4, bidirectional: true })).path).toBe('bidirectional');
    const vocabulary = CharVocabulary.fromText('abcd');
    const model = createCharLanguageModel({ vocabularySize: vocabulary.size, sequenceLength: 4, units: 2 });
    expect(catchConfigError(() => generateText(model, vocabulary, { seedText: '', length: 3 })).path).toBe('seedText');
    expect(catchConfigError(() => generateText(model, vocabulary, { seedText: 'a', length: 3, temperature: -1 })).path).toBe('temperature');
    expect(catchConfigError(() => generateText(model, vocabulary, { seedText: 'a', length: 3, temprature: 1 } as never)).message).toContain('temperature');
  });
});
