import { ShapeError } from '@dl/core';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { drawBoxes } from './draw-boxes.js';

/**
 * The expected RGB image, from the definition: pixel rows round(yMin·h) .. round(yMax·h) − 1 and
 * columns likewise are the box; its outline is every pixel of it within `thickness` of its border.
 */
function expectedImage(gray: number[], h: number, w: number, boxes: { box: number[]; color: number[] }[], thickness = 1): number[] {
  const out = gray.flatMap((g) => [g, g, g]);
  for (const { box, color } of boxes) {
    const rows = [Math.round(box[0]! * h), Math.round(box[2]! * h) - 1];
    const cols = [Math.round(box[1]! * w), Math.round(box[3]! * w) - 1];
    for (let r = 0; r < h; r += 1) for (let c = 0; c < w; c += 1) {
      const inside = r >= rows[0]! && r <= rows[1]! && c >= cols[0]! && c <= cols[1]!;
      const nearEdge = r - rows[0]! < thickness || rows[1]! - r < thickness || c - cols[0]! < thickness || cols[1]! - c < thickness;
      if (inside && nearEdge) out.splice((r * w + c) * 3, 3, ...color);
    }
  }
  return out;
}

describe('drawBoxes', () => {
  const h = 6;
  const w = 8;
  const gray = Array.from({ length: 2 * h * w }, (_, i) => (i % 7) / 10);
  const truth = [0, 0, 0.5, 0.5, 1 / 6, 0.25, 5 / 6, 1];
  const predicted = [1 / 6, 0.125, 4 / 6, 0.75, 0, 0, 1, 1];

  it('outlines true and predicted boxes in their colours on grayscale images, giving RGB [n, h, w, 3]', () => {
    const result = drawBoxes({ data: Float32Array.from(gray), shape: [2, h, w] }, [
      { boxes: truth, color: [0, 1, 0] },
      { boxes: Float32Array.from(predicted), color: [1, 0, 0] },
    ]);
    expect(result.shape).toEqual([2, h, w, 3]);
    expect(result.data).toBeInstanceOf(Float32Array);
    for (let i = 0; i < 2; i += 1) {
      const want = expectedImage(gray.slice(i * h * w, (i + 1) * h * w), h, w, [
        { box: truth.slice(4 * i, 4 * i + 4), color: [0, 1, 0] },
        { box: predicted.slice(4 * i, 4 * i + 4), color: [1, 0, 0] },
      ]);
      expect(Array.from(result.data.subarray(i * h * w * 3, (i + 1) * h * w * 3))).toEqual(Array.from(Float32Array.from(want)));
    }
  });

  it('keeps RGB input channels and the Uint8Array type, draws thick outlines, and does not change its input', () => {
    const rgb = Uint8Array.from({ length: h * w * 3 }, (_, i) => (i * 37) % 256);
    const copy = Uint8Array.from(rgb);
    const result = drawBoxes({ data: rgb, shape: [1, h, w, 3] }, [{ boxes: [0, 0, 1, 1], color: [255, 0, 255] }], { thickness: 2 });
    expect(result.data).toBeInstanceOf(Uint8Array);
    expect(rgb).toEqual(copy);
    for (let r = 0; r < h; r += 1) for (let c = 0; c < w; c += 1) {
      const onOutline = r < 2 || r >= h - 2 || c < 2 || c >= w - 2;
      const want = onOutline ? [255, 0, 255] : Array.from(rgb.subarray((r * w + c) * 3, (r * w + c) * 3 + 3));
      expect(Array.from(result.data.subarray((r * w + c) * 3, (r * w + c) * 3 + 3))).toEqual(want);
    }
  });

  it('clips boxes to the image and draws reversed and empty boxes', () => {
    const blank = { data: new Float32Array(h * w), shape: [1, h, w] as const };
    const clipped = drawBoxes(blank, [{ boxes: [-0.5, -0.2, 2, 0.5], color: [1, 1, 1] }]);
    expect(Array.from(clipped.data)).toEqual(expectedImage(new Array(h * w).fill(0), h, w, [{ box: [0, 0, 1, 0.5], color: [1, 1, 1] }]));
    const reversed = drawBoxes(blank, [{ boxes: [0.5, 0.5, 0, 0], color: [1, 1, 1] }]);
    expect(Array.from(reversed.data)).toEqual(expectedImage(new Array(h * w).fill(0), h, w, [{ box: [0, 0, 0.5, 0.5], color: [1, 1, 1] }]));
    // A box with no pixels (yMin = yMax) still shows as one pixel.
    const empty = drawBoxes(blank, [{ boxes: [0.5, 0.5, 0.5, 0.5], color: [1, 1, 1] }]);
    expect(Array.from(empty.data).filter((x) => x === 1)).toHaveLength(3);
  });

  it('rejects images and boxes of the wrong shape (ShapeError) and bad colours or options (ConfigError naming the field)', () => {
    const images = { data: new Float32Array(2 * h * w), shape: [2, h, w] as const };
    expect(() => drawBoxes({ data: new Float32Array(5), shape: [2, h, w] }, [])).toThrow(ShapeError);
    expect(() => drawBoxes({ data: new Float32Array(2 * h * w * 2), shape: [2, h, w, 2] }, [])).toThrow(ShapeError);
    expect(() => drawBoxes(images, [{ boxes: [0, 0, 1, 1], color: [1, 0, 0] }])).toThrow(ShapeError);
    expect(catchConfigError(() => drawBoxes(images, [{ boxes: truth, color: [1, 0] as never }])).path).toMatch(/^layers\.0\.color/u);
    expect(catchConfigError(() => drawBoxes(images, [{ boxes: truth, color: [1, 0, 0], colour: [1, 0, 0] } as never])).path).toBe('layers.0.colour');
    expect(catchConfigError(() => drawBoxes(images, [], { thickness: 0 })).path).toBe('thickness');
  });
});
