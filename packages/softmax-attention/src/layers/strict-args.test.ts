import * as tf from '@tensorflow/tfjs';
import { catchConfigError as configError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { AdditiveAttention } from './additive-attention.js';
import { attentionPooling } from './attention-pooling.js';
import { MultiHeadAttention } from './multi-head-attention.js';
import { positionEmbedding } from './position-embedding.js';
import { positionalEmbedding } from './positional-embedding.js';
import { tokenAndPositionEmbedding } from './token-and-position-embedding.js';
import { TransformerEncoder } from './transformer-encoder.js';

describe('layer constructor arguments are as strict as factory options', () => {
  it('names a misspelled key and the closest allowed one', () => {
    const casual = configError(() => new MultiHeadAttention({ numHeads: 2, keyDim: 2, useCasualMask: true } as never));
    expect(casual.path).toBe('useCasualMask');
    expect(casual.message).toContain("did you mean 'useCausalMask'?");
    expect(configError(() => attentionPooling({ unit: 8 } as never)).message).toContain("did you mean 'units'?");
    expect(configError(() => positionalEmbedding({ inputDim: 5, outputDim: 4, sequenceLength: 3, mask_zero: true } as never)).message).toContain(
      "did you mean 'maskZero'?",
    );
  });

  it('rejects values of the wrong type instead of saving them into the config', () => {
    const useBias = configError(() => new MultiHeadAttention({ numHeads: 2, keyDim: 2, useBias: 'no' } as never));
    expect(useBias).toMatchObject({ path: 'useBias', value: 'no', expected: 'boolean' });
    expect(configError(() => new TransformerEncoder({ numHeads: 2, intermediateDim: 8, normFirst: 'false' } as never)).path).toBe('normFirst');
    expect(configError(() => new TransformerEncoder({ numHeads: 2, intermediateDim: 8, activation: 'swish' } as never)).expected).toBe('one of "relu", "gelu", "gelu_approximate"');
    expect(configError(() => new MultiHeadAttention({ numHeads: 2 } as never)).message).toMatch(/Missing option 'keyDim': it is required/);
  });

  it('checks the embedding layers as strictly, naming the camelCase option for a snake_case key', () => {
    const base = { vocabularySize: 10, sequenceLength: 4, embeddingDim: 2 };
    expect(configError(() => tokenAndPositionEmbedding({ ...base, mask_zero: true } as never)).message).toContain("did you mean 'maskZero'?");
    expect(configError(() => tokenAndPositionEmbedding({ ...base, vocabularySize: 2.5 }))).toMatchObject({ path: 'vocabularySize' });
    expect(configError(() => tokenAndPositionEmbedding({ ...base, tieWeights: 'yes' } as never)).path).toBe('tieWeights');
    const renamed = configError(() => tokenAndPositionEmbedding({ inputDim: 10, outputDim: 2, sequenceLength: 4 } as never));
    expect(renamed.path).toBe('inputDim');
    expect(renamed.message).toContain("it is 'vocabularySize' here");
    expect(configError(() => positionEmbedding({ sequenceLength: 4, hierarchical_alpha: 0.2 } as never)).message).toContain("did you mean 'hierarchicalAlpha'?");
    expect(configError(() => positionEmbedding({ sequenceLength: 4, hierarchicalAlpha: 1 })).path).toBe('hierarchicalAlpha');
    expect(configError(() => positionEmbedding({ sequenceLength: 4, intializer: 'zeros' } as never)).message).toContain("did you mean 'initializer'?");
    expect(configError(() => positionEmbedding({ sequenceLength: 4, initializer: 'noSuchInitializer' })).path).toBe('initializer');
  });

  it('keeps tfjs base arguments (name, trainable, inputShape) working', () => {
    const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 2, name: 'attn', trainable: false });
    expect(layer.name).toBe('attn');
    expect(layer.trainable).toBe(false);
  });
});

describe('call arguments a layer does not take are errors, not silently ignored', () => {
  it("says how to pass a Keras-style mha(query, value) in tfjs", () => {
    const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 2 });
    const query = tf.ones([1, 2, 4]);
    const value = tf.ones([1, 3, 4]);
    const error = configError(() => layer.apply(query, { value }));
    expect(error.path).toBe('value');
    expect(error.message).toContain('layer.apply([query, value])');
    expect(configError(() => new AdditiveAttention().apply([query, query], { key: value })).message).toContain('layer.apply([query, value, key])');
    expect(configError(() => layer.apply(query, { attentionMsk: tf.ones([1, 2, 2]) })).message).toContain("did you mean 'attentionMask'?");
    const positions = positionEmbedding({ sequenceLength: 4 });
    expect(configError(() => positions.apply(query, { startIndex: 1 })).path).toBe('startIndex');
    const embed = tokenAndPositionEmbedding({ vocabularySize: 5, sequenceLength: 4, embeddingDim: 2 });
    expect(configError(() => embed.apply(tf.zeros([1, 2], 'int32'), { positions: query })).message).toContain('TokenAndPositionEmbedding');
    const output = layer.apply(query, { training: false }) as tf.Tensor; // tfjs's own call arguments pass
    expect(output.shape).toEqual([1, 2, 4]);
    tf.dispose([query, value, output]);
  });
});

describe('ops reject misspelled options', () => {
  it('softmax and scaledDotProductAttention name the key and the closest allowed one', async () => {
    const { softmax } = await import('../ops/softmax.js');
    const { scaledDotProductAttention } = await import('../ops/attention.js');
    const x = tf.ones([2, 3]);
    expect(configError(() => softmax(x, { temprature: 2 } as never)).message).toContain("did you mean 'temperature'?");
    expect(configError(() => scaledDotProductAttention(x, x, x, { casual: true } as never)).message).toContain("did you mean 'causal'?");
    expect(configError(() => scaledDotProductAttention(x, x, x, { causal: 'yes' } as never)).path).toBe('causal');
    x.dispose();
  });
});
