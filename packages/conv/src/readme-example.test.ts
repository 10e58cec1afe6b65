import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createReadmeWorkDir, readmeExample, runReadmeExample } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's example, run as a user would: each line's value is logged and compared with
 * the value its comment states.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let workDir = '';
beforeAll(async () => void (workDir = await createReadmeWorkDir(packageDir)));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('README example', () => {
  it('computes what its comments say', async () => {
    const code = (await readmeExample({ packageDir }))
      .split('\n')
      .map((line) => (/^(convOutputShape|convParameterCount|receptiveField|convFlops|compareConvDense)\(/u.test(line) ? `console.log(${line.replace(/;\s*\/\/.*$/u, '')});` : line))
      .join('\n');
    const result = await runReadmeExample(code, { cwd: workDir, captureConsole: true });
    expect(result.status).toBe(0);
    expect(result.logged.map((args) => args[0])).toEqual([[26, 26, 32], [13, 13, 32], 320, 0, [5, 5], 194_688, (784 * 21_632 + 21_632) / 320]);
    expect(Math.round(result.logged[6]?.[0] as number)).toBe(53_066);
  }, 60_000);
});
