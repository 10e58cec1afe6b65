import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { catchConfigError, expectTensorsClose } from '@dl/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { PositionalEmbedding, positionalEmbedding } from './positional-embedding.js';
import { TokenAndPositionEmbedding } from './token-and-position-embedding.js';
import { expectSaveLoadRoundTrip, randomizeWeights } from './testing.test-util.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** The model.json topology an earlier version of this package saved for a PositionalEmbedding model (tfjs's camelCase format). */
function legacyTopology(positionEncoding: 'learned' | 'sinusoidal'): tf.io.ModelArtifacts['modelTopology'] {
  return {
    class_name: 'Model',
    config: {
      name: 'legacy',
      layers: [
        { class_name: 'InputLayer', name: 'tokens', inbound_nodes: [], config: { batch_input_shape: [null, 3], dtype: 'int32', sparse: false, name: 'tokens' } },
        {
          class_name: 'PositionalEmbedding',
          name: 'embedding',
          inbound_nodes: [[['tokens', 0, 0, {}]]],
          config: {
            name: 'embedding', trainable: true, dtype: 'int32', input_dim: 6, output_dim: 2, sequence_length: 4, position_encoding: positionEncoding, mask_zero: true,
            embeddings_initializer: { class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } },
          },
        },
      ],
      input_layers: [['tokens', 0, 0]],
      output_layers: [['embedding', 0, 0]],
    },
  };
}

describe.each(['cpu', 'wasm'] as const)('PositionalEmbedding (deprecated alias of TokenAndPositionEmbedding) on %s', (backend) => {
  it('computes what TokenAndPositionEmbedding computes, with its old option, config and weight names', async () => {
    await useBackend(backend);
    const alias = positionalEmbedding({ inputDim: 8, outputDim: 3, sequenceLength: 5, maskZero: true });
    const current = new TokenAndPositionEmbedding({ vocabularySize: 8, embeddingDim: 3, sequenceLength: 5, maskZero: true });
    const ids = tf.tensor2d([[3, 7, 0], [1, 1, 2]], undefined, 'int32');
    alias.apply(ids);
    current.apply(ids);
    randomizeWeights(alias, 1);
    current.setWeights(alias.getWeights());
    expect(alias).toBeInstanceOf(TokenAndPositionEmbedding);
    expect(alias.weights.map((w) => w.originalName.slice(alias.name.length + 1))).toEqual(['token_embeddings', 'position_embeddings']);
    const [a, b] = [alias.apply(ids) as tf.Tensor, current.apply(ids) as tf.Tensor];
    expectTensorsClose(a, b, { rtol: 0, atol: 0 });
    expect(Array.from((alias.computeMask(ids) as tf.Tensor).dataSync())).toEqual([1, 1, 0, 1, 1, 1]);
    const config = alias.getConfig();
    expect(config).toMatchObject({ inputDim: 8, outputDim: 3, sequenceLength: 5, maskZero: true, positionEncoding: 'learned' });
    expect(Object.keys(config)).not.toContain('vocabularySize');
    expect(catchConfigError(() => positionalEmbedding({ inputDim: 8, outputDim: 3, sequenceLength: 5, vocabularySize: 8 } as never)).path).toBe('vocabularySize');
    tf.dispose([ids, a, b]);
  });

  it.each(['learned', 'sinusoidal'] as const)('loads a model.json saved under the old name (%s positions) with its weights', async (positionEncoding) => {
    await useBackend(backend);
    const tokenTable = Float32Array.from({ length: 12 }, (_, i) => (i - 6) / 10);
    const positionTable = Float32Array.from({ length: 8 }, (_, i) => (i + 1) / 100);
    const weightSpecs: tf.io.WeightsManifestEntry[] = [
      { name: 'embedding/token_embeddings', shape: [6, 2], dtype: 'float32' },
      { name: positionEncoding === 'learned' ? 'embedding/position_embeddings' : 'embedding/position_encoding', shape: [4, 2], dtype: 'float32' },
    ];
    const weightData = new Float32Array([...tokenTable, ...positionTable]).buffer;
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: legacyTopology(positionEncoding), weightSpecs, weightData }));
    expect(model.layers[1]).toBeInstanceOf(PositionalEmbedding);
    const ids = [[5, 0, 2]];
    const out = model.predict(tf.tensor2d(ids, undefined, 'int32')) as tf.Tensor;
    expectTensorsClose(out, ids.map((row) => row.map((id, t) => [0, 1].map((d) => tokenTable[id * 2 + d]! + positionTable[t * 2 + d]!))), { rtol: 1e-6, atol: 1e-7 });
    const loaded = await expectSaveLoadRoundTrip(model, tf.tensor2d(ids, undefined, 'int32'));
    expect(loaded.layers[1]).toBeInstanceOf(PositionalEmbedding);
    out.dispose();
    model.dispose();
    loaded.dispose();
  });
});
