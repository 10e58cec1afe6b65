import { ConfigError, parseOptions, ShapeError } from '@dl/errors';
import * as v from 'valibot';

/**
 * A batch of images as one row-major typed array: `[n, height, width]` (grayscale) or
 * `[n, height, width, channels]` with 1 or 3 channels (RGB, interleaved). Float32Array
 * values are read on a 0-1 scale, Uint8Array values on a 0-255 scale.
 */
export interface ImageBatch {
  /** The values, row-major: pixel `(row, col)`, channel `k` of image `i` is at `((i * height + row) * width + col) * channels + k`. */
  readonly data: Float32Array | Uint8Array;
  /** `[n, height, width]` or `[n, height, width, channels]`; `n * height * width * channels` must equal `data.length`. */
  readonly shape: readonly [n: number, height: number, width: number] | readonly [n: number, height: number, width: number, channels: number];
}

/** One image: `height * width * channels` values, row-major, channels interleaved. */
export interface RasterImage<TData extends Float32Array | Uint8Array = Float32Array | Uint8Array> {
  /** The values: pixel `(row, col)`, channel `k` is at `(row * width + col) * channels + k`. */
  readonly data: TData;
  /** Rows, an integer >= 1. */
  readonly height: number;
  /** Columns, an integer >= 1. */
  readonly width: number;
  /** 1 (grayscale) or 3 (RGB). */
  readonly channels: 1 | 3;
}

/** A gray value, or an `[r, g, b]` color, on the scale of the images (0-1 for Float32Array, 0-255 for Uint8Array). */
export type GridColor = number | readonly [r: number, g: number, b: number];

/** A rectangle outline to draw on one tile of {@link imageGrid}. */
export interface GridBox {
  /** Which image (0-based index into the batch) the box belongs to. */
  readonly index: number;
  /**
   * `[yMin, xMin, yMax, xMax]`, normalized to [0, 1] in pixel-edge coordinates (the convention of
   * `shapesDataset`'s boxes): the outline runs along the pixels just inside the edges
   * `round(yMin * height)` and `round(yMax * height)` (likewise for x). Values outside [0, 1]
   * are clipped to the tile; a reversed pair (`yMin > yMax`) is drawn as the rectangle it spans.
   */
  readonly box: readonly [yMin: number, xMin: number, yMax: number, xMax: number];
  /** Outline color; default white (1, or 255 for Uint8Array). An `[r, g, b]` color on a grayscale batch makes the grid RGB. */
  readonly color?: GridColor;
}

/** Options of {@link imageGrid}. */
export interface ImageGridOptions {
  /** Tiles per row: an integer >= 1. Default `min(8, n)` (torchvision's `make_grid` uses 8). */
  readonly columns?: number;
  /** Pixels between tiles and around the border: an integer >= 0. Default 2 (as `make_grid`). */
  readonly padding?: number;
  /** Value of the padding and of empty cells in the last row. Default 0 (black). */
  readonly padValue?: GridColor;
  /** Rectangle outlines to draw, e.g. a detector's predicted and true boxes in two colors. Default none. */
  readonly boxes?: readonly GridBox[];
}

const Color = v.union([v.pipe(v.number(), v.finite()), v.pipe(v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]), v.readonly())]);

const OptionsSchema = v.strictObject({
  columns: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  padding: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 2),
  padValue: v.optional(Color, 0),
  boxes: v.optional(
    v.array(
      v.strictObject({
        index: v.pipe(v.number(), v.integer(), v.minValue(0)),
        box: v.tuple([v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())]),
        color: v.optional(Color),
      }),
    ),
    [],
  ),
});

/**
 * Tiles a batch of images into one image, row-major, `columns` tiles per row, with `padding`
 * pixels between tiles and around the border (the layout of torchvision's `make_grid`):
 * `height = rows * (h + padding) + padding` and `width = columns * (w + padding) + padding`,
 * with `rows = ceil(n / columns)`. Tile `i` has its top-left pixel at row
 * `padding + floor(i / columns) * (h + padding)`, column `padding + (i % columns) * (w + padding)`.
 * Optional `boxes` draw one-pixel rectangle outlines on tiles, so that a detector's predicted
 * and true boxes can be shown side by side. Plain TypeScript, no tfjs.
 *
 * The result has the input's array type (Float32Array or Uint8Array) and its channels, except
 * that a grayscale batch becomes RGB (gray copied to r, g and b) when `padValue` or a box color
 * is an `[r, g, b]` triple.
 *
 * @param images - see {@link ImageBatch}.
 * @param options - see {@link ImageGridOptions}.
 * @param options.columns - tiles per row; default `min(8, n)`.
 * @param options.padding - pixels between and around tiles; default 2.
 * @param options.padValue - value of padding and empty cells; default 0.
 * @param options.boxes - `[{ index, box, color }]` outlines to draw; default none.
 * @returns the grid as a {@link RasterImage}.
 * @throws `ShapeError` when `images.shape` is not `[n, h, w]` or `[n, h, w, 1 | 3]` of positive
 *   integers or does not match `images.data.length`; `ConfigError` naming the option for a bad
 *   option, a box `index` >= n or an unknown key.
 * @example
 * ```ts
 * import { imageGrid, shapesDataset } from '@dl/data';
 * import { writePng } from '@dl/data/node';
 *
 * const { images, boxes, shape } = shapesDataset({ count: 16, seed: 1 });
 * const grid = imageGrid({ data: images, shape }, {
 *   columns: 4,
 *   boxes: Array.from({ length: 16 }, (_, index) => ({
 *     index,
 *     box: [...boxes.subarray(index * 4, index * 4 + 4)] as [number, number, number, number],
 *     color: [0, 1, 0],
 *   })),
 * });
 * [grid.height, grid.width, grid.channels]; // [138, 138, 3]
 * await writePng('shapes.png', grid);
 * ```
 */
export function imageGrid<TData extends Float32Array | Uint8Array>(images: { readonly data: TData; readonly shape: ImageBatch['shape'] }, options: ImageGridOptions = {}): RasterImage<TData> {
  const [n, h, w, c] = checkBatch(images);
  const parsed = parseOptions(OptionsSchema, options, { package: 'data' });
  const badBox = parsed.boxes.findIndex((box) => box.index >= n);
  if (badBox !== -1) {
    const index = parsed.boxes[badBox]?.index;
    throw new ConfigError({ path: `boxes.${badBox}.index`, value: index, expected: `an image index from 0 to ${n - 1} (the batch has ${n})`, package: 'data' });
  }
  const columns = parsed.columns ?? Math.min(8, n);
  const { padding } = parsed;
  const rows = Math.ceil(n / columns);
  const height = rows * (h + padding) + padding;
  const width = columns * (w + padding) + padding;
  const isRgb = (color: GridColor | undefined): boolean => typeof color === 'object';
  const channels: 1 | 3 = c === 3 || isRgb(parsed.padValue) || parsed.boxes.some((box) => isRgb(box.color)) ? 3 : 1;
  const white = images.data instanceof Uint8Array ? 255 : 1;
  const out = (images.data instanceof Uint8Array ? new Uint8Array(height * width * channels) : new Float32Array(height * width * channels)) as TData;
  const toColor = (color: GridColor): readonly number[] => (typeof color === 'number' ? Array.from({ length: channels }, () => color) : (color as readonly number[]));

  const padColor = toColor(parsed.padValue);
  for (let p = 0; p < height * width; p++) for (let k = 0; k < channels; k++) out[p * channels + k] = padColor[k] as number;

  const origin = (index: number): [number, number] => [padding + Math.floor(index / columns) * (h + padding), padding + (index % columns) * (w + padding)];
  for (let i = 0; i < n; i++) {
    const [top, left] = origin(i);
    for (let row = 0; row < h; row++) {
      for (let col = 0; col < w; col++) {
        const source = ((i * h + row) * w + col) * c;
        const target = ((top + row) * width + left + col) * channels;
        // Gray to RGB copies the one channel into all three.
        for (let k = 0; k < channels; k++) out[target + k] = images.data[source + (c === 1 ? 0 : k)] as number;
      }
    }
  }

  for (const { index, box, color } of parsed.boxes) {
    const [top, left] = origin(index);
    const [r0, r1] = edges(box[0], box[2], h);
    const [c0, c1] = edges(box[1], box[3], w);
    const rgb = toColor(color ?? white);
    const paint = (row: number, col: number): void => {
      for (let k = 0; k < channels; k++) out[((top + row) * width + left + col) * channels + k] = rgb[k] as number;
    };
    for (let col = c0; col <= c1; col++) {
      paint(r0, col);
      paint(r1, col);
    }
    for (let row = r0; row <= r1; row++) {
      paint(row, c0);
      paint(row, c1);
    }
  }
  return { data: out, height, width, channels };
}

/** First and last pixel (inclusive, within `0 .. extent - 1`) of the outline between normalized edges `a` and `b`. */
function edges(a: number, b: number, extent: number): [number, number] {
  const clip = (x: number): number => Math.min(extent, Math.max(0, Math.round(Math.min(1, Math.max(0, x)) * extent)));
  const start = clip(Math.min(a, b));
  const end = clip(Math.max(a, b));
  const first = Math.min(start, extent - 1);
  return [first, Math.max(first, end - 1)];
}

function checkBatch(images: ImageBatch): [number, number, number, 1 | 3] {
  const shape = images.shape as readonly number[];
  const expected = '[n, height, width] or [n, height, width, channels] of integers >= 1, channels 1 or 3, with n * height * width * channels = data.length';
  const valid = (shape.length === 3 || shape.length === 4) && shape.every((d) => Number.isInteger(d) && d >= 1) && (shape.length === 3 || shape[3] === 1 || shape[3] === 3);
  if (!valid || shape.reduce((a, b) => a * b, 1) !== images.data.length) {
    throw new ShapeError({ expected: `${expected} (${images.data.length})`, actual: [...shape], argument: 'images', package: 'data' });
  }
  return [shape[0] as number, shape[1] as number, shape[2] as number, (shape[3] ?? 1) as 1 | 3];
}
