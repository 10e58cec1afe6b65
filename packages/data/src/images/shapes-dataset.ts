import { createSeededRandom } from '@dl/core/random';
import { parseOptions } from '@dl/errors';
import * as v from 'valibot';

/**
 * Names of the classes of {@link shapesDataset}, indexed by class id: 0 circle, 1 square, 2 triangle.
 *
 * @example
 * ```ts
 * import { shapeClassNames, shapesDataset } from '@dl/data';
 * const { labels } = shapesDataset({ count: 4, seed: 1 });
 * Array.from(labels, (id) => shapeClassNames[id]); // e.g. ['square', 'circle', ...]
 * ```
 */
export const shapeClassNames = ['circle', 'square', 'triangle'] as const;

/** A class name of {@link shapesDataset}. */
export type ShapeClassName = (typeof shapeClassNames)[number];

/** Options of {@link shapesDataset}. */
export interface ShapesDatasetOptions {
  /** Number of images: an integer >= 1. Required. */
  readonly count: number;
  /** Height and width of each (square) image in pixels: an integer from 16 to 1024. Default 32. */
  readonly size?: number;
  /** Seed of the draws; the same options give the same data on every platform. Default: a random seed. */
  readonly seed?: number;
  /**
   * Amplitude of independent uniform noise added to every pixel, in [0, 0.5]: each pixel gets
   * a draw from U(-noise, noise) and is then clipped to [0, 1]. Default 0 (no noise: background
   * exactly 0, shapes exactly 1). The noise comes from its own stream, so the same seed gives
   * the same shapes, classes and boxes with and without noise.
   */
  readonly noise?: number;
}

/** Images, classes and boxes of {@link shapesDataset}, as plain typed arrays (row-major). */
export interface ShapesDataset {
  /** `[count, size, size]` grayscale values in [0, 1]: pixel `(row, col)` of image `i` is `images[(i * size + row) * size + col]`. */
  readonly images: Float32Array;
  /** `[count]` class ids: 0 circle, 1 square, 2 triangle (see {@link shapeClassNames}). */
  readonly labels: Int32Array;
  /**
   * `[count, 4]` boxes `[yMin, xMin, yMax, xMax]`, normalized by `size` to [0, 1], in pixel-edge
   * coordinates: the box of image `i` covers pixel rows `yMin * size` to `yMax * size - 1` and
   * columns `xMin * size` to `xMax * size - 1` (both inclusive). It is the tight box of the
   * shape's pixels: its first and last rows and columns each hold at least one shape pixel.
   * A box covering the whole image is `[0, 0, 1, 1]`.
   */
  readonly boxes: Float32Array;
  /** Shape of `images`, `[count, size, size]`, e.g. for `tf.tensor3d(images, shape)`. */
  readonly shape: readonly [count: number, height: number, width: number];
}

/** Typed arrays index with 32-bit lengths in some engines: stay below 2^31 elements. */
const maxElements = 2 ** 31 - 1;

const OptionsSchema = v.pipe(
  v.strictObject({
    count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(16), v.maxValue(1024)), 32),
    seed: v.optional(v.pipe(v.number(), v.finite())),
    noise: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(0.5)), 0),
  }),
  v.forward(
    v.check((o) => o.count * o.size * o.size <= maxElements, `a count with count * size * size <= ${maxElements} (one typed array holds the images)`),
    ['count'],
  ),
);

/**
 * Generates synthetic grayscale images for single-object detection: each image holds exactly
 * one shape, a circle, a square or a triangle (class drawn uniformly), drawn with value 1 on
 * a background of 0, with its class and its bounding box. Honest detection data that needs no
 * download: the classes are balanced and the box is the exact extent of the drawn pixels.
 *
 * Geometry: the shape's extent `s` (pixels) is drawn uniformly from the integers
 * `max(6, ceil(size / 4)) .. floor(3 * size / 4)` (6 to 12 at size 16, 8 to 24 at size 32)
 * and its top-left corner uniformly from `0 .. size - s` on each axis, so the `s x s` cell
 * lies fully inside the image. In that cell a pixel is part of the shape when its centre is
 * inside:
 * - square: the whole cell;
 * - circle: the disc inscribed in the cell (diameter `s`);
 * - triangle: the isosceles triangle with its apex at the middle of the cell's top edge and
 *   its base on the cell's bottom edge.
 * The box is then the tight box of those pixels (see {@link ShapesDataset.boxes}): the cell for
 * squares and circles, possibly a row shorter at the apex for triangles.
 *
 * Plain TypeScript, no tfjs; draws come from `createSeededRandom` (`@dl/core/random`): one
 * seed for the noise stream, then per image the class, the extent, the row and the column.
 *
 * @param options - see {@link ShapesDatasetOptions}.
 * @param options.count - number of images, an integer >= 1.
 * @param options.size - image height and width, an integer from 16 to 1024; default 32.
 * @param options.seed - seed for reproducible data; default: random.
 * @param options.noise - amplitude of uniform pixel noise in [0, 0.5]; default 0.
 * @returns `images` (`[count, size, size]`), `labels` (`[count]`), `boxes` (`[count, 4]`) and `shape`.
 * @throws `ConfigError` (from `@dl/errors`; message `[@dl/data] ...`) naming the option when
 *   `count` is missing or not an integer >= 1, `size` is out of range, `seed` is not finite,
 *   `noise` is outside [0, 0.5], the images would not fit one typed array, or an option is
 *   misspelled.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { shapesDataset, shapeClassNames } from '@dl/data';
 *
 * const { images, labels, boxes, shape } = shapesDataset({ count: 1000, size: 32, seed: 1 });
 * shape; // [1000, 32, 32]
 * shapeClassNames[labels[0]!]; // 'circle', 'square' or 'triangle'
 * const x = tf.tensor4d(images, [...shape, 1]); // a channel axis for conv layers
 * const yClass = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
 * const yBox = tf.tensor2d(boxes, [shape[0], 4]); // [yMin, xMin, yMax, xMax] in [0, 1]
 * ```
 */
export function shapesDataset(options: ShapesDatasetOptions): ShapesDataset {
  const { count, size, seed, noise } = parseOptions(OptionsSchema, options, { package: 'data' });
  const random = createSeededRandom(seed);
  // Always drawn, so that shapes do not depend on whether there is noise.
  const noiseRandom = createSeededRandom(random.nextSeed());
  const images = new Float32Array(count * size * size);
  const labels = new Int32Array(count);
  const boxes = new Float32Array(count * 4);
  // At least 6 pixels: at 4 the rasterized triangle is a 3 x 2 rectangle.
  const minExtent = Math.max(6, Math.ceil(size / 4));
  const maxExtent = Math.floor((3 * size) / 4);
  for (let sample = 0; sample < count; sample++) {
    const label = random.nextInt(3);
    const extent = minExtent + random.nextInt(maxExtent - minExtent + 1);
    const top = random.nextInt(size - extent + 1);
    const left = random.nextInt(size - extent + 1);
    const offset = sample * size * size;
    let rowMin = size;
    let rowMax = -1;
    let colMin = size;
    let colMax = -1;
    for (let row = top; row < top + extent; row++) {
      for (let col = left; col < left + extent; col++) {
        // Pixel centre relative to the cell's top-left corner.
        if (!inside(label, row - top + 0.5, col - left + 0.5, extent)) continue;
        images[offset + row * size + col] = 1;
        rowMin = Math.min(rowMin, row);
        rowMax = Math.max(rowMax, row);
        colMin = Math.min(colMin, col);
        colMax = Math.max(colMax, col);
      }
    }
    labels[sample] = label;
    boxes.set([rowMin / size, colMin / size, (rowMax + 1) / size, (colMax + 1) / size], sample * 4);
  }
  if (noise > 0) {
    for (let i = 0; i < images.length; i++) {
      const value = (images[i] as number) + (2 * noiseRandom.next() - 1) * noise;
      images[i] = Math.min(1, Math.max(0, value));
    }
  }
  return { images, labels, boxes, shape: [count, size, size] };
}

/** Whether the point `(y, x)` of an `extent x extent` cell (origin at its top-left corner) is inside shape `label`. */
function inside(label: number, y: number, x: number, extent: number): boolean {
  const half = extent / 2;
  if (label === 0) return (y - half) ** 2 + (x - half) ** 2 <= half ** 2;
  if (label === 1) return true;
  // Triangle: apex (0, half), base from (extent, 0) to (extent, extent); the half-width at depth y is y / 2.
  return Math.abs(x - half) <= y / 2;
}
