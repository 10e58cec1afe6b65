import { convOutputShape, type ConvOutputShapeArgs } from './conv-output-shape.js';
import { pair } from './conv-geometry.js';

/** Result of {@link convFlops}. */
export interface ConvCost {
  /** Multiply-accumulate operations for one image. */
  readonly multiplyAdds: number;
  /** `2 · multiplyAdds` (a multiply and an add each), the usual FLOP count. */
  readonly flops: number;
  readonly outputShape: [number, number, number];
}

/**
 * The arithmetic of one conv or depthwise layer on one image (bias and activation left out):
 * every output value is a dot product over its window, so a conv costs
 * `H_out·W_out·filters·kh·kw·c_in` multiply-adds and a depthwise conv
 * `H_out·W_out·c_in·m·kh·kw`. The ratio of the two explains MobileNet's depthwise-separable
 * blocks.
 *
 * @param args - as {@link convOutputShape}, kind `'conv'` (default) or `'depthwise'`.
 * @returns multiply-adds, FLOPs and the output shape.
 * @throws ConfigError naming the argument.
 * @example
 * ```ts
 * import { convFlops } from '@dl/conv';
 * convFlops({ inputShape: [28, 28, 1], kernelSize: 3, filters: 32 }).multiplyAdds; // 26·26·32·9 = 194,688
 * ```
 */
export function convFlops(args: ConvOutputShapeArgs & { readonly kind?: 'conv' | 'depthwise' }): ConvCost {
  const outputShape = convOutputShape(args);
  const [kh, kw] = pair(args.kernelSize);
  const inputChannels = args.inputShape[2];
  const perOutput = args.kind === 'depthwise' ? kh * kw : kh * kw * inputChannels;
  const multiplyAdds = outputShape[0] * outputShape[1] * outputShape[2] * perOutput;
  return { multiplyAdds, flops: 2 * multiplyAdds, outputShape };
}
