import { isNode } from './environment.js';

/**
 * The process events whose listeners decide what an uncaught error does. tfjs-backend-wasm's
 * Emscripten glue (4.22) adds a listener to each that re-throws, so that any uncaught error of
 * the user's program exits with code 7 ("internal exception handler failure") and Node prints
 * the glue's source line (the whole 38 KB minified line under some loaders) instead of the
 * user's stack.
 */
const errorEvents = ['uncaughtException', 'unhandledRejection'] as const;

type ProcessErrorEvent = (typeof errorEvents)[number];
type Listener = (...args: unknown[]) => void;
type ListenerSnapshot = Record<ProcessErrorEvent, readonly Listener[]>;

function listenersOf(event: ProcessErrorEvent): Listener[] {
  return (event === 'uncaughtException' ? process.listeners('uncaughtException') : process.listeners('unhandledRejection')) as Listener[];
}

function snapshot(): ListenerSnapshot {
  return { uncaughtException: listenersOf('uncaughtException'), unhandledRejection: listenersOf('unhandledRejection') };
}

/**
 * Runs `initialise` (a backend's initialisation) and then removes every `uncaughtException`
 * and `unhandledRejection` listener it added, and restores `process.exitCode` if it changed,
 * so that the process handles errors as it did before. Outside Node it just runs `initialise`.
 *
 * @param initialise - the work that may install listeners.
 * @returns what `initialise` returns.
 * @example
 * ```ts
 * const ok = await keepProcessErrorHandling(() => tf.setBackend('wasm'));
 * process.listenerCount('uncaughtException'); // as before the call
 * ```
 */
export async function keepProcessErrorHandling<T>(initialise: () => Promise<T>): Promise<T> {
  if (!isNode()) return initialise();
  const before = snapshot();
  const exitCode = process.exitCode;
  try {
    return await initialise();
  } finally {
    for (const event of errorEvents) {
      for (const listener of listenersOf(event)) {
        if (!before[event].includes(listener)) process.removeListener(event, listener);
      }
    }
    if (process.exitCode !== exitCode) process.exitCode = exitCode;
  }
}

const guarded = Symbol.for('dl.core.wasmDisposeGuarded');

/**
 * tfjs-backend-wasm 4.22 means to remove its own listeners when the backend is disposed
 * (`tf.removeBackend('wasm')`, `tf.engine().reset()`), but a precedence slip in its filter
 * (`!list.indexOf(listener) > -1` is always true) makes it remove *every* `uncaughtException`
 * and `unhandledRejection` listener present when the module was created, the user's own
 * included. This wraps the wasm module's `dispose` so that listeners it removes are put back.
 *
 * @param backend - the wasm backend instance (`tf.findBackend('wasm')`); anything without the
 * expected shape is left alone.
 * @example
 * ```ts
 * guardWasmDispose(tf.findBackend('wasm'));
 * tf.removeBackend('wasm'); // the application's own process.on('uncaughtException') stays
 * ```
 */
export function guardWasmDispose(backend: unknown): void {
  if (!isNode()) return;
  const tfjs = (backend as { wasm?: { tfjs?: { dispose?: unknown; [guarded]?: boolean } } } | null)?.wasm?.tfjs;
  if (tfjs === undefined || typeof tfjs.dispose !== 'function' || tfjs[guarded] === true) return;
  const dispose = tfjs.dispose as () => void;
  tfjs.dispose = () => {
    const before = snapshot();
    try {
      dispose();
    } finally {
      for (const event of errorEvents) {
        const now = listenersOf(event);
        for (const listener of before[event]) if (!now.includes(listener)) process.on(event, listener);
      }
    }
  };
  tfjs[guarded] = true;
}
