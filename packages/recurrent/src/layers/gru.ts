import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { recurrentActivationNames, type RecurrentActivation } from '../ops/activations.js';
import { parseLayerArgs } from '../internal/layer-args.js';
import { RecurrentLayer, recurrentArgsEntries, type RecurrentLayerArgs } from './recurrent-layer.js';

/** Constructor arguments of {@link GRU}. */
export interface GRULayerArgs extends RecurrentLayerArgs {
  /** Of the gates. Default `'sigmoid'` (tfjs-layers' GRU defaults to `'hardSigmoid'`, the Keras 1 default). */
  readonly recurrentActivation?: RecurrentActivation;
  /**
   * Apply the reset gate after the recurrent product, with separate input and recurrent
   * biases (`bias [2, 3u]`): Keras's default since TF2, and what PyTorch's `nn.GRU` and cuDNN
   * compute. `false` is the original GRU (Cho et al. 2014; Keras 1, tfjs-layers; `bias [3u]`).
   * Default `true`. tfjs-layers cannot load `reset_after: true` models; this layer can.
   */
  readonly resetAfter?: boolean;
}

/**
 * Gated recurrent unit with Keras's names, defaults and weight layout: `kernel [inputDim, 3u]`,
 * `recurrent_kernel [u, 3u]`, gates in the order z, r, h; `h' = z⊙h + (1 − z)⊙n`.
 *
 * Registered as `GRU`: after `import '@dl/recurrent'`, `tf.loadLayersModel` loads Keras GRU
 * models (converted with `tensorflowjs_converter`) including `reset_after: true`, and PyTorch
 * `nn.GRU` weights map onto it (see the guide: `W_ih` rows r, z, n become kernel columns z, r, h).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { gru } from '@dl/recurrent';
 * const model = tf.sequential({ layers: [gru({ units: 32, inputShape: [100, 2] }), tf.layers.dense({ units: 1 })] });
 * model.predict(tf.zeros([8, 100, 2])); // [8, 1]
 * ```
 */
export class GRU extends RecurrentLayer {
  static className = 'GRU';

  constructor(args: GRULayerArgs) {
    const o = parseLayerArgs(
      {
        ...recurrentArgsEntries,
        recurrentActivation: v.optional(v.picklist(recurrentActivationNames), 'sigmoid'),
        resetAfter: v.optional(v.boolean(), true),
      },
      args,
    );
    super(args, { ...o, cell: 'gru' });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), recurrentActivation: this.recurrentActivation, resetAfter: this.resetAfter };
  }
}
tf.serialization.registerClass(GRU);

/**
 * Creates a {@link GRU} layer.
 *
 * @param args - see {@link GRULayerArgs}; `units` is required.
 * @returns the layer.
 * @example
 * ```ts
 * import { gru } from '@dl/recurrent';
 * const layer = gru({ units: 32, resetAfter: true });
 * ```
 */
export function gru(args: GRULayerArgs): GRU {
  return new GRU(args);
}
