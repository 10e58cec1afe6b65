import * as tf from '@tensorflow/tfjs';
import { afterAll } from 'vitest';
import { describeRecurrentLayer } from './recurrent-suite.test-util.js';
import { SimpleRNN, simpleRnn } from './simple-rnn.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describeRecurrentLayer('SimpleRNN', {
  cell: 'simple',
  create: (args) => simpleRnn(args as never),
  tfjsTwin: (args) => tf.layers.simpleRNN(args as never),
  twinConfigs: [{}, { goBackwards: true }, { activation: 'relu' }, { useBias: false }],
});

// The class is what tfjs deserializes; the factory returns it.
describeRecurrentLayer('SimpleRNN (class)', {
  cell: 'simple',
  create: (args) => new SimpleRNN(args as never),
  tfjsTwin: (args) => tf.layers.simpleRNN(args as never),
  twinConfigs: [{ activation: 'linear' }],
});
