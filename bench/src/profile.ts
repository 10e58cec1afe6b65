/**
 * Per-kernel profile of one unit of a workload (tf.profile), to look at before optimizing.
 * Usage: pnpm --filter @dl/bench exec tsx src/profile.ts cnn wasm 128 [threads] [--by-shape]
 * (`--by-shape`: one row per kernel and input shapes, to find the call that costs most).
 */
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { makeWorkload, workloadNames, type WorkloadName } from './workloads/index.js';

const BY_SHAPE_FLAG = '--by-shape';
const byShape = process.argv.includes(BY_SHAPE_FLAG);
const [name = 'cnn', backend = 'wasm', samples = '128', threads = '1'] = process.argv.slice(2).filter((arg) => arg !== BY_SHAPE_FLAG);
if (!(workloadNames as readonly string[]).includes(name)) throw new Error(`workload must be one of ${workloadNames.join(', ')}`);
if (backend === 'cpu-plain') await tf.setBackend('cpu');
else await useBackend(backend as 'wasm' | 'cpu', backend === 'wasm' ? { threads: Number(threads) } : {});
const workload = makeWorkload(name as WorkloadName, { samples: Number(samples) });
await workload.run();
const info = await tf.profile(async () => {
  await workload.run();
});
const byKernel = new Map<string, { ms: number; calls: number }>();
for (const kernel of info.kernels) {
  const key = byShape ? `${kernel.name} ${kernel.inputShapes.map((shape) => `[${shape}]`).join(' ')}` : kernel.name;
  const entry = byKernel.get(key) ?? { ms: 0, calls: 0 };
  entry.ms += kernel.kernelTimeMs as number;
  entry.calls++;
  byKernel.set(key, entry);
}
const total = [...byKernel.values()].reduce((sum, e) => sum + e.ms, 0);
console.log(`${name} on ${backend}: ${info.kernels.length} kernel calls, ${total.toFixed(0)} ms in kernels`);
for (const [kernel, e] of [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
  console.log(`${kernel.padEnd(byShape ? 70 : 30)} ${e.ms.toFixed(1).padStart(9)} ms ${String(e.calls).padStart(6)} calls ${((100 * e.ms) / total).toFixed(1).padStart(5)}%`);
}
workload.dispose();
