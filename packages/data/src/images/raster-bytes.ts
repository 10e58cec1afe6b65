import { ConfigError, ShapeError } from '@dl/errors';
import type { RasterImage } from './image-grid.js';

/**
 * An image's values as 8-bit samples, after checking its fields: a `Uint8Array` as it is, a
 * `Float32Array` (0-1 scale) clipped to [0, 1] and stored as `round(value * 255)`. Shared by
 * `writePng` (Node) and `drawImage` (browsers).
 *
 * @param image - `{ data, height, width, channels }`.
 * @returns `height * width * channels` bytes.
 * @throws `ConfigError` naming the invalid field of `image`; `ShapeError` when `data.length` is
 *   not `height * width * channels`.
 * @example
 * ```ts
 * rasterBytes({ data: Float32Array.from([0, 0.5, 2]), height: 1, width: 3, channels: 1 }); // Uint8Array [0, 128, 255]
 * ```
 */
export function rasterBytes(image: RasterImage): Uint8Array {
  const fail = (path: string, value: unknown, expected: string): never => {
    throw new ConfigError({ path, value, expected, subject: 'image', package: 'data' });
  };
  if (typeof image !== 'object' || image === null) fail('', image, 'an object { data, height, width, channels }');
  const { data, height, width, channels } = image;
  if (!Number.isInteger(height) || height < 1) fail('height', height, 'an integer >= 1');
  if (!Number.isInteger(width) || width < 1) fail('width', width, 'an integer >= 1');
  if (channels !== 1 && channels !== 3) fail('channels', channels, '1 (grayscale) or 3 (RGB)');
  if (!(data instanceof Uint8Array) && !(data instanceof Float32Array)) fail('data', data, 'a Uint8Array (0-255) or a Float32Array (0-1)');
  if (data.length !== height * width * channels) {
    throw new ShapeError({ expected: `height * width * channels = ${height * width * channels} values`, actual: [data.length], argument: 'image.data', package: 'data' });
  }
  if (data instanceof Uint8Array) return data;
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const value = data[i] as number;
    if (Number.isNaN(value)) fail('data', value, `numbers, not NaN (at index ${i})`);
    bytes[i] = Math.round(Math.min(1, Math.max(0, value)) * 255);
  }
  return bytes;
}
