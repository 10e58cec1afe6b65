/**
 * Runs one workload on one backend in a fresh process and prints a JSON result line.
 * Usage: node --import tsx src/worker.ts '{"workload":"cnn","backend":"wasm","samples":512,"runs":3}'
 */
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@dl/core';
import { makeWorkload, type WorkloadName } from './workloads/index.js';

/** Backends the harness runs: `cpu-plain` is tfjs's cpu backend without dl's kernels. */
export type BenchBackend = 'wasm' | 'wasm-threads' | 'cpu' | 'cpu-plain';

interface Job {
  readonly workload: WorkloadName;
  readonly backend: BenchBackend;
  readonly samples: number;
  readonly runs: number;
  /** wasm-threads: XNNPACK threads. */
  readonly threads?: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  if (job.backend === 'cpu-plain') {
    await tf.setBackend('cpu');
  } else if (job.backend === 'wasm-threads') {
    const report = await useBackend('wasm', { threads: job.threads ?? 'auto' });
    if (report.wasm?.threadCount !== job.threads) throw new Error(`asked for ${job.threads} wasm threads, got ${report.wasm?.threadCount}`);
  } else {
    await useBackend(job.backend);
  }
  const workload = makeWorkload(job.workload, { samples: job.samples });
  const warmupStart = performance.now();
  const firstLoss = await workload.run();
  const warmupSeconds = (performance.now() - warmupStart) / 1000;
  const tensorsAfterWarmup = tf.memory().numTensors;
  const seconds: number[] = [];
  let lastLoss = firstLoss;
  for (let i = 0; i < job.runs; i++) {
    const start = performance.now();
    lastLoss = await workload.run();
    seconds.push((performance.now() - start) / 1000);
  }
  const leakedTensors = tf.memory().numTensors - tensorsAfterWarmup;
  workload.dispose();
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? warmupSeconds;
  process.stdout.write(
    `${JSON.stringify({
      ...job,
      unit: workload.unit,
      samplesPerUnit: workload.samplesPerUnit,
      flopsPerUnit: workload.flopsPerUnit,
      warmupSeconds,
      seconds,
      median,
      firstLoss,
      lastLoss,
      leakedTensors,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
