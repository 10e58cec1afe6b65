import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReadmeWorkDir, readmeExample, runReadmeExample } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's quick start, run as a user would run it: the ```ts block after the
 * `<!-- readme-test -->` marker in a fresh Node process, with `@dl/softmax-attention` and
 * `@dl/data` resolved to their builds (@dl/data is no dependency of this package) and everything
 * else (`@dl/core`, tfjs) resolved as the package resolves it. It saves into its work directory.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let workDir = '';
beforeAll(async () => void (workDir = await createReadmeWorkDir(packageDir)));
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** Appended to the example: the predictions of the trained and of the loaded model, as numbers. */
const predictions = `
console.log({ predicted: Array.from(model.predict(ids).dataSync()), restored: Array.from(restored.predict(ids).dataSync()) });
`;

describe('README quick start', () => {
  it('runs: builds a vocabulary, trains, explains, saves and loads the same model', async () => {
    const code = await readmeExample({ packageDir, packages: [join(packageDir, '../data')] });
    const result = await runReadmeExample(code + predictions, { cwd: workDir, captureConsole: true });
    expect(result.stderr).not.toMatch(/Error/u);
    expect(result.status).toBe(0);
    expect(result.logged).toHaveLength(2);
    // It printed words (not ids) with their positions.
    const top = result.logged[0]?.[0] as { token: unknown; positions: unknown[] }[];
    expect(top).toHaveLength(3);
    expect(top.every((entry) => typeof entry.token === 'string' && entry.positions.length >= 1)).toBe(true);
    // It learned the four texts, and the loaded model predicts exactly the same.
    const { predicted, restored } = result.logged[1]?.[0] as { predicted: number[]; restored: number[] };
    expect(predicted.map((p) => Math.round(p))).toEqual([1, 0, 1, 0]);
    expect(restored).toEqual(predicted);
  }, 120_000);
});
