import * as tf from '@tensorflow/tfjs';
import { catchConfigError } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';
import { receptiveField, type ReceptiveFieldLayer } from './receptive-field.js';

type ProbeLayer = ReceptiveFieldLayer & { readonly pool?: boolean };

/**
 * The empirical receptive field: a stack of linear convs with all-ones kernels (average pools),
 * and the extent of input pixels whose gradient of the centre output unit is non-zero. With
 * positive weights nothing cancels, so every pixel the unit depends on shows up.
 */
function probe(stack: readonly ProbeLayer[], size = 64): [number, number] {
  // tfjs has no gradient for dilated convolutions: for those (stride-1) stacks, use the forward
  // response to one centred pixel instead; with stride 1 its extent equals the receptive field's.
  if (stack.some((layer) => (layer.dilation ?? 1) !== 1)) return impulseResponse(stack, size);
  return tf.tidy(() => {
    const model = tf.sequential();
    stack.forEach((layer, i) => {
      const common = i === 0 ? { inputShape: [size, size, 1] } : {};
      model.add(
        layer.pool === true
          ? tf.layers.averagePooling2d({ ...common, poolSize: layer.kernelSize as number, strides: (layer.strides ?? layer.kernelSize) as number })
          : tf.layers.conv2d({ ...common, filters: 1, kernelSize: layer.kernelSize as number, strides: (layer.strides ?? 1) as number, dilationRate: (layer.dilation ?? 1) as number, kernelInitializer: 'ones', useBias: false }),
      );
    });
    const x = tf.randomUniform([1, size, size, 1], 0.5, 1, 'float32', 1);
    const [, h, w] = model.outputs[0]!.shape as number[];
    const g = tf.grad((input: tf.Tensor) => {
      const out = model.apply(input) as tf.Tensor;
      return tf.slice(out, [0, Math.floor(h! / 2), Math.floor(w! / 2), 0], [1, 1, 1, 1]).sum();
    })(x);
    const nonzero = (g.squeeze().arraySync() as number[][]).map((row) => row.map((value) => value !== 0));
    const rows = nonzero.map((row) => row.some(Boolean));
    const columns = nonzero[0]!.map((_, j) => nonzero.some((row) => row[j]));
    return [rows.lastIndexOf(true) - rows.indexOf(true) + 1, columns.lastIndexOf(true) - columns.indexOf(true) + 1];
  });
}

/** The extent of the outputs that respond to a single centred input pixel ('same' padding, stride 1). */
function impulseResponse(stack: readonly ProbeLayer[], size: number): [number, number] {
  return tf.tidy(() => {
    const model = tf.sequential();
    stack.forEach((layer, i) => {
      model.add(tf.layers.conv2d({ ...(i === 0 ? { inputShape: [size, size, 1] } : {}), filters: 1, kernelSize: layer.kernelSize as number, dilationRate: (layer.dilation ?? 1) as number, padding: 'same', kernelInitializer: 'ones', useBias: false }));
    });
    const impulse = tf.buffer([1, size, size, 1]);
    impulse.set(1, 0, size / 2, size / 2, 0);
    const response = ((model.predict(impulse.toTensor()) as tf.Tensor).squeeze().arraySync() as number[][]).map((row) => row.map((value) => value !== 0));
    const rows = response.map((row) => row.some(Boolean));
    const columns = response[0]!.map((_, j) => response.some((row) => row[j]));
    return [rows.lastIndexOf(true) - rows.indexOf(true) + 1, columns.lastIndexOf(true) - columns.indexOf(true) + 1];
  });
}

describe('receptiveField', () => {
  it.each([
    [[{ kernelSize: 3 }]],
    [[{ kernelSize: 3 }, { kernelSize: 3 }]],
    [[{ kernelSize: 3 }, { kernelSize: 2, strides: 2, pool: true }, { kernelSize: 3 }]],
    [[{ kernelSize: 5, strides: 2 }, { kernelSize: 3, strides: 2 }, { kernelSize: 3 }]],
    [[{ kernelSize: 3, dilation: 2 }, { kernelSize: 3, dilation: 4 }, { kernelSize: 3 }]],
    [[{ kernelSize: 3 }, { kernelSize: 2, strides: 2, pool: true }, { kernelSize: 3 }, { kernelSize: 2, strides: 2, pool: true }, { kernelSize: 3 }]],
  ] as const)('equals the extent of the non-zero input gradient of one output unit (%o)', (stack) => {
    // `pool` tells the probe which layers are poolings; receptiveField takes the geometry only.
    const expected = receptiveField((stack as unknown as ProbeLayer[]).map(({ pool: _pool, ...layer }) => layer)).size;
    expect(probe(stack as unknown as ProbeLayer[])).toEqual(expected);
  });

  it('multiplies the strides into the jump', () => {
    expect(receptiveField([{ kernelSize: 3, strides: 2 }, { kernelSize: 3, strides: [2, 3] }]).jump).toEqual([4, 6]);
  });

  it('rejects bad layers with a ConfigError naming the field', () => {
    expect(catchConfigError(() => receptiveField([{ kernelSize: 3 }, { kernelSize: 0 }])).path).toBe('stack[1].kernelSize');
    expect(catchConfigError(() => receptiveField('3x3' as never)).path).toBe('stack');
    expect(catchConfigError(() => receptiveField([{ kernelSize: 3, stride: 2 } as never])).message).toContain("did you mean 'strides'");
  });
});
