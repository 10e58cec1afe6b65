import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendError } from '../errors/backend-error.js';
import { ConfigError } from '../errors/config-error.js';
import { missingTrainingKernels } from './training-kernels.js';
import { autoBackendOrder, useBackend } from './use-backend.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('useBackend', () => {
  it('activates cpu on request and reports that it can train', async () => {
    const report = await useBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(report).toMatchObject({ backend: 'cpu', requested: 'cpu', canTrain: true, missingTrainingKernels: [], environment: 'node' });
  });

  it('loads wasm from the installed package, locating its .wasm files, and reports SIMD', async () => {
    const report = await useBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(report.wasm?.simd).toBe(true);
    expect(report.missingTrainingKernels).toEqual(missingTrainingKernels('wasm'));
    expect(report.canTrain).toBe(report.missingTrainingKernels.length === 0);
    const sum = tf.tidy(() => tf.tensor1d([1, 2, 3]).sum().dataSync()[0]);
    expect(sum).toBe(6);
  });

  it('picks the first backend of the Node order with auto', async () => {
    expect(autoBackendOrder('node')).toEqual(['wasm', 'cpu']);
    expect(autoBackendOrder('browser')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    const report = await useBackend();
    expect(report.backend).toBe('wasm');
    expect(report.attempts[0]).toEqual({ backend: 'wasm', ok: true, reason: '' });
    expect(report.reason).toMatch(/node order \(wasm > cpu\)/);
  });

  it('throws a BackendError for a named backend it cannot load, saying why', async () => {
    const error = await useBackend('webgl').catch((e: unknown) => e);
    expect(BackendError.isInstance(error)).toBe(true);
    expect((error as BackendError).message).toMatch(/WebGL needs a browser/);
    const gpuError = await useBackend('webgpu').catch((e: unknown) => e);
    expect((gpuError as Error).message).toMatch(/navigator\.gpu is missing/);
  });

  it('rejects unknown preferences and options with a ConfigError', async () => {
    await expect(useBackend('tpu' as never)).rejects.toThrow(ConfigError);
    await expect(useBackend('cpu', { wasmPath: '/x' } as never)).rejects.toThrow(/no option named 'wasmPath'/);
  });
});
