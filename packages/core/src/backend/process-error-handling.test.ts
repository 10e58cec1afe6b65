import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { useBackend } from './use-backend.js';

const errorEvents = ['uncaughtException', 'unhandledRejection'] as const;

function listeners(): Record<(typeof errorEvents)[number], readonly unknown[]> {
  return { uncaughtException: process.listeners('uncaughtException'), unhandledRejection: process.listeners('unhandledRejection') };
}

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('useBackend leaves the process error handling as it found it', () => {
  it('adds no uncaughtException/unhandledRejection listener and keeps exitCode when wasm initialises', async () => {
    // This file runs in its own fork: this is the first wasm initialisation in the process.
    expect(Object.hasOwn(tf.engine().registry, 'wasm')).toBe(false);
    const before = listeners();
    const exitCode = process.exitCode;
    const report = await useBackend('wasm');
    expect(report.backend).toBe('wasm');
    expect(listeners()).toEqual(before);
    expect(process.exitCode).toBe(exitCode);
  });

  it("keeps the application's own listeners when the wasm backend is disposed, and on re-initialising", async () => {
    const mine = (): void => {};
    const mineToo = (): void => {};
    process.on('uncaughtException', mine);
    process.on('unhandledRejection', mineToo);
    try {
      // Disposes every backend (keeping their factories), here the wasm module of the test above.
      tf.engine().reset();
      expect(Object.hasOwn(tf.engine().registry, 'wasm')).toBe(false);
      // A fresh wasm module, made while the application listens: its glue adds listeners again.
      const before = listeners();
      expect((await useBackend('wasm')).backend).toBe('wasm');
      expect(listeners()).toEqual(before);
      // tfjs-backend-wasm's dispose removes every listener present when its module was made.
      tf.engine().reset();
      const after = listeners();
      for (const event of errorEvents) expect(new Set(after[event])).toEqual(new Set(before[event]));
      expect(process.listeners('uncaughtException')).toContain(mine);
      expect(process.listeners('unhandledRejection')).toContain(mineToo);
    } finally {
      process.removeListener('uncaughtException', mine);
      process.removeListener('unhandledRejection', mineToo);
    }
  });
});

// A user's script run against the built package (`pnpm build` first; turbo builds before `test`).
const distUrl = new URL('../../dist/index.js', import.meta.url);
const script = fileURLToPath(new URL('./fixtures/uncaught-error.mjs', import.meta.url));

function runScript(backend: string, kind: 'throw' | 'reject'): { status: number | null; stderr: string } {
  if (!existsSync(distUrl)) throw new Error(`[@dl/core] ${fileURLToPath(distUrl)} is missing: run \`pnpm build\` first.`);
  const result = spawnSync(process.execPath, [script, backend, kind], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('an uncaught error in a script that uses wasm', () => {
  it.each([
    ['throw', 'dl-fixture: user error thrown'],
    ['reject', 'dl-fixture: user promise rejected'],
  ] as const)('%s: exits with code 1 and a short trace that shows the error and where it was raised', (kind, message) => {
    const { status, stderr } = runScript('wasm', kind);
    // Before: exit code 7 and the Emscripten glue's source line (38 KB minified under some loaders).
    expect(status, stderr).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr).toContain('uncaught-error.mjs');
    expect(stderr).not.toMatch(/tf-backend-wasm|tfjs-backend-wasm/);
    expect(Buffer.byteLength(stderr)).toBeLessThan(2048);
  });
});
