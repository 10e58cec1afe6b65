import { ConfigError, parseOptions } from '@dl/errors';
import * as v from 'valibot';
import type { RasterImage } from './image-grid.js';
import { rasterBytes } from './raster-bytes.js';

/** What {@link drawImage} needs of a canvas: a 2-D context (`canvas.getContext('2d')`, or an OffscreenCanvas's). */
export interface ImageDataContext {
  createImageData(width: number, height: number): { readonly data: Uint8ClampedArray };
  putImageData(imageData: never, dx: number, dy: number): void;
}

/** Options of {@link drawImage}. */
export interface DrawImageOptions {
  /** Left edge on the canvas, in canvas pixels. Default 0. */
  readonly x?: number;
  /** Top edge on the canvas, in canvas pixels. Default 0. */
  readonly y?: number;
  /** Each image pixel becomes a `scale` × `scale` block (nearest neighbour; 28×28 digits are small). Default 1. */
  readonly scale?: number;
}

const OptionsSchema = v.strictObject({
  x: v.optional(v.pipe(v.number(), v.integer()), 0),
  y: v.optional(v.pipe(v.number(), v.integer()), 0),
  scale: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
});

/**
 * Draws an image (e.g. a grid from `imageGrid`) onto a browser canvas: the same pixels
 * `writePng` writes in Node (grayscale or RGB, `Float32Array` on a 0-1 scale or `Uint8Array`
 * on 0-255), opaque, optionally enlarged by an integer `scale`. Works with any 2-D context
 * (`HTMLCanvasElement` or `OffscreenCanvas`, e.g. in a worker); needs no DOM types.
 *
 * @param context - `canvas.getContext('2d')`.
 * @param image - `{ data, height, width, channels }`, row-major, channels interleaved.
 * @param options - see {@link DrawImageOptions}.
 * @returns the drawn size in canvas pixels, `{ width, height }` (the image's times `scale`).
 * @throws `ConfigError` naming the invalid field of `image` or of the options; `ShapeError` when
 *   `data.length` is not `height * width * channels`.
 * @example
 * ```ts
 * import { drawImage, imageGrid, shapesDataset } from '@dl/data';
 *
 * const { images, shape } = shapesDataset({ count: 16, seed: 1 });
 * const grid = imageGrid({ data: images, shape }, { columns: 4 });
 * const canvas = document.querySelector('canvas')!;
 * [canvas.width, canvas.height] = [grid.width * 3, grid.height * 3];
 * drawImage(canvas.getContext('2d')!, grid, { scale: 3 });
 * ```
 */
export function drawImage(context: ImageDataContext, image: RasterImage, options: DrawImageOptions = {}): { width: number; height: number } {
  const { x, y, scale } = parseOptions(OptionsSchema, options, { package: 'data' });
  if (typeof context?.createImageData !== 'function' || typeof context.putImageData !== 'function') {
    throw new ConfigError({ path: 'context', value: context, expected: "a 2-D canvas context (canvas.getContext('2d'))", package: 'data' });
  }
  const bytes = rasterBytes(image);
  const [width, height] = [image.width * scale, image.height * scale];
  const target = context.createImageData(width, height);
  const rgba = target.data;
  const [green, blue] = image.channels === 1 ? [0, 0] : [1, 2];
  for (let row = 0; row < height; row++) {
    const sourceRow = Math.floor(row / scale) * image.width;
    for (let column = 0; column < width; column++) {
      const from = (sourceRow + Math.floor(column / scale)) * image.channels;
      const to = (row * width + column) * 4;
      rgba[to] = bytes[from]!;
      rgba[to + 1] = bytes[from + green]!;
      rgba[to + 2] = bytes[from + blue]!;
      rgba[to + 3] = 255;
    }
  }
  context.putImageData(target as never, x, y);
  return { width, height };
}
