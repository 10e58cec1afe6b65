import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createReadmeWorkDir, readmeExample, runReadmeExample } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The README's VAE example, run as a user would (2 epochs on 512 images of the committed subset). */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let workDir = '';
beforeAll(async () => void (workDir = await createReadmeWorkDir(packageDir)));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('README example', () => {
  it('trains the VAE and logs what its comments say', async () => {
    const code = await readmeExample({ packageDir });
    const result = await runReadmeExample(code, { cwd: workDir, captureConsole: true });
    expect(result.status).toBe(0);
    const [history, shapes] = result.logged as [[number[], number[], number[]], [boolean, number[], number[]]];
    const [loss, reconstruction, kl] = history;
    expect(loss).toHaveLength(2);
    // Each epoch's loss is its reconstruction plus its KL (β = 1), and the loss falls.
    loss.forEach((value, epoch) => expect(value).toBeCloseTo(reconstruction[epoch]! + kl[epoch]!, 2));
    expect(loss[1]).toBeLessThan(loss[0]!);
    expect(shapes).toEqual([true, [256, 2], [16, 28, 28, 1]]);
  }, 180_000);
});
