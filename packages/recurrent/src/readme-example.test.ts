import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createReadmeWorkDir, readmeExample, runReadmeExample } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's example, run as a user would run it: the ```ts block after the
 * `<!-- readme-test -->` marker, with `@dl/recurrent` resolved to this package's build, in a
 * fresh Node process inside a work directory (it saves a model there).
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let workDir = '';
beforeAll(async () => void (workDir = await createReadmeWorkDir(packageDir)));
afterAll(() => rm(workDir, { recursive: true, force: true }));

/** Appended to the example: the trained and the loaded model's predictions, as numbers. */
const predictions = `
console.log({ predicted: Array.from(model.predict(ids).dataSync()), restored: Array.from(loaded.predict(ids).dataSync()) });
`;

describe('README example', () => {
  it('trains the GRU classifier on the four sequences, saves it, and loads the same model', async () => {
    const result = await runReadmeExample((await readmeExample({ packageDir })) + predictions, { cwd: workDir, captureConsole: true, timeoutMs: 120_000 });
    expect(result.stderr).not.toMatch(/Error/u);
    expect(result.status).toBe(0);
    const { predicted, restored } = result.logged.at(-1)?.[0] as { predicted: number[]; restored: number[] };
    expect(predicted.map((p) => Math.round(p))).toEqual([1, 0, 1, 0]);
    expect(restored).toEqual(predicted);
  }, 180_000);
});
