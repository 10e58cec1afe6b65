import type { KernelBackendLike } from '../backend-access.js';
import { rowsPerBlock, type ConvGeometry } from '../conv-geometry.js';
import type { SimdKernels } from './simd-kernels.js';

/**
 * Visits a convolution's im2col rows in blocks of at most 16 MB of patches (`rowsPerBlock`), in
 * order, with one patch buffer and one product scratch buffer allocated for all blocks and freed
 * after: the scaffolding that the SIMD convolution kernels share. `scratchBytes` gets the rows of
 * the largest block; `visit` gets a block's first row and row count, and the addresses of the
 * patch buffer (`count × patchSize` floats) and of the product's scratch memory.
 *
 * @example
 * ```ts
 * forEachPatchBlock(access, simd, g, (rows) => simd.scratchBytes(rows, g.outChannels, g.patchSize), (start, count, patches, scratch) => {
 *   simd.im2colRows(xAddress, g, start, count, patches);
 *   simd.multiply(patches, false, filterAddress, false, outputAddress + start * g.outChannels * 4, count, g.outChannels, g.patchSize, scratch);
 * });
 * ```
 */
export function forEachPatchBlock(
  access: KernelBackendLike,
  simd: SimdKernels,
  g: ConvGeometry,
  scratchBytes: (blockRows: number) => number,
  visit: (start: number, count: number, patches: number, scratch: number) => void,
): void {
  const blockRows = rowsPerBlock(g);
  const patchBuffer = access.makeOutput!([blockRows * g.patchSize], 'float32');
  const scratchBuffer = access.makeOutput!([Math.ceil(scratchBytes(blockRows) / 4)], 'float32');
  const [patches, scratch] = simd.addresses(patchBuffer, scratchBuffer);
  for (let start = 0; start < g.rows; start += blockRows) visit(start, Math.min(blockRows, g.rows - start), patches, scratch);
  access.disposeData(patchBuffer.dataId);
  access.disposeData(scratchBuffer.dataId);
}
