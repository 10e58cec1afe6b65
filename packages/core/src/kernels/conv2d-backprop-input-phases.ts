import type * as tf from '@tensorflow/tfjs';
import { makeOutput, readValues, runBackendKernel, type KernelBackendLike } from './backend-access.js';
import type { ConvGeometry } from './conv-geometry.js';

/** One output phase along one axis: which filter taps reach it, and how to run them as a stride-1 convolution. */
interface AxisPhase {
  /** Rows (or columns) of dx in this phase: r, r + s, r + 2s, … below the input size. */
  readonly count: number;
  /** First filter tap of the phase; taps are first, first + s, … (`taps` of them). */
  readonly first: number;
  readonly taps: number;
  /** Padding before and after dy for the stride-1 convolution, and the rows to skip of its output. */
  readonly padBefore: number;
  readonly padAfter: number;
  readonly skip: number;
}

/**
 * Phase r of one axis (stride s, padding `padBefore` P, kernel K, input size H, dy size O):
 * dx[r + s·i] = Σₘ dy[i + q − m] · W[k₀ + s·m] with k₀ = (r + P) mod s and q = (r + P − k₀) / s,
 * a correlation of dy with the taps in reverse order, reading from row i + q − taps + 1.
 */
function axisPhase(r: number, stride: number, pad: number, kernel: number, inSize: number, outSize: number): AxisPhase {
  const count = Math.ceil((inSize - r) / stride);
  const first = (r + pad) % stride;
  const taps = first < kernel ? Math.ceil((kernel - first) / stride) : 0;
  const q = (r + pad - first) / stride;
  const start = q - taps + 1;
  const padBefore = Math.max(-start, 0);
  const skip = Math.max(start, 0);
  const padAfter = Math.max(0, count + skip - (outSize + padBefore - taps + 1));
  return { count, first, taps, padBefore, padAfter, skip };
}

/**
 * `Conv2DBackpropInput` (a transposed convolution) at stride s > 1 as s_h·s_w stride-1 forward
 * convolutions on the backend's fast kernel, one per output phase (the sub-pixel
 * decomposition): the dx rows ≡ r (mod s) only receive the filter taps ≡ (r + pad) (mod s), so
 * each phase is dy convolved with that sub-filter (taps reversed, channel axes swapped), and
 * the phases are interleaved into dx. Same multiply-adds as the direct definition, no
 * zero-insertion, no im2col matrix; phases no tap reaches (a kernel smaller than the stride)
 * stay zero.
 */
export function backpropInputByPhases(access: KernelBackendLike, g: ConvGeometry, dy: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const w = readValues(access, filter) as Float32Array;
  const { filterWidth: kw, inChannels: cin, outChannels: cout } = g;
  // A JavaScript array, not a heap view: the phase convolutions below may grow the wasm heap.
  const dx = new Float32Array(g.batchSize * g.inHeight * g.inWidth * cin);
  for (let rh = 0; rh < Math.min(g.strideHeight, g.inHeight); rh++) {
    const ph = axisPhase(rh, g.strideHeight, g.padTop, g.filterHeight, g.inHeight, g.outHeight);
    if (ph.taps === 0) continue;
    for (let rw = 0; rw < Math.min(g.strideWidth, g.inWidth); rw++) {
      const pw = axisPhase(rw, g.strideWidth, g.padLeft, kw, g.inWidth, g.outWidth);
      if (pw.taps === 0) continue;
      // Sub-filter [tapsH, tapsW, outC, inC]: taps reversed, channel axes swapped.
      const sub = new Float32Array(ph.taps * pw.taps * cout * cin);
      for (let mh = 0; mh < ph.taps; mh++) {
        const khSource = ph.first + g.strideHeight * (ph.taps - 1 - mh);
        for (let mw = 0; mw < pw.taps; mw++) {
          const kwSource = pw.first + g.strideWidth * (pw.taps - 1 - mw);
          const from = (khSource * kw + kwSource) * cin * cout;
          const to = (mh * pw.taps + mw) * cout * cin;
          for (let ci = 0; ci < cin; ci++) for (let co = 0; co < cout; co++) sub[to + co * cin + ci] = w[from + ci * cout + co]!;
        }
      }
      const subFilter = makeOutput(access, [ph.taps, pw.taps, cout, cin], 'float32', sub);
      const pad = [
        [0, 0],
        [ph.padBefore, ph.padAfter],
        [pw.padBefore, pw.padAfter],
        [0, 0],
      ];
      const phase = runBackendKernel('Conv2D', access, { x: dy, filter: subFilter }, { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1] });
      access.disposeData(subFilter.dataId);
      const values = readValues(access, phase) as Float32Array;
      const [, phaseHeight, phaseWidth] = phase.shape as [number, number, number, number];
      for (let b = 0; b < g.batchSize; b++) {
        for (let i = 0; i < ph.count; i++) {
          const ih = rh + g.strideHeight * i;
          const rowFrom = ((b * phaseHeight + i + ph.skip) * phaseWidth + pw.skip) * cin;
          const rowTo = (b * g.inHeight + ih) * g.inWidth * cin;
          for (let j = 0; j < pw.count; j++) {
            const from = rowFrom + j * cin;
            const to = rowTo + (rw + g.strideWidth * j) * cin;
            for (let c = 0; c < cin; c++) dx[to + c] = values[from + c]!;
          }
        }
      }
      access.disposeData(phase.dataId);
    }
  }
  return makeOutput(access, [g.batchSize, g.inHeight, g.inWidth, cin], 'float32', dx);
}
