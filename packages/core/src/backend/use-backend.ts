import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { BackendError } from '../errors/backend-error.js';
import { prepareSimdKernels, simdKernelThreads } from '../kernels/simd/simd-kernels.js';
import { parseOptions } from '../validation/parse-options.js';
import { isNode } from './environment.js';
import { prepareNodeWasmThreads } from './node-wasm-threads.js';
import { installTrainingKernels } from './install-training-kernels.js';
import { guardWasmDispose, keepProcessErrorHandling } from './process-error-handling.js';
import { quietTfjsNotices } from './quiet-tfjs-notices.js';
import { missingTrainingKernels } from './training-kernels.js';

/** A backend `useBackend` knows how to load. */
export type BackendName = 'cpu' | 'wasm' | 'webgpu' | 'webgl';

/** What to ask {@link useBackend} for: one backend, or `auto` for the best available. */
export type BackendPreference = BackendName | 'auto';

/** Options of {@link useBackend}. */
export interface UseBackendOptions {
  /**
   * A WebGPU `GPU` object to use where `navigator.gpu` does not exist (Node). In Node,
   * the npm package `webgpu` (Dawn) gives one: `create([])` from `await import('webgpu')`,
   * after `Object.assign(globalThis, globals)`.
   */
  readonly gpu?: unknown;
  /**
   * Where the wasm backend's `.wasm` files live (a directory URL or path ending in `/`).
   * Defaults, in Node, to the installed `@tensorflow/tfjs-backend-wasm/dist/`; in a
   * browser, to tfjs's own default (next to the script). In a bundled browser app (Vite,
   * webpack), `useBackend` cannot import the optional backend packages itself: import
   * `@tensorflow/tfjs-backend-wasm` (and `-webgpu`) in the app, and call the wasm package's
   * `setWasmPaths` there (examples/web does).
   */
  readonly wasmPaths?: string;
  /** Register the dl training kernels on the chosen backend where it lacks them. Default `true`. */
  readonly trainingKernels?: boolean;
  /**
   * wasm: XNNPACK threads (1-8), or `'auto'` for one per core (at most 8). Default 1.
   * Chosen when wasm first starts in the process; asking for another count later is a
   * `BackendError`. In Node, more than one uses tfjs's threaded SIMD binary through
   * `worker_threads` (tfjs itself keeps Node single-threaded); results are bitwise those of one
   * thread. In a browser, threads need a cross-origin-isolated page (tfjs's own rule).
   * Leave it at 1 where several processes share the cores (parallel test runners).
   */
  readonly threads?: number | 'auto';
}

/** One backend that {@link useBackend} tried, and what happened. */
export interface BackendAttempt {
  readonly backend: BackendName;
  readonly ok: boolean;
  /** Why it was skipped or failed; empty when `ok`. */
  readonly reason: string;
}

/** What {@link useBackend} picked and what it can do. */
export interface BackendReport {
  /** The backend now active in tfjs. */
  readonly backend: BackendName;
  /** What was asked for. */
  readonly requested: BackendPreference;
  /** Why this backend: the first that loaded in the fallback order, or the one requested. */
  readonly reason: string;
  /** True when every kernel in `trainingKernelNames` is available. */
  readonly canTrain: boolean;
  /** Training kernels the backend still lacks (empty when `canTrain`). */
  readonly missingTrainingKernels: readonly string[];
  /** Training kernels that dl registered on this backend. */
  readonly installedTrainingKernels: readonly string[];
  /** Every backend tried, in order. */
  readonly attempts: readonly BackendAttempt[];
  /**
   * wasm only: whether SIMD and multi-threading are in use, XNNPACK's thread count, and the threads
   * that dl's own SIMD kernels share their large products and convolutions among (the same count
   * in Node with threads and training kernels; 1 otherwise).
   */
  readonly wasm?: { readonly simd: boolean; readonly threads: boolean; readonly threadCount: number; readonly kernelThreads: number };
  /** `node` or `browser`. */
  readonly environment: 'node' | 'browser';
}

const backendNames: readonly BackendName[] = ['cpu', 'wasm', 'webgpu', 'webgl'];

const OptionsSchema = v.strictObject({
  gpu: v.optional(v.unknown()),
  wasmPaths: v.optional(v.pipe(v.string(), v.minLength(1))),
  trainingKernels: v.optional(v.boolean(), true),
  threads: v.optional(v.union([v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8)), v.literal('auto')])),
});

/**
 * The order `auto` tries backends in. In Node: wasm (SIMD + XNNPACK, about 30x the
 * cpu backend's matmul), then cpu. WebGPU in Node runs on a software driver without a GPU
 * and is only used when asked for. In a browser: webgpu, webgl, wasm, cpu.
 *
 * @example
 * ```ts
 * import { autoBackendOrder } from '@dl/core';
 * autoBackendOrder('node'); // ['wasm', 'cpu']
 * ```
 */
export function autoBackendOrder(environment: 'node' | 'browser'): readonly BackendName[] {
  return environment === 'node' ? ['wasm', 'cpu'] : ['webgpu', 'webgl', 'wasm', 'cpu'];
}

/**
 * Loads and activates a tfjs backend, registers the training kernels it lacks, and
 * reports what it picked and whether it can train.
 *
 * With `auto` it tries {@link autoBackendOrder} and takes the first that initialises;
 * with a named backend it uses that one or throws. The optional backend packages
 * (`@tensorflow/tfjs-backend-wasm`, `@tensorflow/tfjs-backend-webgpu`) are imported on
 * demand when installed. In a bundled browser app, import the backend package yourself
 * (bundlers cannot see an optional import); `useBackend` then finds it registered.
 *
 * In Node it leaves the process's error handling as it found it: the `uncaughtException` and
 * `unhandledRejection` listeners that tfjs-backend-wasm's Emscripten glue installs when it
 * initialises (they made every uncaught error exit with code 7 and print the glue's source
 * instead of the error) are removed, so an uncaught error exits with code 1 and its own stack.
 * It also keeps tfjs from printing two notices that do not apply (see `quietTfjsNotices`):
 * the cpu backend's advice to install tfjs-node, and the orthogonal initializer's slowness
 * warning for the sizes recurrent layers use. Other warnings pass through.
 *
 * @param preference - `auto` (default) or one of `cpu`, `wasm`, `webgpu`, `webgl`.
 * @param options - see {@link UseBackendOptions}.
 * @param options.gpu - a WebGPU `GPU` object for Node (from the npm package `webgpu`).
 * @param options.wasmPaths - directory of the `.wasm` files; found automatically in Node.
 * @param options.trainingKernels - register dl's training kernels (default `true`).
 * @param options.threads - wasm: XNNPACK threads, 1-8 or `'auto'` (default 1; see `UseBackendOptions.threads`).
 * @returns a {@link BackendReport}.
 * @throws {@link ConfigError} for an unknown preference or option.
 * @throws {@link BackendError} when a named backend cannot be loaded, or none can.
 * @example
 * ```ts
 * import { useBackend } from '@dl/core';
 * const report = await useBackend('auto');
 * console.log(report.backend, report.canTrain); // 'wasm' true   (Node, wasm installed)
 * ```
 */
export async function useBackend(
  preference: BackendPreference = 'auto',
  options: UseBackendOptions = {},
): Promise<BackendReport> {
  const parsed = parseOptions(OptionsSchema, options);
  const checkedPreference = parseOptions(
    v.picklist(['auto', ...backendNames] as const),
    preference,
    { pathPrefix: 'preference' },
  );
  const environment = isNode() ? 'node' : 'browser';
  const candidates = checkedPreference === 'auto' ? autoBackendOrder(environment) : [checkedPreference];
  const attempts: BackendAttempt[] = [];
  for (const backend of candidates) {
    // The wasm glue installs process error listeners while it initialises; take them back out.
    const reason = await keepProcessErrorHandling(() => activate(backend, parsed, environment));
    attempts.push({ backend, ok: reason === '', reason });
    if (reason !== '') continue;
    quietTfjsNotices();
    if (backend === 'wasm') guardWasmDispose(tf.engine().registry.wasm);
    const installed = parsed.trainingKernels ? installTrainingKernels(backend) : [];
    const features = backend === 'wasm' ? await wasmFeatures() : undefined;
    if (features !== undefined && parsed.trainingKernels) await prepareSimdKernels(tf.engine().registry.wasm, features.threadCount);
    const missing = missingTrainingKernels(backend);
    return {
      backend,
      requested: checkedPreference,
      reason:
        checkedPreference === 'auto'
          ? attempts.length === 1
            ? `first in the ${environment} order (${candidates.join(' > ')})`
            : `first that loaded in the ${environment} order (${candidates.join(' > ')})`
          : 'requested',
      canTrain: missing.length === 0,
      missingTrainingKernels: missing,
      installedTrainingKernels: installed,
      attempts,
      ...(features !== undefined ? { wasm: { ...features, kernelThreads: simdKernelThreads(tf.engine().registry.wasm) } } : {}),
      environment,
    };
  }
  const summary = attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ');
  throw new BackendError({
    backend: checkedPreference,
    reason: `could not be activated (${summary}).`,
  });
}

type ParsedOptions = v.InferOutput<typeof OptionsSchema>;

/** Activates `backend`; returns '' on success or why it failed. */
async function activate(backend: BackendName, options: ParsedOptions, environment: 'node' | 'browser'): Promise<string> {
  let finish: (() => void) | undefined;
  try {
    if (backend === 'wasm') {
      const loaded = await loadWasm(options, environment);
      if ('failure' in loaded) return loaded.failure;
      finish = loaded.finish;
    } else if (backend === 'webgpu') {
      const failure = await loadWebGpu(options);
      if (failure !== '') return failure;
    } else if (backend === 'webgl' && environment === 'node') {
      return 'WebGL needs a browser';
    }
    if (tf.findBackendFactory(backend) === null) return 'not registered';
    const ok = await withQuietWarnings(() => tf.setBackend(backend));
    if (!ok) return 'failed to initialise';
    await tf.ready();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    finish?.();
  }
}

async function importOptional(specifier: string): Promise<Record<string, unknown> | undefined> {
  try {
    // A variable specifier: bundlers must not try to resolve an optional peer dependency.
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function loadWasm(options: ParsedOptions, environment: 'node' | 'browser'): Promise<{ failure: string } | { finish?: () => void }> {
  const specifier = '@tensorflow/tfjs-backend-wasm';
  const alreadyRegistered = tf.findBackendFactory('wasm') !== null;
  const wasm = await importOptional(specifier);
  if (wasm === undefined && !alreadyRegistered) return { failure: `package ${specifier} is not installed` };
  const threads = options.threads === 'auto' ? await coreCount() : options.threads;
  // Not tf.findBackend: it starts the backend's (async) initialisation, and tf.setBackend then
  // starts a second one, instantiating the wasm module twice.
  if (isInitialised('wasm')) {
    const running = (wasm?.getThreadsCount as (() => number) | undefined)?.();
    if (threads !== undefined && running !== undefined && running !== threads) {
      return { failure: `wasm already runs with ${running} thread(s) in this process; threads are chosen when it first starts (ask for ${threads} in the first useBackend('wasm') call)` };
    }
    return {};
  }
  const setWasmPaths = wasm?.setWasmPaths as ((prefix: string) => void) | undefined;
  const paths = options.wasmPaths ?? (environment === 'node' ? await nodeWasmDirectory(specifier) : undefined);
  if (paths !== undefined && setWasmPaths !== undefined) setWasmPaths(paths);
  if (threads === undefined || threads === 1 || wasm === undefined) return {};
  if (environment === 'browser') {
    (wasm.setThreadsCount as (n: number) => void)(threads);
    return {};
  }
  const prepared = await prepareNodeWasmThreads(wasm, threads, (name, value) => tf.env().set(name, value), importOptional);
  return 'problem' in prepared ? { failure: prepared.problem } : { finish: prepared.finish };
}

/** Logical cores, at most 8 (XNNPACK's pool size in tfjs-backend-wasm). */
async function coreCount(): Promise<number> {
  const os = isNode() ? ((await importOptional('node:os')) as typeof import('node:os') | undefined) : undefined;
  const cores = os?.availableParallelism?.() ?? (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(8, cores));
}

function isInitialised(backend: BackendName): boolean {
  return Object.hasOwn(tf.engine().registry, backend);
}

async function nodeWasmDirectory(specifier: string): Promise<string | undefined> {
  // Through importOptional's variable specifier: a literal import of Node built-ins here would make
  // every browser bundler warn about (or stub) them, although this runs only in Node.
  const moduleApi = (await importOptional('node:module')) as typeof import('node:module') | undefined;
  const pathApi = (await importOptional('node:path')) as typeof import('node:path') | undefined;
  if (moduleApi === undefined || pathApi === undefined) return undefined;
  try {
    const require = moduleApi.createRequire(import.meta.url);
    return `${pathApi.dirname(require.resolve(specifier))}/`;
  } catch {
    return undefined;
  }
}

async function loadWebGpu(options: ParsedOptions): Promise<string> {
  const scope = globalThis as { navigator?: { gpu?: unknown } };
  if (options.gpu !== undefined) {
    if (scope.navigator === undefined) {
      Object.defineProperty(globalThis, 'navigator', { value: { gpu: options.gpu }, configurable: true, writable: true });
    } else if (scope.navigator.gpu !== options.gpu) {
      Object.defineProperty(scope.navigator, 'gpu', { value: options.gpu, configurable: true, writable: true });
    }
  }
  if (scope.navigator?.gpu === undefined) {
    return 'navigator.gpu is missing (in Node, pass options.gpu, e.g. from the npm package "webgpu")';
  }
  const adapterProblem = await probeAdapter(scope.navigator.gpu);
  if (adapterProblem !== '') return adapterProblem;
  const specifier = '@tensorflow/tfjs-backend-webgpu';
  if (tf.findBackendFactory('webgpu') === null && (await importOptional(specifier)) === undefined) {
    return `package ${specifier} is not installed`;
  }
  return '';
}

/** What the software-driver setup in Node needs, said where WebGPU finds no adapter there. */
const nodeWebGpuHint =
  "in Node without a GPU, Dawn (npm 'webgpu') runs on Mesa's GL driver: install libegl-dev (Debian: it provides the libEGL.so Dawn loads), " +
  "set EGL_PLATFORM=surfaceless, create Dawn with ['backend=opengl'] and request featureLevel 'compatibility' (the dl repository README, \"WebGPU in Node without a GPU\")";

/** '' when `gpu` gives an adapter, else why not: tfjs itself only reports "failed to initialise". */
async function probeAdapter(gpu: unknown): Promise<string> {
  const requestAdapter = (gpu as { requestAdapter?: () => Promise<unknown> }).requestAdapter;
  if (typeof requestAdapter !== 'function') return 'the WebGPU object has no requestAdapter()';
  const hint = isNode() ? `; ${nodeWebGpuHint}` : '';
  try {
    const adapter = await requestAdapter.call(gpu);
    return adapter === null || adapter === undefined ? `no WebGPU adapter available${hint}` : '';
  } catch (error) {
    return `requesting a WebGPU adapter failed: ${error instanceof Error ? error.message : String(error)}${hint}`;
  }
}

async function wasmFeatures(): Promise<{ simd: boolean; threads: boolean; threadCount: number }> {
  const flags = tf.env();
  const simd = Boolean(await flags.getAsync('WASM_HAS_SIMD_SUPPORT'));
  const wasm = await importOptional('@tensorflow/tfjs-backend-wasm');
  const threadCount = (wasm?.getThreadsCount as (() => number) | undefined)?.() ?? 1;
  return { simd, threads: threadCount > 1, threadCount };
}

/** tfjs prints a console warning for each failed backend; the report already says why. */
async function withQuietWarnings<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}
