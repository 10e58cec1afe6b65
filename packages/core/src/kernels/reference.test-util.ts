/** float64 references for the kernel tests. */

export interface ConvCase {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly pad: 'same' | 'valid';
}

export function outputSize(size: number, kernel: number, stride: number, pad: 'same' | 'valid'): number {
  return pad === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

function padBefore(size: number, kernel: number, stride: number, pad: 'same' | 'valid'): number {
  if (pad === 'valid') return 0;
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  return Math.floor(total / 2);
}

/** dW[kh,kw,ci,co] = sum over b,oh,ow of x[b, oh*s+kh-pt, ow*s+kw-pl, ci] * dy[b,oh,ow,co]. */
export function conv2dFilterGradReference(c: ConvCase, x: ArrayLike<number>, dy: ArrayLike<number>): Float64Array {
  const [kh, kw] = c.kernel;
  const [sh, sw] = c.stride;
  const oh = outputSize(c.height, kh, sh, c.pad);
  const ow = outputSize(c.width, kw, sw, c.pad);
  const top = padBefore(c.height, kh, sh, c.pad);
  const left = padBefore(c.width, kw, sw, c.pad);
  const out = new Float64Array(kh * kw * c.inChannels * c.outChannels);
  for (let b = 0; b < c.batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let p = 0; p < kh; p++)
          for (let q = 0; q < kw; q++) {
            const ih = i * sh + p - top;
            const iw = j * sw + q - left;
            if (ih < 0 || ih >= c.height || iw < 0 || iw >= c.width) continue;
            for (let ci = 0; ci < c.inChannels; ci++) {
              const xv = x[((b * c.height + ih) * c.width + iw) * c.inChannels + ci] as number;
              for (let co = 0; co < c.outChannels; co++) {
                out[((p * kw + q) * c.inChannels + ci) * c.outChannels + co]! +=
                  xv * (dy[((b * oh + i) * ow + j) * c.outChannels + co] as number);
              }
            }
          }
  return out;
}

/** out[ids[i]] += x[i] row-wise, skipping ids outside [0, numSegments). */
export function segmentSumReference(x: ArrayLike<number>, ids: ArrayLike<number>, numSegments: number): Float64Array {
  const rowSize = ids.length === 0 ? 0 : x.length / ids.length;
  const out = new Float64Array(numSegments * rowSize);
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r] as number;
    if (id < 0 || id >= numSegments) continue;
    for (let j = 0; j < rowSize; j++) out[id * rowSize + j]! += x[r * rowSize + j] as number;
  }
  return out;
}

/** dx of a stride/pad convolution: dx[b,ih,iw,ci] = sum of W[p,q,ci,co] * dy[b,oh,ow,co] over taps reading (ih,iw). */
export function conv2dInputGradReference(c: ConvCase, w: ArrayLike<number>, dy: ArrayLike<number>): Float64Array {
  const [kh, kw] = c.kernel;
  const [sh, sw] = c.stride;
  const oh = outputSize(c.height, kh, sh, c.pad);
  const ow = outputSize(c.width, kw, sw, c.pad);
  const top = padBefore(c.height, kh, sh, c.pad);
  const left = padBefore(c.width, kw, sw, c.pad);
  const dx = new Float64Array(c.batch * c.height * c.width * c.inChannels);
  for (let b = 0; b < c.batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let p = 0; p < kh; p++)
          for (let q = 0; q < kw; q++) {
            const ih = i * sh + p - top;
            const iw = j * sw + q - left;
            if (ih < 0 || ih >= c.height || iw < 0 || iw >= c.width) continue;
            for (let ci = 0; ci < c.inChannels; ci++)
              for (let co = 0; co < c.outChannels; co++)
                dx[((b * c.height + ih) * c.width + iw) * c.inChannels + ci]! +=
                  (w[((p * kw + q) * c.inChannels + ci) * c.outChannels + co] as number) * (dy[((b * oh + i) * ow + j) * c.outChannels + co] as number);
          }
  return dx;
}

/** Max-pool gradient: each window's dy goes to the first maximum (row-major) of the window. */
export function maxPoolGradReference(
  x: ArrayLike<number>,
  shape: [number, number, number, number],
  pool: number,
  stride: number,
  dy: ArrayLike<number>,
): Float64Array {
  const [batch, height, width, channels] = shape;
  const oh = Math.floor((height - pool) / stride) + 1;
  const ow = Math.floor((width - pool) / stride) + 1;
  const dx = new Float64Array(x.length);
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let c = 0; c < channels; c++) {
          let best = -Infinity;
          let at = -1;
          for (let p = 0; p < pool; p++)
            for (let q = 0; q < pool; q++) {
              const index = ((b * height + i * stride + p) * width + j * stride + q) * channels + c;
              if ((x[index] as number) > best) {
                best = x[index] as number;
                at = index;
              }
            }
          dx[at]! += dy[((b * oh + i) * ow + j) * channels + c] as number;
        }
  return dx;
}
