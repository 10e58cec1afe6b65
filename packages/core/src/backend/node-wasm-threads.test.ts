import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { useBackend } from './use-backend.js';

// A user's script run against the built package (`pnpm build` first; turbo builds before `test`):
// wasm starts once per process, so each thread count gets a fresh process.
const distUrl = new URL('../../dist/index.js', import.meta.url);
const script = fileURLToPath(new URL('./fixtures/wasm-threads.mjs', import.meta.url));

interface Run {
  readonly wasm: { simd: boolean; threads: boolean; threadCount: number; kernelThreads: number };
  readonly digest: string;
  readonly losses: number[];
  readonly secondError?: string;
}

function run(...args: string[]): Run {
  if (!existsSync(distUrl)) throw new Error(`[@dl/core] ${fileURLToPath(distUrl)} is missing: run \`pnpm build\` first.`);
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 90_000 });
  // status null: killed by the timeout, i.e. the script did not exit by itself.
  expect(result.status, `${result.stderr}\n(signal ${result.signal})`).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Run;
}

describe("useBackend('wasm', { threads }) in Node", () => {
  it("runs XNNPACK and dl's kernels on two threads with bitwise the results of one, and the script exits by itself", () => {
    const one = run('1');
    const two = run('2');
    expect(one.wasm).toEqual({ simd: true, threads: false, threadCount: 1, kernelThreads: 1 });
    expect(two.wasm).toEqual({ simd: true, threads: true, threadCount: 2, kernelThreads: 2 });
    expect(two.digest).toBe(one.digest);
    expect(two.losses).toEqual(one.losses);
    expect(one.losses).toHaveLength(3);
  });

  it("'auto' takes one thread per core (at most 8), and another count later in the process is refused", () => {
    const auto = run('auto', '1');
    expect(auto.wasm.threadCount).toBe(Math.min(8, availableParallelism()));
    if (auto.wasm.threadCount > 1) {
      expect(auto.secondError).toMatch(/already runs with \d thread\(s\) in this process; threads are chosen when it first starts/);
    }
  });

  it('rejects a thread count outside 1-8, naming the option', async () => {
    for (const threads of [0, 9, 1.5, 'all']) {
      const error = await useBackend('wasm', { threads: threads as never }).catch((caught: unknown) => caught);
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).path).toBe('threads');
    }
  });
});
