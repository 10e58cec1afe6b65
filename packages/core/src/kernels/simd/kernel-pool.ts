import { importNodeBuiltin } from '../../backend/import-node-builtin.js';

/** A call of one of the kernels module's exports: its name and its arguments (numbers; booleans as 0 or 1). */
export interface KernelCall {
  readonly name: string;
  readonly args: readonly number[];
}

/**
 * Worker threads that run dl's SIMD kernels on the wasm backend's shared memory (tfjs's threaded
 * binary, in Node), beside the calling thread: {@link KernelPool.run} hands one call to each
 * worker, makes the first itself, and returns when all are done.
 */
export interface KernelPool {
  /** Threads that share the work: the workers and the calling thread. */
  readonly size: number;
  /**
   * Runs `calls[0]` on the calling thread and the others on the workers, at once (one call per
   * thread: `calls.length` must be {@link KernelPool.size}); blocks until all have returned.
   * Throws if a call failed.
   */
  run(calls: readonly KernelCall[]): void;
}

// The control block (a SharedArrayBuffer): Int32 word 0 is the generation, raised for each run;
// each worker's slot, at byte HEADER + slot·SLOT, holds Int32 words [export index, argument count,
// generation done, failed] and, from byte 64 of the slot, its arguments as Float64 values.
const HEADER = 64;
const SLOT = 512;
const MAX_ARGS = (SLOT - 64) / 8;

/** Runs in each worker (eval): instantiates the module on the shared memory and serves calls. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { memory, module, control, slot, names } = workerData;
const instance = new WebAssembly.Instance(module, { env: { memory } });
const words = new Int32Array(control);
const values = new Float64Array(control);
const base = (${HEADER} + slot * ${SLOT}) / 4;
const argsAt = (${HEADER} + slot * ${SLOT} + 64) / 8;
parentPort.postMessage('ready');
let generation = 0;
for (;;) {
  Atomics.wait(words, 0, generation);
  generation = Atomics.load(words, 0);
  if (generation < 0) break;
  try {
    instance.exports[names[words[base]]](...values.subarray(argsAt, argsAt + words[base + 1]));
  } catch (error) {
    Atomics.store(words, base + 3, 1);
  }
  Atomics.store(words, base + 2, generation);
  Atomics.notify(words, base + 2);
}
`;

/**
 * Starts `threads − 1` workers running the compiled kernels module `module` (whose exports include
 * `names`) on `memory` (which must be shared), beside `here`, the calling thread's instance of the
 * same module; in Node only (`undefined` elsewhere, or for one thread). The workers instantiate the
 * module they are sent (V8 shares its compiled code between threads) instead of compiling the bytes
 * again each. The workers do not keep the process alive.
 *
 * @example
 * ```ts
 * const pool = await startKernelPool(memory, await WebAssembly.compile(bytes), ['gemm'], exports, 2);
 * pool?.run([{ name: 'gemm', args: firstRows }, { name: 'gemm', args: otherRows }]);
 * ```
 */
export async function startKernelPool(
  memory: WebAssembly.Memory,
  module: WebAssembly.Module,
  names: readonly string[],
  here: object,
  threads: number,
): Promise<KernelPool | undefined> {
  if (threads <= 1 || typeof process === 'undefined' || process.versions?.node === undefined) return undefined;
  const { Worker } = await importNodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  const control = new SharedArrayBuffer(HEADER + (threads - 1) * SLOT);
  const words = new Int32Array(control);
  const values = new Float64Array(control);
  const workers = await Promise.all(
    Array.from({ length: threads - 1 }, (_, slot) => {
      const worker = new Worker(workerSource, { eval: true, workerData: { memory, module, control, slot, names } });
      return new Promise<InstanceType<typeof Worker>>((resolve, reject) => {
        worker.once('message', () => resolve(worker));
        worker.once('error', reject);
      });
    }),
  );
  for (const worker of workers) worker.unref();
  const exports = here as Record<string, (...args: number[]) => void>;
  let generation = 0;
  return {
    size: threads,
    run(calls) {
      if (calls.length !== threads) throw new Error(`[@dl/core] kernel pool: ${calls.length} calls for ${threads} threads.`);
      generation += 1;
      for (let slot = 0; slot < threads - 1; slot++) {
        const { name, args } = calls[slot + 1]!;
        const index = names.indexOf(name);
        if (index < 0 || args.length > MAX_ARGS) throw new Error(`[@dl/core] kernel pool: cannot run ${name} with ${args.length} arguments.`);
        const base = (HEADER + slot * SLOT) / 4;
        words[base] = index;
        words[base + 1] = args.length;
        words[base + 3] = 0;
        values.set(args, (HEADER + slot * SLOT + 64) / 8);
      }
      Atomics.store(words, 0, generation);
      Atomics.notify(words, 0);
      let failure: unknown;
      try {
        exports[calls[0]!.name]!(...calls[0]!.args);
      } catch (error) {
        failure = error;
      }
      for (let slot = 0; slot < threads - 1; slot++) {
        const done = (HEADER + slot * SLOT) / 4 + 2;
        for (let seen = Atomics.load(words, done); seen !== generation; seen = Atomics.load(words, done)) Atomics.wait(words, done, seen, 1000);
        if (words[done + 1] !== 0) failure ??= new Error(`[@dl/core] kernel pool: ${calls[slot + 1]!.name} failed in a worker thread.`);
      }
      if (failure !== undefined) throw failure;
    },
  };
}
