import { parseOptions, ShapeError } from '@dl/core';
import * as v from 'valibot';

/**
 * A batch of images as one row-major typed array, `[n, height, width]` (grayscale) or
 * `[n, height, width, channels]` with 1 or 3 channels: the `ImageBatch` of `@dl/data`, which
 * `imageGrid` takes. Float32Array values are on a 0-1 scale, Uint8Array values on 0-255.
 */
export interface BoxImages<TData extends Float32Array | Uint8Array = Float32Array | Uint8Array> {
  readonly data: TData;
  readonly shape: readonly [n: number, height: number, width: number] | readonly [n: number, height: number, width: number, channels: number];
}

/** One set of boxes to draw, one box per image, in one color. */
export interface BoxLayer {
  /** `[n, 4]` boxes `[yMin, xMin, yMax, xMax]` normalized to [0, 1] (as `shapesDataset` and `predictBoxes` give them), row-major. */
  readonly boxes: ArrayLike<number>;
  /** `[r, g, b]` on the images' scale (0-1 for Float32Array, 0-255 for Uint8Array). */
  readonly color: readonly [r: number, g: number, b: number];
}

/** Options of {@link drawBoxes}. */
export interface DrawBoxesOptions {
  /** Width of the outlines in pixels, drawn inwards from the box's edges: an integer >= 1. Default 1. */
  readonly thickness?: number;
}

const finite = v.pipe(v.number(), v.finite());
const LayersSchema = v.array(
  v.strictObject({
    boxes: v.custom<ArrayLike<number>>((x) => typeof x === 'object' && x !== null && typeof (x as ArrayLike<number>).length === 'number', 'an array or typed array of numbers'),
    color: v.tuple([finite, finite, finite]),
  }),
);
const OptionsSchema = v.strictObject({
  thickness: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
});

/**
 * Draws box outlines onto a batch of grayscale or RGB images and returns RGB images
 * `[n, height, width, 3]` of the same array type, ready for `imageGrid` and `writePng` of
 * `@dl/data` (for example true boxes in green and predicted boxes in red). Layers are drawn in
 * order, so a later layer covers an earlier one where they cross. Plain TypeScript, no tfjs.
 *
 * Pixel convention (that of `shapesDataset`'s boxes and `imageGrid`'s outlines): a box covers
 * pixel rows `round(yMin · height)` to `round(yMax · height) − 1` and likewise for columns; the
 * outline is the border of that rectangle, `thickness` pixels wide, inside it. Coordinates are
 * clipped to [0, 1]; a reversed pair (`yMin > yMax`, which an untrained box head can give) is
 * drawn as the rectangle it spans; a box with no pixels still gets a one-pixel outline.
 *
 * @param images - see {@link BoxImages}.
 * @param layers - `[{ boxes, color }]`, each with 4 numbers per image.
 * @param options - see {@link DrawBoxesOptions}.
 * @param options.thickness - outline width in pixels, default 1.
 * @returns `{ data, shape: [n, height, width, 3] }`; the input is not changed.
 * @throws ShapeError when `images.shape` is not `[n, h, w]` or `[n, h, w, 1 | 3]` matching
 *   `data.length`, or a layer's `boxes` does not hold `4 · n` numbers; ConfigError for a bad
 *   color or option.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { drawBoxes, predictBoxes } from '@dl/conv';
 * import { imageGrid, shapesDataset } from '@dl/data';
 * import { writePng } from '@dl/data/node';
 *
 * // model: a detector from createSingleObjectDetector, trained on shapesDataset images.
 * const test = shapesDataset({ count: 16, size: 32, seed: 2 });
 * const predicted = predictBoxes(model, tf.tensor4d(test.images, [16, 32, 32, 1]));
 * const drawn = drawBoxes({ data: test.images, shape: test.shape }, [
 *   { boxes: test.boxes, color: [0, 1, 0] }, // true: green
 *   { boxes: predicted.boxes, color: [1, 0, 0] }, // predicted: red
 * ]);
 * drawn.shape; // [16, 32, 32, 3]
 * await writePng('detections.png', imageGrid(drawn, { columns: 4 }));
 * ```
 */
export function drawBoxes<TData extends Float32Array | Uint8Array>(images: BoxImages<TData>, layers: readonly BoxLayer[], options: DrawBoxesOptions = {}): { data: TData; shape: [n: number, height: number, width: number, channels: 3] } {
  const { thickness } = parseOptions(OptionsSchema, options, { package: 'conv' });
  const shape = images.shape as readonly number[];
  const valid = (shape.length === 3 || shape.length === 4) && shape.every((d) => Number.isInteger(d) && d >= 1) && (shape.length === 3 || shape[3] === 1 || shape[3] === 3);
  if (!valid || shape.reduce((a, b) => a * b, 1) !== images.data.length) {
    throw new ShapeError({ package: 'conv', argument: 'images', expected: `[n, height, width] or [n, height, width, 1 | 3] with n * height * width * channels = data.length (${images.data.length})`, actual: [...shape] });
  }
  parseOptions(LayersSchema, layers, { package: 'conv', pathPrefix: 'layers' });
  const [n, height, width] = shape as [number, number, number];
  const channels = shape[3] ?? 1;
  layers.forEach((layer, l) => {
    if (layer.boxes.length !== 4 * n) {
      throw new ShapeError({ package: 'conv', argument: `layers[${l}].boxes`, expected: `[${n}, 4] (${4 * n} numbers, one box per image)`, actual: [layer.boxes.length] });
    }
  });
  const out = (images.data instanceof Uint8Array ? new Uint8Array(n * height * width * 3) : new Float32Array(n * height * width * 3)) as TData;
  for (let p = 0; p < n * height * width; p += 1) {
    for (let k = 0; k < 3; k += 1) out[p * 3 + k] = images.data[p * channels + (channels === 1 ? 0 : k)]!;
  }
  for (const { boxes, color } of layers) {
    for (let i = 0; i < n; i += 1) {
      const [r0, r1] = span(boxes[4 * i]!, boxes[4 * i + 2]!, height);
      const [c0, c1] = span(boxes[4 * i + 1]!, boxes[4 * i + 3]!, width);
      for (let row = r0; row <= r1; row += 1) {
        for (let col = c0; col <= c1; col += 1) {
          const onBorder = row < r0 + thickness || row > r1 - thickness || col < c0 + thickness || col > c1 - thickness;
          if (!onBorder) continue;
          const at = ((i * height + row) * width + col) * 3;
          for (let k = 0; k < 3; k += 1) out[at + k] = color[k]!;
        }
      }
    }
  }
  return { data: out, shape: [n, height, width, 3] };
}

/** First and last pixel (inclusive, within `0 .. extent − 1`) covered between normalized edges `a` and `b`. */
function span(a: number, b: number, extent: number): [number, number] {
  const clip = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * extent);
  const first = Math.min(clip(Math.min(a, b)), extent - 1);
  return [first, Math.max(first, clip(Math.max(a, b)) - 1)];
}
