import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { questions } from './bank.js';
import { messagesFor } from './cli/messages.js';

/**
 * The README's end-to-end example, run as a user would run it: the ```ts block after the
 * `<!-- readme-test -->` marker, with `@dl/questions` resolved to this package's build, in a
 * fresh Node process (its code needs no files, so it runs from `--input-type=module`).
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const built = join(packageDir, 'dist', 'index.js');

function readmeExample(): string {
  const match = /<!-- readme-test[^>]*-->\s*```ts\n([\s\S]*?)```/u.exec(readme);
  if (match?.[1] === undefined) throw new Error('README.md has no ```ts block after a <!-- readme-test --> marker');
  return match[1];
}

describe('README example', () => {
  it('runs and prints a 3-question rnn quiz of difficulty 2-4, its score and the search hit', () => {
    if (!existsSync(built)) throw new Error(`[@dl/questions] ${built} is missing: run \`pnpm build\` first.`);
    const code = readmeExample().replace(/from '@dl\/questions'/gu, `from '${pathToFileURL(built).href}'`);
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', js], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as {
      ids: string[];
      score: unknown;
      seed: number;
      best: string;
      prompt: string;
    };
    expect(printed.ids).toHaveLength(3);
    expect(new Set(printed.ids).size).toBe(3);
    for (const id of printed.ids) {
      const question = questions.find((q) => q.id === id);
      expect(question?.topic, id).toBe('rnn');
      expect(question?.difficulty, id).toBeGreaterThanOrEqual(2);
      expect(question?.difficulty, id).toBeLessThanOrEqual(4);
    }
    // Two graded, one right: as the example grades them.
    expect(printed.score).toEqual({ correct: 1, answered: 2, total: 3 });
    expect(printed.seed).toBe(42);
    expect(printed.best).toBe('attn-softmax-derivative');
    expect(printed.prompt).toBe(questions.find((q) => q.id === 'attn-softmax-derivative')?.prompt.en);
  }, 60_000);

  it('documents every dl-quiz option that --help lists', () => {
    const help = messagesFor('en').help('0.0.0');
    const options = new Set([...help.matchAll(/^ {2}(?:-[a-z], )?(--[a-z]+)/gmu)].map((m) => m[1]));
    expect(options.size).toBe(11);
    for (const option of options) expect(readme, option).toContain(`\`${option}`);
  });
});
