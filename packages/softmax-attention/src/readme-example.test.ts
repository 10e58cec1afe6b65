import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { expectTensorsClose } from '@dl/core/testing';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs the README's quick-start block as written. Its imports of our packages point at the
 * workspace sources (@dl/data is no dependency of this package, and a package cannot import
 * itself by name under vite); its save path points at a temp dir. The module is written under
 * node_modules/ so that it resolves tfjs as the package does, and no tsc run picks it up.
 */
describe('README quick start', () => {
  it('runs: builds a vocabulary, trains, explains, saves and loads the same model', async () => {
    const readme = await readFile(join(packageDir, 'README.md'), 'utf8');
    const block = /## Quick start[^\n]*\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'README.md has a "## Quick start" ts block').toBeDefined();
    const saveDir = join(await mkdtemp(join(tmpdir(), 'dl-readme-')), 'spam-model');
    const lines = block!
      .replaceAll("'@dl/softmax-attention'", JSON.stringify(join(packageDir, 'src/index.ts')))
      .replaceAll("'@dl/data'", JSON.stringify(join(packageDir, '../data/src/index.ts')))
      .replaceAll("'./spam-model'", JSON.stringify(saveDir))
      .split('\n');
    const imports = lines.filter((line) => line.startsWith('import '));
    const body = lines.filter((line) => !line.startsWith('import '));
    const moduleDir = join(packageDir, 'node_modules', '.readme-example');
    const modulePath = join(moduleDir, `quick-start-${process.pid}.ts`);
    await mkdir(moduleDir, { recursive: true });
    await writeFile(modulePath, `${imports.join('\n')}\nexport async function run() {\n${body.join('\n')}\nreturn { model, restored, ids, vocabulary, topAttendedTokens, explainAttention };\n}\n`);
    const log: unknown[] = [];
    const originalLog = console.log;
    console.log = (...args: unknown[]) => void log.push(...args);
    try {
      const { run } = (await import(/* @vite-ignore */ modulePath)) as { run: () => Promise<Record<string, unknown>> };
      const { model, restored, ids } = (await run()) as { model: tf.LayersModel; restored: tf.LayersModel; ids: tf.Tensor2D };
      console.log = originalLog;
      // It learned the four texts, printed words (not ids), and the loaded model predicts the same.
      const predicted = model.predict(ids) as tf.Tensor;
      expect(Array.from(predicted.dataSync(), (p) => Math.round(p))).toEqual([1, 0, 1, 0]);
      const top = log[0] as { token: string; positions: number[] }[];
      expect(top).toHaveLength(3);
      expect(top.every((entry) => typeof entry.token === 'string' && entry.positions.length >= 1)).toBe(true);
      const again = restored.predict(ids) as tf.Tensor;
      expectTensorsClose(again, predicted, { rtol: 0, atol: 0 });
      tf.dispose([predicted, again, ids]);
      model.dispose();
      restored.dispose();
    } finally {
      console.log = originalLog;
      await rm(modulePath, { force: true });
      await rm(dirname(saveDir), { recursive: true, force: true });
    }
  }, 120_000);
});
