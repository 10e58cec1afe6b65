import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DlError, ShapeError } from '@dl/errors';
import { decode } from 'fast-png';
import { imageGrid } from '../images/image-grid.js';
import { shapesDataset } from '../images/shapes-dataset.js';
import { writePng } from './write-png.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dl-write-png-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readBack(path: string): Promise<{ width: number; height: number; channels: number; depth: number; data: number[] }> {
  const png = decode(await readFile(path));
  return { width: png.width, height: png.height, channels: png.channels, depth: png.depth, data: Array.from(png.data) };
}

describe('writePng', () => {
  it('writes 8-bit grayscale and RGB from Uint8Array; decoding gives the same pixels', async () => {
    const gray = Uint8Array.from({ length: 6 }, (_, i) => i * 50);
    await writePng(join(dir, 'gray.png'), { data: gray, height: 2, width: 3, channels: 1 });
    expect(await readBack(join(dir, 'gray.png'))).toEqual({ width: 3, height: 2, channels: 1, depth: 8, data: [0, 50, 100, 150, 200, 250] });

    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3]);
    await writePng(join(dir, 'rgb.png'), { data: rgb, height: 2, width: 2, channels: 3 });
    expect(await readBack(join(dir, 'rgb.png'))).toEqual({ width: 2, height: 2, channels: 3, depth: 8, data: Array.from(rgb) });
  });

  it('stores a Float32Array as round(clip(value, 0, 1) * 255)', async () => {
    // Values exact in float32, so that the products below are exact too.
    const values = [0, 0.5, 1, -0.25, 1.5, 0.25, 0.125, 0.875];
    await writePng(join(dir, 'float.png'), { data: Float32Array.from(values), height: 2, width: 4, channels: 1 });
    // Written out from the rule: 0.5 * 255 = 127.5 -> 128, 0.25 * 255 = 63.75 -> 64, 31.875 -> 32, 223.125 -> 223.
    expect((await readBack(join(dir, 'float.png'))).data).toEqual([0, 128, 255, 0, 255, 64, 32, 223]);
  });

  it('round-trips an imageGrid of shapesDataset images with boxes drawn', async () => {
    const { images, boxes, shape } = shapesDataset({ count: 6, size: 16, seed: 4 });
    const grid = imageGrid({ data: images, shape }, { columns: 3, boxes: [{ index: 2, box: [...boxes.subarray(8, 12)] as [number, number, number, number], color: [1, 0, 0] }] });
    await writePng(join(dir, 'grid.png'), grid);
    const back = await readBack(join(dir, 'grid.png'));
    expect([back.width, back.height, back.channels]).toEqual([grid.width, grid.height, 3]);
    expect(back.data).toEqual(Array.from(grid.data, (x) => x * 255)); // values are 0 and 1 only
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const path = join(dir, 'replace', 'image.png');
    await rm(join(dir, 'replace'), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'replace')));
    await writeFile(path, 'old');
    await writePng(path, { data: Uint8Array.from([7]), height: 1, width: 1, channels: 1 });
    expect((await readBack(path)).data).toEqual([7]);
    expect(await readdir(join(dir, 'replace'))).toEqual(['image.png']);
  });

  it('fails with a DlError naming the path when the directory is missing, and writes nothing', async () => {
    const path = join(dir, 'missing', 'image.png');
    const error = await writePng(path, { data: Uint8Array.from([7]), height: 1, width: 1, channels: 1 }).catch((e: unknown) => e);
    expect(DlError.isInstance(error)).toBe(true);
    expect((error as DlError).code).toBe('io');
    expect((error as DlError).message).toContain(path);
    expect((error as DlError).message).toContain('directory');
    expect(((error as DlError).cause as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(await readdir(dir)).not.toContain('missing');
  });

  it('rejects a bad image with a ConfigError naming the field, or a ShapeError for a wrong length', async () => {
    const cases: [unknown, string][] = [
      [{ data: new Uint8Array(2), height: 0, width: 2, channels: 1 }, 'height'],
      [{ data: new Uint8Array(2), height: 1, width: 2.5, channels: 1 }, 'width'],
      [{ data: new Uint8Array(4), height: 1, width: 2, channels: 2 }, 'channels'],
      [{ data: [1, 2], height: 1, width: 2, channels: 1 }, 'data'],
      [{ data: Float32Array.from([0, Number.NaN]), height: 1, width: 2, channels: 1 }, 'data'],
    ];
    for (const [image, path] of cases) {
      const error = await writePng(join(dir, 'bad.png'), image as never).catch((e: unknown) => e);
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).path).toBe(path);
      expect((error as ConfigError).message).toMatch(/^\[@dl\/data\]/);
    }
    const error = await writePng(join(dir, 'bad.png'), { data: new Uint8Array(5), height: 2, width: 3, channels: 1 }).catch((e: unknown) => e);
    expect(ShapeError.isInstance(error)).toBe(true);
    expect(await readdir(dir)).not.toContain('bad.png');
  });
});
