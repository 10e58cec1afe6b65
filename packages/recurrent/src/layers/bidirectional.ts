import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@dl/core';
import * as v from 'valibot';
import { checkCallArgs, parseLayerArgs, type LayerArgs } from '../internal/layer-args.js';
import { RecurrentLayer, type RecurrentCallArgs } from './recurrent-layer.js';

/** How {@link Bidirectional} combines the two directions (Keras's names). */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';

/** Constructor arguments of {@link Bidirectional}. */
export interface BidirectionalLayerArgs extends LayerArgs {
  /**
   * The recurrent layer to run in both directions ({@link SimpleRNN}, {@link LSTM} or {@link GRU}
   * of this package), or its serialized form. It serves as a template: the wrapper makes a
   * forward copy and a backward copy (`goBackwards` flipped) and owns their weights.
   */
  readonly layer: RecurrentLayer | { className: string; config: tf.serialization.ConfigDict };
  /** `'concat'` (default: `2·units` features), `'sum'`, `'mul'`, `'ave'`, or `null` for `[forward, backward]`. */
  readonly mergeMode?: MergeMode | null;
}

/**
 * Runs a recurrent layer forwards and backwards over the sequence and merges the two, as
 * Keras's `Bidirectional`: the backward outputs are re-reversed so that step t of both
 * directions lines up, padding masks apply to both, and the weights are the forward layer's
 * then the backward layer's, named `<name>/forward_<layer>/kernel` and so on (the names Keras
 * model files use, once tfjs drops the cell scope).
 *
 * A bidirectional layer sees the future: fine for classifying or tagging a whole sequence,
 * wrong for generating or streaming it step by step.
 *
 * With `returnState`, the outputs are `[merged, ...forwardStates, ...backwardStates]`; an
 * `initialState` lists the forward states, then the backward ones.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { bidirectional, lstm } from '@dl/recurrent';
 * const tokens = tf.input({ shape: [40], dtype: 'int32' });
 * const embedded = tf.layers.embedding({ inputDim: 500, outputDim: 16, maskZero: true }).apply(tokens);
 * const encoded = bidirectional({ layer: lstm({ units: 32 }) }).apply(embedded) as tf.SymbolicTensor; // [null, 64]
 * ```
 */
export class Bidirectional extends tf.layers.Layer {
  static className = 'Bidirectional';
  readonly mergeMode: MergeMode | null;
  readonly forwardLayer: RecurrentLayer;
  readonly backwardLayer: RecurrentLayer;

  constructor(args: BidirectionalLayerArgs) {
    const o = parseLayerArgs(
      {
        layer: v.custom<BidirectionalLayerArgs['layer']>((value) => value instanceof RecurrentLayer || isSerializedLayer(value), 'a SimpleRNN, LSTM or GRU layer of @dl/recurrent, or its serialized form'),
        mergeMode: v.optional(v.nullable(v.picklist(['concat', 'sum', 'mul', 'ave'])), 'concat'),
        backwardLayer: v.optional(v.custom<never>(() => false, 'no backwardLayer (the backward layer is always the forward layer with goBackwards flipped)')),
      },
      args,
    );
    super(args);
    const template = o.layer instanceof RecurrentLayer ? { className: o.layer.getClassName(), config: o.layer.getConfig() } : o.layer;
    const make = (prefix: string, flip: boolean): RecurrentLayer => {
      const entry = tf.serialization.SerializationMap.getMap().classNameMap[template.className];
      const config: tf.serialization.ConfigDict = { ...template.config, name: `${prefix}_${String(template.config.name ?? template.className.toLowerCase())}` };
      if (flip) config.goBackwards = config.goBackwards !== true;
      const layer = entry === undefined ? undefined : entry[1](entry[0], config);
      if (!(layer instanceof RecurrentLayer)) {
        throw new ConfigError({ package: 'recurrent', path: 'layer', value: template.className, expected: 'a SimpleRNN, LSTM or GRU layer of @dl/recurrent (import the package before loading)' });
      }
      return layer;
    };
    this.forwardLayer = make('forward', false);
    this.backwardLayer = make('backward', true);
    this.mergeMode = o.mergeMode;
    this.supportsMasking = true;
  }

  /** Like the wrapped layers: an `initialState` becomes extra inputs (so it can be symbolic). */
  override apply(inputs: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[], kwargs: RecurrentCallArgs & Record<string, unknown> = {}): tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[] {
    const { initialState, ...rest } = kwargs;
    if (initialState === undefined || initialState === null) return super.apply(inputs, rest);
    const list = (Array.isArray(inputs) ? inputs : [inputs]) as tf.Tensor[];
    return super.apply([...list, ...([] as tf.Tensor[]).concat(initialState as tf.Tensor)], rest);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    this.forwardLayer.computeOutputShape(shape);
    const inputDim = shape[2] as number;
    for (const layer of [this.forwardLayer, this.backwardLayer]) {
      layer.createWeights(inputDim, (name, weightShape, initializer) => this.addWeight(`${layer.name}/${name}`, weightShape, 'float32', initializer));
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inner = this.forwardLayer.computeOutputShape(shape);
    const [output, ...states] = (Array.isArray(inner[0]) ? inner : [inner]) as tf.Shape[];
    const merged: tf.Shape[] =
      this.mergeMode === null ? [output!, output!] : [this.mergeMode === 'concat' ? [...output!.slice(0, -1), 2 * this.forwardLayer.units] : output!];
    const all = [...merged, ...states, ...states];
    return all.length === 1 ? all[0]! : all;
  }

  override computeMask(inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    const inputMask = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    const outputMask = this.forwardLayer.returnSequences ? inputMask : null;
    const outputs = (this.mergeMode === null ? 2 : 1) + (this.forwardLayer.returnState ? 2 * this.forwardLayer.stateCount : 0);
    if (outputs === 1) return outputMask as tf.Tensor;
    return [outputMask, ...Array.from({ length: outputs - 1 }, (_, i) => (this.mergeMode === null && i === 0 ? outputMask : null))] as unknown as tf.Tensor[];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor | tf.Tensor[] {
    checkCallArgs(kwargs, ['initialState'], 'Bidirectional');
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const states = list.length > 1 ? list.slice(1) : kwargs.initialState === undefined || kwargs.initialState === null ? [] : ([] as tf.Tensor[]).concat(kwargs.initialState as unknown as tf.Tensor);
    const count = this.forwardLayer.stateCount;
    if (states.length !== 0 && states.length !== 2 * count) {
      throw new ConfigError({ package: 'recurrent', path: 'initialState', value: `${states.length} tensors`, expected: `${2 * count} tensors: the forward layer's ${count}, then the backward layer's` });
    }
    return tf.tidy(() => {
      const common = { mask: kwargs.mask, training: kwargs.training };
      const run = (layer: RecurrentLayer, initial: tf.Tensor[]) => {
        const out = layer.call(list[0]!, (initial.length === 0 ? common : { ...common, initialState: initial }) as unknown as tf.serialization.ConfigDict);
        return Array.isArray(out) ? out : [out];
      };
      const [forward, ...forwardStates] = run(this.forwardLayer, states.slice(0, count));
      let [backward, ...backwardStates] = run(this.backwardLayer, states.slice(count));
      // The backward layer emits its steps last-first: line them up with the forward ones.
      if (this.forwardLayer.returnSequences) backward = tf.reverse(backward!, 1);
      const merged = this.merge(forward!, backward!);
      const all = [...merged, ...forwardStates, ...backwardStates];
      return all.length === 1 ? all[0]! : all;
    });
  }

  private merge(forward: tf.Tensor, backward: tf.Tensor): tf.Tensor[] {
    switch (this.mergeMode) {
      case 'concat':
        return [tf.concat([forward, backward], -1)];
      case 'sum':
        return [tf.add(forward, backward)];
      case 'mul':
        return [tf.mul(forward, backward)];
      case 'ave':
        return [tf.mul(tf.add(forward, backward), 0.5)];
      case null:
        return [forward, backward];
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config = this.forwardLayer.getConfig();
    const name = String(config.name).replace(/^forward_/u, '');
    return {
      ...super.getConfig(),
      layer: { className: this.forwardLayer.getClassName(), config: { ...config, name } },
      mergeMode: this.mergeMode,
    };
  }
}
tf.serialization.registerClass(Bidirectional);

function isSerializedLayer(value: unknown): value is { className: string; config: tf.serialization.ConfigDict } {
  return typeof value === 'object' && value !== null && typeof (value as { className?: unknown }).className === 'string' && typeof (value as { config?: unknown }).config === 'object';
}

/**
 * Creates a {@link Bidirectional} wrapper.
 *
 * @param args - see {@link BidirectionalLayerArgs}; `layer` is required.
 * @returns the wrapper.
 * @example
 * ```ts
 * import { bidirectional, gru } from '@dl/recurrent';
 * const layer = bidirectional({ layer: gru({ units: 16, returnSequences: true }), mergeMode: 'sum' });
 * ```
 */
export function bidirectional(args: BidirectionalLayerArgs): Bidirectional {
  return new Bidirectional(args);
}
