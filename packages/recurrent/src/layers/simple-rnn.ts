import * as tf from '@tensorflow/tfjs';
import { parseLayerArgs } from '../internal/layer-args.js';
import { RecurrentLayer, recurrentArgsEntries, type RecurrentLayerArgs } from './recurrent-layer.js';

/** Constructor arguments of {@link SimpleRNN}. */
export type SimpleRNNLayerArgs = RecurrentLayerArgs;

/**
 * A fully connected recurrent layer (Elman): `hₜ = activation(xₜ·W + hₜ₋₁·U + b)`, with Keras's
 * names, defaults and weight layout (`kernel [inputDim, units]`, `recurrent_kernel [units,
 * units]`, `bias [units]`). Computed by the fused kernel on cpu and wasm: one recurrent matmul
 * per step forward and backward, one tape node per layer.
 *
 * Registered as `SimpleRNN`, the name Keras and tfjs write in model.json: after importing this
 * package, saved models with a `SimpleRNN` load as this layer (same numbers for the options
 * both support).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { simpleRnn } from '@dl/recurrent';
 * const model = tf.sequential({ layers: [simpleRnn({ units: 16, inputShape: [20, 3] }), tf.layers.dense({ units: 1 })] });
 * model.predict(tf.zeros([4, 20, 3])); // [4, 1]
 * ```
 */
export class SimpleRNN extends RecurrentLayer {
  static className = 'SimpleRNN';

  constructor(args: SimpleRNNLayerArgs) {
    const o = parseLayerArgs(recurrentArgsEntries, args);
    super(args, { ...o, cell: 'simple', recurrentActivation: 'sigmoid', resetAfter: false });
  }
}
tf.serialization.registerClass(SimpleRNN);

/**
 * Creates a {@link SimpleRNN} layer.
 *
 * @param args - see {@link RecurrentLayerArgs}; `units` is required.
 * @returns the layer.
 * @example
 * ```ts
 * import { simpleRnn } from '@dl/recurrent';
 * const layer = simpleRnn({ units: 32, returnSequences: true });
 * ```
 */
export function simpleRnn(args: SimpleRNNLayerArgs): SimpleRNN {
  return new SimpleRNN(args);
}
