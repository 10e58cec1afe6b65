import { describe, expect, it } from 'vitest';
import { convFlops } from './conv-flops.js';

/** Multiply-adds of a direct convolution, counted by running its loops (float64, no formula). */
function countedMultiplyAdds(h: number, w: number, cin: number, k: number, filters: number, stride: number, depthwise: boolean): number {
  let count = 0;
  for (let y = 0; y + k <= h; y += stride) for (let x = 0; x + k <= w; x += stride) {
    for (let f = 0; f < (depthwise ? cin : filters); f += 1) for (let i = 0; i < k; i += 1) for (let j = 0; j < k; j += 1) for (let c = 0; c < (depthwise ? 1 : cin); c += 1) count += 1;
  }
  return count;
}

describe('convFlops', () => {
  it('equals the multiply-adds of the direct convolution loops (valid padding)', () => {
    for (const [h, w, cin, k, filters, stride] of [[8, 9, 3, 3, 4, 1], [10, 10, 2, 5, 3, 2], [7, 6, 1, 1, 2, 1]] as const) {
      const conv = convFlops({ inputShape: [h, w, cin], kernelSize: k, filters, strides: stride });
      expect(conv.multiplyAdds).toBe(countedMultiplyAdds(h, w, cin, k, filters, stride, false));
      expect(conv.flops).toBe(2 * conv.multiplyAdds);
      expect(convFlops({ inputShape: [h, w, cin], kind: 'depthwise', kernelSize: k, strides: stride }).multiplyAdds).toBe(countedMultiplyAdds(h, w, cin, k, filters, stride, true));
    }
  });

  it('shows the depthwise-separable saving (MobileNet): about 1/filters + 1/k² of a full conv', () => {
    const full = convFlops({ inputShape: [56, 56, 64], kernelSize: 3, filters: 128, padding: 'same' }).multiplyAdds;
    const depthwise = convFlops({ inputShape: [56, 56, 64], kind: 'depthwise', kernelSize: 3, padding: 'same' }).multiplyAdds;
    const pointwise = convFlops({ inputShape: [56, 56, 64], kernelSize: 1, filters: 128 }).multiplyAdds;
    expect((depthwise + pointwise) / full).toBeCloseTo(1 / 128 + 1 / 9, 12);
  });
});
