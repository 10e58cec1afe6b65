import { existsSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadmeWorkDir, readmeExample, runReadmeExample } from './testing/readme-example.js';

/**
 * The README's end-to-end example, run as a user would run it: the ```ts block after the
 * `<!-- readme-test -->` marker, with `@dl/core` resolved to this package's build, in a fresh
 * Node process. Also type-checks it under `strict`, with and without `skipLibCheck`, which is
 * what the README's TypeScript note claims.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let workDir = '';
beforeAll(async () => void (workDir = await createReadmeWorkDir(packageDir)));
afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('README example', () => {
  it('runs: trains y = x1 + x2, saves, loads, and the loaded model predicts 2 + 3 = 5', async () => {
    const result = await runReadmeExample(await readmeExample({ packageDir }), { cwd: workDir });
    expect(result.stderr).not.toMatch(/Error/u);
    expect(result.status).toBe(0);
    const [backend, loss, prediction] = result.lastLine.split(' ');
    expect(['wasm', 'cpu']).toContain(backend);
    expect(Number(loss)).toBeLessThan(0.01);
    expect(Number(prediction)).toBeCloseTo(5, 0);
    expect(existsSync(join(workDir, 'out', 'sum-model', 'model.json'))).toBe(true);
  }, 120_000);

  it('type-checks under strict with skipLibCheck; without it, the errors come from tfjs .d.ts files only', async () => {
    const file = join(workDir, 'example.mts');
    writeFileSync(file, await readmeExample({ packageDir, resolveAs: 'path' }));
    // A user's Node project: strict, NodeNext, @types/node.
    let previous: ts.Program | undefined;
    const diagnostics = (skipLibCheck: boolean) => {
      const options: ts.CompilerOptions = {
        strict: true,
        noEmit: true,
        skipLibCheck,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: ['node'],
      };
      previous = ts.createProgram({ rootNames: [file], options, oldProgram: previous });
      return ts.getPreEmitDiagnostics(previous).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    };
    expect(diagnostics(true)).toEqual([]);
    const withoutSkip = diagnostics(false);
    // If tfjs ever ships declarations that type-check, this fails and the README's note can go.
    expect(withoutSkip.length).toBeGreaterThan(0);
    for (const message of withoutSkip) expect(message).toMatch(/node_modules\/.*@tensorflow\/tfjs-[a-z]+\//u);
  }, 120_000);
});
