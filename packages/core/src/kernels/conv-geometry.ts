import * as tf from '@tensorflow/tfjs';
import { assertShape } from './assert-shape.js';

/** Shapes, strides and padding of a 2-D convolution in NHWC, as the gradient kernels need them. */
export interface ConvGeometry {
  readonly batchSize: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly dilationHeight: number;
  readonly dilationWidth: number;
  readonly padTop: number;
  readonly padBottom: number;
  readonly padLeft: number;
  readonly padRight: number;
  /** Rows of the im2col matrix: batch x outHeight x outWidth. */
  readonly rows: number;
  /** Columns of the im2col matrix: filterHeight x filterWidth x inChannels. */
  readonly patchSize: number;
}

/** Geometry of an NHWC convolution of `inShape` with `filterShape` (dilation 1 unless given). */
export function convGeometry(
  inShape: readonly number[],
  filterShape: readonly number[],
  strides: number | [number, number],
  pad: tf.Conv2DBackpropFilterAttrs['pad'],
  dimRoundingMode: 'floor' | 'round' | 'ceil' | undefined,
  dilations: number | [number, number] = 1,
): ConvGeometry {
  const info = tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    dilations,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  return {
    batchSize: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padBottom: info.padInfo.bottom,
    padLeft: info.padInfo.left,
    padRight: info.padInfo.right,
    rows: info.batchSize * info.outHeight * info.outWidth,
    patchSize: info.filterHeight * info.filterWidth * info.inChannels,
  };
}

/**
 * Rows per block so that one im2col block stays under 4M floats (16 MB): whole output
 * lines (a multiple of outWidth), at least one line.
 */
export function rowsPerBlock(geometry: ConvGeometry): number {
  const lines = Math.max(1, Math.floor((1 << 22) / (geometry.patchSize * geometry.outWidth)));
  return Math.min(geometry.rows, lines * geometry.outWidth);
}

/**
 * Checks the tensors a convolution gradient reads against its geometry: `dy` must be
 * `[batch, outHeight, outWidth, outChannels]`, and the filter must have as many input
 * channels as the input (`inShape`'s last axis).
 *
 * @throws {@link ShapeError} naming the input, the shape that arrived and the expected one.
 */
export function assertGradientShapes(kernelName: string, g: ConvGeometry, dy: tf.TensorInfo, filterShape: readonly number[]): void {
  assertShape(
    'filter',
    filterShape,
    [g.filterHeight, g.filterWidth, g.inChannels, g.outChannels],
    `${kernelName}: [filterHeight, filterWidth, inChannels, outChannels] with the input's ${g.inChannels} channels`,
  );
  assertShape('dy', dy.shape, [g.batchSize, g.outHeight, g.outWidth, g.outChannels], `${kernelName}: the convolution's output for this input, filter, strides and padding`);
}
