import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { drawImage, type ImageDataContext } from './draw-image.js';

/** A stand-in for a 2-D canvas context that records what was put where. */
function fakeContext() {
  const puts: { data: Uint8ClampedArray; width: number; height: number; x: number; y: number }[] = [];
  const context: ImageDataContext = {
    createImageData: (width, height) => ({ data: new Uint8ClampedArray(width * height * 4), width, height }),
    putImageData: (imageData: never, x, y) => {
      const { data, width, height } = imageData as { data: Uint8ClampedArray; width: number; height: number };
      puts.push({ data, width, height, x, y });
    },
  };
  return { context, puts };
}

describe('drawImage', () => {
  it('puts opaque RGBA pixels: gray copied to r, g and b; floats on a 0-1 scale, clipped', () => {
    const { context, puts } = fakeContext();
    const size = drawImage(context, { data: Float32Array.from([0, 0.5, 1, 2, -1, 0.25]), height: 2, width: 3, channels: 1 }, { x: 4, y: 5 });
    expect(size).toEqual({ width: 3, height: 2 });
    expect(puts).toHaveLength(1);
    const expected = [0, 128, 255, 255, 0, 64].flatMap((v) => [v, v, v, 255]);
    expect(Array.from(puts[0]!.data)).toEqual(expected);
    expect([puts[0]!.x, puts[0]!.y]).toEqual([4, 5]);
  });

  it('keeps RGB channels in order and enlarges by an integer scale (nearest neighbour)', () => {
    const { context, puts } = fakeContext();
    // 1 x 2 RGB: red, then blue.
    const size = drawImage(context, { data: Uint8Array.from([255, 0, 0, 0, 0, 255]), height: 1, width: 2, channels: 3 }, { scale: 2 });
    expect(size).toEqual({ width: 4, height: 2 });
    const red = [255, 0, 0, 255];
    const blue = [0, 0, 255, 255];
    expect(Array.from(puts[0]!.data)).toEqual([...red, ...red, ...blue, ...blue, ...red, ...red, ...blue, ...blue]);
  });

  it('names the invalid field: image, options, context', () => {
    const { context } = fakeContext();
    expect(catchConfigError(() => drawImage(context, { data: Uint8Array.from([1]), height: 1, width: 1, channels: 2 as 1 })).path).toBe('channels');
    expect(catchConfigError(() => drawImage(context, { data: Uint8Array.from([1]), height: 1, width: 1, channels: 1 }, { scale: 0 })).path).toBe('scale');
    expect(catchConfigError(() => drawImage(context, { data: Uint8Array.from([1]), height: 1, width: 1, channels: 1 }, { scal: 2 } as never)).message).toContain("'scale'");
    expect(catchConfigError(() => drawImage({} as ImageDataContext, { data: Uint8Array.from([1]), height: 1, width: 1, channels: 1 })).path).toBe('context');
  });
});
