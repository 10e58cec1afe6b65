import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** Numbers (nested arrays of them) that a parity check compares. */
export type Values = number | readonly Values[];

/**
 * Runs `compute` on the cpu backend and then on webgpu (same seeds, same code), and returns
 * both results; `compute` gives plain numbers (read tensors with `await t.array()`).
 */
export async function onCpuAndWebGpu<T extends Values | Record<string, Values>>(compute: () => Promise<T>): Promise<{ cpu: T; webgpu: T }> {
  await tf.setBackend('cpu');
  const cpu = await compute();
  await tf.setBackend('webgpu');
  try {
    const webgpu = await compute();
    return { cpu, webgpu };
  } finally {
    await tf.setBackend('cpu');
  }
}

const flatten = (values: Values | Record<string, Values>): number[] =>
  typeof values === 'number' ? [values] : Array.isArray(values) ? values.flatMap((v) => flatten(v as Values)) : Object.values(values).flatMap(flatten);

/**
 * Expects the webgpu result to match the cpu one elementwise within `atol + rtol · |cpu|`
 * (float32 on both, but different summation orders and transcendental implementations).
 */
export function expectParity(result: { cpu: Values | Record<string, Values>; webgpu: Values | Record<string, Values> }, { atol = 1e-4, rtol = 1e-3 } = {}): number {
  const cpu = flatten(result.cpu);
  const gpu = flatten(result.webgpu);
  expect(gpu.length).toBe(cpu.length);
  expect(cpu.length).toBeGreaterThan(0);
  let worst = 0;
  cpu.forEach((value, i) => {
    expect(Number.isFinite(gpu[i])).toBe(true);
    worst = Math.max(worst, Math.abs(gpu[i]! - value) - rtol * Math.abs(value));
  });
  expect(worst).toBeLessThanOrEqual(atol);
  return worst;
}
