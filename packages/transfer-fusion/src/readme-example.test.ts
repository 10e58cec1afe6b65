import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createReadmeWorkDir, readmeExample, runReadmeExample } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The README's transfer example, run as a user would (2,000 training images, a few epochs). */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let workDir = '';
beforeAll(async () => void (workDir = await createReadmeWorkDir(packageDir)));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('README example', () => {
  it('pretrains, transfers with a frozen base, fine-tunes, and logs two accuracies well above chance', async () => {
    const code = await readmeExample({ packageDir });
    // About 90 s on a quiet 2-core machine: the child gets most of the test's 3 minutes.
    const result = await runReadmeExample(code, { cwd: workDir, captureConsole: true, timeoutMs: 170_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const [[frozen, fineTuned]] = result.logged as [[number, number]];
    // Five classes: chance is 0.2. Ten epochs on 100 labels over a base pretrained on other classes.
    expect(frozen).toBeGreaterThan(0.6);
    expect(fineTuned).toBeGreaterThan(0.6);
  }, 180_000);
});
