import * as tf from '@tensorflow/tfjs';
import { layerSchemas, layerValidation, ShapeError } from '@dl/core';
import * as v from 'valibot';

const { parseLayerArgs, checkCallArgs } = layerValidation('transfer-fusion');

/** The base arguments of every tfjs layer (name, trainable, ...). */
type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Constructor arguments of {@link ResizeImages}. */
export interface ResizeImagesLayerArgs extends LayerArgs {
  /** Output height. Required. */
  readonly height: number;
  /** Output width. Required. */
  readonly width: number;
  /** `'bilinear'` (default) or `'nearest'`. */
  readonly interpolation?: 'bilinear' | 'nearest';
}

/**
 * Resizes `[batch, height, width, channels]` images to `[batch, args.height, args.width,
 * channels]` as TensorFlow 2's `tf.image.resize` and Keras's `Resizing` layer do: pixel centres at
 * half-integers (`halfPixelCenters`), corners not aligned. It has no weights.
 *
 * Why not tfjs's own `tf.layers.resizing`: in tfjs 4.22 its output shape drops the batch
 * dimension (`[null, 3, 3, 1]` → `[6, 6, 1]`… reported as `[6, 6, 3]`), so nothing after it in a
 * functional model gets the right shape, and it aligns corners, unlike Keras.
 *
 * Gradients: the layer has no weights. Its input gradient is right once `useBackend` (or
 * `installTrainingKernels`) from `@dl/core` has run, which registers `ResizeBilinear` and
 * `ResizeNearestNeighbor` gradients that honour half-pixel centres: tfjs 4.22's own ignore
 * them, and its cpu bilinear one swaps height and width for non-square inputs.
 *
 * **Input shape:** `[batch, height, width, channels]`. **Output shape:** `[batch, args.height, args.width, channels]`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { resizeImages } from '@dl/transfer-fusion';
 * const small = tf.input({ shape: [28, 28, 1] });
 * const big = resizeImages({ height: 96, width: 96 }).apply(small) as tf.SymbolicTensor; // [null, 96, 96, 1]
 * ```
 */
export class ResizeImages extends tf.layers.Layer {
  static className = 'ResizeImages';
  /** Output height. */
  readonly height: number;
  /** Output width. */
  readonly width: number;
  /** `'bilinear'` or `'nearest'`. */
  readonly interpolation: 'bilinear' | 'nearest';

  constructor(args: ResizeImagesLayerArgs) {
    const parsed = parseLayerArgs(
      { height: layerSchemas.integerAtLeast(1), width: layerSchemas.integerAtLeast(1), interpolation: v.optional(v.picklist(['bilinear', 'nearest']), 'bilinear') },
      args,
    );
    const { height: _h, width: _w, interpolation: _i, ...base } = args;
    super(base);
    this.height = parsed.height;
    this.width = parsed.width;
    this.interpolation = parsed.interpolation;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? (inputShape as tf.Shape[])[0]! : inputShape) as tf.Shape;
    if (shape.length !== 4) {
      throw new ShapeError({ package: 'transfer-fusion', argument: 'ResizeImages input', expected: '[batch, height, width, channels]', actual: shape });
    }
    return [shape[0] ?? null, this.height, this.width, shape[3] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict = {}): tf.Tensor {
    checkCallArgs(kwargs, [], 'ResizeImages');
    const images = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
    const size: [number, number] = [this.height, this.width];
    return this.interpolation === 'bilinear' ? tf.image.resizeBilinear(images, size, false, true) : tf.image.resizeNearestNeighbor(images, size, false, true);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), height: this.height, width: this.width, interpolation: this.interpolation };
  }
}
tf.serialization.registerClass(ResizeImages, '@dl/transfer-fusion');

/**
 * Creates a {@link ResizeImages} layer.
 *
 * @param args - see {@link ResizeImagesLayerArgs}.
 * @returns the layer.
 * @example
 * ```ts
 * import { resizeImages } from '@dl/transfer-fusion';
 * const resize = resizeImages({ height: 224, width: 224 });
 * ```
 */
export function resizeImages(args: ResizeImagesLayerArgs): ResizeImages {
  return new ResizeImages(args);
}
