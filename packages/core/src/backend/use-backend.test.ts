import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendError } from '../errors/backend-error.js';
import { ConfigError } from '../errors/config-error.js';
import { conv2dBackpropFilterKernel } from '../kernels/conv2d-backprop-filter.js';
import { depthwiseConv2dBackpropFilterKernel, depthwiseConv2dBackpropInputKernel } from '../kernels/depthwise-conv2d-backprop.js';
import { unsortedSegmentSumKernel } from '../kernels/unsorted-segment-sum.js';
import { missingTrainingKernels } from './training-kernels.js';
import { autoBackendOrder, useBackend } from './use-backend.js';

/** dl's kernels for the training kernels that tfjs-backend-wasm 4.22 does not implement at all. */
const kernelsWasmLacks = [unsortedSegmentSumKernel, conv2dBackpropFilterKernel, depthwiseConv2dBackpropFilterKernel, depthwiseConv2dBackpropInputKernel];

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('useBackend', () => {
  it('activates cpu on request and reports that it can train', async () => {
    const report = await useBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(report).toMatchObject({ backend: 'cpu', requested: 'cpu', canTrain: true, missingTrainingKernels: [], environment: 'node' });
  });

  it('loads wasm from the installed package, reports SIMD, and fills the training kernels wasm lacks', async () => {
    // The first wasm activation in this file (each test file runs in its own fork).
    const report = await useBackend('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(report.wasm?.simd).toBe(true);
    const sum = tf.tidy(() => tf.tensor1d([1, 2, 3]).sum().dataSync()[0]);
    expect(sum).toBe(6);
    expect(report).toMatchObject({ backend: 'wasm', canTrain: true, missingTrainingKernels: [] });
    expect(report.installedTrainingKernels).toEqual(expect.arrayContaining(kernelsWasmLacks.map((k) => k.kernelName)));
    for (const name of ['UnsortedSegmentSum', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'MaxPoolGrad', 'AvgPoolGrad']) {
      expect(tf.getKernel(name, 'wasm'), name).toBeDefined();
    }
    for (const kernel of kernelsWasmLacks) expect(tf.getKernel(kernel.kernelName, 'wasm')?.kernelFunc, kernel.kernelName).toBe(kernel.kernelFunc);
  });

  it('reports a training kernel the backend lacks, and re-installs only the ones dl provides', async () => {
    await useBackend('wasm');
    // AvgPoolGrad is wasm's own (dl has none for wasm); UnsortedSegmentSum is dl's.
    const removed = ['UnsortedSegmentSum', 'AvgPoolGrad'].map((name) => tf.getKernel(name, 'wasm')!);
    removed.forEach((config) => tf.unregisterKernel(config.kernelName, 'wasm'));
    try {
      expect(missingTrainingKernels('wasm')).toEqual(['UnsortedSegmentSum', 'AvgPoolGrad']);
      const bare = await useBackend('wasm', { trainingKernels: false });
      expect(bare).toMatchObject({ canTrain: false, missingTrainingKernels: ['UnsortedSegmentSum', 'AvgPoolGrad'], installedTrainingKernels: [] });
      const filled = await useBackend('wasm');
      expect(filled).toMatchObject({ canTrain: false, missingTrainingKernels: ['AvgPoolGrad'], installedTrainingKernels: ['UnsortedSegmentSum'] });
    } finally {
      for (const config of removed) {
        if (tf.getKernel(config.kernelName, 'wasm') === undefined) tf.registerKernel(config);
      }
    }
    expect((await useBackend('wasm')).canTrain).toBe(true);
    // The restored kernel runs: d/dx Σ avgPool2x2(x) = 1/4 everywhere.
    const dx = tf.tidy(() => Array.from(tf.grad((x: tf.Tensor) => tf.avgPool(x as tf.Tensor4D, 2, 2, 'valid').sum())(tf.ones([1, 2, 2, 1])).dataSync()));
    expect(dx).toEqual([0.25, 0.25, 0.25, 0.25]);
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

  it('says why WebGPU has no adapter, and what Node needs, instead of tfjs\'s "failed to initialise"', async () => {
    const noAdapter = await useBackend('webgpu', { gpu: { requestAdapter: async () => null } }).catch((e: unknown) => e);
    expect((noAdapter as Error).message).toMatch(/no WebGPU adapter available; in Node without a GPU.*libegl-dev.*EGL_PLATFORM=surfaceless/);
    const failing = await useBackend('webgpu', { gpu: { requestAdapter: async () => { throw new Error('eglInitialize failed'); } } }).catch((e: unknown) => e);
    expect((failing as Error).message).toMatch(/requesting a WebGPU adapter failed: eglInitialize failed/);
    delete (globalThis as { navigator?: unknown }).navigator;
  });

  it('rejects unknown preferences and options with a ConfigError', async () => {
    await expect(useBackend('tpu' as never)).rejects.toThrow(ConfigError);
    await expect(useBackend('cpu', { wasmPath: '/x' } as never)).rejects.toThrow(/no option named 'wasmPath'/);
  });
});
