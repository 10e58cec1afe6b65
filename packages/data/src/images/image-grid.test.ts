import { describe, expect, it } from 'vitest';
import { ShapeError } from '@dl/errors';
import { catchConfigError } from '@dl/core/testing';
import { imageGrid } from './image-grid.js';
import { shapesDataset } from './shapes-dataset.js';

/** Rows of a single-channel grid, or of one channel `k` of an RGB grid. */
function rowsOf(grid: { data: ArrayLike<number>; height: number; width: number; channels: number }, k = 0): number[][] {
  return Array.from({ length: grid.height }, (_, row) => Array.from({ length: grid.width }, (_, col) => grid.data[(row * grid.width + col) * grid.channels + k] as number));
}

describe('imageGrid', () => {
  it('tiles [n, h, w] row-major with padding between and around tiles, empty cells padded (hand-computed 7 x 7)', () => {
    const data = Float32Array.from({ length: 12 }, (_, i) => i + 1);
    const grid = imageGrid({ data, shape: [3, 2, 2] }, { columns: 2, padding: 1, padValue: 0.5 });
    expect([grid.height, grid.width, grid.channels]).toEqual([7, 7, 1]);
    expect(grid.data).toBeInstanceOf(Float32Array);
    const p = 0.5;
    expect(rowsOf(grid)).toEqual([
      [p, p, p, p, p, p, p],
      [p, 1, 2, p, 5, 6, p],
      [p, 3, 4, p, 7, 8, p],
      [p, p, p, p, p, p, p],
      [p, 9, 10, p, p, p, p],
      [p, 11, 12, p, p, p, p],
      [p, p, p, p, p, p, p],
    ]);
  });

  it('defaults to min(8, n) columns and padding 2 (torchvision make_grid layout)', () => {
    const one = imageGrid({ data: new Float32Array(6).fill(1), shape: [1, 2, 3] });
    // 1 * (2 + 2) + 2 by 1 * (3 + 2) + 2
    expect([one.height, one.width]).toEqual([6, 7]);
    const ten = imageGrid({ data: new Float32Array(10 * 4 * 4), shape: [10, 4, 4] });
    // 8 columns, 2 rows: 2 * 6 + 2 by 8 * 6 + 2
    expect([ten.height, ten.width]).toEqual([14, 50]);
  });

  it('keeps RGB and Uint8Array; padding 0 and one image gives the image back', () => {
    const data = Uint8Array.from([10, 20, 30, 40, 50, 60]);
    const same = imageGrid({ data, shape: [1, 1, 2, 3] }, { padding: 0 });
    expect(same).toEqual({ data, height: 1, width: 2, channels: 3 });
    expect(same.data).not.toBe(data);

    const two = imageGrid({ data, shape: [2, 1, 1, 3] }, { columns: 2, padding: 1, padValue: [0, 0, 255] });
    expect(two.data).toBeInstanceOf(Uint8Array);
    expect([two.height, two.width, two.channels]).toEqual([3, 5, 3]);
    const b = [0, 0, 255];
    const pixel = (row: number, col: number): number[] => Array.from(two.data.subarray((row * 5 + col) * 3, (row * 5 + col) * 3 + 3));
    expect([0, 1, 2].map((row) => [0, 1, 2, 3, 4].map((col) => pixel(row, col)))).toEqual([
      [b, b, b, b, b],
      [b, [10, 20, 30], b, [40, 50, 60], b],
      [b, b, b, b, b],
    ]);
  });

  it('draws box outlines along the pixels inside the rounded edges, clipped, reversed pairs ordered', () => {
    const image = { data: new Float32Array(16), shape: [1, 4, 4] as const };
    const expected = [
      [0, 0, 0, 0],
      [0, 1, 1, 1],
      [0, 1, 0, 1],
      [0, 1, 1, 1],
    ];
    expect(rowsOf(imageGrid(image, { padding: 0, boxes: [{ index: 0, box: [0.25, 0.25, 1, 1] }] }))).toEqual(expected);
    // Edges round to the nearest pixel boundary: 0.3 * 4 = 1.2 -> 1, 0.9 * 4 = 3.6 -> 4.
    expect(rowsOf(imageGrid(image, { padding: 0, boxes: [{ index: 0, box: [0.3, 0.2, 0.9, 1.2] }] }))).toEqual(expected);
    expect(rowsOf(imageGrid(image, { padding: 0, boxes: [{ index: 0, box: [1, 1, 0.25, 0.25] }] }))).toEqual(expected);
    expect(rowsOf(imageGrid(image, { padding: 0, boxes: [{ index: 0, box: [-1, -1, 2, 2], color: 0.5 }] }))).toEqual([
      [0.5, 0.5, 0.5, 0.5],
      [0.5, 0, 0, 0.5],
      [0.5, 0, 0, 0.5],
      [0.5, 0.5, 0.5, 0.5],
    ]);
    // An empty box still shows: one pixel.
    expect(rowsOf(imageGrid(image, { padding: 0, boxes: [{ index: 0, box: [0.5, 0.5, 0.5, 0.5] }] }))[2]).toEqual([0, 0, 1, 0]);
  });

  it('draws on the right tile; an RGB color turns a grayscale grid RGB (gray copied)', () => {
    const data = Float32Array.from([0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0]);
    const grid = imageGrid({ data, shape: [2, 2, 2] }, { columns: 2, padding: 1, boxes: [{ index: 1, box: [0, 0, 0.5, 1], color: [1, 0, 0] }] });
    expect([grid.height, grid.width, grid.channels]).toEqual([4, 7, 3]);
    expect(rowsOf(grid, 0)).toEqual([
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0.25, 0.25, 0, 1, 1, 0],
      [0, 0.25, 0.25, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
    ]);
    const greenAndBlue = [
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0.25, 0.25, 0, 0, 0, 0],
      [0, 0.25, 0.25, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
    ];
    expect(rowsOf(grid, 1)).toEqual(greenAndBlue);
    expect(rowsOf(grid, 2)).toEqual(greenAndBlue);
  });

  it("draws shapesDataset's boxes exactly around the shapes (the outline covers the shape's outermost pixels)", () => {
    const { images, boxes, shape } = shapesDataset({ count: 4, size: 16, seed: 2 });
    const grid = imageGrid({ data: images, shape }, { columns: 4, padding: 0, boxes: [0, 1, 2, 3].map((index) => ({ index, box: [...boxes.subarray(index * 4, index * 4 + 4)] as [number, number, number, number], color: 0.5 })) });
    for (let index = 0; index < 4; index++) {
      const [r0, c0, r1, c1] = Array.from(boxes.subarray(index * 4, index * 4 + 4), (x) => Math.round(x * 16));
      for (let row = 0; row < 16; row++) {
        for (let col = 0; col < 16; col++) {
          const onOutline = row >= r0! && row < r1! && col >= c0! && col < c1! && (row === r0 || row === r1! - 1 || col === c0 || col === c1! - 1);
          const value = grid.data[row * grid.width + index * 16 + col];
          expect(value).toBe(onOutline ? 0.5 : images[(index * 16 + row) * 16 + col]);
        }
      }
    }
  });

  it('rejects a bad batch shape with a ShapeError and bad options with a ConfigError naming the field', () => {
    for (const shape of [[2, 2], [1, 2, 2, 2], [1, 2, 3], [0, 2, 2], [1, 2, 2, 1, 1]]) {
      expect(() => imageGrid({ data: new Float32Array(4), shape: shape as never })).toThrow(ShapeError);
    }
    const image = { data: new Float32Array(4), shape: [1, 2, 2] as const };
    const cases: [unknown, string][] = [
      [{ columns: 0 }, 'columns'],
      [{ padding: -1 }, 'padding'],
      [{ padding: 1.5 }, 'padding'],
      [{ padValue: [1, 2] }, 'padValue'],
      [{ columns: 2, colums: 2 }, 'colums'],
      [{ boxes: [{ index: 1, box: [0, 0, 1, 1] }] }, 'boxes.0.index'],
      [{ boxes: [{ index: 0, box: [0, 0, 1, Number.NaN] }] }, 'boxes.0.box.3'],
      [{ boxes: [{ index: 0, box: [0, 0, 1, 1] }, { index: 0, box: [0, 0, 1, 1], colour: 1 }] }, 'boxes.1.colour'],
    ];
    for (const [options, path] of cases) {
      const error = catchConfigError(() => imageGrid(image, options as never));
      expect(error.path).toBe(path);
      expect(error.message).toMatch(/^\[@dl\/data\]/);
    }
  });
});
