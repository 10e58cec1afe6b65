/**
 * Type tests, checked by `tsc --noEmit` (this file is in the package's tsconfig) and run by
 * vitest: the documented `layer.call([q, v], { attentionMask })` must compile without casts,
 * and a misspelled or mistyped call argument must not. If the call-argument type regresses
 * (e.g. back to an intersection with `ConfigDict`, which rejects tensors, or to a bare index
 * signature, which accepts anything), a `@ts-expect-error` below becomes unused or the plain
 * call stops compiling, and tsc fails.
 */
import * as tf from '@tensorflow/tfjs';
import { ConfigError, useBackend } from '@dl/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MultiHeadAttention, type MultiHeadAttentionApplyArgs, type MultiHeadAttentionCallArgs } from './multi-head-attention.js';

describe('MultiHeadAttention call-argument types', () => {
  it('accepts the documented call([q, v], { attentionMask }) and rejects misspelled or mistyped arguments', async () => {
    await useBackend('cpu');
    const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 2 });
    const [query, value] = [tf.ones([1, 2, 4]), tf.ones([1, 3, 4])];
    const attentionMask = tf.ones([1, 2, 3]);

    const output = layer.call([query, value], { attentionMask });
    const withOptions = layer.call([query, value], { attentionMask, useCausalMask: true, returnAttentionScores: true, training: false });
    expect((output as tf.Tensor).shape).toEqual([1, 2, 4]);
    expect(withOptions).toHaveLength(2);

    expectTypeOf(layer.call).parameter(1).toEqualTypeOf<MultiHeadAttentionCallArgs | undefined>();
    expectTypeOf<MultiHeadAttentionCallArgs['attentionMask']>().toEqualTypeOf<tf.Tensor | undefined>();
    expectTypeOf<MultiHeadAttentionApplyArgs['attentionMask']>().toEqualTypeOf<tf.Tensor | tf.SymbolicTensor | undefined>();

    // @ts-expect-error a misspelled call argument does not compile (and throws at run time for JavaScript callers)
    expect(() => layer.call([query, value], { attentionMsk: attentionMask })).toThrow(ConfigError);
    // @ts-expect-error call-time options are booleans
    expect(() => layer.call([query, value], { useCausalMask: 'yes' })).toThrow(ConfigError);
    // @ts-expect-error the attention mask is a tensor
    expect(() => layer.call([query, value], { attentionMask: [[1, 1, 1]] })).toThrow(ConfigError);
    // @ts-expect-error apply checks the types of the options it knows
    expect(() => layer.apply([query, value], { returnAttentionScores: 'no' })).toThrow(ConfigError);

    tf.dispose([query, value, attentionMask, output, ...(withOptions as tf.Tensor[])]);
    layer.dispose();
  });
});
