import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { catchConfigError, checkLayerGradients, expectTensorsClose } from '@dl/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResizeImages, resizeImages } from './resize-images.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Bilinear resampling of one channel with half-pixel centres, from the definition (TF2's tf.image.resize). */
function bilinearReference(image: number[][], outHeight: number, outWidth: number): number[][] {
  const inHeight = image.length, inWidth = image[0]!.length;
  const axis = (out: number, outSize: number, inSize: number) => {
    const position = (out + 0.5) * (inSize / outSize) - 0.5;
    const floor = Math.floor(position);
    return { low: Math.max(floor, 0), high: Math.min(Math.ceil(position), inSize - 1), t: position - floor };
  };
  return Array.from({ length: outHeight }, (_, r) => {
    const y = axis(r, outHeight, inHeight);
    return Array.from({ length: outWidth }, (_, c) => {
      const x = axis(c, outWidth, inWidth);
      const top = image[y.low]![x.low]! + (image[y.low]![x.high]! - image[y.low]![x.low]!) * x.t;
      const bottom = image[y.high]![x.low]! + (image[y.high]![x.high]! - image[y.high]![x.low]!) * x.t;
      return top + (bottom - top) * y.t;
    });
  });
}

describe('ResizeImages', () => {
  it('resamples bilinearly with half-pixel centres, as TF2 and Keras do', () => {
    const image = [[0, 10, 20], [30, 40, 50], [60, 70, 80], [90, 100, 110]]; // 4×3
    const x = tf.tensor4d(image.flat(), [1, 4, 3, 1]);
    for (const [height, width] of [[7, 5], [2, 2], [4, 3]] as const) {
      const expected = bilinearReference(image, height, width);
      expectTensorsClose(resizeImages({ height, width }).apply(x) as tf.Tensor, tf.tensor4d(expected.flat(), [1, height, width, 1]), { atol: 1e-4 });
    }
  });

  it.each(['cpu', 'wasm'])('has the right input gradient on %s once useBackend installs dl\'s ResizeBilinear gradient (tfjs 4.22\'s ignores half-pixel centres)', async (backend) => {
    await useBackend(backend as 'cpu' | 'wasm');
    try {
      for (const interpolation of ['bilinear', 'nearest'] as const) {
        expect(checkLayerGradients(resizeImages({ height: 5, width: 7, interpolation }), tf.randomNormal([2, 3, 3, 2], 0, 1, 'float32', 1)).passed).toBe(true);
        expect(checkLayerGradients(resizeImages({ height: 5, width: 3, interpolation }), tf.randomNormal([2, 3, 4, 2], 0, 1, 'float32', 1)).passed).toBe(true);
      }
    } finally {
      await tf.setBackend('cpu');
    }
  });

  it('keeps the batch dimension in its output shape (tfjs 4.22 Resizing drops it)', () => {
    const input = tf.input({ shape: [3, 3, 2] });
    expect((resizeImages({ height: 6, width: 5 }).apply(input) as tf.SymbolicTensor).shape).toEqual([null, 6, 5, 2]);
    const tfjsOwn = tf.layers.resizing({ height: 6, width: 5 }).apply(input) as tf.SymbolicTensor;
    expect(tfjsOwn.shape).not.toEqual([null, 6, 5, 2]); // the bug, pinned: remove this layer when it fails
  });

  it('round-trips through its config, and rejects misspelled arguments', () => {
    const layer = resizeImages({ height: 4, width: 6, interpolation: 'nearest', name: 'resize' });
    const copy = ResizeImages.fromConfig(ResizeImages, layer.getConfig()) as ResizeImages;
    expect([copy.height, copy.width, copy.interpolation, copy.name]).toEqual([4, 6, 'nearest', 'resize']);
    expect(catchConfigError(() => resizeImages({ height: 4, width: 6, interpolaton: 'nearest' } as never)).path).toBe('interpolaton');
    expect(catchConfigError(() => resizeImages({ height: 0, width: 6 })).path).toBe('height');
  });
});
