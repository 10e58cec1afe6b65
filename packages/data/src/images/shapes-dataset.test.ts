import { describe, expect, it } from 'vitest';
import { catchConfigError } from '@dl/core/testing';
import { shapeClassNames, shapesDataset, type ShapesDataset } from './shapes-dataset.js';

/** Tight box, in pixel indices (inclusive), of the pixels of image `sample` above `threshold`; count of those pixels. */
function pixelBox(data: ShapesDataset, sample: number, threshold = 0): { rows: [number, number]; cols: [number, number]; pixels: number } {
  const [, size] = data.shape;
  let rowMin = Infinity;
  let rowMax = -Infinity;
  let colMin = Infinity;
  let colMax = -Infinity;
  let pixels = 0;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if ((data.images[(sample * size + row) * size + col] as number) <= threshold) continue;
      pixels++;
      rowMin = Math.min(rowMin, row);
      rowMax = Math.max(rowMax, row);
      colMin = Math.min(colMin, col);
      colMax = Math.max(colMax, col);
    }
  }
  return { rows: [rowMin, rowMax], cols: [colMin, colMax], pixels };
}

const boxOf = (data: ShapesDataset, sample: number): number[] => Array.from(data.boxes.subarray(sample * 4, sample * 4 + 4));

describe('shapesDataset', () => {
  it('names the classes circle, square, triangle (ids 0, 1, 2)', () => {
    expect(shapeClassNames).toEqual(['circle', 'square', 'triangle']);
  });

  it('returns images [count, size, size] in {0, 1}, int labels in 0..2 and boxes [count, 4] in [0, 1]', () => {
    for (const size of [16, 28, 32, 64]) {
      const data = shapesDataset({ count: 50, size, seed: size });
      expect(data.shape).toEqual([50, size, size]);
      expect(data.images).toBeInstanceOf(Float32Array);
      expect(data.images.length).toBe(50 * size * size);
      expect(new Set(data.images)).toEqual(new Set([0, 1]));
      expect(data.labels).toBeInstanceOf(Int32Array);
      expect(data.labels.length).toBe(50);
      expect(data.labels.every((label) => label === 0 || label === 1 || label === 2)).toBe(true);
      expect(data.boxes).toBeInstanceOf(Float32Array);
      expect(data.boxes.length).toBe(50 * 4);
      for (let i = 0; i < 50; i++) {
        const [yMin, xMin, yMax, xMax] = boxOf(data, i) as [number, number, number, number];
        expect(0 <= yMin && yMin < yMax && yMax <= 1 && 0 <= xMin && xMin < xMax && xMax <= 1).toBe(true);
      }
    }
    expect(shapesDataset({ count: 1, seed: 1 }).shape).toEqual([1, 32, 32]); // default size
  });

  it('gives the tight box of the nonzero pixels, normalized [yMin, xMin, yMax, xMax] in pixel-edge coordinates (within one pixel)', () => {
    for (const size of [16, 32, 50]) {
      const data = shapesDataset({ count: 300, size, seed: 7 });
      for (let i = 0; i < 300; i++) {
        const { rows, cols } = pixelBox(data, i);
        const expected = [rows[0] / size, cols[0] / size, (rows[1] + 1) / size, (cols[1] + 1) / size];
        const box = boxOf(data, i);
        for (let k = 0; k < 4; k++) expect(Math.abs((box[k] as number) - (expected[k] as number))).toBeLessThanOrEqual(1 / size);
        // In fact exact up to float32 rounding of k / size.
        for (let k = 0; k < 4; k++) expect(box[k]).toBeCloseTo(expected[k] as number, 6);
      }
    }
  });

  it('draws shapes of the documented sizes fully inside the image, and of their class (fill of the box)', () => {
    const size = 32;
    const data = shapesDataset({ count: 600, size, seed: 11 });
    const extents = new Set<number>();
    for (let i = 0; i < 600; i++) {
      const { rows, cols, pixels } = pixelBox(data, i);
      const height = rows[1] - rows[0] + 1;
      const width = cols[1] - cols[0] + 1;
      const fill = pixels / (height * width);
      const label = data.labels[i] as number;
      // The cell's extent is the box width for every class; a triangle may lose its apex row.
      extents.add(width);
      expect(width).toBeGreaterThanOrEqual(8); // max(6, ceil(32 / 4))
      expect(width).toBeLessThanOrEqual(24); // floor(3 * 32 / 4)
      if (label === 2) expect(width - height).toBeGreaterThanOrEqual(0);
      if (label === 2) expect(width - height).toBeLessThanOrEqual(1);
      else expect(height).toBe(width);
      // Square fills its box; a disc pi/4 of it; a triangle about half of it.
      if (label === 1) expect(fill).toBe(1);
      if (label === 0) expect(fill > 0.72 && fill < 0.88).toBe(true);
      if (label === 2) expect(fill > 0.45 && fill < 0.62).toBe(true);
    }
    // Every extent from 8 to 24 is drawn.
    expect([...extents].sort((a, b) => a - b)).toEqual(Array.from({ length: 17 }, (_, k) => 8 + k));
  });

  it('places shapes everywhere: boxes touch each image edge in some samples', () => {
    const data = shapesDataset({ count: 2000, size: 16, seed: 5 });
    const edges = { top: false, left: false, bottom: false, right: false };
    for (let i = 0; i < 2000; i++) {
      const [yMin, xMin, yMax, xMax] = boxOf(data, i) as [number, number, number, number];
      const label = data.labels[i] as number;
      if (label !== 2 && yMin === 0) edges.top = true;
      if (xMin === 0) edges.left = true;
      if (yMax === 1) edges.bottom = true;
      if (xMax === 1) edges.right = true;
    }
    expect(edges).toEqual({ top: true, left: true, bottom: true, right: true });
  });

  it('balances the classes: chi-square over 3,000 samples below the 0.1% critical value of 2 df', () => {
    const data = shapesDataset({ count: 3000, size: 16, seed: 3 });
    const counts = [0, 0, 0];
    for (const label of data.labels) counts[label] = (counts[label] as number) + 1;
    const chiSquare = counts.reduce((sum, c) => sum + (c - 1000) ** 2 / 1000, 0);
    // Chi-square with 2 degrees of freedom is exponential with mean 2: P(X > x) = exp(-x / 2),
    // so the 0.1% critical value is -2 ln(0.001) = 13.8.
    expect(chiSquare).toBeLessThan(-2 * Math.log(0.001));
  });

  it('is deterministic per seed, and differs between seeds', () => {
    const a = shapesDataset({ count: 20, size: 16, seed: 42 });
    const b = shapesDataset({ count: 20, size: 16, seed: 42 });
    const c = shapesDataset({ count: 20, size: 16, seed: 43 });
    expect(a.images).toEqual(b.images);
    expect(a.labels).toEqual(b.labels);
    expect(a.boxes).toEqual(b.boxes);
    expect(a.boxes).not.toEqual(c.boxes);
  });

  it('adds noise within +-noise, clipped to [0, 1], without moving shapes, classes or boxes', () => {
    const clean = shapesDataset({ count: 30, size: 16, seed: 9 });
    const noisy = shapesDataset({ count: 30, size: 16, seed: 9, noise: 0.1 });
    expect(noisy.labels).toEqual(clean.labels);
    expect(noisy.boxes).toEqual(clean.boxes);
    let changed = 0;
    for (let i = 0; i < clean.images.length; i++) {
      const x = noisy.images[i] as number;
      const reference = clean.images[i] as number;
      expect(x >= 0 && x <= 1).toBe(true);
      expect(Math.abs(x - reference)).toBeLessThanOrEqual(0.1 + 1e-7);
      if (x !== reference) changed++;
    }
    // Background pixels move up half the time, shape pixels down half the time.
    expect(changed / clean.images.length).toBeGreaterThan(0.4);
    // The shape is still where the box says: pixels above 0.5 give the same tight box.
    for (let i = 0; i < 30; i++) {
      const { rows, cols } = pixelBox(noisy, i, 0.5);
      expect([rows[0] / 16, cols[0] / 16, (rows[1] + 1) / 16, (cols[1] + 1) / 16].map((x) => Math.fround(x))).toEqual(boxOf(clean, i));
    }
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    const cases: [unknown, string][] = [
      [{}, 'count'],
      [{ count: 0 }, 'count'],
      [{ count: 1.5 }, 'count'],
      [{ count: 10, size: 15 }, 'size'],
      [{ count: 10, size: 1025 }, 'size'],
      [{ count: 10, size: 20.5 }, 'size'],
      [{ count: 10, seed: Number.NaN }, 'seed'],
      [{ count: 10, noise: -0.1 }, 'noise'],
      [{ count: 10, noise: 0.6 }, 'noise'],
      [{ count: 10, sizes: 32 }, 'sizes'],
      [{ count: 3_000_000, size: 1024 }, 'count'],
    ];
    for (const [options, path] of cases) {
      const error = catchConfigError(() => shapesDataset(options as never));
      expect(error.path).toBe(path);
      expect(error.message).toMatch(/^\[@dl\/data\]/);
    }
  });
});
