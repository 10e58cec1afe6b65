import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DlError } from '@dl/errors';
import { encode } from 'fast-png';
import type { RasterImage } from '../images/image-grid.js';
import { rasterBytes } from '../images/raster-bytes.js';

/**
 * Writes an image as an 8-bit PNG, grayscale (1 channel) or RGB (3 channels), e.g. a grid from
 * `imageGrid`. A `Uint8Array` is written as it is; a `Float32Array` is read on a 0-1 scale:
 * each value is clipped to [0, 1] and stored as `round(value * 255)`. Encoding uses
 * [fast-png](https://github.com/image-js/fast-png) (pure TypeScript, zlib by fflate).
 *
 * The write is atomic: the PNG goes to a temporary file beside `path`, which is then renamed
 * over `path`, so a reader never sees half a file and a failed write leaves an existing file
 * as it was. The directory must exist.
 *
 * @param path - the file to write (usually ending in `.png`); replaced if it exists.
 * @param image - `{ data, height, width, channels }`, row-major, channels interleaved.
 * @returns when the file is in place.
 * @throws `ConfigError` (message `[@dl/data] ...`) naming the field of `image` that is invalid
 *   (`height`/`width` not integers >= 1, `channels` not 1 or 3, `data` not a Float32Array or
 *   Uint8Array, or holding NaN); `ShapeError` when `data.length` is not
 *   `height * width * channels`; `DlError` with code `'io'` naming the path when the file
 *   cannot be written (a missing directory, no permission), with the system error as `cause`.
 * @example
 * ```ts
 * import { imageGrid, shapesDataset } from '@dl/data';
 * import { writePng } from '@dl/data/node';
 *
 * const { images, shape } = shapesDataset({ count: 8, seed: 1 });
 * await writePng('shapes.png', imageGrid({ data: images, shape }, { columns: 4 })); // 138 x 70, grayscale
 * await writePng('red.png', { data: Uint8Array.from([255, 0, 0]), height: 1, width: 1, channels: 3 });
 * ```
 */
export async function writePng(path: string, image: RasterImage): Promise<void> {
  const png = encode({ width: image.width, height: image.height, channels: image.channels, depth: 8, data: rasterBytes(image) });
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, png);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? ' (does its directory exist?)' : '';
    throw new DlError('io', `Could not write the PNG '${path}'${reason}: ${(error as Error).message}`, { package: 'data', cause: error });
  }
}
