import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createReadmeWorkDir, readmeExample, runReadmeExample } from '@dl/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's end-to-end example, run as a user would run it: the ```ts block after the
 * `<!-- readme-test -->` marker, with `@dl/data` resolved to this package's build, in a fresh
 * Node process; its printed result is checked against the definitions (Keras's tokenizer and
 * `pad_sequences`, a per-class split), computed here independently.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let workDir = '';
beforeAll(async () => void (workDir = await createReadmeWorkDir(packageDir)));
afterAll(() => rm(workDir, { recursive: true, force: true }));

interface Printed {
  train: number[];
  test: number[];
  tokens: string[];
  ids: number[][];
  decoded: string[];
}

describe('README example', () => {
  it('runs and prints a per-class split, a training-only vocabulary and Keras-padded ids', async () => {
    const result = await runReadmeExample(await readmeExample({ packageDir }), { cwd: workDir, timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.lastLine) as Printed;

    // The texts and labels, as the README writes them.
    const texts = ['Win cash now!', 'Meeting at noon', 'Cheap cash offer', 'Lunch at noon?', 'Cash prize, win now', 'Notes from the meeting'];
    const spam = [0, 2, 4];
    const words = (text: string): string[] => text.toLowerCase().replace(/[!?,]/gu, ' ').split(/\s+/u).filter(Boolean);

    // Split: every index once; round(3 * 1/3) = 1 test sample per class.
    expect([...printed.train, ...printed.test].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(printed.test.filter((i) => spam.includes(i))).toHaveLength(1);
    expect(printed.test.filter((i) => !spam.includes(i))).toHaveLength(1);

    // Vocabulary: the reserved ids, then exactly the words of the training texts.
    expect(printed.tokens.slice(0, 2)).toEqual(['<pad>', '<unk>']);
    const trainWords = new Set(printed.train.flatMap((i) => words(texts[i] ?? '')));
    expect(new Set(printed.tokens.slice(2))).toEqual(trainWords);

    // Ids: unknown words are 1; rows keep their last 4 ids and are padded with 0 in front.
    const expected = texts.map((text) => {
      const ids = words(text).map((word) => (trainWords.has(word) ? printed.tokens.indexOf(word) : 1));
      const kept = ids.slice(-4);
      return [...Array<number>(4 - kept.length).fill(0), ...kept];
    });
    expect(printed.ids).toEqual(expected);

    // The reloaded vocabulary decodes the first row (padding skipped, unknowns as <unk>).
    expect(printed.decoded).toEqual(words(texts[0] ?? '').map((word) => (trainWords.has(word) ? word : '<unk>')));
  }, 60_000);
});
