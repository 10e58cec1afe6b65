/**
 * Multi-threaded wasm in Node. tfjs-backend-wasm 4.22 ships a threaded SIMD binary (XNNPACK on
 * a pthread pool) but turns it off in Node (tfjs issue 3830), for three reasons this module
 * works around, all at the point where the backend initialises:
 *
 * 1. Its Emscripten glue starts pthread workers from `blob:` URLs, which Node's `worker_threads`
 *    rejects (`ERR_WORKER_PATH`). A `Worker` class that runs a small preamble instead, sends it
 *    the blob, and lets Emscripten's own Node worker code take over, replaces the global the
 *    glue uses.
 * 2. The worker then loads the glue from a `Blob` with `importScripts`, which in Node reads files
 *    only: the preamble evaluates the blob itself and hands Emscripten an empty file.
 * 3. The C++ side caps the pool at half the logical cores (it assumes two hyper-threads per
 *    core), so one thread on a two-core machine: the core count it reads is doubled while the
 *    module starts.
 *
 * Pool threads are unreferenced once the backend is up, so they do not keep a finished script
 * alive. Results are bitwise those of one thread: XNNPACK splits work by output tiles, and
 * every output is summed by one thread in the same order (tested).
 */

/** The tfjs-backend-wasm version whose glue this module is written against. */
export const threadedWasmVersion = '4.22.0';

/**
 * Runs in each pthread worker before Emscripten's worker script: evaluates that script (sent
 * as a Blob in the first message), gives it the Node globals the bundled glue refers to, and
 * feeds it messages in order, evaluating the glue itself when the `load` message brings it.
 */
const workerPreamble = `
const realRequire = require;
const threads = realRequire('worker_threads');
const realPort = threads.parentPort;
let deliver;
const port = {
  on: (event, listener) => { if (event === 'message') deliver = listener; else realPort.on(event, listener); },
  postMessage: (message, transfer) => realPort.postMessage(message, transfer),
};
globalThis.require = (name) => (name === 'worker_threads' ? { ...threads, parentPort: port } : realRequire(name));
globalThis.__filename = __filename;
globalThis.commonjsGlobal = globalThis;
Object.assign(globalThis, { require$$0: realRequire('fs'), require$$1: realRequire('path'), require$$3: realRequire('perf_hooks'), require$$4: realRequire('os') });
let queue = Promise.resolve();
realPort.on('message', (data) => { queue = queue.then(() => handle(data)); });
async function handle(data) {
  if (data && data.dlWorkerScript !== undefined) { (0, eval)(await data.dlWorkerScript.text()); return; }
  if (data && data.cmd === 'load' && typeof data.urlOrBlob !== 'string') {
    (0, eval)(await data.urlOrBlob.text());
    data.urlOrBlob = '/dev/null';
  }
  deliver(data);
}
`;

interface NodeModules {
  readonly threads: typeof import('node:worker_threads');
  readonly buffer: typeof import('node:buffer');
  readonly os: typeof import('node:os');
}

interface WorkerShim {
  /** Pool threads stop keeping the process alive. */
  readonly release: () => void;
}

let shim: WorkerShim | undefined;

/** Installs (once) the global `Worker` that starts `blob:` scripts on `worker_threads`. */
function installWorkerShim({ threads, buffer }: NodeModules): WorkerShim {
  if (shim !== undefined) return shim;
  const pool = new Set<import('node:worker_threads').Worker>();
  let released = false;
  class BlobWorker extends threads.Worker {
    constructor(script: string | URL, options?: import('node:worker_threads').WorkerOptions) {
      const blob = typeof script === 'string' && script.startsWith('blob:') ? buffer.resolveObjectURL(script) : undefined;
      if (blob === undefined) {
        super(script, options);
        return;
      }
      super(workerPreamble, { ...options, eval: true });
      this.postMessage({ dlWorkerScript: blob });
      pool.add(this);
      if (released) this.unref();
    }

    // A new 'message' listener refs the worker's port again.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads of EventEmitter.on
    override on(event: string | symbol, listener: (...args: any[]) => void): this {
      super.on(event, listener);
      if (released && pool.has(this)) this.unref();
      return this;
    }
  }
  // The glue assigns Node's own Worker to this global when it starts: keep ours in its place
  // then, but let anyone else's assignment stand.
  let assigned: unknown;
  Object.defineProperty(globalThis, 'Worker', {
    configurable: true,
    get: () => assigned ?? BlobWorker,
    set: (value: unknown) => {
      if (value !== threads.Worker) assigned = value;
    },
  });
  shim = {
    release: () => {
      released = true;
      for (const worker of pool) worker.unref();
    },
  };
  return shim;
}

/**
 * Prepares tfjs-backend-wasm to start with `count` XNNPACK threads in Node; call before the
 * backend initialises, and the returned `finish` after (it restores the core count and lets
 * the pool threads go idle without holding the process).
 *
 * @param wasmModule - the imported `@tensorflow/tfjs-backend-wasm` module.
 * @param count - threads wanted (1-8).
 * @param setFlag - sets a tfjs environment flag.
 * @returns `finish`, or why threads cannot be used here.
 */
export async function prepareNodeWasmThreads(
  wasmModule: Record<string, unknown>,
  count: number,
  setFlag: (name: string, value: boolean) => void,
  importBuiltin: (specifier: string) => Promise<Record<string, unknown> | undefined>,
): Promise<{ finish: () => void } | { problem: string }> {
  const version = (wasmModule.version_wasm as string | undefined) ?? 'unknown';
  if (version !== threadedWasmVersion) {
    return { problem: `threads in Node need @tensorflow/tfjs-backend-wasm ${threadedWasmVersion} (installed: ${version})` };
  }
  const [threads, buffer, os] = await Promise.all(['node:worker_threads', 'node:buffer', 'node:os'].map(importBuiltin));
  if (threads === undefined || buffer === undefined || os === undefined) return { problem: 'node:worker_threads is not available' };
  const modules = { threads, buffer, os: ((os as { default?: unknown }).default ?? os) } as unknown as NodeModules;
  const workers = installWorkerShim(modules);
  setFlag('WASM_HAS_MULTITHREAD_SUPPORT', true);
  (wasmModule.setThreadsCount as (n: number) => void)(count);
  // The C++ side keeps at most half the logical cores it reads while the module starts.
  const cpus = modules.os.cpus;
  const real = cpus.call(modules.os);
  modules.os.cpus = () => Array.from({ length: 2 * Math.max(count, real.length) }, (_, i) => real[i % real.length]!);
  return {
    finish: () => {
      modules.os.cpus = cpus;
      workers.release();
    },
  };
}
