import * as tf from '@tensorflow/tfjs';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { recurrentParameterCount } from './parameter-count.js';

describe('recurrentParameterCount', () => {
  it('counts the worked examples of the question bank', () => {
    // LSTM(32) on 100-dim embeddings: 4 gates × (100·32 + 32·32 + 32).
    expect(recurrentParameterCount({ cell: 'lstm', inputDim: 100, units: 32 })).toBe(17_024);
    // GRU(64) on 32 inputs: 3 × (32·64 + 64·64) plus two bias rows (PyTorch counts the same).
    expect(recurrentParameterCount({ cell: 'gru', inputDim: 32, units: 64 })).toBe(18_816);
    expect(recurrentParameterCount({ cell: 'gru', inputDim: 32, units: 64, resetAfter: false })).toBe(18_624);
    expect(recurrentParameterCount({ cell: 'simple', inputDim: 10, units: 20 })).toBe(10 * 20 + 20 * 20 + 20);
  });

  it("equals tfjs-layers' own count where tfjs has the layer", () => {
    const cases: [tf.layers.Layer, Parameters<typeof recurrentParameterCount>[0]][] = [
      [tf.layers.simpleRNN({ units: 7 }), { cell: 'simple', inputDim: 5, units: 7 }],
      [tf.layers.lstm({ units: 7 }), { cell: 'lstm', inputDim: 5, units: 7 }],
      [tf.layers.gru({ units: 7 }), { cell: 'gru', inputDim: 5, units: 7, resetAfter: false }],
      [tf.layers.lstm({ units: 7, useBias: false }), { cell: 'lstm', inputDim: 5, units: 7, useBias: false }],
    ];
    for (const [layer, args] of cases) {
      layer.apply(tf.input({ shape: [3, 5] }));
      expect(recurrentParameterCount(args)).toBe(layer.countParams());
    }
  });

  it('rejects bad arguments with a ConfigError', () => {
    expect(catchConfigError(() => recurrentParameterCount({ cell: 'lstm', inputDim: 0, units: 3 })).path).toBe('inputDim');
    expect(catchConfigError(() => recurrentParameterCount({ cell: 'rnn' as never, inputDim: 2, units: 3 })).path).toBe('cell');
  });
});
