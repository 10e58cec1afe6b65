import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as errors from '@dl/errors';
import { describe, expect, it } from 'vitest';
import { questions } from './bank.js';
import { makeQuestion } from './fixtures.test.js';
import { ConfigError, createQuiz, DlError, seedErratumUrl } from './index.js';
import { validateQuestion } from './validate.js';
import { repositoryRoot } from './verification-links.test-util.js';

const packageJson = JSON.parse(readFileSync(join(repositoryRoot, 'packages', 'questions', 'package.json'), 'utf8')) as {
  repository: { type: string; url: string; directory: string };
};
const page = readFileSync(join(repositoryRoot, 'docs', 'seed-errata.md'), 'utf8');

/** What `fn` throws; `undefined` when it returns. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('seedErratumUrl', () => {
  it('points at docs/seed-errata.md#erratum-N on the repository that package.json names', () => {
    const repository = packageJson.repository.url.replace(/^git\+/u, '').replace(/\.git$/u, '');
    expect(packageJson.repository.directory).toBe('packages/questions');
    expect(seedErratumUrl(1)).toBe(`${repository}/blob/main/docs/seed-errata.md#erratum-1`);
    expect(seedErratumUrl(33)).toBe(`${repository}/blob/main/docs/seed-errata.md#erratum-33`);
  });

  it('gives, for every erratum the bank cites, an anchor that the page has', () => {
    const cited = [...new Set(questions.flatMap((q) => (q.misconceptions ?? []).flatMap((m) => (m.erratum === undefined ? [] : [m.erratum]))))];
    expect(cited.length).toBeGreaterThan(10);
    for (const erratum of cited) {
      const anchor = new URL(seedErratumUrl(erratum)).hash.slice(1);
      expect(page, `erratum ${erratum}`).toContain(`<a id="${anchor}"></a>`);
    }
  });

  it('accepts exactly the rows the validator accepts for a misconception', () => {
    const rows = Array.from({ length: 41 }, (_, i) => i);
    const validated = rows.filter(
      (erratum) => validateQuestion(makeQuestion({ misconceptions: [{ claim: { zh: '说', en: 'c' }, correction: { zh: '正', en: 'r' }, erratum }] })).length === 0,
    );
    const linked = rows.filter((erratum) => thrown(() => seedErratumUrl(erratum)) === undefined);
    expect(linked).toEqual(validated);
  });

  it('throws a ConfigError naming `erratum` for anything but a row from 1 to 33', () => {
    for (const bad of [0, 34, 1.5, Number.NaN, -1]) {
      const error = thrown(() => seedErratumUrl(bad));
      expect(ConfigError.isInstance(error), String(bad)).toBe(true);
      expect((error as ConfigError).path).toBe('erratum');
      expect((error as ConfigError).message).toMatch(/^\[@dl\/questions\] .*integer from 1 to 33/u);
    }
  });
});

describe('the errors @dl/questions re-exports', () => {
  it('are the classes of @dl/errors (not copies), and catch what the package throws', () => {
    expect(ConfigError).toBe(errors.ConfigError);
    expect(DlError).toBe(errors.DlError);
    const caught = thrown(() => createQuiz({ count: 0 }));
    expect(caught).toBeInstanceOf(ConfigError);
    expect(caught).toBeInstanceOf(DlError);
    expect(DlError.isInstance(caught)).toBe(true);
  });
});
