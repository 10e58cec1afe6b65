import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { catchConfigError } from '../testing/index.js';
import { layerSchemas, layerValidation, serializeInitializer } from './layer-validation.js';

const { parseLayerArgs, rejectUnknownKeys, checkCallArgs, resolveInitializer } = layerValidation('my-layers');

describe('layerValidation', () => {
  it('parses layer args strictly, with tfjs base args passing through, and names the package', () => {
    expect(parseLayerArgs({ units: layerSchemas.integerAtLeast(1) }, { units: 3, name: 'x', trainable: false })).toMatchObject({ units: 3, name: 'x' });
    const error = catchConfigError(() => parseLayerArgs({ units: layerSchemas.integerAtLeast(1) }, { unit: 3 }));
    expect(error.message).toMatch(/^\[@dl\/my-layers\]/);
    expect(error.message).toContain("'units'");
    expect(catchConfigError(() => parseLayerArgs({ rate: layerSchemas.rate }, { rate: 1 })).path).toBe('rate');
  });

  it('rejects unknown keys and call arguments with the closest name or a hint', () => {
    expect(() => rejectUnknownKeys({ axis: 1, temperature: undefined }, ['axis', 'temperature'], { kind: 'option', where: 'f' })).not.toThrow();
    expect(catchConfigError(() => rejectUnknownKeys({ temprature: 2 }, ['axis', 'temperature'], { kind: 'option', where: 'f' })).message).toContain("did you mean 'temperature'");
    expect(catchConfigError(() => rejectUnknownKeys(null as never, ['a'], { kind: 'option', where: 'f' })).path).toBe('');
    expect(() => checkCallArgs({ mask: null, training: true }, [], 'L')).not.toThrow();
    expect(catchConfigError(() => checkCallArgs({ value: 1 }, ['initialState'], 'L', { value: 'pass [query, value] as the inputs' })).message).toContain('pass [query, value] as the inputs');
  });

  it('resolves initializers by name, instance and serialized form, and round-trips them', () => {
    const byName = resolveInitializer(undefined, 'glorotUniform', 'kernelInitializer');
    // tfjs implements glorotUniform as a VarianceScaling (fanAvg, uniform).
    expect(byName.getConfig()).toMatchObject({ mode: 'fanAvg', distribution: 'uniform', scale: 1 });
    const instance = tf.initializers.constant({ value: 2 });
    expect(resolveInitializer(instance, 'zeros', 'x')).toBe(instance);
    const restored = resolveInitializer(serializeInitializer(tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 3 })) as never, 'zeros', 'x');
    expect(restored.getConfig()).toMatchObject({ minval: -1, maxval: 1, seed: 3 });
    expect(serializeInitializer(tf.initializers.zeros())).toEqual({ className: 'Zeros', config: {} });
    expect(serializeInitializer(tf.initializers.randomNormal({})).config).toMatchObject({ seed: null });
    expect(catchConfigError(() => resolveInitializer('glorot', 'zeros', 'kernelInitializer')).path).toBe('kernelInitializer');
    expect(catchConfigError(() => resolveInitializer({ className: 'Nope', config: {} }, 'zeros', 'biasInitializer')).path).toBe('biasInitializer');
  });

  it('exposes the initializer schema as an unchecked pass-through', () => {
    expect(v.parse(layerSchemas.initializer, 'zeros')).toBe('zeros');
  });
});
