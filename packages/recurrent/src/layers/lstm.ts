import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { recurrentActivationNames, type RecurrentActivation } from '../ops/activations.js';
import { parseLayerArgs } from '../internal/layer-args.js';
import { RecurrentLayer, recurrentArgsEntries, type RecurrentLayerArgs } from './recurrent-layer.js';

/** Constructor arguments of {@link LSTM}. */
export interface LSTMLayerArgs extends RecurrentLayerArgs {
  /**
   * Of the gates. Default `'sigmoid'` (Keras 2 and 3). tfjs-layers' own LSTM defaults to
   * `'hardSigmoid'` (the Keras 1 default), which differs from PyTorch's LSTM by about 0.02 on
   * small inputs; pass `'hardSigmoid'` for models trained that way (saved configs name it).
   */
  readonly recurrentActivation?: RecurrentActivation;
  /** Initialize the forget gate's bias to 1 (Jozefowicz et al. 2015). Default `true`. */
  readonly unitForgetBias?: boolean;
}

/**
 * Long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al.
 * 2000) with Keras's names, defaults and weight layout: `kernel [inputDim, 4u]`,
 * `recurrent_kernel [u, 4u]`, `bias [4u]`, gates in the order i, f, c, o.
 *
 * `c' = f⊙c + i⊙tanh(·)`, `h' = o⊙tanh(c')`. The additive cell path lets gradients through
 * many steps when f ≈ 1; it does not stop them from exploding: clip gradients for that
 * (`clipNorm` of the factories, or `clipByGlobalNorm` from @dl/core).
 *
 * Computed by the fused kernel on cpu and wasm. Registered as `LSTM` (the model.json name of
 * Keras and tfjs). `returnState: true` outputs `[output, h, c]`; `initialState` takes `[h, c]`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { lstm } from '@dl/recurrent';
 * const tokens = tf.input({ shape: [50], dtype: 'int32' });
 * const embedded = tf.layers.embedding({ inputDim: 1000, outputDim: 32, maskZero: true }).apply(tokens);
 * const encoded = lstm({ units: 64 }).apply(embedded) as tf.SymbolicTensor; // [null, 64]
 * ```
 */
export class LSTM extends RecurrentLayer {
  static className = 'LSTM';
  readonly unitForgetBias: boolean;

  constructor(args: LSTMLayerArgs) {
    const o = parseLayerArgs(
      {
        ...recurrentArgsEntries,
        recurrentActivation: v.optional(v.picklist(recurrentActivationNames), 'sigmoid'),
        unitForgetBias: v.optional(v.boolean(), true),
      },
      args,
    );
    super(args, { ...o, cell: 'lstm', resetAfter: false });
    this.unitForgetBias = o.unitForgetBias;
  }

  protected override initializeBias(bias: tf.LayerVariable): void {
    if (!this.unitForgetBias) return;
    const u = this.units;
    const initial = tf.tidy(() => {
      const value = bias.read();
      return tf.concat([tf.slice(value, [0], [u]), tf.ones([u]), tf.slice(value, [2 * u], [2 * u])]);
    });
    // The variable takes its own reference to the values; this tensor is ours to dispose.
    bias.write(initial);
    initial.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), recurrentActivation: this.recurrentActivation, unitForgetBias: this.unitForgetBias };
  }
}
tf.serialization.registerClass(LSTM);

/**
 * Creates an {@link LSTM} layer.
 *
 * @param args - see {@link LSTMLayerArgs}; `units` is required.
 * @returns the layer.
 * @example
 * ```ts
 * import { lstm } from '@dl/recurrent';
 * const layer = lstm({ units: 64, returnSequences: true, dropout: 0.1 });
 * ```
 */
export function lstm(args: LSTMLayerArgs): LSTM {
  return new LSTM(args);
}
