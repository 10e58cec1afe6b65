/**
 * float64 references for the kernel tests, written from the definitions of convolution
 * and pooling (TensorFlow's padding rules), not from the kernels under test.
 */

/** `same`, `valid`, or explicit `[[top, bottom], [left, right]]` padding. */
export type Padding = 'same' | 'valid' | readonly [readonly [number, number], readonly [number, number]];

export interface ConvCase {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly pad: Padding;
  /** Dilation rates (height, width); [1, 1] when absent. */
  readonly dilation?: readonly [number, number];
}

/**
 * Output size and padding before, on one spatial axis (TensorFlow: `same` puts the odd pixel
 * after); a dilated kernel spans `(kernel − 1)·dilation + 1` pixels.
 */
export function axisGeometry(size: number, kernelSize: number, stride: number, pad: Padding, axis: 0 | 1, dilation = 1): { out: number; before: number } {
  const kernel = (kernelSize - 1) * dilation + 1;
  if (pad === 'valid') return { out: Math.floor((size - kernel) / stride) + 1, before: 0 };
  if (pad === 'same') {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + kernel - size, 0);
    return { out, before: Math.floor(total / 2) };
  }
  const [before, after] = pad[axis];
  return { out: Math.floor((size + before + after - kernel) / stride) + 1, before };
}

export function outputSize(size: number, kernel: number, stride: number, pad: Padding, axis: 0 | 1 = 0, dilation = 1): number {
  return axisGeometry(size, kernel, stride, pad, axis, dilation).out;
}

/** The padding argument tfjs kernels take: `same`, `valid` or NHWC explicit pairs. */
export function tfjsPad(pad: Padding): 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]] {
  return typeof pad === 'string' ? pad : [[0, 0], [pad[0][0], pad[0][1]], [pad[1][0], pad[1][1]], [0, 0]];
}

/** Calls `visit(xIndex, wIndex, dyIndex)` for every (input pixel, filter tap, output pixel) that a convolution multiplies. */
function forEachConvTap(c: ConvCase, visit: (b: number, ih: number, iw: number, p: number, q: number, i: number, j: number) => void): void {
  const [dh, dw] = c.dilation ?? [1, 1];
  const rows = axisGeometry(c.height, c.kernel[0], c.stride[0], c.pad, 0, dh);
  const cols = axisGeometry(c.width, c.kernel[1], c.stride[1], c.pad, 1, dw);
  for (let b = 0; b < c.batch; b++)
    for (let i = 0; i < rows.out; i++)
      for (let j = 0; j < cols.out; j++)
        for (let p = 0; p < c.kernel[0]; p++)
          for (let q = 0; q < c.kernel[1]; q++) {
            const ih = i * c.stride[0] + p * dh - rows.before;
            const iw = j * c.stride[1] + q * dw - cols.before;
            if (ih >= 0 && ih < c.height && iw >= 0 && iw < c.width) visit(b, ih, iw, p, q, i, j);
          }
}

/** y[b,oh,ow,co] = sum over kh,kw,ci of x[b, oh*s+kh-pt, ow*s+kw-pl, ci] * W[kh,kw,ci,co] (0 in the padding). */
export function conv2dReference(c: ConvCase, x: ArrayLike<number>, w: ArrayLike<number>): Float64Array {
  const oh = outputSize(c.height, c.kernel[0], c.stride[0], c.pad, 0, c.dilation?.[0]);
  const ow = outputSize(c.width, c.kernel[1], c.stride[1], c.pad, 1, c.dilation?.[1]);
  const out = new Float64Array(c.batch * oh * ow * c.outChannels);
  forEachConvTap(c, (b, ih, iw, p, q, i, j) => {
    for (let ci = 0; ci < c.inChannels; ci++) {
      const xv = x[((b * c.height + ih) * c.width + iw) * c.inChannels + ci]!;
      for (let co = 0; co < c.outChannels; co++) {
        out[((b * oh + i) * ow + j) * c.outChannels + co]! += xv * w[((p * c.kernel[1] + q) * c.inChannels + ci) * c.outChannels + co]!;
      }
    }
  });
  return out;
}

/** dW[kh,kw,ci,co] = sum over b,oh,ow of x[b, oh*s+kh-pt, ow*s+kw-pl, ci] * dy[b,oh,ow,co]. */
export function conv2dFilterGradReference(c: ConvCase, x: ArrayLike<number>, dy: ArrayLike<number>): Float64Array {
  const oh = outputSize(c.height, c.kernel[0], c.stride[0], c.pad, 0, c.dilation?.[0]);
  const ow = outputSize(c.width, c.kernel[1], c.stride[1], c.pad, 1, c.dilation?.[1]);
  const out = new Float64Array(c.kernel[0] * c.kernel[1] * c.inChannels * c.outChannels);
  forEachConvTap(c, (b, ih, iw, p, q, i, j) => {
    for (let ci = 0; ci < c.inChannels; ci++) {
      const xv = x[((b * c.height + ih) * c.width + iw) * c.inChannels + ci]!;
      for (let co = 0; co < c.outChannels; co++) {
        out[((p * c.kernel[1] + q) * c.inChannels + ci) * c.outChannels + co]! += xv * dy[((b * oh + i) * ow + j) * c.outChannels + co]!;
      }
    }
  });
  return out;
}

/** dx of a stride/pad convolution: dx[b,ih,iw,ci] = sum of W[p,q,ci,co] * dy[b,oh,ow,co] over taps reading (ih,iw). */
export function conv2dInputGradReference(c: ConvCase, w: ArrayLike<number>, dy: ArrayLike<number>): Float64Array {
  const oh = outputSize(c.height, c.kernel[0], c.stride[0], c.pad, 0, c.dilation?.[0]);
  const ow = outputSize(c.width, c.kernel[1], c.stride[1], c.pad, 1, c.dilation?.[1]);
  const dx = new Float64Array(c.batch * c.height * c.width * c.inChannels);
  forEachConvTap(c, (b, ih, iw, p, q, i, j) => {
    for (let ci = 0; ci < c.inChannels; ci++)
      for (let co = 0; co < c.outChannels; co++)
        dx[((b * c.height + ih) * c.width + iw) * c.inChannels + ci]! +=
          w[((p * c.kernel[1] + q) * c.inChannels + ci) * c.outChannels + co]! * dy[((b * oh + i) * ow + j) * c.outChannels + co]!;
  });
  return dx;
}

/** Depthwise convolution gradients (multiplier `m`: output channel c·m + k reads input channel c). */
export function depthwiseGradReference(
  c: ConvCase,
  multiplier: number,
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  dy: ArrayLike<number>,
): { dx: Float64Array; dw: Float64Array } {
  const oh = outputSize(c.height, c.kernel[0], c.stride[0], c.pad, 0, c.dilation?.[0]);
  const ow = outputSize(c.width, c.kernel[1], c.stride[1], c.pad, 1, c.dilation?.[1]);
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  forEachConvTap(c, (b, ih, iw, p, q, i, j) => {
    for (let ci = 0; ci < c.inChannels; ci++)
      for (let m = 0; m < multiplier; m++) {
        const g = dy[((b * oh + i) * ow + j) * c.inChannels * multiplier + ci * multiplier + m]!;
        const xi = ((b * c.height + ih) * c.width + iw) * c.inChannels + ci;
        const wi = ((p * c.kernel[1] + q) * c.inChannels + ci) * multiplier + m;
        dx[xi]! += w[wi]! * g;
        dw[wi]! += x[xi]! * g;
      }
  });
  return { dx, dw };
}

/** out[ids[i]] += x[i] row-wise, skipping ids outside [0, numSegments). */
export function segmentSumReference(x: ArrayLike<number>, ids: ArrayLike<number>, numSegments: number, rowSize: number): Float64Array {
  const out = new Float64Array(numSegments * rowSize);
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r]!;
    if (id < 0 || id >= numSegments) continue;
    for (let j = 0; j < rowSize; j++) out[id * rowSize + j]! += x[r * rowSize + j]!;
  }
  return out;
}

/**
 * Max-pool gradient: each window's dy goes to the first maximum (row-major) among the
 * window's pixels inside the image (padding never wins).
 */
export function maxPoolGradReference(
  x: ArrayLike<number>,
  shape: readonly [number, number, number, number],
  pool: readonly [number, number],
  stride: readonly [number, number],
  pad: Padding,
  dy: ArrayLike<number>,
): Float64Array {
  const [batch, height, width, channels] = shape;
  const rows = axisGeometry(height, pool[0], stride[0], pad, 0);
  const cols = axisGeometry(width, pool[1], stride[1], pad, 1);
  const dx = new Float64Array(x.length);
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < rows.out; i++)
      for (let j = 0; j < cols.out; j++)
        for (let c = 0; c < channels; c++) {
          let best = -Infinity;
          let at = -1;
          for (let p = 0; p < pool[0]; p++)
            for (let q = 0; q < pool[1]; q++) {
              const ih = i * stride[0] + p - rows.before;
              const iw = j * stride[1] + q - cols.before;
              if (ih < 0 || ih >= height || iw < 0 || iw >= width) continue;
              const index = ((b * height + ih) * width + iw) * channels + c;
              if (at === -1 || x[index]! > best) {
                best = x[index]!;
                at = index;
              }
            }
          if (at >= 0) dx[at]! += dy[((b * rows.out + i) * cols.out + j) * channels + c]!;
        }
  return dx;
}
