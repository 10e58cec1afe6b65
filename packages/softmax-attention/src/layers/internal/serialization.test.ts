import * as tf from '@tensorflow/tfjs';
import { expectTensorsClose } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { softmaxRow } from '../../ops/reference.test-util.js';
import { AdditiveAttention } from '../additive-attention.js';
import { PositionEmbedding } from '../position-embedding.js';
import { TokenAndPositionEmbedding } from '../token-and-position-embedding.js';

/**
 * A model.json topology written by hand the way Keras (tf.keras 2.x, the format tfjs-converter
 * reads) writes it: bare Keras class names, snake_case config keys, Keras's initializer dicts.
 */
const kerasTopology = {
  class_name: 'Functional',
  keras_version: '2.15.0',
  backend: 'tensorflow',
  config: {
    name: 'keras_model',
    layers: [
      { class_name: 'InputLayer', name: 'token_ids', inbound_nodes: [], config: { batch_input_shape: [null, 4], dtype: 'int32', sparse: false, ragged: false, name: 'token_ids' } },
      { class_name: 'InputLayer', name: 'features', inbound_nodes: [], config: { batch_input_shape: [null, 3, 2], dtype: 'float32', sparse: false, ragged: false, name: 'features' } },
      {
        class_name: 'TokenAndPositionEmbedding',
        name: 'token_and_position_embedding',
        inbound_nodes: [[['token_ids', 0, 0, {}]]],
        config: {
          name: 'token_and_position_embedding', trainable: true, dtype: 'float32', vocabulary_size: 6, sequence_length: 4, embedding_dim: 2,
          embeddings_initializer: { module: 'keras.initializers', class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null }, registered_name: null },
          tie_weights: true, mask_zero: true,
        },
      },
      {
        class_name: 'AdditiveAttention',
        name: 'additive_attention',
        inbound_nodes: [[['token_and_position_embedding', 0, 0, {}], ['token_and_position_embedding', 0, 0, {}]]],
        config: { name: 'additive_attention', trainable: true, dtype: 'float32', use_scale: true, dropout: 0.0 },
      },
      {
        class_name: 'PositionEmbedding',
        name: 'position_embedding',
        inbound_nodes: [[['features', 0, 0, {}]]],
        config: { name: 'position_embedding', trainable: true, dtype: 'float32', sequence_length: 5, hierarchical_alpha: 0.4, initializer: { class_name: 'GlorotUniform', config: { seed: null } } },
      },
    ],
    input_layers: [['token_ids', 0, 0], ['features', 0, 0]],
    output_layers: [['additive_attention', 0, 0], ['position_embedding', 0, 0]],
  },
};

const values = (length: number, seed: number) => Float32Array.from({ length }, (_, i) => Math.sin(seed * 7.1 + i * 1.3) / 2);

describe('layers registered under their bare Keras class names', () => {
  it('load a Keras-style model.json (snake_case config keys) through tf.loadLayersModel, and compute what Keras defines', async () => {
    const [tokenTable, positionTable, scale, featurePositions] = [values(12, 1), values(8, 2), values(2, 3), values(10, 4)];
    const weightSpecs: tf.io.WeightsManifestEntry[] = [
      { name: 'token_and_position_embedding/token_embedding/embeddings', shape: [6, 2], dtype: 'float32' },
      { name: 'token_and_position_embedding/position_embedding/embeddings', shape: [4, 2], dtype: 'float32' },
      { name: 'additive_attention/scale', shape: [2], dtype: 'float32' },
      { name: 'position_embedding/embeddings', shape: [5, 2], dtype: 'float32' },
    ];
    const weightData = new Float32Array([...tokenTable, ...positionTable, ...scale, ...featurePositions]).buffer;
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: kerasTopology, weightSpecs, weightData }));

    const [embedding, attention, positions] = ['token_and_position_embedding', 'additive_attention', 'position_embedding'].map((name) => model.getLayer(name));
    expect(embedding).toBeInstanceOf(TokenAndPositionEmbedding);
    expect(embedding!.getConfig()).toMatchObject({ vocabularySize: 6, sequenceLength: 4, embeddingDim: 2, maskZero: true, tieWeights: true });
    expect(attention).toBeInstanceOf(AdditiveAttention);
    expect(attention!.getConfig()).toMatchObject({ useScale: true, dropout: 0 });
    expect(positions).toBeInstanceOf(PositionEmbedding);
    expect(positions!.getConfig()).toMatchObject({ sequenceLength: 5, hierarchicalAlpha: 0.4 });

    // float64 reference from the definitions: x[t] = T[id] + P[t]; Keras's additive self-attention
    // with the padding mask on values and on query rows; the position embedding's rows.
    const ids = [2, 5, 0, 0];
    const x = ids.map((id, t) => [0, 1].map((d) => tokenTable[id * 2 + d]! + positionTable[t * 2 + d]!));
    const mask = ids.map((id) => (id === 0 ? 0 : 1));
    const expectedAttention = x.map((q, i) => {
      const weights = softmaxRow(x.map((k) => q.reduce((s, qd, d) => s + scale[d]! * Math.tanh(qd + k[d]!), 0)), mask);
      return [0, 1].map((d) => mask[i]! * weights.reduce((s, w, j) => s + w * x[j]![d]!, 0));
    });
    const expectedPositions = [0, 1, 2].map((t) => [0, 1].map((d) => featurePositions[t * 2 + d]!));
    const [attended, positioned] = model.predict([tf.tensor2d([ids], undefined, 'int32'), tf.ones([1, 3, 2])]) as tf.Tensor[];
    expectTensorsClose(attended!, [expectedAttention], { rtol: 1e-5, atol: 1e-6 });
    expectTensorsClose(positioned!, [expectedPositions], { rtol: 0, atol: 0 });

    // And the model.json tfjs writes back names them the same bare way.
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const classNames = (saved!.modelTopology as { config: { layers: { class_name: string }[] } }).config.layers.map((layer) => layer.class_name);
    expect(classNames.sort()).toEqual(['AdditiveAttention', 'InputLayer', 'InputLayer', 'PositionEmbedding', 'TokenAndPositionEmbedding']);
    tf.dispose([attended!, positioned!]);
    model.dispose();
  });
});
