import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend/use-backend.js';
import { ShapeError } from '../errors/shape-error.js';
import { expectNoTensorLeaks } from '../testing/expect-no-tensor-leaks.js';
import { expectTensorsClose } from '../testing/expect-tensors-close.js';
import {
  axisGeometry,
  conv2dFilterGradReference,
  conv2dReference,
  conv2dInputGradReference,
  depthwiseGradReference,
  maxPoolGradReference,
  segmentSumReference,
  tfjsPad,
  type ConvCase,
  type Padding,
} from './reference.test-util.js';
import { seededValues } from './seeded-tensor.test-util.js';

/**
 * Property-based tests: every kernel dl adds or replaces, against a float64 reference
 * written from the definition, over random shapes, strides, paddings (`same` with odd,
 * asymmetric totals, `valid`, explicit), batch sizes and dtypes, on wasm and cpu.
 * Seeds are fixed, so a failure reproduces; fast-check prints the shrunk case. On cpu,
 * dl replaces BatchMatMul, UnsortedSegmentSum and the Conv2D gradients; the depthwise and
 * pooling gradients checked there are tfjs's own.
 */
const backends = ['wasm', 'cpu'] as const;
const runs = { numRuns: 60, seed: 42 };

beforeAll(async () => {
  for (const backend of backends) await useBackend(backend);
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

const padding: fc.Arbitrary<Padding> = fc.oneof(
  fc.constant('same' as const),
  fc.constant('valid' as const),
  fc.tuple(fc.tuple(fc.nat(2), fc.nat(2)), fc.tuple(fc.nat(2), fc.nat(2))),
);

/** A convolution whose output is at least 1x1. */
const convolution: fc.Arbitrary<ConvCase> = fc
  .record({
    batch: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 1, max: 9 }),
    width: fc.integer({ min: 1, max: 9 }),
    inChannels: fc.integer({ min: 1, max: 3 }),
    outChannels: fc.integer({ min: 1, max: 3 }),
    kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    pad: padding,
  })
  .filter((c) => axisGeometry(c.height, c.kernel[0], c.stride[0], c.pad, 0).out >= 1 && axisGeometry(c.width, c.kernel[1], c.stride[1], c.pad, 1).out >= 1);

const outShape = (c: ConvCase, channels: number) =>
  [c.batch, axisGeometry(c.height, c.kernel[0], c.stride[0], c.pad, 0, c.dilation?.[0]).out, axisGeometry(c.width, c.kernel[1], c.stride[1], c.pad, 1, c.dilation?.[1]).out, channels] as [
    number,
    number,
    number,
    number,
  ];
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Conv2DBackpropInput on the active backend equals the float64 reference for case `c` (values seeded by `seed`). */
function backpropInputMatchesReference(c: ConvCase, seed: number): void {
  const xShape = [c.batch, c.height, c.width, c.inChannels];
  const filterShape = [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels];
  const dyShape = outShape(c, c.outChannels);
  const [wValues, dyValues] = [seededValues(size(filterShape), seed + 1), seededValues(size(dyShape), seed + 2)];
  const [w, dy] = [tf.tensor(wValues, filterShape), tf.tensor(dyValues, dyShape)];
  const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { strides: [...c.stride], pad: tfjsPad(c.pad), dataFormat: 'NHWC', inputShape: xShape }) as tf.Tensor;
  try {
    expectTensorsClose(dx, tf.tensor(Array.from(conv2dInputGradReference(c, wValues, dyValues)), xShape), { rtol: 1e-4, atol: 1e-5 });
  } finally {
    tf.dispose([w, dy, dx]);
  }
}

describe.each(backends)('dl kernels on %s, property-based', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('Conv2DBackpropFilter and Conv2DBackpropInput match the float64 reference', () => {
    fc.assert(
      fc.property(convolution, fc.nat(1000), (c, seed) => {
        const xShape = [c.batch, c.height, c.width, c.inChannels];
        const filterShape = [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels];
        const dyShape = outShape(c, c.outChannels);
        const [xValues, wValues, dyValues] = [seededValues(size(xShape), seed), seededValues(size(filterShape), seed + 1), seededValues(size(dyShape), seed + 2)];
        const [x, w, dy] = [tf.tensor(xValues, xShape), tf.tensor(wValues, filterShape), tf.tensor(dyValues, dyShape)];
        const attrs = { strides: [...c.stride], pad: tfjsPad(c.pad), dataFormat: 'NHWC' };
        const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape }) as tf.Tensor;
        const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: xShape }) as tf.Tensor;
        try {
          expectTensorsClose(dW, tf.tensor(Array.from(conv2dFilterGradReference(c, xValues, dyValues)), filterShape), { rtol: 1e-4, atol: 1e-5 });
          expectTensorsClose(dx, tf.tensor(Array.from(conv2dInputGradReference(c, wValues, dyValues)), xShape), { rtol: 1e-4, atol: 1e-5 });
        } finally {
          tf.dispose([x, w, dy, dW, dx]);
        }
      }),
      runs,
    );
  });

  it('Conv2DBackpropInput over 4-10 input channels (col2im four channels at a time on wasm) matches the float64 reference', () => {
    const wide = convolution.chain((c) => fc.integer({ min: 4, max: 10 }).map((inChannels) => ({ ...c, inChannels })));
    fc.assert(fc.property(wide, fc.nat(1000), backpropInputMatchesReference), { numRuns: 30, seed: 7 });
  });

  it('Conv2DBackpropInput in several blocks of patches (more than 4M patch values) matches the float64 reference', () => {
    // 13×64×64 output positions × 80 patch values: two blocks; the sums must not depend on them.
    const c: ConvCase = { batch: 13, height: 128, width: 128, inChannels: 5, outChannels: 2, kernel: [4, 4], stride: [2, 2], pad: 'same' };
    const xShape = [c.batch, c.height, c.width, c.inChannels];
    const filterShape = [4, 4, c.inChannels, c.outChannels];
    const dyShape = outShape(c, c.outChannels);
    const [wValues, dyValues] = [seededValues(size(filterShape), 3), seededValues(size(dyShape), 4)];
    const [w, dy] = [tf.tensor(wValues, filterShape), tf.tensor(dyValues, dyShape)];
    const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { strides: [2, 2], pad: 'same', dataFormat: 'NHWC', inputShape: xShape }) as tf.Tensor;
    try {
      expectTensorsClose(dx, tf.tensor(Array.from(conv2dInputGradReference(c, wValues, dyValues)), xShape), { rtol: 1e-4, atol: 1e-5 });
    } finally {
      tf.dispose([w, dy, dx]);
    }
  });

  it('Conv2DBackpropFilter over 4-13 input channels (patches read through their addresses on wasm) matches the float64 reference', () => {
    // Whole groups of four channels and a remainder (one vector per pixel, or single values),
    // more than 128 patch rows (several row blocks of the product), 1-11 output channels.
    const wide = convolution.chain((c) =>
      fc.tuple(fc.integer({ min: 4, max: 13 }), fc.integer({ min: 1, max: 11 })).map(([inChannels, outChannels]) => ({ ...c, inChannels, outChannels })),
    );
    fc.assert(
      fc.property(wide, fc.nat(1000), (c, seed) => {
        const xShape = [c.batch, c.height, c.width, c.inChannels];
        const filterShape = [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels];
        const dyShape = outShape(c, c.outChannels);
        const [xValues, dyValues] = [seededValues(size(xShape), seed), seededValues(size(dyShape), seed + 2)];
        const [x, dy] = [tf.tensor(xValues, xShape), tf.tensor(dyValues, dyShape)];
        const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: [...c.stride], pad: tfjsPad(c.pad), dataFormat: 'NHWC', filterShape }) as tf.Tensor;
        try {
          expectTensorsClose(dW, tf.tensor(Array.from(conv2dFilterGradReference(c, xValues, dyValues)), filterShape), { rtol: 1e-4, atol: 1e-5 });
        } finally {
          tf.dispose([x, dy, dW]);
        }
      }),
      { numRuns: 40, seed: 8 },
    );
  });

  it('Conv2DBackpropFilter in several blocks of patches (more than 4M patch values) matches the float64 reference', () => {
    // 9×64×64 output positions × 128 patch values: two blocks, the second added to the first.
    const c: ConvCase = { batch: 9, height: 128, width: 128, inChannels: 8, outChannels: 2, kernel: [4, 4], stride: [2, 2], pad: 'same' };
    const xShape = [c.batch, c.height, c.width, c.inChannels];
    const filterShape = [4, 4, c.inChannels, c.outChannels];
    const dyShape = outShape(c, c.outChannels);
    const [xValues, dyValues] = [seededValues(size(xShape), 5), seededValues(size(dyShape), 6)];
    const [x, dy] = [tf.tensor(xValues, xShape), tf.tensor(dyValues, dyShape)];
    const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: [2, 2], pad: 'same', dataFormat: 'NHWC', filterShape }) as tf.Tensor;
    try {
      // Each value sums 36864 float32 products (partial sums up to about 60): rounding alone
      // reaches about 1e-3, where a block added twice or lost would be off by the block's sum.
      expectTensorsClose(dW, tf.tensor(Array.from(conv2dFilterGradReference(c, xValues, dyValues)), filterShape), { rtol: 1e-4, atol: 2e-3 });
    } finally {
      tf.dispose([x, dy, dW]);
    }
  });

  it('Conv2D and FusedConv2D (bias; linear, relu, relu6, leaky relu) match the float64 reference', () => {
    const activations = ['linear', 'relu', 'relu6', 'leakyrelu'] as const;
    // 1-9 channels each way: the epilogue's four-channel vectors and its scalar tail.
    const wide = convolution.chain((c) =>
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([inChannels, outChannels]) => ({ ...c, inChannels, outChannels })),
    );
    fc.assert(
      fc.property(wide, fc.constantFrom(...activations), fc.boolean(), fc.nat(1000), (c, activation, withBias, seed) => {
        const xShape = [c.batch, c.height, c.width, c.inChannels];
        const filterShape = [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels];
        const yShape = outShape(c, c.outChannels);
        // Scaled by 3, so that outputs pass 6 (relu6) as well as 0.
        const scaled = (values: Float32Array) => values.map((v) => 3 * v);
        const [xValues, wValues, biasValues] = [scaled(seededValues(size(xShape), seed)), scaled(seededValues(size(filterShape), seed + 1)), seededValues(c.outChannels, seed + 2)];
        const [x, w, bias] = [tf.tensor4d(xValues, xShape as [number, number, number, number]), tf.tensor4d(wValues, filterShape as [number, number, number, number]), tf.tensor1d(biasValues)];
        const pad = tfjsPad(c.pad);
        const plain = tf.conv2d(x, w, [...c.stride] as [number, number], pad);
        const fused = tf.fused.conv2d({ x, filter: w, strides: [...c.stride] as [number, number], pad, ...(withBias ? { bias } : {}), activation, leakyreluAlpha: 0.3 });
        const reference = conv2dReference(c, xValues, wValues);
        const activate = (v: number): number =>
          activation === 'relu' ? Math.max(v, 0) : activation === 'relu6' ? Math.min(Math.max(v, 0), 6) : activation === 'leakyrelu' ? (v > 0 ? v : 0.3 * v) : v;
        const fusedReference = Array.from(reference, (v, i) => activate(v + (withBias ? biasValues[i % c.outChannels]! : 0)));
        try {
          expectTensorsClose(plain, tf.tensor(Array.from(reference), yShape), { rtol: 1e-4, atol: 1e-5 });
          expectTensorsClose(fused, tf.tensor(fusedReference, yShape), { rtol: 1e-4, atol: 1e-5 });
        } finally {
          tf.dispose([x, w, bias, plain, fused]);
        }
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it('Conv2D and FusedConv2D over 16-20 input channels (the implicit convolution on wasm), strided or dilated, match the float64 reference', () => {
    // Up to 3×9×9 output rows: several blocks of 128 rows and a last tile of 1-3 rows; 1-19
    // output channels: a partial panel of 8 columns, alone or after whole ones.
    const wide = convolution.chain((c) =>
      fc
        .record({ inChannels: fc.integer({ min: 16, max: 20 }), outChannels: fc.integer({ min: 1, max: 19 }), dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), dilate: fc.boolean() })
        .map(({ dilate, dilation, ...channels }) => ({ ...c, ...channels, ...(dilate ? { stride: [1, 1] as const, dilation } : {}) }))
        .filter((d) => outShape(d, 1)[1] >= 1 && outShape(d, 1)[2] >= 1),
    );
    fc.assert(
      fc.property(wide, fc.constantFrom('linear', 'relu', 'leakyrelu'), fc.nat(1000), (c, activation, seed) => {
        const xShape = [c.batch, c.height, c.width, c.inChannels] as [number, number, number, number];
        const filterShape = [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels] as [number, number, number, number];
        const [xValues, wValues, biasValues] = [seededValues(size(xShape), seed), seededValues(size(filterShape), seed + 1), seededValues(c.outChannels, seed + 2)];
        const [x, w, bias] = [tf.tensor4d(xValues, xShape), tf.tensor4d(wValues, filterShape), tf.tensor1d(biasValues)];
        const [pad, strides, dilations] = [tfjsPad(c.pad), [...c.stride] as [number, number], [...(c.dilation ?? [1, 1])] as [number, number]];
        const plain = tf.conv2d(x, w, strides, pad, 'NHWC', dilations);
        const fused = tf.fused.conv2d({ x, filter: w, strides, pad, dilations, bias, activation, leakyreluAlpha: 0.3 });
        const reference = conv2dReference(c, xValues, wValues);
        const activate = (v: number): number => (activation === 'relu' ? Math.max(v, 0) : activation === 'leakyrelu' && v < 0 ? 0.3 * v : v);
        const fusedReference = Array.from(reference, (v, i) => activate(v + biasValues[i % c.outChannels]!));
        try {
          expectTensorsClose(plain, tf.tensor(Array.from(reference), outShape(c, c.outChannels)), { rtol: 1e-4, atol: 1e-5 });
          expectTensorsClose(fused, tf.tensor(fusedReference, outShape(c, c.outChannels)), { rtol: 1e-4, atol: 1e-5 });
        } finally {
          tf.dispose([x, w, bias, plain, fused]);
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('Conv2DBackpropInput of stride 1 with 16-20 output and 8-12 input channels (the implicit convolution on wasm) matches the float64 reference', () => {
    const wide = convolution.chain((c) =>
      fc.tuple(fc.integer({ min: 8, max: 12 }), fc.integer({ min: 16, max: 20 })).map(([inChannels, outChannels]) => ({ ...c, inChannels, outChannels, stride: [1, 1] as const })),
    );
    fc.assert(fc.property(wide, fc.nat(1000), backpropInputMatchesReference), { numRuns: 30, seed: 13 });
  });

  it('Conv2D in several blocks of patches (more than 4M patch values) matches the float64 reference', () => {
    // 13×64×64 output positions × 80 patch values: two blocks of im2col rows on wasm.
    const c: ConvCase = { batch: 13, height: 128, width: 128, inChannels: 5, outChannels: 3, kernel: [4, 4], stride: [2, 2], pad: 'same' };
    const xShape = [c.batch, c.height, c.width, c.inChannels] as [number, number, number, number];
    const filterShape = [4, 4, c.inChannels, c.outChannels] as [number, number, number, number];
    const [xValues, wValues] = [seededValues(size(xShape), 7), seededValues(size(filterShape), 8)];
    const [x, w] = [tf.tensor4d(xValues, xShape), tf.tensor4d(wValues, filterShape)];
    const y = tf.conv2d(x, w, 2, 'same');
    try {
      expectTensorsClose(y, tf.tensor(Array.from(conv2dReference(c, xValues, wValues)), outShape(c, c.outChannels)), { rtol: 1e-4, atol: 1e-5 });
    } finally {
      tf.dispose([x, w, y]);
    }
  });

  it('Depthwise convolution gradients match the float64 reference', () => {
    fc.assert(
      fc.property(convolution, fc.integer({ min: 1, max: 3 }), fc.nat(1000), (c, multiplier, seed) => {
        const xShape = [c.batch, c.height, c.width, c.inChannels];
        const filterShape = [c.kernel[0], c.kernel[1], c.inChannels, multiplier];
        const dyShape = outShape(c, c.inChannels * multiplier);
        const [xValues, wValues, dyValues] = [seededValues(size(xShape), seed), seededValues(size(filterShape), seed + 1), seededValues(size(dyShape), seed + 2)];
        const [x, w, dy] = [tf.tensor(xValues, xShape), tf.tensor(wValues, filterShape), tf.tensor(dyValues, dyShape)];
        const attrs = { strides: [...c.stride], dilations: [1, 1], pad: tfjsPad(c.pad) };
        const dW = tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape }) as tf.Tensor;
        const dx = tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter: w }, { ...attrs, inputShape: xShape }) as tf.Tensor;
        const reference = depthwiseGradReference(c, multiplier, xValues, wValues, dyValues);
        try {
          expectTensorsClose(dW, tf.tensor(Array.from(reference.dw), filterShape), { rtol: 1e-4, atol: 1e-5 });
          expectTensorsClose(dx, tf.tensor(Array.from(reference.dx), xShape), { rtol: 1e-4, atol: 1e-5 });
        } finally {
          tf.dispose([x, w, dy, dW, dx]);
        }
      }),
      runs,
    );
  });

  it('MaxPoolGrad matches the float64 reference, ties and padding included', () => {
    fc.assert(
      fc.property(convolution, fc.boolean(), fc.nat(1000), (c, ties, seed) => {
        const pad = (Array.isArray(c.pad) ? 'same' : c.pad) as 'same' | 'valid'; // pooling takes same/valid
        const pool = { ...c, pad };
        const shape = [c.batch, c.height, c.width, c.inChannels] as const;
        if (axisGeometry(c.height, c.kernel[0], c.stride[0], pad, 0).out < 1 || axisGeometry(c.width, c.kernel[1], c.stride[1], pad, 1).out < 1) return;
        // With ties, values take few levels, so windows hold equal maxima: the first in row-major order wins.
        const xValues = seededValues(size(shape), seed).map((v) => (ties ? Math.round(v * 2) : v));
        const x = tf.tensor4d(xValues, [...shape]);
        const dyShape = outShape(pool, c.inChannels);
        const dyValues = seededValues(size(dyShape), seed + 1);
        const dy = tf.tensor4d(dyValues, dyShape);
        const y = tf.maxPool(x, [...c.kernel], [...c.stride], pad); // the forward output, as tfjs's gradient passes it
        const dx = tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: [...c.kernel], strides: [...c.stride], pad }) as tf.Tensor;
        try {
          expectTensorsClose(dx, tf.tensor(Array.from(maxPoolGradReference(xValues, shape, c.kernel, c.stride, pad, dyValues)), [...shape]), { rtol: 1e-6, atol: 1e-6 });
        } finally {
          tf.dispose([x, y, dy, dx]);
        }
      }),
      runs,
    );
  });

  it('MaxPoolGrad over windows that tile the input (the SIMD kernel on wasm) matches the float64 reference, ties included', () => {
    fc.assert(
      fc.property(
        fc.record({
          batch: fc.integer({ min: 1, max: 3 }),
          window: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
          // Whole windows, plus up to window − 1 rows and columns that a 'valid' pool leaves out.
          tiles: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
          leftover: fc.tuple(fc.nat(2), fc.nat(2)),
          // 1-11 channels: whole groups of four and a remainder.
          channels: fc.integer({ min: 1, max: 11 }),
          ties: fc.boolean(),
          seed: fc.nat(1000),
        }),
        ({ batch, window, tiles, leftover, channels, ties, seed }) => {
          const height = tiles[0] * window[0] + Math.min(leftover[0], window[0] - 1);
          const width = tiles[1] * window[1] + Math.min(leftover[1], window[1] - 1);
          const shape = [batch, height, width, channels] as const;
          const xValues = seededValues(size(shape), seed).map((v) => (ties ? Math.round(v * 2) : v));
          const x = tf.tensor4d(xValues, [...shape]);
          const y = tf.maxPool(x, window, window, 'valid');
          const dyValues = seededValues(y.size, seed + 1);
          const dy = tf.tensor4d(dyValues, y.shape);
          const dx = tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: [...window], strides: [...window], pad: 'valid' }) as tf.Tensor;
          try {
            expectTensorsClose(dx, tf.tensor(Array.from(maxPoolGradReference(xValues, shape, window, window, 'valid', dyValues)), [...shape]), { rtol: 0, atol: 0 });
          } finally {
            tf.dispose([x, y, dy, dx]);
          }
        },
      ),
      runs,
    );
  });

  it('UnsortedSegmentSum matches the float64 reference for float32 and int32, ids out of range skipped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('float32' as const, 'int32' as const),
        fc.nat(1000),
        (rows, rowShape, segments, dtype, seed) => {
          const values = seededValues(rows * size(rowShape), seed).map((v) => (dtype === 'int32' ? Math.round(v * 10) : v));
          const ids = seededValues(rows, seed + 1).map((v) => Math.floor((v + 1) * (segments + 1)) - 1); // -1 .. segments
          const x = tf.tensor(values, [rows, ...rowShape], dtype);
          const result = tf.unsortedSegmentSum(x, tf.tensor1d(Int32Array.from(ids), 'int32'), segments);
          try {
            expect(result.dtype).toBe(dtype);
            expectTensorsClose(result, tf.tensor(Array.from(segmentSumReference(values, ids, segments, size(rowShape))), [segments, ...rowShape], dtype), { rtol: 1e-6, atol: 1e-5 });
          } finally {
            tf.dispose([x, result]);
          }
        },
      ),
      runs,
    );
  });

  it('Sum and Mean over any axes match the float64 reference (Sum: float32 and int32)', () => {
    fc.assert(
      fc.property(
        // Up to 12 wide, so that reductions over leading axes keep 8-column blocks and a remainder.
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom('float32' as const, 'int32' as const),
        fc.constantFrom('sum' as const, 'mean' as const),
        fc.nat(1000),
        (shape, picked, keepDims, sumDtype, reduction, seed) => {
          const dtype = reduction === 'mean' ? 'float32' : sumDtype;
          const axes = shape.map((_, i) => i).filter((i) => picked[i]);
          const values = seededValues(size(shape), seed).map((v) => (dtype === 'int32' ? Math.round(v * 100) : v));
          const strides = shape.map((_, i) => size(shape.slice(i + 1)));
          const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
          const reduced = axes.length === 0 ? shape.map((_, i) => i) : axes;
          const count = size(reduced.map((i) => shape[i]!));
          const expected = new Float64Array(axes.length === 0 ? 1 : size(kept.map((i) => shape[i]!)));
          values.forEach((v, flat) => {
            const position = shape.map((d, i) => Math.floor(flat / strides[i]!) % d);
            const cell = axes.length === 0 ? 0 : kept.reduce((index, i) => index * shape[i]! + position[i]!, 0);
            expected[cell]! += reduction === 'mean' ? v / count : v;
          });
          const x = tf.tensor(values, shape, dtype);
          const axisArg = axes.length === 0 ? undefined : axes;
          const result = reduction === 'mean' ? tf.mean(x, axisArg, keepDims) : tf.sum(x, axisArg, keepDims);
          const expectedShape = axes.length === 0 ? (keepDims ? shape.map(() => 1) : []) : keepDims ? shape.map((d, i) => (axes.includes(i) ? 1 : d)) : kept.map((i) => shape[i]!);
          try {
            expect(result.shape).toEqual(expectedShape);
            expectTensorsClose(result, tf.tensor(Array.from(expected), expectedShape, dtype), { rtol: 1e-5, atol: 1e-4 });
          } finally {
            tf.dispose([x, result]);
          }
        },
      ),
      runs,
    );
  });

  it('GatherV2 matches the definition for any axis and batchDims, float32, int32 and bool', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.nat(3),
        fc.nat(2),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }),
        fc.constantFrom('float32' as const, 'int32' as const, 'bool' as const),
        fc.nat(1000),
        (shape, rawAxis, rawBatchDims, rawIndexShape, dtype, seed) => {
          const batchDims = Math.min(rawBatchDims, shape.length - 1, rawIndexShape.length);
          const axis = batchDims + (rawAxis % (shape.length - batchDims));
          // The leading batchDims axes of the indices are those of x; then any shape.
          const indexShape = [...shape.slice(0, batchDims), ...rawIndexShape.slice(batchDims)];
          const values = seededValues(size(shape), seed).map((v) => (dtype === 'int32' ? Math.round(v * 1e6) : dtype === 'bool' ? (v > 0 ? 1 : 0) : v));
          const ids = seededValues(size(indexShape), seed + 1).map((v) => Math.min(shape[axis]! - 1, Math.floor(((v + 1) / 2) * shape[axis]!)));
          // Definition: out[b.., o.., i.., s..] = x[b.., o.., ids[b.., i..], s..] with b the batch axes.
          const outShape = [...shape.slice(0, axis), ...indexShape.slice(batchDims), ...shape.slice(axis + 1)];
          const xStrides = shape.map((_, i) => size(shape.slice(i + 1)));
          const idStrides = indexShape.map((_, i) => size(indexShape.slice(i + 1)));
          const expected = Array.from({ length: size(outShape) }, (_, flat) => {
            const position = outShape.map((d, i) => Math.floor(flat / size(outShape.slice(i + 1))) % d);
            const indexPosition = [...position.slice(0, batchDims), ...position.slice(axis, axis + indexShape.length - batchDims)];
            const id = ids[indexPosition.reduce((sum, p, i) => sum + p * idStrides[i]!, 0)]!;
            const source = [...position.slice(0, axis), id, ...position.slice(axis + indexShape.length - batchDims)];
            return values[source.reduce((sum, p, i) => sum + p * xStrides[i]!, 0)]!;
          });
          const x = tf.tensor(values, shape, dtype);
          const indices = tf.tensor(ids, indexShape, 'int32');
          const result = tf.gather(x, indices, axis, batchDims);
          try {
            expect(result.shape).toEqual(outShape);
            expect(result.dtype).toBe(dtype);
            expectTensorsClose(result, tf.tensor(expected, outShape, dtype), { rtol: 0, atol: 0 });
          } finally {
            tf.dispose([x, indices, result]);
          }
        },
      ),
      runs,
    );
  });

  it('GatherV2 refuses an index out of range', () => {
    const x = tf.ones([3, 2]);
    for (const id of [3, -1]) {
      const indices = tf.tensor1d([0, id], 'int32');
      expect(() => tf.gather(x, indices)).toThrow(new RegExp(`index value ${id} is not in \\[0, 2\\]`));
      indices.dispose();
    }
    x.dispose();
  });

  it('Unpack splits any axis of float32 and int32 tensors exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.nat(3),
        fc.constantFrom('float32' as const, 'int32' as const),
        fc.nat(1000),
        (shape, rawAxis, dtype, seed) => {
          const axis = rawAxis % shape.length;
          const values = seededValues(size(shape), seed).map((v) => (dtype === 'int32' ? Math.round(v * 1e6) : v));
          const x = tf.tensor(values, shape, dtype);
          const parts = tf.unstack(x, axis);
          const strides = shape.map((_, i) => size(shape.slice(i + 1)));
          try {
            expect(parts).toHaveLength(shape[axis]!);
            parts.forEach((part, k) => {
              const expected = values.filter((_, flat) => Math.floor(flat / strides[axis]!) % shape[axis]! === k);
              expect(part.dtype).toBe(dtype);
              expectTensorsClose(part, tf.tensor(Array.from(expected), shape.filter((_, i) => i !== axis), dtype), { rtol: 0, atol: 0 });
            });
          } finally {
            tf.dispose([x, ...parts]);
          }
        },
      ),
      runs,
    );
  });

  it('Slice copies exactly the slice of float32, int32 and bool tensors of any rank (sizes -1 to the end)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }).chain((shape) =>
          fc.tuple(
            fc.constant(shape),
            fc.tuple(...shape.map((d) => fc.integer({ min: 0, max: d }).chain((b) => fc.tuple(fc.constant(b), fc.integer({ min: -1, max: d - b }))))),
          ),
        ),
        fc.constantFrom('float32' as const, 'int32' as const, 'bool' as const),
        fc.nat(1000),
        ([shape, ranges], dtype, seed) => {
          const begin = ranges.map(([b]) => b);
          const requested = ranges.map(([, s]) => s);
          const sizes = requested.map((s, d) => (s === -1 ? shape[d]! - begin[d]! : s));
          const values = seededValues(size(shape), seed).map((v) => (dtype === 'float32' ? v : dtype === 'int32' ? Math.round(v * 1e6) : v > 0 ? 1 : 0));
          const x = tf.tensor(values, shape, dtype);
          const result = tf.slice(x, begin, requested);
          // From the definition: element (i0, i1, ...) of the slice is x[begin + i].
          const strides = shape.map((_, d) => size(shape.slice(d + 1)));
          const expected = Array.from({ length: size(sizes) }, (_, flat) => {
            let source = 0;
            let rest = flat;
            for (let d = sizes.length - 1; d >= 0; d--) {
              source += (begin[d]! + (rest % sizes[d]!)) * strides[d]!;
              rest = Math.floor(rest / sizes[d]!);
            }
            return values[source]!;
          });
          try {
            expect(result.shape).toEqual(sizes);
            expect(result.dtype).toBe(dtype);
            expect(Array.from(result.dataSync())).toEqual(expected);
          } finally {
            tf.dispose([x, result]);
          }
        },
      ),
      runs,
    );
  });

  it('the gradient kernels refuse a dy that does not match the geometry (conv2dTranspose with a wrong outputShape)', async () => {
    const x = tf.ones([1, 2, 2, 1]) as tf.Tensor4D;
    const w = tf.ones([2, 2, 1, 1]) as tf.Tensor4D;
    for (const [outputShape, stride] of [
      [[1, 5, 5, 1], 2],
      [[1, 4, 4, 1], 1],
    ] as const) {
      const error = (() => {
        try {
          return tf.conv2dTranspose(x, w, [...outputShape], stride, 'same');
        } catch (e) {
          return e;
        }
      })();
      expect(ShapeError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/'dy' has shape \[1,2,2,1\]; expected \[1,\d,\d,1\] \(Conv2DBackpropInput/);
    }
    const dyWrong = tf.ones([1, 3, 3, 1]);
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: dyWrong }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [2, 2, 1, 1] })).toThrow(
      /'dy' has shape \[1,3,3,1\]; expected \[1,1,1,1\]/,
    );
    expect(() => tf.engine().runKernel('Conv2DBackpropInput', { dy: tf.ones([1, 1, 1, 1]), filter: tf.ones([2, 2, 3, 1]) }, { inputShape: [1, 2, 2, 1], strides: 1, pad: 'valid', dataFormat: 'NHWC' })).toThrow(
      /'filter' has shape \[2,2,3,1\]/,
    );
    if (backend === 'wasm') {
      // dl's depthwise and pooling gradients serve wasm only (cpu has its own).
      expect(() =>
        tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy: dyWrong, filter: w }, { inputShape: [1, 2, 2, 1], strides: 1, dilations: 1, pad: 'valid' }),
      ).toThrow(/'dy' has shape \[1,3,3,1\]/);
      expect(() => tf.engine().runKernel('MaxPoolGrad', { dy: dyWrong, input: x, output: x }, { filterSize: 2, strides: 2, pad: 'valid' })).toThrow(/'dy' has shape \[1,3,3,1\]/);
    }
    await expectNoTensorLeaks(() => expect(() => tf.conv2dTranspose(x, w, [1, 5, 5, 1], 2, 'same')).toThrow(ShapeError));
    tf.dispose([x, w, dyWrong]);
  });
});
