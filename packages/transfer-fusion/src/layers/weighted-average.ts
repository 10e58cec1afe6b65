import * as tf from '@tensorflow/tfjs';
import { layerValidation, ShapeError } from '@dl/core';
import * as v from 'valibot';

const { parseLayerArgs, checkCallArgs } = layerValidation('transfer-fusion');

/** The base arguments of every tfjs layer (name, trainable, ...). */
type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Constructor arguments of {@link WeightedAverage}. */
export interface WeightedAverageLayerArgs extends Omit<LayerArgs, 'weights'> {
  /**
   * One coefficient per input: finite, >= 0, not all 0. The layer divides them by their sum,
   * so `[1, 3]` and `[0.25, 0.75]` give the same layer. Required. (Named `coefficients`, not
   * `weights`: tfjs layers already take `weights`, their initial weight tensors.)
   */
  readonly coefficients: readonly number[];
}

const coefficientsSchema = v.pipe(
  v.array(v.pipe(v.number(), v.finite(), v.minValue(0, 'a finite number >= 0'))),
  v.minLength(1),
  v.check((c) => c.some((x) => x > 0), 'coefficients that are not all 0'),
);

/**
 * The weighted mean of its inputs, `Σ cᵢ xᵢ / Σ cᵢ`: the soft vote of an ensemble whose
 * members count unequally (`averageEnsemble` with `weights`). For equal coefficients use
 * `tf.layers.average`. It has no weights: the coefficients are fixed and saved in its config.
 *
 * Serialized as `WeightedAverage` (a layer of ours: neither tfjs nor Keras has one of that name).
 *
 * **Input shape:** a list of `coefficients.length` tensors of one shape.
 * **Output shape:** that shape.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { weightedAverage } from '@dl/transfer-fusion';
 * const layer = weightedAverage({ coefficients: [1, 3] });
 * console.log(await (layer.apply([tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 0]])]) as tf.Tensor).array()); // [[0.75, 0.25]]
 * ```
 */
export class WeightedAverage extends tf.layers.Layer {
  static className = 'WeightedAverage';
  /** The coefficients as given (not normalized). */
  readonly coefficients: readonly number[];
  /** The coefficients divided by their sum. */
  private readonly normalized: readonly number[];

  constructor(args: WeightedAverageLayerArgs) {
    const parsed = parseLayerArgs({ coefficients: coefficientsSchema }, args);
    const { coefficients: _coefficients, ...base } = args;
    super(base);
    this.coefficients = [...parsed.coefficients];
    const sum = parsed.coefficients.reduce((a, b) => a + b, 0);
    this.normalized = parsed.coefficients.map((c) => c / sum);
    this.trainable = false;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shapes = this.checkShapes(inputShape);
    return shapes[0]!.map((size, i) => size ?? shapes.find((s) => s[i] !== null)?.[i] ?? null);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'WeightedAverage');
    const list = Array.isArray(inputs) ? inputs : [inputs];
    this.checkShapes(list.map((x) => x.shape));
    return tf.tidy(() => tf.addN(list.map((x, i) => tf.mul(x, this.normalized[i]!))));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), coefficients: [...this.coefficients] };
  }

  private checkShapes(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
    const shapes = Array.isArray(inputShape[0]) ? (inputShape as tf.Shape[]) : [inputShape as tf.Shape];
    const n = this.coefficients.length;
    if (shapes.length !== n) {
      throw new ShapeError({ package: 'transfer-fusion', argument: 'WeightedAverage inputs', expected: `${n} inputs, one per coefficient (got ${shapes.length})`, actual: shapes[0] ?? [] });
    }
    const first = shapes[0]!;
    shapes.forEach((shape, i) => {
      const same = shape.length === first.length && shape.every((size, j) => size === null || first[j] === null || size === first[j]);
      if (!same) {
        throw new ShapeError({ package: 'transfer-fusion', argument: `WeightedAverage input ${i}`, expected: `the shape of input 0, [${first.map((s) => s ?? 'null').join(',')}]`, actual: shape });
      }
    });
    return shapes;
  }
}
tf.serialization.registerClass(WeightedAverage, '@dl/transfer-fusion');

/**
 * Creates a {@link WeightedAverage} layer.
 *
 * @param args - see {@link WeightedAverageLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { weightedAverage } from '@dl/transfer-fusion';
 * const soft = weightedAverage({ coefficients: [0.5, 0.3, 0.2] }).apply([p0, p1, p2]); // p_i: [batch, classes]
 * ```
 */
export function weightedAverage(args: WeightedAverageLayerArgs): WeightedAverage {
  return new WeightedAverage(args);
}
