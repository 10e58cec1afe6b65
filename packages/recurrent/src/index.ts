/**
 * Fast recurrent layers for TensorFlow.js: SimpleRNN, LSTM and GRU with Keras 2's defaults and
 * weight layout (GRU `resetAfter` included, so Keras GRU models load), computed by a fused
 * kernel (one recurrent matmul per step, hand-written backpropagation through time), plus
 * the cell equations as plain ops, and ready-made models.
 *
 * @packageDocumentation
 */
export { activateInPlace, applyActivation, derivativeFromOutput, recurrentActivationNames, type RecurrentActivation } from './ops/activations.js';
export type { CellActivations, CellWeights } from './ops/cell-weights.js';
export { gruCell, type GruCellOptions } from './ops/gru-cell.js';
export { lstmCell } from './ops/lstm-cell.js';
export { recurrentParameterCount, type ParameterCountArgs } from './ops/parameter-count.js';
export { recurrence, type RecurrenceImplementation, type RecurrenceOptions, type RecurrenceResult } from './ops/recurrence.js';
export type { CellKind, RecurrenceSpec } from './ops/recurrence-engine.js';
export { simpleRnnCell } from './ops/simple-rnn-cell.js';
export { Bidirectional, bidirectional, type BidirectionalLayerArgs, type MergeMode } from './layers/bidirectional.js';
export { GRU, gru, type GRULayerArgs } from './layers/gru.js';
export { LSTM, lstm, type LSTMLayerArgs } from './layers/lstm.js';
export { RecurrentLayer, type RecurrentCallArgs, type RecurrentLayerArgs, type RecurrentOptions } from './layers/recurrent-layer.js';
export { SimpleRNN, simpleRnn, type SimpleRNNLayerArgs } from './layers/simple-rnn.js';
export type { Initializer, InitializerLike, LayerArgs } from './internal/layer-args.js';
export { CharVocabulary, type CharVocabularyJSON } from './models/char-vocabulary.js';
export {
  charLanguageModelData,
  createCharLanguageModel,
  generateText,
  type CharLanguageModelOptions,
  type GenerateTextOptions,
} from './models/char-language-model.js';
export { createRecurrentClassifier, type RecurrentClassifierOptions } from './models/recurrent-classifier.js';
export { createSequenceRegressor, type SequenceRegressorOptions } from './models/sequence-regressor.js';
export type { StackOptions } from './models/recurrent-stack.js';
