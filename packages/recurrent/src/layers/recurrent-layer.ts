import * as tf from '@tensorflow/tfjs';
import { ConfigError, createSeededRandom, ShapeError, type SeededRandom } from '@dl/core';
import * as v from 'valibot';
import { recurrentActivationNames, type RecurrentActivation } from '../ops/activations.js';
import { recurrence, type RecurrenceImplementation } from '../ops/recurrence.js';
import { gateCount, type CellKind, type RecurrenceSpec } from '../ops/recurrence-engine.js';
import { checkCallArgs, type Initializer, initializerSchema, parseLayerArgs, rateSchema, resolveInitializer, serializeInitializer, type InitializerLike, type LayerArgs } from '../internal/layer-args.js';

/** Constructor arguments every recurrent layer of this package takes (Keras 2 names and defaults). */
export interface RecurrentLayerArgs extends LayerArgs {
  /** Size of the state. Required. */
  readonly units: number;
  /** Of the candidate (and of an LSTM's cell state on output). Default `'tanh'`. */
  readonly activation?: RecurrentActivation;
  /** Default `true`. */
  readonly useBias?: boolean;
  /** Default `'glorotUniform'`. */
  readonly kernelInitializer?: InitializerLike;
  /** Default `'orthogonal'`. */
  readonly recurrentInitializer?: InitializerLike;
  /** Default `'zeros'`. */
  readonly biasInitializer?: InitializerLike;
  /** Fraction of the inputs dropped while training: one mask per sequence, the same at every step. Default 0. */
  readonly dropout?: number;
  /** Fraction of the state dropped where it enters the recurrent product while training (Gal & Ghahramani 2016). Default 0. */
  readonly recurrentDropout?: number;
  /** Output every step `[batch, time, units]` instead of the last `[batch, units]`. Default `false`. */
  readonly returnSequences?: boolean;
  /** Also output the final state(s): `[output, h]`, or `[output, h, c]` for an LSTM. Default `false`. */
  readonly returnState?: boolean;
  /** Process the sequence last step first; a returned sequence comes in that order, as in Keras. Default `false`. */
  readonly goBackwards?: boolean;
  /** Seeds the dropout masks (a seeded layer draws a new mask per call, the same series every run). */
  readonly seed?: number | null;
  /** Only `false`: stateful RNNs are not supported. Accepted so that Keras and tfjs configs load. */
  readonly stateful?: boolean;
  /** Accepted for Keras and tfjs configs; has no effect (every step is computed the same way). */
  readonly unroll?: boolean;
  /** Accepted for Keras and tfjs configs (Keras's 1 or 2); has no effect. */
  readonly implementation?: number;
}

const unsupported = (what: string) => v.optional(v.nullable(v.custom<never>(() => false, `null (${what} are not supported by @dl/recurrent layers)`)));

/** The schema entries shared by all recurrent layers. */
export const recurrentArgsEntries = {
  units: v.pipe(v.number(), v.integer(), v.minValue(1)),
  activation: v.optional(v.picklist(recurrentActivationNames), 'tanh'),
  useBias: v.optional(v.boolean(), true),
  kernelInitializer: v.optional(initializerSchema),
  recurrentInitializer: v.optional(initializerSchema),
  biasInitializer: v.optional(initializerSchema),
  dropout: v.optional(rateSchema, 0),
  recurrentDropout: v.optional(rateSchema, 0),
  returnSequences: v.optional(v.boolean(), false),
  returnState: v.optional(v.boolean(), false),
  goBackwards: v.optional(v.boolean(), false),
  seed: v.optional(v.nullable(v.pipe(v.number(), v.finite()))),
  stateful: v.optional(v.literal(false, 'false (stateful RNNs are not supported)')),
  unroll: v.optional(v.boolean()),
  implementation: v.optional(v.picklist([1, 2])),
  timeMajor: v.optional(v.literal(false, 'false (inputs are [batch, time, features])')),
  kernelRegularizer: unsupported('regularizers'),
  recurrentRegularizer: unsupported('regularizers'),
  biasRegularizer: unsupported('regularizers'),
  activityRegularizer: unsupported('regularizers'),
  kernelConstraint: unsupported('constraints'),
  recurrentConstraint: unsupported('constraints'),
  biasConstraint: unsupported('constraints'),
};

/** Parsed options of a recurrent layer, as the base class needs them. */
export interface RecurrentOptions {
  readonly cell: CellKind;
  readonly units: number;
  readonly activation: RecurrentActivation;
  readonly recurrentActivation: RecurrentActivation;
  readonly resetAfter: boolean;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly seed?: number | null | undefined;
  readonly kernelInitializer?: InitializerLike | undefined;
  readonly recurrentInitializer?: InitializerLike | undefined;
  readonly biasInitializer?: InitializerLike | undefined;
}

/** Call arguments of a recurrent layer. */
export interface RecurrentCallArgs {
  /** `[batch, time]` padding mask (1 = real step); usually set by tfjs from an `Embedding({ maskZero: true })`. */
  readonly mask?: tf.Tensor | tf.Tensor[] | null;
  /** Dropout is applied only when true. */
  readonly training?: boolean;
  /** Initial state(s): `[h]`, or `[h, c]` for an LSTM, each `[batch, units]`. */
  readonly initialState?: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[];
}

/**
 * The shared machinery of {@link SimpleRNN}, {@link LSTM} and {@link GRU}: weights in the Keras
 * layout, padding masks, initial state, dropout, `returnSequences`, `returnState` and
 * `goBackwards`, all computed by {@link recurrence} (fused on cpu and wasm).
 */
export abstract class RecurrentLayer extends tf.layers.Layer {
  readonly units: number;
  readonly cell: CellKind;
  readonly activation: RecurrentActivation;
  readonly recurrentActivation: RecurrentActivation;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly seed: number | null;
  /** How the sequence is computed; see {@link RecurrenceOptions.implementation}. Default `'auto'`. */
  implementation: RecurrenceImplementation = 'auto';
  /** GRU: reset gate after the recurrent product (see {@link GRULayerArgs.resetAfter}). */
  readonly resetAfter: boolean;
  protected readonly kernelInitializer: Initializer;
  protected readonly recurrentInitializer: Initializer;
  protected readonly biasInitializer: Initializer;
  protected kernel: tf.LayerVariable | undefined;
  protected recurrentKernel: tf.LayerVariable | undefined;
  protected bias: tf.LayerVariable | undefined;
  private readonly random: SeededRandom;

  protected constructor(args: LayerArgs, options: RecurrentOptions) {
    super(args);
    this.cell = options.cell;
    this.units = options.units;
    this.activation = options.activation;
    this.recurrentActivation = options.recurrentActivation;
    this.resetAfter = options.resetAfter;
    this.useBias = options.useBias;
    this.dropout = options.dropout;
    this.recurrentDropout = options.recurrentDropout;
    this.returnSequences = options.returnSequences;
    this.returnState = options.returnState;
    this.goBackwards = options.goBackwards;
    this.seed = options.seed ?? null;
    this.random = createSeededRandom(options.seed ?? undefined);
    this.kernelInitializer = resolveInitializer(options.kernelInitializer, 'glorotUniform', 'kernelInitializer');
    this.recurrentInitializer = resolveInitializer(options.recurrentInitializer, 'orthogonal', 'recurrentInitializer');
    this.biasInitializer = resolveInitializer(options.biasInitializer, 'zeros', 'biasInitializer');
    this.supportsMasking = true;
  }

  /** Number of state tensors: 2 for an LSTM (`h`, `c`), 1 otherwise. */
  get stateCount(): number {
    return this.cell === 'lstm' ? 2 : 1;
  }

  /** The spec {@link recurrence} runs. */
  get spec(): RecurrenceSpec {
    return { cell: this.cell, units: this.units, activation: this.activation, recurrentActivation: this.recurrentActivation, resetAfter: this.resetAfter };
  }

  /**
   * Like tfjs's RNN: `apply(x, { initialState })` turns the initial state into extra inputs,
   * so that it can be symbolic in a functional model.
   */
  override apply(inputs: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[], kwargs: RecurrentCallArgs & Record<string, unknown> = {}): tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[] {
    const { initialState, ...rest } = kwargs;
    if (initialState === undefined || initialState === null) return super.apply(inputs, rest);
    const states = (Array.isArray(initialState) ? initialState : [initialState]) as tf.Tensor[];
    const list = (Array.isArray(inputs) ? inputs : [inputs]) as tf.Tensor[];
    return super.apply([...list, ...states] as tf.Tensor[], rest);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = firstShape(inputShape);
    this.checkInputShape(shape);
    this.createWeights(shape[2] as number, (name, weightShape, initializer) => this.addWeight(name, weightShape, 'float32', initializer));
  }

  /**
   * Creates the weights through `addWeight` (a wrapper such as {@link Bidirectional} passes
   * its own, so that it owns them under its name scope) and marks the layer built.
   */
  createWeights(inputDim: number, addWeight: (name: string, shape: number[], initializer: Initializer) => tf.LayerVariable): void {
    const width = gateCount(this.cell) * this.units;
    this.kernel = addWeight('kernel', [inputDim, width], this.kernelInitializer);
    this.recurrentKernel = addWeight('recurrent_kernel', [this.units, width], this.recurrentInitializer);
    if (this.useBias) {
      this.bias = addWeight('bias', this.cell === 'gru' && this.resetAfter ? [2, width] : [width], this.biasInitializer);
      this.initializeBias(this.bias);
    }
    this.built = true;
  }

  /** Hook for the LSTM's unit forget bias. */
  protected initializeBias(_bias: tf.LayerVariable): void {}

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = firstShape(inputShape);
    this.checkInputShape(shape);
    const batch = shape[0] ?? null;
    const output: tf.Shape = this.returnSequences ? [batch, shape[1] ?? null, this.units] : [batch, this.units];
    if (!this.returnState) return output;
    return [output, ...Array.from({ length: this.stateCount }, (): tf.Shape => [batch, this.units])];
  }

  override computeMask(_inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    const inputMask = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    const outputMask = this.returnSequences ? inputMask : null;
    if (!this.returnState) return outputMask as tf.Tensor;
    return [outputMask, ...Array.from({ length: this.stateCount }, () => null)] as unknown as tf.Tensor[];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor | tf.Tensor[] {
    checkCallArgs(kwargs, ['initialState'], this.getClassName(), {
      initialStates: "pass the initial state as 'initialState' (a tensor or a list)",
    });
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const x = list[0]!;
    const explicitStates = kwargs.initialState === undefined || kwargs.initialState === null ? [] : ([] as tf.Tensor[]).concat(kwargs.initialState as unknown as tf.Tensor);
    const states = list.length > 1 ? list.slice(1) : explicitStates;
    this.checkInputShape(x.shape);
    const built = this.kernel!.shape[0];
    if (x.shape[2] !== built) {
      throw new ShapeError({ package: 'recurrent', argument: `${this.name} input`, expected: `[batch, time, ${built}] (the layer was built for ${built} features)`, actual: x.shape });
    }
    if (states.length !== 0 && states.length !== this.stateCount) {
      throw new ConfigError({
        package: 'recurrent',
        path: 'initialState',
        value: `${states.length} tensors`,
        expected: `${this.stateCount} tensor${this.stateCount === 1 ? '' : 's'} (${this.cell === 'lstm' ? '[h, c]' : '[h]'}) of shape [batch, ${this.units}]`,
      });
    }
    const training = kwargs.training === true;
    const rawMask = Array.isArray(kwargs.mask) ? (kwargs.mask as unknown as (tf.Tensor | null)[])[0] : (kwargs.mask as tf.Tensor | null | undefined);
    return tf.tidy(() => {
      const [batch, , inputDim] = x.shape as [number, number, number];
      let input = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
      if (training && this.dropout > 0) input = tf.mul(input, this.dropoutMask([batch, 1, inputDim], this.dropout));
      const recurrentMask = training && this.recurrentDropout > 0 ? this.dropoutMask([batch, this.units], this.recurrentDropout) : undefined;
      const result = recurrence(
        this.spec,
        input,
        { kernel: this.kernel!.read(), recurrentKernel: this.recurrentKernel!.read(), bias: this.bias?.read() },
        {
          initialState: states[0],
          initialCarry: states[1],
          mask: rawMask ?? undefined,
          recurrentMask,
          goBackwards: this.goBackwards,
          returnSequences: this.returnSequences,
          implementation: this.implementation,
        },
      );
      const output = this.returnSequences ? result.sequence : result.finalState;
      if (!this.returnState) return output;
      return result.finalCarry === undefined ? [output, result.finalState] : [output, result.finalState, result.finalCarry];
    });
  }

  /** An inverted-dropout mask: 0 with probability `rate`, else 1/(1 − rate). */
  private dropoutMask(shape: number[], rate: number): tf.Tensor {
    return tf.tidy(() => tf.div(tf.cast(tf.greaterEqual(tf.randomUniform(shape, 0, 1, 'float32', this.random.nextSeed()), rate), 'float32'), 1 - rate));
  }

  private checkInputShape(shape: readonly (number | null)[]): void {
    if (shape.length !== 3) {
      throw new ShapeError({ package: 'recurrent', argument: `${this.name} input`, expected: '[batch, time, features] (rank 3; embed token ids first)', actual: shape as number[] });
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: this.activation,
      useBias: this.useBias,
      kernelInitializer: serializeInitializer(this.kernelInitializer),
      recurrentInitializer: serializeInitializer(this.recurrentInitializer),
      biasInitializer: serializeInitializer(this.biasInitializer),
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      returnSequences: this.returnSequences,
      returnState: this.returnState,
      goBackwards: this.goBackwards,
      seed: this.seed,
    };
  }
}

/** The first (or only) shape of a layer's input shape argument. */
function firstShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
  return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
}
